// Lemma int.iterated_mul — the product of n m-bit unsigned integers in constant depth, by the
// Chinese remainder theorem (Hesse, Allender and Barrington, JCSS 65 (2002); SPEC §3: genuine
// TC0, not a tree of multipliers).
//
// Claim: x_0 * ... * x_(n-1) has a threshold circuit of constant depth and polynomial size with
//   small weights (the integer engine under the paper's d_⊗ and, through powers, exp/sin/cos).
// Construction (proofs/blocks/crt_plan.hpp chooses the primes q with product M > (2^m - 1)^n):
//   1. residues:    one-hot h_(i,q) = x_i mod q, from sum_j (2^j mod q) x_ij (depth 3)
//   2. log_tables:  z_q = [some h_(i,q) is 0]; l_(i,q) = log_g(h_(i,q)) in binary (an OR per
//                   bit over the one-hot residue: the table is wiring; depth 1)
//   3. log_sums:    one-hot E_q = sum_i l_(i,q) mod (q - 1) (depth 3)
//   4. exp_tables:  one-hot P_q = product residue: P_q[0] = z_q, P_q[g^w] = E_q[w] AND NOT z_q
//                   (the exponentiation table is wiring; depth 1)
//   5-13. back to binary: the Chinese-remainder reconstruction
//                   (proofs/blocks/crt_reconstruction.hpp: each prime's CRT term selected, their
//                   sum T by the column-sum block, comparisons with multiples of M, one
//                   multiplexed offset, one adder; depth 17)
//   Depth 3 + 1 + 3 + 1 + 17 = 25 whatever n and m are (24 measured); size polynomial in n m
//   because every prime is O(n m) (the residues' sums stay below m q, the logs' below n q).
// Specification: value(product) = x_0 * ... * x_(n-1), stated as a product (never expanded).
// Obligations: every stage against its own specification (residue = x mod q; the log table
//   lookups and the zero flags; the log sum mod q - 1; the exponentiation table; the
//   reconstruction's stages) and the implications between them; composition in steps: (e) the
//   discrete-log tables (checked on every entry) with Fermat's little theorem give P_q =
//   prod_i x_i mod q, then the reconstruction's steps, the last of which, (f), checks the primes
//   (M > (2^m - 1)^n) and the CRT coefficients and cites the Chinese remainder theorem.
//   Monolithic miter at small sizes; simulation; S1 across n and m; S2 with degree <= 6
//   (derivation at degree_bound below).
// Expected: all proved; with a prime dropped, (f) is refuted with the all-ones input; with a
//   wrong log entry, stage log_tables is refuted.
#include "proofs/lemmas/integer/integer_iterated_multiplication.hpp"

#include "proofs/blocks/iterated_product.hpp"
#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

std::string factor(unsigned i) {
  return "x" + std::to_string(i);
}

unsigned product_width(unsigned n, unsigned m) {
  return width_for(boost::multiprecision::pow(pow2(m) - 1, n));
}

linear_spec spec_iterated_multiplication(circuit const& c, parameters const& p) {
  linear_spec s;
  s.description = "product = x0 * ... * x(n-1)";
  std::vector<linear_expr> factors;
  for (unsigned i = 0; i < param(p, "n"); ++i)
    factors.push_back(linear_expr::value_of(input_bits(c, factor(i))));
  linear_expr rhs;
  rhs.add_product(1, std::move(factors));
  s.equals("product", output_bits(c, "product"), std::move(rhs));
  return s;
}

}  // namespace

construction build_iterated_multiplication(parameters const& p, crt_faults const& faults) {
  auto const n = param(p, "n"), m = param(p, "m");
  construction k;
  std::vector<bus> x;
  for (unsigned i = 0; i < n; ++i) x.push_back(k.c.create_input_bus(factor(i), m));
  auto const product = create_iterated_product(k, "", x, static_cast<size_t>(n) * m, faults);
  k.output_hypotheses = {.steps = {product.conclusion}};  // Y = x_0 * ... * x_(n-1)
  auto out = product.bits;
  out.resize(product_width(n, m), const_false);
  k.c.add_output_bus("product", out);
  return k;
}

lemma integer_iterated_multiplication_lemma() {
  lemma l;
  l.name = "int.iterated_mul";
  l.title = "iterated multiplication of n m-bit unsigned integers (Chinese remainders)";
  l.paper_ref =
      "integer core of d_⊗ (float iterated multiplication) and of powers in exp, sin, cos";
  l.claim = "product = x0 * ... * x(n-1) exactly, in constant depth and polynomial size";
  l.parameter_table = {{"n", 1, 64}, {"m", 1, 64}};
  l.interface = [](parameters const& p) {
    auto const n = param(p, "n"), m = param(p, "m");
    std::vector<bus_decl> d;
    for (unsigned i = 0; i < n; ++i) d.push_back({factor(i), m, true});
    d.push_back({"product", product_width(n, m), false});
    return d;
  };
  l.build = [](parameters const& p) { return build_iterated_multiplication(p, {}); };
  l.specification = spec_iterated_multiplication;
  l.depth_bound = 25;
  // Polynomial, but not small: with ~n m / ln(n m) primes of size O(n m), the CRT sum has
  // O((n m)^2) rows of O(n m) bits, and its column counts (H threshold gates of fan-in H per
  // column of height H) reach MAJ-normalised size O((n m)^5); the log sums cost O(n^2 q^2) per
  // prime, O(n^5 m^3) in all. Gate counts grow about quadratically at the sizes measured.
  l.degree_bound = 6;
  l.monolithic_max_input_bits = 12;
  l.self_check_size = {{"n", 3}, {"m", 3}};
  // proofs at n = 8 and m = 8 cost a third of the quick start's report (39 s and 18 s of 551 s on
  // 2026-12-03), at n = 6 and m = 6 a further 23 s (2026-12-04): those sizes are built and
  // measured only; `tc0check check int.iterated_mul --n 2,4,6,8 --m 4` proves them
  l.default_sweeps = {sweep({{"m", 4}}, "n", {2, 4}), sweep({{"n", 4}}, "m", {2, 4})};
  l.measured_only["n"] = {6, 8};
  l.measured_only["m"] = {6, 8};
  return l;
}

}  // namespace tc0
