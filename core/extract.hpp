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
#include <unordered_map>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

struct structural_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Node of the original -> signal of the copy, for the nodes a copy covers. Dense over the node
// range [first, end) the copy was made from, sparse below it (a stage's inputs and the constant
// node): a stage late in a circuit of millions of nodes maps its few thousand without touching
// the rest (issue 20's doubling target: filling a map as long as the circuit for every stage
// made extraction quadratic in a layer's size).
class node_mapping {
 public:
  node_mapping() = default;
  node_mapping(uint32_t first, uint32_t end) : first_{first}, dense_(end - first) {}
  // nullopt where the node is not mapped (before the range and not set, or at or beyond its end);
  // a const value, so that `map[n] = s` does not compile (set is the only writer)
  std::optional<signal> const operator[](uint32_t node) const;
  void set(uint32_t node, signal s);

 private:
  uint32_t first_ = 0;
  std::vector<std::optional<signal>> dense_;
  std::unordered_map<uint32_t, signal> sparse_;
};

struct extracted_stage {
  circuit c;
  // extract_stage's covers the stage's gates and inputs (no later node is in the stage)
  node_mapping node_map;
};

extracted_stage extract_stage(circuit const& original, uint32_t stage);

// The transitive fan-in of `roots` as a circuit of its own: one input bus "support" holding the
// original input nodes the cone reaches, in increasing node order; the cone's gates copied.
// Nodes listed in `cuts` are not descended into: where the cone reaches one, it becomes an input
// of the copy as well (in the same bus, in node order), free to take any value.
extracted_stage extract_cone(circuit const& original, std::vector<uint32_t> const& roots,
                             std::vector<uint32_t> const& cuts = {});

// The same spec over the copy's signals; throws structural_error for an unmapped literal.
linear_spec remap(linear_spec const& spec, node_mapping const& node_map);

}  // namespace tc0
