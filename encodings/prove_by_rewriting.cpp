#include "encodings/prove_by_rewriting.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "core/polynomial.hpp"

namespace tc0 {
namespace {

constexpr size_t max_terms = 1u << 18;

// A hypothesis usable for rewriting: value(out) = e, exactly or modulo `modulus`.
struct rule {
  std::vector<signal> out;
  polynomial e;
  std::optional<big_int> modulus;
};

// D = lhs - rhs during rewriting: a normal-form polynomial with its coefficients kept in
// [0, M) (M > 0; none: exact) and an index from every node that a hypothesis defines to the
// monomials that mention it, so that finding the latest such node and the monomials to rewrite
// costs a lookup, not a scan of D (which grows to thousands of monomials: int.div's CRT sum).
class difference {
 public:
  difference(std::map<uint32_t, std::pair<size_t, size_t>> const& defines,
             std::optional<big_int> const& M)
      : defines_(defines), M_(M) {}

  bool empty() const { return terms_.empty(); }
  size_t size() const { return terms_.size(); }

  void add(monomial const& m, big_int c) {
    if (M_) {
      c %= *M_;
      if (c < 0) c += *M_;
    }
    if (c == 0) return;
    auto [it, inserted] = terms_.emplace(m, c);
    if (inserted) {
      if (terms_.size() > max_terms)
        throw std::length_error("rewriting exceeds " + std::to_string(max_terms) + " monomials");
      for (auto x : it->first)
        if (defines_.count(x)) by_node_[x].insert(&it->first);
      return;
    }
    it->second += c;
    if (M_ && it->second >= *M_) it->second -= *M_;
    if (it->second == 0) erase(it);
  }

  void add(polynomial const& p, big_int const& factor) {
    for (auto const& [m, c] : p.terms) add(m, c * factor);
  }

  // The highest-indexed node that a hypothesis defines and D mentions.
  std::optional<uint32_t> latest() const {
    if (by_node_.empty()) return std::nullopt;
    return by_node_.rbegin()->first;
  }

  // The monomials that mention n, removed from D, with their coefficients.
  std::vector<std::pair<monomial, big_int>> take(uint32_t n) {
    std::vector<std::pair<monomial, big_int>> taken;
    auto const found = by_node_.find(n);
    if (found == by_node_.end()) return taken;
    std::vector<monomial const*> const keys(found->second.begin(), found->second.end());
    for (auto const* k : keys) {
      auto const it = terms_.find(*k);
      taken.emplace_back(it->first, it->second);
      erase(it);
    }
    return taken;
  }

  // n occurs only alone (in the monomial {n}): its coefficient, else none.
  std::optional<big_int> coefficient_of_only(uint32_t n) const {
    auto const found = by_node_.find(n);
    if (found == by_node_.end() || found->second.size() != 1) return std::nullopt;
    auto const& m = **found->second.begin();
    if (m.size() != 1) return std::nullopt;
    return terms_.at(m);
  }

 private:
  void erase(std::map<monomial, big_int>::iterator it) {
    for (auto x : it->first) {
      auto const found = by_node_.find(x);
      if (found == by_node_.end()) continue;
      found->second.erase(&it->first);
      if (found->second.empty()) by_node_.erase(found);
    }
    terms_.erase(it);
  }

