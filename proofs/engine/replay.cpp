#include "proofs/engine/replay.hpp"

#include <stdexcept>

#include "core/check_by_simulation.hpp"
#include "core/circuit_file.hpp"
#include "core/extract.hpp"

namespace tc0 {
namespace {

replay_outcome run(circuit const& c, linear_spec const& spec, std::vector<bool> const& inputs) {
  if (inputs.size() != c.input_nodes().size())
    throw std::invalid_argument("the counterexample has " + std::to_string(inputs.size()) +
                                " input bits, the circuit " +
                                std::to_string(c.input_nodes().size()));
  auto const values = simulate_pattern(c, inputs);
  replay_outcome r;
  if (!preconditions_hold(spec, values)) return r;  // outside the specification's domain
  for (auto const& cl : spec.clauses) {
    if (holds(cl, values)) continue;
    auto const e = expected_value(cl, values);
    return {true, cl.name, e ? e->str() : "none", actual_value(cl, values).str()};
  }
  return r;
}

}  // namespace

replay_outcome replay(counterexample const& cx, lemma const& l) {
  if (l.name != cx.lemma)
    throw std::invalid_argument("the counterexample is of " + cx.lemma + ", not " + l.name);
  l.validate(cx.params);
  if (cx.source != "construction") {
    auto const c = read_circuit_file(cx.source);
    check_interface(l, cx.params, c);
    return run(c, l.specification(c, cx.params), cx.input_bits);
  }
  auto const k = l.build(cx.params);
  if (cx.stage.empty()) return run(k.c, l.specification(k.c, cx.params), cx.input_bits);
  for (uint32_t s = 1; s < k.c.stages().size(); ++s) {
    if (k.c.stages()[s].name != cx.stage) continue;
    auto const x = extract_stage(k.c, s);
    return run(x.c, remap(k.stage_specs[s - 1], x.node_map), cx.input_bits);
  }
  throw std::invalid_argument("the construction of " + cx.lemma + " has no stage '" + cx.stage +
                              "'");
}

}  // namespace tc0
