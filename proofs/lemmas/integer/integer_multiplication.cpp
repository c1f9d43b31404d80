// Lemma int.mul — multiplication of two m-bit unsigned integers in constant depth.
//
// Claim: a * b has a threshold circuit of constant depth and polynomial size with small
//   weights (the integer core of the paper's d_std for float multiplication; the float layer
//   multiplies magnitudes and handles the sign apart, so an unsigned multiplier is what it
//   needs).
// Construction (proofs/blocks/multiplier.hpp): 1. partial_products: p_ij = a_i AND b_j
//   (depth 1); 2.-5. the column-sum block (proofs/blocks/column_sum.hpp) adds p_ij at position
//   i + j: column_counts -> block_sums -> carries -> sum_bits. Depth 1 + 2 + 2 + 3 + 1 = 9
//   whatever m is.
// Specification: value(product) = value(a) * value(b), product has 2m bits.
// Obligations: stage:partial_products (p_ij = a_i b_j), the column-sum stages, the adder's
//   precondition, and the composition identity sum_(i,j) 2^(i+j) a_i b_j = A * B — proved by
//   normalising A * B into multilinear monomials (core/polynomial.hpp) and linear arithmetic
//   over them, never by bit-blasting (bit-blasted it is the multiplier problem itself);
//   structural wiring; the monolithic miter against bvmul at small m; simulation; S1 depth 9
//   across m; S2 size degree <= 3.
// Expected: all proved.
#include "proofs/blocks/multiplier.hpp"
#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

linear_spec spec_multiplication(circuit const& c, parameters const&) {
  linear_spec s;
  s.description = "product = a * b";
  linear_expr rhs;
  rhs.add_product(
      1, {linear_expr::value_of(input_bits(c, "a")), linear_expr::value_of(input_bits(c, "b"))});
  s.equals("product", output_bits(c, "product"), std::move(rhs));
  return s;
}

construction build_multiplication(parameters const& p) {
  auto const m = param(p, "m");
  construction k;
  auto& c = k.c;
  auto const a = c.create_input_bus("a", m);
  auto const b = c.create_input_bus("b", m);

  auto const sum = create_multiplier(k, "", a, b);
  c.add_output_bus("product", sum);
  return k;
}

}  // namespace

lemma integer_multiplication_lemma() {
  lemma l;
  l.name = "int.mul";
  l.title = "multiplication of two m-bit unsigned integers";
  l.paper_ref = "integer core of d_std (float multiplication)";
  l.claim = "product = a * b exactly, in constant depth and polynomial size";
  l.parameter_table = {{"m", 1, 128}};
  l.interface = [](parameters const& p) {
    auto const m = param(p, "m");
    return std::vector<bus_decl>{{"a", m, true}, {"b", m, true}, {"product", 2 * m, false}};
  };
  l.build = build_multiplication;
  l.specification = spec_multiplication;
  l.depth_bound = 9;
  l.degree_bound = 3;
  l.monolithic_max_input_bits = 12;
  l.self_check_size = {{"m", 4}};
  l.default_sweeps = {sweep({}, "m", {4, 8, 12, 16, 24, 32})};
  return l;
}

}  // namespace tc0
