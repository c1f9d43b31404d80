#include "encodings/prove_by_bounds.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tc0 {
namespace {

// a linear expression as one coefficient per node plus a constant (x' = 1 - x)
struct affine {
  std::map<uint32_t, big_int> coefficient;
  big_int constant = 0;
  void add(linear_expr const& e, big_int const& factor) {
    constant += factor * e.constant;
    for (auto const& t : e.terms) {
      auto const k = factor * t.coefficient;
      if (t.literal.complemented()) constant += k;  // k (1 - x) = k - k x; the constant 1 too
      if (t.literal.index() == 0) continue;
      auto& c = coefficient[t.literal.index()];
      c += t.literal.complemented() ? big_int(-k) : k;
      if (c == 0) coefficient.erase(t.literal.index());
    }
  }
  big_int at(uint32_t node) const {
    auto const it = coefficient.find(node);
    return it == coefficient.end() ? big_int(0) : it->second;
  }
};

// the plain, distinct literals of sum_i x_i with every coefficient `unit`, else empty
std::vector<uint32_t> unit_sum(linear_expr const& e, int unit) {
  std::vector<uint32_t> nodes;
  if (!e.is_linear()) return {};
  for (auto const& t : e.terms) {
    if (t.coefficient != unit || t.literal.complemented() || t.literal.index() == 0) return {};
    nodes.push_back(t.literal.index());
  }
  std::sort(nodes.begin(), nodes.end());
  if (std::adjacent_find(nodes.begin(), nodes.end()) != nodes.end()) return {};
  return nodes;
}

bool exact_linear(spec_clause const& c) {
  return c.kind == clause_kind::value_equals && !c.modulus && c.lhs.is_linear() &&
         c.rhs.is_linear();
}

}  // namespace

bounds_outcome prove_by_bounds(std::vector<linear_spec const*> const& hypotheses,
                               linear_spec const& goal) {
  bounds_outcome out;
  if (goal.preconditions.size() != 1 || !goal.clauses.empty() ||
      !goal.preconditions[0].second.is_linear()) {
    out.note = "not a single linear inequality";
    return out;
  }
  affine e;
  e.add(goal.preconditions[0].second, 1);

  // 1. substitute value(out) = r where e reads value(out) as a whole, each equality once
  std::vector<spec_clause const*> equalities;
  for (auto const* h : hypotheses)
    for (auto const& c : h->clauses)
      if (exact_linear(c) && c.is_binary_value() && !c.out_bits.empty()) equalities.push_back(&c);
  std::vector<bool> used(equalities.size(), false);
  size_t substituted = 0;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < equalities.size(); ++i) {
      if (used[i]) continue;
      auto const& c = *equalities[i];
      // lambda from the first bit that is not the constant 0 (those add nothing to value(out))
      auto const first = std::find_if(c.out_bits.begin(), c.out_bits.end(),
                                      [](signal s) { return s != const_false; });
      if (first == c.out_bits.end()) continue;
      auto const place = pow2(static_cast<unsigned>(first - c.out_bits.begin()));
      big_int const at_first = e.at(first->index());
      if (first->complemented() || at_first == 0 || at_first % place != 0) continue;
      big_int const lambda = at_first / place;
      bool whole = true;
      for (size_t k = 0; k < c.out_bits.size() && whole; ++k)
        whole = c.out_bits[k] == const_false ||
                (!c.out_bits[k].complemented() &&
                 e.at(c.out_bits[k].index()) == lambda * pow2(static_cast<unsigned>(k)));
      if (!whole) continue;
      e.add(c.lhs, -lambda);
      e.add(c.rhs, lambda);
      used[i] = true, changed = true, ++substituted;
    }
  }

  // 2. disjoint groups: exactly one (sum x_i = 1), at most one (1 - sum x_i >= 0)
  std::set<uint32_t> grouped;
  big_int bound = e.constant;
  size_t exactly = 0, at_most = 0;
  auto take = [&](std::vector<uint32_t> const& g, bool exactly_one) {
    if (g.size() < 2 ||
        std::any_of(g.begin(), g.end(), [&](uint32_t n) { return grouped.count(n); }))
      return;
    big_int least = e.at(g[0]);
    for (auto n : g) least = std::min(least, e.at(n));
    bound += exactly_one ? least : std::min(least, big_int(0));
    grouped.insert(g.begin(), g.end());
    ++(exactly_one ? exactly : at_most);
  };
  for (auto const* h : hypotheses)
    for (auto const& c : h->clauses)
      if (exact_linear(c) && c.rhs.terms.empty() && c.rhs.constant == 1 && c.lhs.constant == 0)
        take(unit_sum(c.lhs, 1), true);
  for (auto const* h : hypotheses)
    for (auto const& [name, p] : h->preconditions)
      if (p.constant == 1) take(unit_sum(p, -1), false);
  for (auto const& [node, k] : e.coefficient)
    if (!grouped.count(node) && k < 0) bound += k;

  out.note = "after " + std::to_string(substituted) + " substitution(s), the least value over " +
             "0/1 literals with " + std::to_string(exactly) + " exactly-one and " +
             std::to_string(at_most) + " at-most-one group(s) is " + bound.str();
  out.proved = bound >= 0;
  if (out.proved) out.note = "holds by bounding: " + out.note;
  return out;
}

}  // namespace tc0
