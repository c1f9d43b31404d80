// Lemma tf.attention — the paper's RoPE attention layer (Lemma 4.4): Attn(X) = D^-1 A X W_V with
// D = diag(A 1) and A the RoPE attention matrix, X, W_Q, W_K, W_V all circuit inputs (a proof for
// every input and every weight matrix), theta hard-wired.
//
// Claim: Y_ic is the documented order of float operations of
//   proofs/lemmas/transformer/attention_program.hpp for some choice of the entries A_ij, each a
//   float approximating e^(s_ij) within 2^-p, one float per entry for the row sum D_i and the
//   products alike:
//     v_jc = round_p(sum_r round_p(X_jr WV_rc)),  D_i = round_p(sum_j A_ij),
//     N_ic = round_p(sum_j round_p(A_ij v_jc)),   Y_ic = round_p(N_ic / D_i),
//   by default in the paper's form: no 1/sqrt(d) scale, no causal mask, no max-subtraction (exp
//   saturates for large scores: the report's paper gap softmax_overflow); pairs interleaved.
//   Options scale, causal, split and maxsub (each row's maximum subtracted before exp: float.max)
//   select the forms real models use (attention_program.hpp).
// Construction: the program's blocks (proofs/blocks/float_sequence.hpp): float products, sums,
//   one float exp per A_ij and one float division per Y_ic, whose dividend N_ic is valid by its
//   sum block's conclusion; q_i, k_j, v_j, A_ij and D_i are built once and read by every entry
//   that needs them.
// Specification: one computes clause per Y_ic (no SMT encoding; judged by the Boost twin, which
//   tries every admissible choice of the A_ij in Y_ic's row: core/float_program.hpp).
// Obligations: depth_formula (depth <= 4 d_std + 2 d_⊕(d) + d_⊕(2) + d_exp + d_⊕(n) + d_div, one
//   d_std more with the scale, d_max(n) + d_neg + d_⊕(2) more with maxsub, each the measured depth
//   of the standalone lemma at this format);
//   every block's stages and steps (identical blocks proved once, the rest by reference);
//   `sequence`, `composition`; random simulation; with maxsub and d >= n, softmax_rows (rows of
//   D^-1 A sum to 1 within n 2^(1-p) + n s/2 on random inputs, simulated: evidence, not a claim
//   of the paper; proofs/lemmas/transformer/softmax_rows.hpp). The relative-position property
//   is tf.attention_matrix's obligation, on the same A_ij blocks.
// Expected: all proved; the depth does not change with n.
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/attention_program.hpp"
#include "proofs/lemmas/transformer/composite.hpp"
#include "proofs/lemmas/transformer/softmax_rows.hpp"

namespace tc0 {
lemma attention_layer_lemma() {
  lemma l;
  l.name = "tf.attention";
  l.title = "the RoPE attention layer D^-1 A X W_V, inputs and weights free";
  l.paper_ref = "Lemma 4.4 (RoPE attention layer)";
  l.paper_depth = "4 d_std + 4 d_⊕ + d_exp + d_std (the division)";
  l.uses = {"tf.attention_matrix", "float.mul", "float.iterated_add", "float.div"};
  l.claim =
      "Y = D^-1 A X W_V, D = diag(A 1), A_ij approximating e^(s_ij), in the documented order of "
      "rounded float operations, for every X, W_Q, W_K, W_V, in constant depth and polynomial "
      "size";
  l.parameter_table = {{"n", 2, 16}, {"d", 2, 8}};
  for (auto const& r : float_parameters(8)) l.parameter_table.push_back(r);
  for (auto const& r : attention_options()) l.parameter_table.push_back(r);
  l.constraints = [](parameters const& p) {
    if (param(p, "d") % 2 != 0) throw std::invalid_argument("tf.attention: d must be even");
  };
  l.interface = [](parameters const& p) { return attention_interface(p, attention_part::layer); };
  l.build = [](parameters const& p) { return build_attention(p, attention_part::layer, {}); };
  l.specification = [](circuit const& c, parameters const& p) {
    return attention_specification(
        c, p, attention_part::layer,
        "Y_ic = round_p(N_ic / D_i), N_ic = round_p(sum_j round_p(A_ij v_jc)), D_i = "
        "round_p(sum_j A_ij), v = X W_V, for some A_ij approximating e^(s_ij) (one float per "
        "entry), s as in tf.attention_matrix");
  };
  // 384 with maxsub at p = 4, k = 3 (n = d = 2)
  l.depth_bound = 450;
  l.depth_formula = [](parameters const& p) { return attention_depth(p, attention_part::layer); };
  // float.div's 10 in p; 4 along n and d
  l.degree_bound = 10;
  l.degree_bound_along = {{"n", 4}, {"d", 4}};
  l.structural_claims = {softmax_rows_claim()};
  l.monolithic_max_input_bits = 0;  // the specification has no SMT encoding
  l.self_check_exempt =
      "its smallest size (n = 2, d = 2, p = 2, k = 1) has 64 input bits, too many to tell a "
      "mutant wrong by exhaustive simulation; its blocks are in the self-check as float.mul, "
      "float.iterated_add, float.div and float.exp, the sequence step is tested with wrong "
      "wirings";
  l.default_sweeps = {sweep({{"d", 2}, {"p", 2}, {"k", 2}}, "n", {2, 3}),
                      sweep({{"d", 2}, {"p", 2}, {"k", 2}, {"maxsub", 1}}, "n", {2})};
  l.slow_default_grid = true;
  l.measured_only["n"] = {4, 5};
  l.measured_only["d"] = {4, 8};
  return l;
}

}  // namespace tc0
