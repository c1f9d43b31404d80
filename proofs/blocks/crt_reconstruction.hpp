// The back half of Hesse, Allender and Barrington's iterated multiplication: from one-hot
// residues P_q of an unknown value V < M (P_q[v] = [V = v mod q] for the plan's primes q), the
// binary digits of V.
//   crt_* (four stages, the column-sum block): T = sum_(q,v) ((c_q v) mod M) P_q[v] (depth 8)
//   reduce_compare:  g_t = [T >= t M] for t = 1..t_max (depth 3)
//   reduce_offset:   K = 2^WT - sM for s = sum_t g_t, one threshold gate per bit (depth 1)
//   reduce_carries, reduce_sum: S = T + K mod 2^WT = T - sM, Y its low bits (depth 3 + 1)
// Each numbered part is a function of its own in the .cpp file.
// Composition steps it appends: crt_sum (T is that sum), residues_one_hot (from the front
// end's stages), T_at_most_max, reduced_in_range (0 <= T - M sum_t g_t < M), reduction
// (Y = T - M sum_t g_t), Y_below_M, Y_mod_q for each q
// (Y = sum_v v P_q[v] + q W with W written out: a linear identity, no `mod`), and the
// certified chinese_remainder step (the primes, M > the target's largest value, the CRT
// coefficients; the theorem cited) that, with the front end's step `residue_step` saying P_q is V
// mod q, gives Y = V.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "proofs/blocks/crt_plan.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// What Y stands for. `value`: an expression (a product over the construction's inputs, say);
// the chinese_remainder step then concludes Y = value, and reads the range M must exceed from
// the expression itself (linear_expr::max_value), not from the plan that chose the primes.
// Where the value has no closed form as an expression (division's W), `value` is empty and
// `largest` is its bound, which the caller derives from the lemma's parameters.
struct crt_target {
  std::optional<linear_expr> value;
  big_int largest = 0;
};

// `one_hot_stages`: the stage specifications from which every P_q is one-hot; `residue_step`: the
// caller's step that says P_q is the value mod q (cited by chinese_remainder); `input_count`:
// the construction's input bits (all ones is the witness input when the plan's modulus is too
// small). Stages and steps are named `prefix` + the names above. Returns Y, width_for(M - 1)
// bits or fewer, and the chinese_remainder step (its goal Y = value when the value is given).
block_output create_crt_reconstruction(construction& k, std::string const& prefix,
                                       crt_plan const& plan, std::vector<bus> const& P,
                                       std::vector<size_t> const& one_hot_stages,
                                       size_t residue_step, size_t input_count,
                                       crt_target const& target);

}  // namespace tc0
