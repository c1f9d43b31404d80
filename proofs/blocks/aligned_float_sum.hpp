// round_p(a + b) with a sticky-bit alignment: size polynomial in p at every exponent range (the
// exact alignment of blocks/float_sum.hpp is as wide as the range, 2^(p+1) bits at the paper's).
// Stages (prefix + name):
//   normalise  each operand's significand shifted up to its leading one (blocks/leading_one.hpp):
//              M 2^j = m 2^(p-1), v = u + j (0 for m = 0); v is the exponent of M's lowest bit
//              plus p - 1, so equal v means equal scale
//   select     g = [v_a >= v_b]; A the operand with the larger v, B the other (muxes)
//   exponent_difference_*  d = v_A - v_B (a column sum of v_A, NOT v_B and 1; step
//              exponent_difference)
//   align      B's significand at A's scale with L = 3 guard bits: far = [d >= L + p],
//              dd = min(d, L + p); T = floor(M_B 2^L / 2^dd), the bits shifted out R, the sticky
//              bit t = [R > 0] (one-hot decoder of dd, AND-OR)
//   split .. difference_*  the exact signed sum of the rows 2^(L+1) M_A and 2 T + t with signs
//              s_A, s_B (blocks/exact_float_sum.hpp's back half), a sign and a magnitude N
//   round      r = round_p((-1)^negative N 2^(v_A + o)) (blocks/round_to_format.hpp)
// and the steps exponent_difference, signed_value, large (implications) and aligned_rounding
// (certified: proofs/blocks/aligned_sum_rounding.hpp), whose conclusion is float_sum_clause over a
// and b. Every width is O(p): the exponent enters only as v (E + 1 bits), never as a shift of the
// value.
#pragma once

#include <string>
#include <utility>

#include "proofs/blocks/aligned_sum_rounding.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Everything but the certified step, which add_aligned_sum_rounding appends (tests alter what a
// stage states in between).
std::pair<aligned_sum_buses, aligned_sum_sources> create_aligned_sum_stages(
    construction& k, float_format const& f, float_bus const& a, float_bus const& b,
    std::string const& prefix = "");

rounded_float create_aligned_float_sum(construction& k, float_format const& f, float_bus const& a,
                                       float_bus const& b, std::string const& prefix = "");

}  // namespace tc0
