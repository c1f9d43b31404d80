// Lemma tf.mlp — the paper's MLP (Lemma 4.5) as recalled: an affine map g(x) = x W + b applied to
// every row x of X (NEXT-LAYER.md §1.3; the paper's W x + b on column vectors, transposed), with
// an optional ReLU, max(g(x), 0), which stays in TC0 and which the report names.
//
// Claim: Y_ij = round_p(sum_k round_p(X_ik W_kj) + b_j) (relu: max of that and 0) for every X, W
//   and b, in constant depth and size polynomial in n, d and p. The order (NEXT-LAYER.md §1.7):
//   every product rounded, then the d products and b_j summed exactly and rounded once (tf.matmul's
//   entry with the bias as one more term of its sum).
// Construction: the program's blocks (proofs/blocks/float_sequence.hpp): one float product per
//   (i, j, k), one float sum of d + 1 terms per (i, j), and with relu one ReLU block per (i, j)
//   (proofs/blocks/float_sign.hpp, depth 1).
// Specification: one computes clause per Y_ij (no SMT encoding; judged by the Boost twin).
// Obligations: depth_formula (depth <= d_std + d_⊕(d + 1) [+ d_relu]); every block's stages and
//   steps (identical blocks by reference), `sequence`, `composition`; random or exhaustive
//   simulation; S1 over n and d, S2.
// Expected: all proved; depth identical in n.
#include "proofs/lemmas/transformer/mlp.hpp"

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/float_sign.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/composite.hpp"

namespace tc0 {

namespace {

bool relu_of(parameters const& p) {
  return param_or(p, "relu", 0) != 0;
}

std::vector<depth_term> mlp_depth(parameters const& p) {
  std::vector<depth_term> terms{
      measured_depth(p, "d_std", "float.mul"),
      measured_depth(p, "d_⊕", "float.iterated_add", {{"n", param(p, "d") + 1}})};
  if (relu_of(p))
    terms.push_back(block_depth(p, "d_relu", "the ReLU block",
                                [](construction& k, float_format const& f, float_bus const& x) {
                                  return create_float_relu(k, f, x).bits;
                                }));
  return terms;
}

}  // namespace

value_matrix append_mlp(program_layout& l, value_matrix const& X, value_matrix const& W,
                        std::vector<uint32_t> const& b, bool relu, std::string const& prefix) {
  auto const d = static_cast<unsigned>(b.size());
  value_matrix Y(X.size());
  for (unsigned i = 0; i < X.size(); ++i)
    for (unsigned j = 0; j < d; ++j) {
      auto const at = matrix_entry("", i, j);  // "_i_j"
      std::vector<uint32_t> terms;
      for (unsigned c = 0; c < d; ++c)
        terms.push_back(l.add(float_op::mul, {X[i][c], W[c][j]},
                              prefix + "mul" + at + "_" + std::to_string(c) + "_"));
      terms.push_back(b[j]);
      auto y = l.add(float_op::sum, terms, prefix + "sum" + at + "_");
      if (relu) y = l.add(float_op::relu, {y}, prefix + "relu" + at + "_");
      Y[i].push_back(y);
    }
  return Y;
}

program_layout mlp_layout(parameters const& p) {
  unsigned const n = param(p, "n"), d = param(p, "d");
  program_layout l;
  l.program->format = format_of(p);
  auto const X = l.input_matrix("X", n, d);
  auto const W = l.input_matrix("W", d, d);
  std::vector<uint32_t> b;
  for (unsigned c = 0; c < d; ++c) b.push_back(l.input("b_" + std::to_string(c)));
  add_output_matrix(l, "Y", append_mlp(l, X, W, b, relu_of(p), ""));
  return l;
}

lemma mlp_lemma() {
  lemma l;
  l.name = "tf.mlp";
  l.title = "the MLP x W + b on every row, optionally with ReLU";
  l.paper_ref = "Lemma 4.5 (MLP)";
  l.paper_depth = "d_std + d_⊕";
  l.uses = {"float.mul", "float.iterated_add"};
  l.claim =
      "Y_ij = round_p(sum_k round_p(X_ik W_kj) + b_j) (relu: max(., 0)) for every X, W, b, in "
      "constant depth and polynomial size";
  l.parameter_table = {{"n", 1, 64}, {"d", 1, 32}};
  for (auto const& r : float_parameters(8)) l.parameter_table.push_back(r);
  l.parameter_table.push_back({"relu", 0, 1, 0});
  l.interface = [](parameters const& p) { return program_interface(mlp_layout(p)); };
  l.build = [](parameters const& p) { return build_program_lemma(mlp_layout(p)); };
  l.specification = [](circuit const& c, parameters const& p) {
    return program_specification(c, mlp_layout(p),
                                 relu_of(p)
                                     ? "Y_ij = max(round_p(sum_k round_p(X_ik W_kj) + b_j), 0)"
                                     : "Y_ij = round_p(sum_k round_p(X_ik W_kj) + b_j)");
  };
  l.depth_bound = 80;
  l.depth_formula = mlp_depth;
  l.degree_bound = 4;
  l.monolithic_max_input_bits = 0;  // the specification has no SMT encoding
  l.self_check_size = {{"n", 1}, {"d", 1}, {"p", 2}, {"k", 1}};
  // proved at n = 1, 2 (d = 2); n = 4..16 and d = 3..8 built and measured for S1 and S2
  l.default_sweeps = {sweep({{"d", 2}, {"p", 3}, {"k", 2}}, "n", {1, 2})};
  l.measured_only["n"] = {4, 8, 16};
  l.measured_only["d"] = {3, 4, 8};
  return l;
}

}  // namespace tc0
