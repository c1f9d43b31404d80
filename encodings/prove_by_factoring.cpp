#include "encodings/prove_by_factoring.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <set>

#include "core/extract.hpp"
#include "encodings/prove_by_enumeration.hpp"

namespace tc0 {
namespace {

struct by_raw {
  bool operator()(signal a, signal b) const { return a.raw() < b.raw(); }
};
using literal_set = std::vector<signal>;  // sorted by_raw

bool is_plain_gate(circuit const& c, signal s, gate_kind k) {
  return !s.complemented() && s.index() != 0 && c.kind(s.index()) == k;
}

// a term as the literals it is the AND of
literal_set literals_of(circuit const& c, signal term) {
  literal_set s{term};
  if (is_plain_gate(c, term, gate_kind::and_)) {
    auto const f = c.fanins(term.index());
    s.assign(f.begin(), f.end());
  }
  std::sort(s.begin(), s.end(), by_raw{});
  return s;
}

// a node as the terms it is the OR of
std::vector<signal> terms_of(circuit const& c, uint32_t node) {
  if (c.kind(node) != gate_kind::or_) return {signal{node, false}};
  auto const f = c.fanins(node);
  return {f.begin(), f.end()};
}

struct factoring {
  uint32_t o = 0, cut = 0;
  literal_set x;                    // o = OR(other_terms) OR (AND(x) AND cut)
  std::vector<signal> other_terms;  // o's terms that are not some term of cut plus x
  size_t matched = 0;               // cut's terms
};

std::optional<factoring> factor(circuit const& c, uint32_t o, uint32_t cut) {
  auto const big = terms_of(c, o), small = terms_of(c, cut);
  std::vector<literal_set> big_sets;
  for (auto t : big) big_sets.push_back(literals_of(c, t));
  std::set<literal_set, decltype([](literal_set const& a, literal_set const& b) {
             return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), by_raw{});
           })>
      terms(big_sets.begin(), big_sets.end());
  auto const first = literals_of(c, small.front());
  for (auto const& t : big_sets) {
    if (!std::includes(t.begin(), t.end(), first.begin(), first.end(), by_raw{})) continue;
    factoring f{o, cut, {}, {}, small.size()};
    std::set_difference(t.begin(), t.end(), first.begin(), first.end(), std::back_inserter(f.x),
                        by_raw{});
    auto matched = decltype(terms){};
    bool all = true;
    for (auto s : small) {
      auto const lits = literals_of(c, s);
      literal_set u;
      std::set_union(lits.begin(), lits.end(), f.x.begin(), f.x.end(), std::back_inserter(u),
                     by_raw{});
      if (!terms.count(u)) {
        all = false;
        break;
      }
      matched.insert(std::move(u));
    }
    if (!all) continue;
    for (size_t i = 0; i < big.size(); ++i)
      if (!matched.count(big_sets[i])) f.other_terms.push_back(big[i]);
    return f;
  }
  return std::nullopt;
}

}  // namespace

std::optional<query_outcome> prove_by_factoring(circuit const& c, linear_spec const& spec,
                                                size_t clause) {
  auto const start = std::chrono::steady_clock::now();
  auto const& cl = spec.clauses.at(clause);
  std::vector<uint32_t> nodes;
  auto add = [&](signal s) {
    if (s.index() != 0 && std::find(nodes.begin(), nodes.end(), s.index()) == nodes.end())
      nodes.push_back(s.index());
  };
  for (auto s : cl.out_bits) add(s);
  cl.for_each_expr([&](linear_expr const& e) { e.for_each_literal(add); });

  // o an OR of at least two terms, cut a gate; the factoring that takes most of o's terms away
  std::optional<factoring> best;
  for (auto o : nodes) {
    if (c.kind(o) != gate_kind::or_) continue;
    for (auto cut : nodes)
      if (cut != o && info(c.kind(cut)).is_gate)
        if (auto f = factor(c, o, cut); f && (!best || f->matched > best->matched))
          best = std::move(f);
  }
  if (!best) return std::nullopt;

  // the residual: the clause's other nodes, x and o's other terms, with the cut free
  std::vector<uint32_t> roots;
  for (auto n : nodes)
    if (n != best->o) roots.push_back(n);
  for (auto s : best->x) roots.push_back(s.index());
  for (auto s : best->other_terms) roots.push_back(s.index());
  std::erase(roots, 0u);
  auto r = extract_cone(c, roots, {best->cut});
  if (r.node_map[best->o]) return std::nullopt;  // o feeds another node of the clause
  auto mapped = [&](signal s) { return *r.node_map[s.index()] ^ s.complemented(); };
  std::vector<signal> product{mapped(signal{best->cut, false})};
  for (auto s : best->x) product.push_back(mapped(s));
  std::vector<signal> terms{r.c.create_and(std::move(product))};
  for (auto s : best->other_terms) terms.push_back(mapped(s));
  r.node_map.set(best->o, r.c.create_or(std::move(terms)));

  // the clause, and the preconditions over the residual's nodes (dropping one only widens it)
  linear_spec local{spec.description, {}, {cl}};
  for (auto const& [name, e] : spec.preconditions) {
    bool inside = true;
    e.for_each_literal([&](signal s) { inside = inside && r.node_map[s.index()].has_value(); });
    if (inside) local.preconditions.emplace_back(name, e);
  }
  auto const residual = remap(local, r.node_map);
  auto const checked = prove_by_enumeration(r.c, residual, {0});
  if (!checked || checked->result != verdict::proved) return std::nullopt;

  query_outcome out;
  out.result = verdict::proved;
  out.factored_clauses = 1;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.note = "node " + std::to_string(best->o) + " = OR of " +
             std::to_string(best->other_terms.size()) + " term(s) OR (AND of " +
             std::to_string(best->x.size()) + " literal(s) AND node " + std::to_string(best->cut) +
             "), checked term by term; then every pattern of the residual's " +
             std::to_string(r.c.input_nodes().size()) + " inputs, node " +
             std::to_string(best->cut) + " free";
  return out;
}

}  // namespace tc0
