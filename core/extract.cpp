#include "core/extract.hpp"

#include <algorithm>

namespace tc0 {

std::optional<signal> const node_mapping::operator[](uint32_t node) const {
  if (node >= first_) {
    if (node - first_ < dense_.size()) return dense_[node - first_];
    return std::nullopt;
  }
  auto const it = sparse_.find(node);
  if (it == sparse_.end()) return std::nullopt;
  return it->second;
}

void node_mapping::set(uint32_t node, signal s) {
  if (node >= first_) {
    dense_.at(node - first_) = s;
    return;
  }
  sparse_.insert_or_assign(node, s);
}

extracted_stage extract_stage(circuit const& original, uint32_t stage) {
  auto const& st = original.stages().at(stage);
  extracted_stage x;
  // the stage's gates lie in its node range and its inputs before it: nothing later is mapped,
  // and only the range is scanned (a layer has thousands of stages over a million nodes)
  bool const ranged = stage != 0 && st.end_node != 0;
  uint32_t const first = ranged ? st.first_node : 0;
  uint32_t const end = ranged ? st.end_node : original.num_nodes();
  // the constant node stays below the dense range (node 0 is never a stage's gate)
  x.node_map = node_mapping{std::max<uint32_t>(first, 1), std::max<uint32_t>(end, 1)};
  x.node_map.set(0, const_false);
  // A stage may read one bus twice (a block squaring x reads x as both operands) or name an
  // output like an input: the copy's buses get distinct names (primes appended), which no
  // specification depends on (they name signals, not buses).
  auto unique = [&](std::string name) {
    while (x.c.find_input_bus(name) || x.c.find_output_bus(name)) name += "'";
    return name;
  };
  // Each distinct input node gets the first bus position that carries it; a repeated or
  // constant position stays an unconnected input of the copy.
  for (auto const& b : st.inputs) {
    auto const& in = x.c.create_input_bus(unique(b.name), static_cast<unsigned>(b.bits.size()));
    for (size_t i = 0; i < b.bits.size(); ++i) {
      auto const s = b.bits[i];
      if (s.index() >= end) continue;  // a later node: reading it is refused below
      if (!x.node_map[s.index()]) x.node_map.set(s.index(), in.bits[i] ^ s.complemented());
    }
  }
  auto mapped = [&](signal s, uint32_t user) {
    auto const m = x.node_map[s.index()];
    if (!m)
      throw structural_error("stage '" + st.name + "': gate " + std::to_string(user) +
                             " reads node " + std::to_string(s.index()) +
                             ", which is neither a gate of the stage nor a declared input");
    return *m ^ s.complemented();
  };
  for (uint32_t n = first; n < end; ++n) {
    if (original.stage_of(n) != stage || !info(original.kind(n)).is_gate) continue;
    std::vector<signal> fanins;
    std::vector<big_int> weights;
    auto const f = original.fanins(n);
    for (uint32_t i = 0; i < f.size(); ++i) {
      fanins.push_back(mapped(f[i], n));
      weights.push_back(original.weight(n, i));
    }
    x.node_map.set(
        n, x.c.create_threshold(std::move(fanins), std::move(weights), original.threshold(n)));
  }
  for (auto const& b : st.outputs) {
    std::vector<signal> bits;
    for (auto s : b.bits) bits.push_back(mapped(s, 0));
    x.c.add_output_bus(unique(b.name), std::move(bits));
  }
  return x;
}

extracted_stage extract_cone(circuit const& original, std::vector<uint32_t> const& roots,
                             std::vector<uint32_t> const& cuts) {
  std::vector<bool> in_cone(original.num_nodes(), false), cut(original.num_nodes(), false);
  for (auto r : roots) in_cone.at(r) = true;
  for (auto n : cuts) cut.at(n) = n != 0;
  for (uint32_t n = original.num_nodes(); n-- > 1;)
    if (in_cone[n] && !cut[n] && info(original.kind(n)).is_gate)
      for (auto f : original.fanins(n)) in_cone[f.index()] = true;
  extracted_stage x;
  x.node_map = node_mapping{1, std::max<uint32_t>(original.num_nodes(), 1)};
  x.node_map.set(0, const_false);
  std::vector<uint32_t> support;
  for (auto n : original.input_nodes())
    if (in_cone[n]) support.push_back(n);
  for (uint32_t n = 1; n < original.num_nodes(); ++n)
    if (in_cone[n] && cut[n] && original.kind(n) != gate_kind::input) support.push_back(n);
  std::sort(support.begin(), support.end());
  auto const& in = x.c.create_input_bus("support", static_cast<unsigned>(support.size()));
  for (size_t i = 0; i < support.size(); ++i) x.node_map.set(support[i], in.bits[i]);
  for (uint32_t n = 1; n < original.num_nodes(); ++n) {
    if (!in_cone[n] || cut[n] || !info(original.kind(n)).is_gate) continue;
    std::vector<signal> fanins;
    std::vector<big_int> weights;
    auto const f = original.fanins(n);
    for (uint32_t i = 0; i < f.size(); ++i) {
      fanins.push_back(*x.node_map[f[i].index()] ^ f[i].complemented());
      weights.push_back(original.weight(n, i));
    }
    x.node_map.set(
        n, x.c.create_threshold(std::move(fanins), std::move(weights), original.threshold(n)));
  }
  return x;
}

linear_spec remap(linear_spec const& spec, node_mapping const& node_map) {
  auto map = [&](signal s) {
    if (!node_map[s.index()])
      throw structural_error("specification refers to node " + std::to_string(s.index()) +
                             ", which is not part of the extracted stage");
    return *node_map[s.index()] ^ s.complemented();
  };
  auto map_expr = [&](linear_expr const& e) { return e.map_literals(map); };
  linear_spec r;
  r.description = spec.description;
  r.finite_domain_solver = spec.finite_domain_solver;
  for (auto const& [name, e] : spec.preconditions) r.require(name, map_expr(e));
  for (auto const& c : spec.clauses) r.clauses.push_back(c.map_literals(map));
  // a hint over nodes the copy does not have is dropped (hints only guide enumeration)
  for (auto const& f : spec.linear_forms) {
    bool mapped = true;
    f.for_each_literal([&](signal s) { mapped = mapped && node_map[s.index()].has_value(); });
    if (mapped) r.linear_forms.push_back(map_expr(f));
  }
  return r;
}

}  // namespace tc0
