#include "proofs/steps/permutation_invariance.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace tc0 {
namespace {

// The spec as sorted canonical texts, one per precondition and per clause.
std::vector<std::string> spec_texts(linear_spec const& s) {
  std::vector<std::string> texts;
  for (auto const& [name, e] : s.preconditions) texts.push_back("pre " + canonical_key(e));
  for (auto const& c : s.clauses) texts.push_back(canonical_key(c));
  std::sort(texts.begin(), texts.end());
  return texts;
}

linear_spec permuted(linear_spec const& s, std::vector<std::vector<signal>> const& operands,
                     std::vector<size_t> const& to) {
  std::map<uint32_t, signal> map;
  for (size_t i = 0; i < operands.size(); ++i)
    for (size_t b = 0; b < operands[i].size(); ++b)
      map[operands[i][b].index()] = operands[to[i]][b] ^ operands[i][b].complemented();
  auto f = [&](signal x) {
    auto const it = map.find(x.index());
    return it == map.end() ? x : it->second ^ x.complemented();
  };
  linear_spec r;
  for (auto const& [name, e] : s.preconditions) r.require(name, e.map_literals(f));
  for (auto const& c : s.clauses) r.clauses.push_back(c.map_literals(f));
  return r;
}

}  // namespace

std::optional<std::string> spec_permutation_difference(
    linear_spec const& spec, std::vector<std::vector<signal>> const& operands) {
  auto const n = operands.size();
  for (auto const& x : operands)
    if (x.size() != operands.front().size())
      throw std::invalid_argument("permutation invariance: operands of different widths");
  if (n < 2) return std::nullopt;
  std::vector<size_t> swap(n), rotate(n);
  for (size_t i = 0; i < n; ++i) swap[i] = i, rotate[i] = (i + 1) % n;
  std::swap(swap[0], swap[1]);
  auto const original = spec_texts(spec);
  if (spec_texts(permuted(spec, operands, swap)) != original)
    return "the specification changes when the first two operands are swapped";
  if (spec_texts(permuted(spec, operands, rotate)) != original)
    return "the specification changes when the operands are rotated by one";
  return std::nullopt;
}

void add_permutation_invariance(construction& k, linear_spec const& lemma_spec,
                                std::vector<std::vector<signal>> const& operands) {
  composition_step step{.name = "permutation_invariance"};
  step.theorem =
      "the specification is unchanged by swapping the first two operands and by rotating them "
      "(canonical texts compared), these generate every permutation, and the circuit meets the "
      "specification (the other obligations), so its output is invariant under every "
      "permutation of the operands";
  step.check = [lemma_spec, operands]() -> std::optional<certified_failure> {
    if (auto d = spec_permutation_difference(lemma_spec, operands))
      return certified_failure{*d, std::nullopt};
    return std::nullopt;
  };
  k.composition.push_back(std::move(step));
}

}  // namespace tc0