  std::map<uint32_t, std::pair<size_t, size_t>> const& defines_;
  std::optional<big_int> M_;
  std::map<monomial, big_int> terms_;                      // no zero coefficients
  std::map<uint32_t, std::set<monomial const*>> by_node_;  // only defined nodes, never empty
};

// o = e everywhere: every monomial o m' becomes e m'.
void substitute(difference& d, uint32_t n, polynomial const& e) {
  for (auto const& [m, c] : d.take(n)) {
    polynomial rest;
    monomial others;
    for (auto x : m)
      if (x != n) others.push_back(x);
    rest.terms.emplace(std::move(others), c);
    d.add(rest.times(e, max_terms), 1);
  }
}

// One rewriting step on node n, bit k of rule r; false when it cannot be applied.
bool rewrite(difference& d, uint32_t n, size_t k, rule const& r) {
  if (r.out.size() == 1 && !r.modulus) {
    substitute(d, n, r.e);
    return true;
  }
  // lambda (value(out) - e), lambda 2^k = the coefficient of n: only for n alone (degree 1)
  auto const c = d.coefficient_of_only(n);
  if (!c) return false;
  big_int const weight = pow2(static_cast<unsigned>(k));
  if (*c % weight != 0) return false;
  big_int const lambda = *c / weight;
  d.add(polynomial_of(linear_expr::value_of(r.out), max_terms), -lambda);
  d.add(r.e, lambda);
  return true;
}

std::optional<std::string> prove_clause(
    std::vector<rule> const& rules, std::map<uint32_t, std::pair<size_t, size_t>> const& defines,
    spec_clause const& goal, std::optional<std::chrono::steady_clock::time_point> deadline) {
  auto const& M = goal.modulus;  // none: an exact equation
  difference d(defines, M);
  d.add(polynomial_of(goal.lhs, max_terms), 1);
  d.add(polynomial_of(goal.rhs, max_terms), -1);
  // Each step removes the latest rewritable node or fails; the node count bounds the work.
  size_t const max_steps = 4 * defines.size() + 16;
  for (size_t step = 0; step < max_steps && !d.empty(); ++step) {
    if (deadline && std::chrono::steady_clock::now() > *deadline)
      return "stopped at the time limit after " + std::to_string(step) + " steps";
    auto const latest = d.latest();
    if (!latest) break;
    auto const [r, k] = defines.at(*latest);
    if (rules[r].modulus && (!M || *rules[r].modulus % *M != 0))
      return M ? "a hypothesis modulo a non-multiple" : "a hypothesis modulo, for an exact goal";
    if (!rewrite(d, *latest, k, rules[r]))
      return "node " + std::to_string(*latest) + " occurs where its clause cannot rewrite it";
  }
  if (!d.empty()) return std::to_string(d.size()) + " monomial(s) remain after rewriting";
  return std::nullopt;
}

}  // namespace

rewriting_outcome prove_by_rewriting(std::vector<linear_spec const*> const& hypotheses,
                                     linear_spec const& goal, double max_seconds) {
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (max_seconds > 0)
    deadline = std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(max_seconds));
  if (!goal.preconditions.empty() || goal.clauses.empty())
    return {false, "goal has preconditions to prove"};
  for (auto const& c : goal.clauses)
    if (c.kind != clause_kind::value_equals ||
        (c.modulus && (*c.modulus <= 0 || c.lhs.max_value() >= *c.modulus)))
      return {false, "not an equation, nor a congruence with its left side below the modulus"};
  std::vector<rule> rules;
  std::map<uint32_t, std::pair<size_t, size_t>> defines;  // node -> (rule, bit position)
  try {
    for (auto const* h : hypotheses)
      for (auto const& c : h->clauses) {
        if (c.kind != clause_kind::value_equals || !c.is_binary_value()) continue;
        bool plain = true;
        for (auto s : c.out_bits) plain = plain && !s.complemented() && s.index() != 0;
        if (!plain) continue;
        rules.push_back({c.out_bits, polynomial_of(c.rhs, max_terms), c.modulus});
        for (size_t k = 0; k < c.out_bits.size(); ++k)
          defines.emplace(c.out_bits[k].index(), std::make_pair(rules.size() - 1, k));
      }
    for (auto const& c : goal.clauses)
      if (auto why = prove_clause(rules, defines, c, deadline))
        return {false, "clause " + c.name + ": " + *why};
  } catch (std::domain_error const& e) {
    return {false, e.what()};
  } catch (std::length_error const& e) {
    return {false, e.what()};
  }
  std::string how;  // "exactly" and every modulus, in clause order, each once
  for (auto const& c : goal.clauses) {
    auto const part = c.modulus ? "modulo " + c.modulus->str() : std::string("exactly");
    if (how.find(part) == std::string::npos) how += (how.empty() ? "" : ", ") + part;
  }
  return {true, "holds by rewriting with the hypotheses' equalities and normalising " + how};
}

}  // namespace tc0
