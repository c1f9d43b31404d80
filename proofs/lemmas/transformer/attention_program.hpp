// RoPE attention as one documented order of float operations (NEXT-LAYER.md §1.7), shared by
// tf.attention_matrix (Lemma 4.3: the entries A_ij) and tf.attention (Lemma 4.4: the layer
// Y = D^-1 A X W_V), and their circuits (proofs/blocks/float_sequence.hpp). Operands: X (n x d),
// W_Q, W_K (d x d) and for the layer W_V (d x d), row by row, inputs X_<i>_<c>, WQ_<r>_<c>,
// WK_<r>_<c>, WV_<r>_<c>. The order:
//   q_ic = round_p(sum_r round_p(X_ir WQ_rc))        (the query row, tf.matmul's order)
//   k_jc = round_p(sum_r round_p(X_jr WK_rc))        (the key row)
//   u_c  = round_p(sum_r round_p(q_ir R_rc))         (q_i R_(j-i): the sum runs over the two rows
//                                                    r of c's 2x2 block; R's other entries are 0)
//   s_ij = round_p(sum_c round_p(u_c k_jc))
//   A_ij = exp(s_ij)                                 (any float meeting the approximation)
// and for the layer
//   v_jc = round_p(sum_r round_p(X_jr WV_rc))        (the value row)
//   D_i  = round_p(sum_j A_ij)                       (the row sum: D = diag(A 1))
//   N_ic = round_p(sum_j round_p(A_ij v_jc))         (A V, unnormalised)
//   Y_ic = round_p(N_ic / D_i)                       (float.div: x / 0 saturates, 0 / 0 = 0)
// with R_(j-i)'s entries the constants of tf.rope, by default in the paper's form: no 1/sqrt(d)
// scale, no causal mask, no max-subtraction; pairs interleaved; theta hard-wired. Options (the
// forms real models use, NEXT-LAYER.md §1), each 0 or 1, default 0:
//   scale   s_ij becomes round_p(s_ij c), c = round_p(1/sqrt(d)) (a constant, rounded exactly)
//   causal  A_ij = 0 for j > i (the constant 0, exp(-infinity)); in the layer's sums they are
//           constant zero terms (exact: D_i and N_ic are the sums over j <= i, and D_i is still a
//           sum block's result, whose validity the division needs)
//   split   half-split pairs: R rotates coordinates (k, k + d/2) instead of (2k, 2k + 1)
//   maxsub  the order real implementations use: A_ij = exp(round_p(s_ij + (-m_i))), m_i the
//           largest score of row i (float.max over its unmasked entries, exact; its negation is
//           exact too), so every exponent is <= 0 and none saturates (the report's paper gap
//           softmax_overflow shows both forms on one input)
//   theta   theta_k are circuit inputs theta_<k> (k < d/2) with the precondition |theta_k| <= 1
//           (the paper's theta_k = 10000^(-2(k-1)/d) are in (0, 1]): R_(j-i)'s entries are then
//           computed, phi_k = round_p((j - i) theta_k) by a float product and its cos and sin by
//           the trig blocks on |phi| <= 2^K, K = rope_angle_domain(n) (their first stage requires
//           that bound; an implication obligation proves it from the precondition and the
//           product's rounding clause)
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/float_program.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/lemma.hpp"
#include "proofs/lemmas/transformer/program_lemma.hpp"
#include "proofs/lemmas/transformer/rope_rotation.hpp"

namespace tc0 {

struct attention_faults {
  // the key products read WK_<c>_<r> where the program says WK_<r>_<c>: the transposed W_K
  bool transposed_wk = false;
  // the rotation's -sin phi_0 wired as +sin phi_0 (one sign flipped inside a 2x2 block)
  bool flipped_rotation_sign = false;
  // the same flip for the pair (0, 1) only: a circuit whose score depends on the positions, not
  // only on their difference (needs n >= 3 to show against another pair with j - i = 1)
  bool flipped_for_one_pair = false;
};

// Which lemma: the attention matrix (outputs A_<i>_<j>) or the layer (outputs Y_<i>_<c>).
enum class attention_part { matrix, layer };

// Where the attention's values sit in its program.
struct attention_values {
  value_matrix output;  // A_ij (matrix) or Y_ic (layer)
  value_matrix scores;  // s_ij
};

// Appends the order above to `l` over X (n x d values of l) and the weights W_Q, W_K and, for the
// layer, W_V (d x d values of l), with n, d and the options read from p (and with the option
// theta, the inputs `theta` from declare_theta, null otherwise); block names start with
// `prefix`. With faults, the same nodes wired elsewhere.
attention_values append_attention(program_layout& l, parameters const& p, attention_part part,
                                  value_matrix const& X, std::vector<value_matrix> const& W,
                                  theta_inputs const* theta, std::string const& prefix,
                                  attention_faults const& faults = {});

// The lemmas' program: operands X (n x d), W_Q, W_K and (layer) W_V, row by row (inputs
// X_<i>_<c>, WQ_<r>_<c>, ...); outputs A_<i>_<j> or Y_<i>_<c>.
struct attention_program : attention_values {
  program_layout layout;
  std::shared_ptr<float_program> program;  // layout.program
};

// The options' parameter rows, and the form they select in words (for specifications and the
// report).
std::vector<parameter_range> attention_options();
std::string attention_form(parameters const& p);

// The documented order at parameters n, d, p, k and the options, as above.
attention_program attention_program_of(parameters const& p, attention_part part,
                                       attention_faults const& faults = {});

// The depth formula's terms, each the measured depth of a standalone lemma at this format (a
// composite's block is that lemma's construction).
std::vector<depth_term> attention_depth(parameters const& p, attention_part part);

// The lemma's buses: the inputs, then the outputs.
std::vector<bus_decl> attention_interface(parameters const& p, attention_part part);

// One computes clause per output entry; `description` says what the clauses state (the form and
// format are added).
linear_spec attention_specification(circuit const& c, parameters const& p, attention_part part,
                                    std::string description);

// The program's blocks with the certified `sequence` step (proofs/blocks/float_sequence.hpp).
construction build_attention(parameters const& p, attention_part part, attention_faults faults);

}  // namespace tc0
