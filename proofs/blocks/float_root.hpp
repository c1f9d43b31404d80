// round_p(sqrt |x|) for a p-bit float x on buses of any circuit (the construction of float.sqrt),
// correctly rounded, in constant depth and size polynomial in p (Reif and Tate's power series
// with an exact correction: no table indexed by the significand).
//
// With e = u + e_min, b = (e - p + 1) mod 2 and N' = |m| 2^(p+1+b) in [2^(2p), 2^(2p+2)) (or 0),
// sqrt|x| = sqrt(N') 2^(Z + o) with Z = floor(u / 2) (+ (u mod 2) when e_min - p + 1 is odd) and
// a constant o, so that round_p(sqrt|x|) = round_p(2 sqrt(N') 2^(Z + o - 1)):
//   <prefix>root_operands:   b; N' (2p + 2 bits, a shift by b); the upper-half bit and Y (the low
//                            p - 2 bits of |m|, complemented on the lower half); Z (one adder)
//   <prefix>pow<i>_*:        Y^i for i = 2..N (the power block, proofs/blocks/power.hpp)
//   <prefix>root_terms:      one row per term, b and half of the series and per bit of Y^i:
//                            AND(b or NOT b, half, nonzero, bit) (depth 1)
//   <prefix>root_pos_*, root_neg_*: P and Q, the positive and negative terms' exact sums
//                            C_i Y^i 2^((N - i)(p - 1)) (the column-sum block; constants of
//                            proofs/blocks/root_series.hpp)
//   <prefix>root_difference: D = P + (2^W - 1 - Q), exactly (W + 1 bits)
//   <prefix>root_truncate:   s~ = nonzero AND bits SH .. SH + p + 1 of D: floor((P - Q - 1) / 2^SH)
//   <prefix>square_*:        s~^2 (the multiplier block)
//   <prefix>root_window:     c1 = [s~^2 <= N'], c2 = [s~^2 + 2 s~ < N']
//   <prefix>root_correct:    s = s~ + c1 + c2 - 1 (mod 2^(p+2), one adder)
//   <prefix>check_square_*:  s^2 (the multiplier block)
//   <prefix>root_sticky:     t = [s^2 < N']
//   <prefix>round:           round_p((2 s + t) 2^(Z + o - 1)) (proofs/blocks/round_to_format.hpp)
// Why it is exact: the series value A = (P - Q - 1) / 2^SH is within 1/2 of sqrt(N') (the error
// bound of root_series.hpp), so s~ = floor(A) is floor(sqrt(N')) or a neighbour, and the window
// picks floor(sqrt(N')); t says whether the root is exact; 2 s + t and 2 sqrt(N') then round
// alike (as for division's sticky bit: 2 s >= 2^(p+1), so no point where round_p changes lies
// strictly between 2 s and 2 s + 2).
#pragma once

#include <string>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r = round_p(sqrt(|m| 2^(u + e_min))): the sign bit is ignored (a negative x has no real root
// and the model has no NaN). The clause float.sqrt's specification is made of.
spec_clause float_root_clause(std::string const& name, float_format const& f, float_bus const& x,
                              std::vector<signal> const& r);

// Deliberate faults for the tests (the circuit and the error check both see the faulty plan):
// the series cut after the linear term, or the constant term of the upper half with b = 0 off
// by 2^(G - p + 2) (A off by 4 there).
// Or the argument's gap: root_operand concluding nothing, so x's validity is not stated (the
// circuit is right; root_rounding must not be proved).
struct float_root_faults {
  bool linear_series_only = false;
  bool constant_term_off = false;
  bool operand_validity_unstated = false;
};

// The argument rests on x being valid (a nonzero |m| has its top bit set): the step
// <prefix>root_operand concludes it from the enclosing lemma's precondition where x is an input,
// else from the goals of `operand_facts` (the block that computed x); root_isqrt uses it and
// root_rounding checks that it is cited.
rounded_float create_float_root(construction& k, float_format const& f, float_bus const& x,
                                std::string const& prefix = "", float_root_faults faults = {},
                                std::vector<size_t> const& operand_facts = {});

}  // namespace tc0
