// Two-operand addition in depth 4 with small weights.
//
// The carry into position k is a sum, not just an OR, of the terms
//   T_(k,j) = a_j b_j AND_(j<t<k) (a_t xor b_t)        (j < k)
// because at most one of them holds: T_(k,j) needs a generate at j and no generate above it up to
// k, so two different j cannot both qualify. "a_t xor b_t" enters T as the two literals
// !(a_t b_t) and (a_t or b_t), so T has depth 2 over the inputs. The sum bit is then the parity
// of y = a_k + b_k + sum_j T_(k,j) in {0..3}: s_k = [y - 2 [y >= 2] >= 1], two more threshold
// levels. Gates O(w^2), wires O(w^3).
#pragma once

#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

// Low `width` bits of a + b (operands shorter than `width` are zero-extended, longer ones are
// cut to `width` bits).
std::vector<signal> create_carry_lookahead_sum(circuit& c, std::vector<signal> a,
                                               std::vector<signal> b, unsigned width);

}  // namespace tc0
