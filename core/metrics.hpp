// Depth and size of a circuit under SPEC §1's conventions.
//
// Depth: the longest input-to-output path counting AND, OR, MAJ and threshold gates as 1 each;
// NOT is free (it is a complement bit on a signal). Size: gates built (constants and inputs are
// not gates). Because a threshold gate with exponentially large weights is not a poly-size MAJ
// gate, the largest weight (in bits) and the MAJ-normalised size (sum of |weights| over all
// gates) are reported next to the gate count.
#pragma once

#include <cstdint>
#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

struct circuit_metrics {
  uint32_t depth = 0;  // over the output buses
  uint64_t size = 0;   // gates (AND + OR + MAJ + threshold)
  uint64_t and_gates = 0, or_gates = 0, maj_gates = 0, threshold_gates = 0;
  uint64_t wires = 0;  // sum of fan-ins
  uint32_t max_fanin = 0;
  uint32_t max_weight_bits = 0;  // bits of the largest |weight| or threshold (1 for unit weights)
  big_int maj_size = 0;          // sum over gates of the sum of |weights|
};

// Level of every node: 0 for constants and inputs, 1 + max over fan-ins for gates.
std::vector<uint32_t> levels(circuit const& c);

// Depth over a set of signals (e.g. a stage's outputs).
uint32_t depth_of(circuit const& c, std::vector<uint32_t> const& node_levels,
                  std::vector<bus> const& buses);

circuit_metrics measure(circuit const& c);

// Sum of fan-ins over the transitive fan-in cone of `roots` (the roots included): how much
// circuit a query about those nodes has to encode.
uint64_t cone_wires(circuit const& c, std::vector<uint32_t> const& roots);

}  // namespace tc0
