#include "encodings/prove_by_rewriting.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
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

// Coefficients reduced to [0, M) (M > 0; none: exact); zero coefficients dropped.
void reduce(polynomial& d, std::optional<big_int> const& M) {
  for (auto it = d.terms.begin(); it != d.terms.end();) {
    if (M) {
      it->second %= *M;
      if (it->second < 0) it->second += *M;
    }
    it = it->second == 0 ? d.terms.erase(it) : std::next(it);
  }
}

bool mentions(monomial const& m, uint32_t n) {
  return std::binary_search(m.begin(), m.end(), n);
}

// o = e everywhere: every monomial o m' becomes e m'.
void substitute(polynomial& d, uint32_t n, polynomial const& e) {
  polynomial replaced;
  for (auto it = d.terms.begin(); it != d.terms.end();) {
    if (!mentions(it->first, n)) {
      ++it;
      continue;
    }
    polynomial rest;
    monomial others;
    for (auto x : it->first)
      if (x != n) others.push_back(x);
    rest.terms.emplace(std::move(others), it->second);
    replaced.add(rest.times(e, max_terms));
    it = d.terms.erase(it);
  }
  d.add(replaced);
}

// One rewriting step on node n, bit k of rule r; false when it cannot be applied.
bool rewrite(polynomial& d, uint32_t n, size_t k, rule const& r) {
  if (r.out.size() == 1 && !r.modulus) {
    substitute(d, n, r.e);
    return true;
  }
  // lambda (value(out) - e), lambda 2^k = the coefficient of n: only for n alone (degree 1)
  for (auto const& [m, c] : d.terms)
    if (m.size() > 1 && mentions(m, n)) return false;
  auto const it = d.terms.find(monomial{n});
  if (it == d.terms.end()) return false;
  big_int const weight = pow2(static_cast<unsigned>(k));
  if (it->second % weight != 0) return false;
  big_int const lambda = it->second / weight;
  polynomial difference = polynomial_of(linear_expr::value_of(r.out), max_terms);
  difference.add(r.e, -1);
  d.add(difference, -lambda);
  return true;
}

std::optional<std::string> prove_clause(
    std::vector<rule> const& rules, std::map<uint32_t, std::pair<size_t, size_t>> const& defines,
    spec_clause const& goal, std::optional<std::chrono::steady_clock::time_point> deadline) {
  auto const& M = goal.modulus;  // none: an exact equation
  polynomial d = polynomial_of(goal.lhs, max_terms);
  d.add(polynomial_of(goal.rhs, max_terms), -1);
  reduce(d, M);
  // Each step removes the latest rewritable node or fails; the node count bounds the work.
  size_t const max_steps = 4 * defines.size() + 16;
  for (size_t step = 0; step < max_steps && !d.terms.empty(); ++step) {
    if (deadline && std::chrono::steady_clock::now() > *deadline)
      return "stopped at the time limit after " + std::to_string(step) + " steps";
    std::optional<uint32_t> latest;
    for (auto const& [m, c] : d.terms)
      for (auto x : m)
        if (defines.count(x) && (!latest || x > *latest)) latest = x;
    if (!latest) break;
    auto const [r, k] = defines.at(*latest);
    if (rules[r].modulus && (!M || *rules[r].modulus % *M != 0))
      return M ? "a hypothesis modulo a non-multiple" : "a hypothesis modulo, for an exact goal";
    if (!rewrite(d, *latest, k, rules[r]))
      return "node " + std::to_string(*latest) + " occurs where its clause cannot rewrite it";
    reduce(d, M);
  }
  if (!d.terms.empty())
    return std::to_string(d.terms.size()) + " monomial(s) remain after rewriting";
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
