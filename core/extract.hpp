// A stage of a circuit, or the cone of some nodes, as a circuit of its own (SPEC §4, stage
// obligations).
//
// The stage's declared input buses become free input buses of the copy, so proving the copy
// against the stage's specification proves the stage for every value of its inputs (subject to
// the stage's precondition), whatever the earlier stages compute. Extraction refuses a stage
// whose gates read a signal that is neither one of its gates nor a declared input: that stage
// would not be "the stages wired together" (the structural obligation reports the same thing).
#pragma once

#include <optional>
#include <stdexcept>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

struct structural_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct extracted_stage {
  circuit c;
  // node of the original -> signal of the copy; extract_stage's covers the nodes up to the stage's
  // last (no later node is in the stage)
  std::vector<std::optional<signal>> node_map;
};

extracted_stage extract_stage(circuit const& original, uint32_t stage);

// The transitive fan-in of `roots` as a circuit of its own: one input bus "support" holding the
// original input nodes the cone reaches, in increasing node order; the cone's gates copied.
// Nodes listed in `cuts` are not descended into: where the cone reaches one, it becomes an input
// of the copy as well (in the same bus, in node order), free to take any value.
extracted_stage extract_cone(circuit const& original, std::vector<uint32_t> const& roots,
                             std::vector<uint32_t> const& cuts = {});

// The same spec over the copy's signals; throws structural_error for an unmapped literal.
linear_spec remap(linear_spec const& spec, std::vector<std::optional<signal>> const& node_map);

}  // namespace tc0
