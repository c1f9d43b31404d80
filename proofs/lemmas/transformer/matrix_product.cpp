// Lemma tf.matmul — the paper's matrix product (Lemma 4.2): C = A B for an n1 x d matrix A and a
// d x n2 matrix B of p-bit floats, in depth d_std + d_⊕.
//
// Claim: C_ij = round_p(sum_k round_p(A_ik B_kj)) (NEXT-LAYER.md §1.7: every product rounded,
//   then the d products summed exactly and rounded once; for d = 1, C_ij = round_p(A_i0 B_0j)),
//   for every input pattern (a float is read as the value of its bits), in constant depth and
//   size polynomial in n1, d, n2 and p.
// Construction: one float product block per (i, j, k) (proofs/blocks/float_product.hpp, depth
//   d_std) and one float sum block per (i, j) over its d products (proofs/blocks/float_sum.hpp,
//   depth d_⊕), built from the documented program (core/float_program.hpp) by
//   proofs/blocks/float_sequence.hpp. Nothing is shared between entries: A_ik B_kj is formed
//   once per (i, j) pair, as the program states.
// Specification: one computes clause per entry: C_ij is value (i, j) of the program over the
//   inputs A_<i>_<k> and B_<k>_<j>, judged by the Boost twin (no SMT encoding).
// Obligations: depth_formula (depth <= d_std + d_⊕, each measured on the standalone lemma);
//   every block's stages and steps (the n1 n2 d products and n1 n2 sums are identical
//   blocks over other buses: all but the first of each are proved by reference), the certified
//   step `sequence` (each block concludes its operation on the right buses; the lemma's clauses
//   are the program's), `composition` from it; random or exhaustive simulation against the
//   Boost twin; S1 over n1 and d, S2.
// Expected: all proved; depth = depth(float.mul) + depth(float.iterated_add at n = d).
#include "proofs/lemmas/transformer/matrix_product.hpp"

#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/composite.hpp"
#include "proofs/lemmas/transformer/program_lemma.hpp"

namespace tc0 {
namespace {

// The documented order: per entry (i, j), d products then one sum (block names "mul_i_j_k_" for a
// product, "sum_i_j_" for an entry's sum); operands A, then B, row by row; outputs C.
program_layout matmul_layout(parameters const& p) {
  unsigned const n1 = param(p, "n1"), d = param(p, "d"), n2 = param(p, "n2");
  program_layout l;
  l.program->format = format_of(p);
  auto const A = l.input_matrix("A", n1, d);
  auto const B = l.input_matrix("B", d, n2);
  value_matrix C(n1);
  for (unsigned i = 0; i < n1; ++i)
    for (unsigned j = 0; j < n2; ++j) {
      std::vector<uint32_t> products;
      for (unsigned k = 0; k < d; ++k)
        products.push_back(l.add(float_op::mul, {A[i][k], B[k][j]},
                                 matrix_entry("mul", i, j) + "_" + std::to_string(k) + "_"));
      C[i].push_back(d == 1 ? products[0]
                            : l.add(float_op::sum, products, matrix_entry("sum", i, j) + "_"));
    }
  add_output_matrix(l, "C", C);
  return l;
}

// d_std + d_⊕: the depths of float.mul and (for d > 1) float.iterated_add over d terms, each
// built on its own at this format.
std::vector<depth_term> matmul_depth(parameters const& p) {
  std::vector<depth_term> terms{measured_depth(p, "d_std", "float.mul")};
  if (param(p, "d") > 1)
    terms.push_back(measured_depth(p, "d_⊕", "float.iterated_add", {{"n", param(p, "d")}}));
  return terms;
}

}  // namespace

construction build_matmul(parameters const& p, matmul_faults faults) {
  unsigned const d = param(p, "d"), n2 = param(p, "n2");
  if (faults.transposed_b && d != n2)
    throw std::invalid_argument("build_matmul: a transposed B needs d = n2");
  auto const l = matmul_layout(p);
  program_faults wiring;
  if (faults.transposed_b)
    for (unsigned r = 0; r < d; ++r)
      for (unsigned j = 0; j < n2; ++j)
        wiring.rewired[l.operand(matrix_entry("B", r, j))] = l.operand(matrix_entry("B", j, r));
  return build_program_lemma(l, wiring);
}

lemma matrix_product_lemma() {
  lemma l;
  l.name = "tf.matmul";
  l.title = "matrix product of p-bit floats, each entry a rounded sum of rounded products";
  l.paper_ref = "Lemma 4.2 (matrix multiplication)";
  l.paper_depth = "d_std + d_⊕";
  l.uses = {"float.mul", "float.iterated_add"};
  l.claim =
      "C_ij = round_p(sum_k round_p(A_ik B_kj)) for all inputs, in constant depth and "
      "polynomial size";
  l.parameter_table = {{"n1", 1, 64}, {"d", 1, 64}, {"n2", 1, 64}};
  for (auto const& r : float_parameters(8)) l.parameter_table.push_back(r);
  l.interface = [](parameters const& p) { return program_interface(matmul_layout(p)); };
  l.build = [](parameters const& p) { return build_matmul(p, {}); };
  l.specification = [](circuit const& c, parameters const& p) {
    return program_specification(c, matmul_layout(p), "C_ij = round_p(sum_k round_p(A_ik B_kj))");
  };
  l.depth_bound = 80;
  l.depth_formula = matmul_depth;
  l.degree_bound = 4;
  l.monolithic_max_input_bits = 0;  // the specification has no SMT encoding
  l.self_check_size = {{"n1", 1}, {"d", 2}, {"n2", 1}, {"p", 2}, {"k", 1}};
  // proved at n1 = 1, 2 (d = n2 = 2); n1 = 4..16 and d = 3..8 built and measured for S1 and S2
  // (a parameter with measured-only values is swept from every proved size)
  l.default_sweeps = {sweep({{"d", 2}, {"n2", 2}, {"p", 3}, {"k", 2}}, "n1", {1, 2})};
  l.measured_only["n1"] = {4, 8, 16};
  l.measured_only["d"] = {3, 4, 8};
  return l;
}

}  // namespace tc0
