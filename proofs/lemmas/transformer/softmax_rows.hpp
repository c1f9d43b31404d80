// The softmax sanity obligation of tf.attention (evidence, not a claim of the paper): the rows of
// D^-1 A sum to 1 within n 2^(1-p) + n s/2 (s the smallest normal float), by simulation of the
// layer's circuit on random inputs.
//
// How D^-1 A is read from the layer: with W_V = [I_n 0; 0 0] and X_jc = [j = c] for c < n (the
// other columns of X and all of W_Q, W_K random valid floats, 0 or 1/4 <= |x| <= 2, so that the
// scores of a row mix instead of one exp taking the whole row), v_jc = [j = c] for c < n, so
// N_ic = round_p(sum_j round_p(A_ij v_jc)) = A_ic exactly and Y_ic = round_p(A_ic / D_i): the
// circuit's own entry of D^-1 A. Needs d >= n and 1 a float of the format.
//
// Why that bound: D_i = (sum_j A_ij)(1 + delta), |delta| <= 2^-p, and each Y_ic is within
// 2^-p Y*_ic, or s/2 below the normal range, of Y*_ic = A_ic / D_i; so |sum_c Y_ic - 1| <=
// 2^(1-p) / (1 - 2^-p) + n s/2 <= n 2^(1-p) + n s/2 for n >= 2. It rests on sum_j A_ij being a
// normal float below the largest: true with max-subtraction (every A_ij <= 1, the largest 1, so
// the sum is in [1, n]); without it a row can underflow to D_i = 0 (Y_i = 0) or saturate, so the
// obligation is stated with the option maxsub only. The paper's form is shown failing by the
// report's paper gap softmax_overflow.
#pragma once

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// The obligation softmax_rows: `trials` random inputs from a fixed seed.
structural_claim softmax_rows_claim(unsigned trials = 32);

}  // namespace tc0
