// Unsigned comparison in depth 3: [a < b] is true when at some position k, a_k = 0, b_k = 1
// and the two agree above k; "agree at t" is the AND of !(a_t !b_t) and !(!a_t b_t), so each
// candidate k is one AND over depth-1 gates, and the answer is their OR. Against a constant the
// same reading needs no depth-1 gates.
#pragma once

#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

// [a < b]; a and b have the same width (pad with const_false).
signal create_less_than(circuit& c, std::vector<signal> const& a, std::vector<signal> const& b);

// [value(bits) >= t] for a constant t, unit weights, depth 2: value(bits) is t, or at some
// position j where t has a 0 the bit is 1 and the two agree above j. O(w^2) wires for w bits,
// where one threshold gate with weights 2^j would carry w-bit weights (exponential MAJ size once
// w grows with p, as an exponent does at the paper's range).
signal create_at_least_constant(circuit& c, std::vector<signal> const& bits, big_int const& t);

// The bits of a constant, `width` of them, as constant signals.
std::vector<signal> constant_bits(big_int const& value, unsigned width);

}  // namespace tc0
