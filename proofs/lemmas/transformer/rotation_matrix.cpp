// Lemma tf.rope — the RoPE rotation R_(j-i) of the paper's attention (Lemma 4.3's ingredient;
// its d_trig stage), theta hard-wired or (option theta) circuit inputs (NEXT-LAYER.md §1.5–1.6).
//
// Claim: for positions i, j < n and even d, the d x d matrix R_(j-i) with the interleaved 2x2
//   blocks [[cos phi_k, -sin phi_k], [sin phi_k, cos phi_k]], phi_k = round_p((j - i) theta_k),
//   theta_k = round_p(10000^(-2k/d)) (option theta: the inputs theta_<k>, given |theta_k| <= 1),
//   each cos and sin within 2^-p of the true value (the approximation clause of
//   core/approximation.hpp), 0 off the blocks.
// Construction: the program of proofs/lemmas/transformer/rope_rotation.hpp. With theta
//   hard-wired every entry depends only on the positions and the constants theta, so each is a
//   constant: the float product and trig blocks are evaluated on the constants when the circuit
//   is built (simulated, the trig block on the domain 2^K just above the angle) and the outputs
//   are wires to the constant node. Depth 0, no gates: in the attention lemmas R_(j-i) costs
//   nothing at run time, and what the circuit computes with it are float products by these
//   constants. With theta as inputs: one float product per angle, the cos and sin blocks on
//   |phi| <= 2^K (K = rope_angle_domain(n)), one negation.
// Specification: one computes clause per entry (the program's value; cos and sin entries judged
//   by the approximation clause on exact enclosures); with theta as inputs, the precondition
//   |theta_k| <= 1.
// Obligations: `sequence` (every constant output is the wires of the program's value: for cos
//   and sin their determined rounding, which the blocks must have given, or where none is
//   determined the correctly rounded value, which the construction wires instead of its block's),
//   `composition`, exhaustive simulation (one pattern: there are no inputs). With theta as inputs
//   also the blocks' stages and steps, among them implication:<prefix>trig_operands (|phi_k| <=
//   2^K from |theta_k| <= 1 and the product's rounding clause), and depth_formula (d_std + d_trig
//   + d_neg).
// Expected: proved; hard-wired depth 0, size 0.
#include "core/metrics.hpp"
#include "proofs/blocks/float_sequence.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/transformer/composite.hpp"
#include "proofs/lemmas/transformer/program_lemma.hpp"
#include "proofs/lemmas/transformer/rope_rotation.hpp"

namespace tc0 {
namespace {

bool theta_as_inputs(parameters const& p) {
  return param_or(p, "theta", 0) != 0;
}

std::string form(parameters const& p) {
  return "R_(j-i), j - i = " +
         std::to_string(static_cast<int64_t>(param(p, "j")) - static_cast<int64_t>(param(p, "i"))) +
         (theta_as_inputs(p) ? ", theta_k circuit inputs (|theta_k| <= 1)" : ", theta hard-wired") +
         ", interleaved pairs";
}

program_layout rotation_layout(parameters const& p) {
  program_layout l;
  l.program->format = format_of(p);
  auto const angles = declare_theta(l, p);
  auto const R =
      add_rotation(*l.program, param(p, "d"),
                   static_cast<int64_t>(param(p, "j")) - static_cast<int64_t>(param(p, "i")), false,
                   angles ? &*angles : nullptr);
  l.prefixes.resize(l.program->values());
  for (auto v = l.program->operands; v < l.program->values(); ++v)
    l.prefixes[v] = "v" + std::to_string(v) + "_";
  add_output_matrix(l, "R", R);
  return l;
}

}  // namespace

lemma rotation_matrix_lemma() {
  lemma l;
  l.name = "tf.rope";
  l.title =
      "the RoPE rotation R_(j-i): theta hard-wired (constant entries, no gates) or circuit inputs";
  l.paper_ref = "Lemma 4.3 (R_(j-i) in the RoPE attention matrix)";
  l.paper_depth = "d_trig (0 with theta hard-wired: the angles are constants)";
  l.uses = {"float.mul", "float.sin", "float.cos"};
  l.claim =
      "R_(j-i)'s entries are cos and sin of round_p((j - i) theta_k) within 2^-p, -sin above "
      "the diagonal of each 2x2 block, 0 elsewhere";
  l.parameter_table = {{"n", 1, 64}, {"d", 2, 16}, {"i", 0, 63}, {"j", 0, 63}};
  for (auto const& r : float_parameters(8)) l.parameter_table.push_back(r);
  l.parameter_table.push_back({"theta", 0, 1, 0});
  l.constraints = [](parameters const& p) {
    if (param(p, "d") % 2 != 0) throw std::invalid_argument("tf.rope: d must be even");
    if (param(p, "i") >= param(p, "n") || param(p, "j") >= param(p, "n"))
      throw std::invalid_argument("tf.rope: the positions i and j must be below n");
  };
  l.interface = [](parameters const& p) { return program_interface(rotation_layout(p)); };
  l.build = [](parameters const& p) { return build_program_lemma(rotation_layout(p)); };
  l.specification = [](circuit const& c, parameters const& p) {
    return program_specification(c, rotation_layout(p), form(p));
  };
  // hard-wired: 0 (constants); theta as inputs: the angle's product, sin (the deeper of sin and
  // cos) and the negation, 91 at p = 4, k = 3, j - i = 3 (96 unfolded: 23 + 72 + 1)
  l.depth_bound = 120;
  l.depth_formula = [](parameters const& p) {
    if (!theta_as_inputs(p)) return std::vector<depth_term>{};
    return std::vector<depth_term>{measured_depth(p, "d_std", "float.mul"),
                                   trig_depth(p, rope_angle_domain(param(p, "n"))),
                                   negation_depth(p)};
  };
  // sin and cos are degree 8 in p; the rotation's size is linear in d
  l.degree_bound = 8;
  l.degree_bound_along = {{"n", 1}, {"d", 1}};
  l.monolithic_max_input_bits = 0;  // the specification has no SMT encoding
  l.self_check_size = {{"n", 2}, {"d", 2}, {"i", 0}, {"j", 1}, {"p", 3}, {"k", 3}};
  l.default_sweeps = {sweep({{"n", 4}, {"i", 0}, {"j", 3}, {"p", 4}, {"k", 3}}, "d", {2, 4, 8})};
  return l;
}

}  // namespace tc0
