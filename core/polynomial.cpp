#include "core/polynomial.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>

#include "core/linear_spec.hpp"

namespace tc0 {
namespace {

void accumulate(std::map<monomial, big_int>& terms, monomial const& m, big_int const& c) {
  if (c == 0) return;
  auto [it, inserted] = terms.emplace(m, c);
  if (inserted) return;
  it->second += c;
  if (it->second == 0) terms.erase(it);
}

}  // namespace

polynomial polynomial::constant(big_int const& c) {
  polynomial p;
  accumulate(p.terms, {}, c);
  return p;
}

polynomial polynomial::literal(signal s) {
  if (s.index() == 0) return constant(s.complemented() ? 1 : 0);
  polynomial p;
  if (s.complemented()) accumulate(p.terms, {}, 1);
  accumulate(p.terms, {s.index()}, s.complemented() ? -1 : 1);
  return p;
}

polynomial& polynomial::add(polynomial const& other, big_int const& factor) {
  for (auto const& [m, c] : other.terms) accumulate(terms, m, c * factor);
  return *this;
}

polynomial polynomial::times(polynomial const& other, size_t max_terms) const {
  polynomial r;
  monomial merged;
  for (auto const& [ma, ca] : terms)
    for (auto const& [mb, cb] : other.terms) {
      merged.clear();
      // x * x = x: the union of the two variable sets
      std::set_union(ma.begin(), ma.end(), mb.begin(), mb.end(), std::back_inserter(merged));
      accumulate(r.terms, merged, ca * cb);
      if (r.terms.size() > max_terms)
        throw std::length_error("polynomial normal form exceeds " + std::to_string(max_terms) +
                                " monomials");
    }
  return r;
}

unsigned polynomial::degree() const {
  size_t d = 0;
  for (auto const& [m, c] : terms) d = std::max(d, m.size());
  return static_cast<unsigned>(d);
}

polynomial polynomial_of(linear_expr const& e, size_t max_terms) {
  if (!e.shifts.empty()) throw std::domain_error("a shifted term (m 2^u) has no polynomial form");
  auto poly = polynomial::constant(e.constant);
  for (auto const& t : e.terms) poly.add(polynomial::literal(t.literal), t.coefficient);
  for (auto const& p : e.products) {
    auto prod = polynomial::constant(p.coefficient);
    for (auto const& f : p.factors) prod = prod.times(polynomial_of(f, max_terms), max_terms);
    poly.add(prod);
  }
  return poly;
}

}  // namespace tc0
