#include "proofs/engine/structure.hpp"

#include <unordered_set>

#include "core/extract.hpp"

namespace tc0 {

std::optional<std::string> structural_violation(construction const& k) {
  auto const& c = k.c;
  auto const& stages = c.stages();
  // a construction without gates (its outputs are inputs or constants: RoPE's rotation with the
  // angles hard-wired) has nothing to stage; one with gates must name its stages
  bool const has_gates = c.num_nodes() > 1 + c.input_nodes().size();
  if (stages.size() < 2 && has_gates) return "the construction has no named stages";
  if (k.stage_specs.size() != stages.size() - 1)
    return std::to_string(stages.size() - 1) + " stages but " +
           std::to_string(k.stage_specs.size()) + " stage specifications";
  for (uint32_t n = 0; n < c.num_nodes(); ++n)
    if (info(c.kind(n)).is_gate && c.stage_of(n) == 0)
      return "gate " + std::to_string(n) + " belongs to no stage";

  std::unordered_set<uint32_t> available;  // nodes a later stage may read
  available.insert(0);
  for (auto n : c.input_nodes()) available.insert(n);
  for (uint32_t s = 1; s < stages.size(); ++s) {
    for (auto const& b : stages[s].inputs)
      for (size_t i = 0; i < b.bits.size(); ++i)
        if (!available.count(b.bits[i].index()))
          return "stage '" + stages[s].name + "' declares input " + b.name + "[" +
                 std::to_string(i) +
                 "], which is neither a primary input nor an output of an earlier stage";
    try {
      extract_stage(c, s);  // throws when a gate reads outside the stage and its inputs
    } catch (structural_error const& e) {
      return std::string(e.what());
    }
    // The specification may speak of the stage's declared inputs and outputs only: a gate
    // inside the stage is a free variable to every implication that uses the specification.
    std::unordered_set<uint32_t> interface { 0 };
    for (auto const* buses : {&stages[s].inputs, &stages[s].outputs})
      for (auto const& b : *buses)
        for (auto bit : b.bits) interface.insert(bit.index());
    auto const& spec = k.stage_specs[s - 1];
    std::optional<uint32_t> inner;
    auto look = [&](linear_expr const& e) {
      e.for_each_literal([&](signal x) {
        if (!interface.count(x.index()) && !inner) inner = x.index();
      });
    };
    for (auto const& [name, e] : spec.preconditions) look(e);
    for (auto const& cl : spec.clauses) {
      cl.for_each_expr(look);
      for (auto bit : cl.out_bits)
        if (!interface.count(bit.index()) && !inner) inner = bit.index();
    }
    if (inner)
      return "stage '" + stages[s].name + "': its specification mentions node " +
             std::to_string(*inner) +
             ", which is neither a declared input nor an output of the stage";
    // A stage output that no clause of the stage's specification speaks about would be
    // "proved" without being checked at all.
    std::unordered_set<uint32_t> specified;
    for (auto const& cl : k.stage_specs[s - 1].clauses)
      for (auto bit : cl.out_bits) specified.insert(bit.index());
    for (auto const& b : stages[s].outputs)
      for (size_t i = 0; i < b.bits.size(); ++i) {
        auto const n = b.bits[i].index();
        if (n != 0 && c.stage_of(n) == s && !specified.count(n))
          return "stage '" + stages[s].name + "': output " + b.name + "[" + std::to_string(i) +
                 "] is not constrained by any clause of the stage's specification";
        available.insert(n);
      }
  }
  for (auto const& b : c.output_buses())
    for (size_t i = 0; i < b.bits.size(); ++i)
      if (!available.count(b.bits[i].index()))
        return "output " + b.name + "[" + std::to_string(i) + "] is not an output of any stage";
  return std::nullopt;
}

}  // namespace tc0
