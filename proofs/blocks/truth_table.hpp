// A function of a few bits as a depth-2 threshold circuit: one AND per input pattern where the
// function is defined (its minterm), then one OR per output bit over the minterms where that
// bit is 1. Size 2^|inputs| at most: for node functions of a few bits (a formula's gate), not
// for wide ones.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

// `f(pattern)` (bit i of pattern = inputs[i]) gives the output value, or nullopt where the
// pattern never occurs (a don't-care: no minterm). Returns `width` bits, least significant first.
// Throws std::invalid_argument for more than 16 inputs.
std::vector<signal> create_truth_table(circuit& c, std::vector<signal> const& inputs,
                                       unsigned width,
                                       std::function<std::optional<uint64_t>(uint64_t)> const& f);

}  // namespace tc0
