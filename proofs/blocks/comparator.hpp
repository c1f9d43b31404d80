// Unsigned comparison in depth 3: [a < b] is true when at some position k, a_k = 0, b_k = 1
// and the two agree above k; "agree at t" is the AND of !(a_t !b_t) and !(!a_t b_t), so each
// candidate k is one AND over depth-1 gates, and the answer is their OR.
#pragma once

#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

// [a < b]; a and b have the same width (pad with const_false).
signal create_less_than(circuit& c, std::vector<signal> const& a, std::vector<signal> const& b);

// The bits of a constant, `width` of them, as constant signals.
std::vector<signal> constant_bits(big_int const& value, unsigned width);

}  // namespace tc0
