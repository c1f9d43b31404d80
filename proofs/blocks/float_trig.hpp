// sin x and cos x for a p-bit float x with |x| <= 2^K on buses of any circuit (the construction
// of float.sin and float.cos), within 2^-p relative, in constant depth and size polynomial in p
// and K: reduction by pi/2 (a constant multiplication), the quadrant from two bits, the series of
// sin(pi/2 psi) / psi in psi^2 (powers from the power block, one column sum per sign), one
// multiplication by psi, one round_p (the constants and the error budget:
// proofs/blocks/trig_series.hpp).
//   <prefix>trig_operands:  requires x valid and |x| <= 2^K (the block's domain: proved as an
//                           implication wherever it is built); huge = [|x| >= 2^(K+1)] (beyond
//                           the domain), (sin) big = [|x| >= 2^-p]; X = floor(|x| 2^F)
//                           (proofs/blocks/fixed_point_operand.hpp)
//   <prefix>trig_scale_*:   T = X L (the column-sum block)
//   <prefix>trig_reduce:    Psi = Phi, or 2^WF - Phi (by (Phi XOR sel) + sel, sel = q_0 for sin,
//                           NOT q_0 for cos); sigma = s XOR q_1 (sin), q_0 XOR q_1 (cos)
//   <prefix>pow<2j>_*:      Psi_j^(2j), j = 1..N (the power block; Psi_j = Psi's top b_j + 1
//                           bits)
//   <prefix>trig_pos_*, trig_neg_*: P and Q, the even and odd terms A_j R_j (R_j the power's top
//                           bits; row 0 the literal NOT huge with weight A_0 2^c + 1)
//   <prefix>trig_difference: D = P + 2^W - 1 - Q (W + 1 bits); H = D's bits c .. W - 1
//   <prefix>trig_product_*: R = Psi H (the multiplier block)
//   <prefix>round:          r' = round_p((-1)^sigma floor(R / 2^DR) 2^(DR - WF - G2))
//   <prefix>trig_select:    (sin) r = x where NOT big, r' elsewhere
// The certified step <prefix>trig_budget concludes the lemma's clause from these and the budget
// recomputed in exact rationals (check_trig_budget); <prefix>trig_valid that r is a valid float
// (from the rounding, and for sin x's validity and the selection); <prefix>trig_result, the
// block's conclusion, both.
#pragma once

#include <string>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/blocks/trig_series.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r approximates f(x) (f = sin or cos), x = (-1)^s |m| 2^(u + e_min): the clause float.sin's and
// float.cos's specifications are made of (their precondition |x| <= 2^K is the lemma's, and the
// block's first stage requires it again).
spec_clause float_trig_clause(std::string const& name, approximated_function fn,
                              float_format const& f, float_bus const& x,
                              std::vector<signal> const& r);

rounded_float create_float_trig(construction& k, approximated_function fn, float_format const& f,
                                unsigned K, float_bus const& x, std::string const& prefix = "",
                                trig_faults const& faults = {});

}  // namespace tc0
