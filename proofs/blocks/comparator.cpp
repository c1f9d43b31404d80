#include "proofs/blocks/comparator.hpp"

#include <stdexcept>

namespace tc0 {

signal create_less_than(circuit& c, std::vector<signal> const& a, std::vector<signal> const& b) {
  if (a.size() != b.size()) throw std::invalid_argument("create_less_than: widths differ");
  auto const m = a.size();
  std::vector<signal> a_greater(m), b_greater(m), terms;
  for (size_t t = 0; t < m; ++t) {
    a_greater[t] = c.create_and({a[t], !b[t]});
    b_greater[t] = c.create_and({!a[t], b[t]});
  }
  for (size_t k = 0; k < m; ++k) {
    std::vector<signal> term{!a[k], b[k]};
    for (size_t t = k + 1; t < m; ++t) term.push_back(!a_greater[t]), term.push_back(!b_greater[t]);
    terms.push_back(c.create_and(std::move(term)));
  }
  return c.create_or(std::move(terms));
}

signal create_at_least_constant(circuit& c, std::vector<signal> const& bits, big_int const& t) {
  auto const w = static_cast<unsigned>(bits.size());
  if (t <= 0) return const_true;
  if (t >= pow2(w)) return const_false;
  // agree[i]: bit i equals t's bit i
  std::vector<signal> agree;
  for (unsigned i = 0; i < w; ++i)
    agree.push_back(boost::multiprecision::bit_test(t, i) ? bits[i] : !bits[i]);
  std::vector<signal> terms{c.create_and(agree)};  // equal
  for (unsigned j = 0; j < w; ++j) {
    if (boost::multiprecision::bit_test(t, j)) continue;
    std::vector<signal> term{bits[j]};
    term.insert(term.end(), agree.begin() + j + 1, agree.end());
    terms.push_back(c.create_and(std::move(term)));
  }
  return c.create_or(std::move(terms));
}

std::vector<signal> constant_bits(big_int const& value, unsigned width) {
  std::vector<signal> bits;
  for (unsigned k = 0; k < width; ++k)
    bits.push_back(boost::multiprecision::bit_test(value, k) ? const_true : const_false);
  return bits;
}

}  // namespace tc0
