// a ? x : y, bit by bit, in depth 2 (ANDs, then ORs); choose() in core/linear_spec.hpp states
// it as a specification.
#pragma once

#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

// x and y have the same width
std::vector<signal> create_mux(circuit& c, signal a, std::vector<signal> const& x,
                               std::vector<signal> const& y);

}  // namespace tc0
