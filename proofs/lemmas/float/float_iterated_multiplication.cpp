// Lemma float.iterated_mul — the paper's iterated multiplication ⊗ (d_⊗): round_p(x_0 * ... *
// x_(n-1)), the exact product rounded once (SPEC §2).
//
// Claim: round_p(prod_i x_i) has a threshold circuit of constant depth (whatever n) and size
//   polynomial in n, p and the exponent width.
// Construction:
//   significands: P = |m_0| ... |m_(n-1)| by the Chinese-remainder product
//                 (proofs/blocks/iterated_product.hpp: residues, log tables, log sums, exp
//                 tables, reconstruction; depth 25)
//   exponent_*:   Z = u_0 + ... + u_(n-1) (the column-sum block)
//   sign:         s = parity of s_0 + ... + s_(n-1) (a residue mod 2, depth 3)
//   round:        round_p((-1)^s P 2^(Z + n e_min)) (proofs/blocks/round_to_format.hpp)
// Specification: r = round_p((-1)^(sum s_i) prod |m_i| 2^(sum u_i + n e_min)) for every input
//   pattern (inputs read as the values of their bits).
// Obligations: the stages; the certified discrete_logs and chinese_remainder steps (the latter
//   concludes P = prod |m_i|); the step arguments (P, Z and the sign parity are the lemma's) and
//   the certified congruence (proofs/steps/rounding_congruence.hpp); monolithic and exhaustive
//   simulation at small sizes; S1 across n and p; S2.
// Expected: all proved.
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/iterated_product.hpp"
#include "proofs/blocks/residue.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/steps/permutation_invariance.hpp"
#include "proofs/steps/rounding_congruence.hpp"

namespace tc0 {
namespace {

linear_spec spec_product(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  auto const n = param(p, "n");
  std::vector<linear_expr> magnitudes;
  linear_expr signs, exponents;
  for (unsigned i = 0; i < n; ++i) {
    auto const x = input_float(c, iterated_operand(i));
    magnitudes.push_back(linear_expr::value_of(x.magnitude.bits));
    signs.add(linear_expr::value_of(x.sign.bits));
    exponents.add(linear_expr::value_of(x.exponent.bits));
  }
  linear_expr product;
  product.add_product(1, std::move(magnitudes));
  linear_spec s;
  s.description = "r = round_p(x0 * ... * x" + std::to_string(n - 1) + "), " + f.describe();
  s.rounds_to("r", output_float(c, "r").bits(), std::move(product),
              {f, std::move(signs), std::move(exponents), linear_expr{}.add_constant(1),
               static_cast<int64_t>(n) * f.e_min});
  return s;
}

construction build_product(parameters const& p) {
  auto const f = format_of(p);
  auto const n = param(p, "n");
  construction k;
  auto& c = k.c;
  std::vector<float_bus> xs;
  std::vector<bus> magnitudes, exponents, signs;
  for (unsigned i = 0; i < n; ++i) {
    xs.push_back(create_float_input(c, iterated_operand(i), f));
    magnitudes.push_back(xs.back().magnitude);
    exponents.push_back(xs.back().exponent);
    signs.push_back(xs.back().sign);
  }
  auto const product =
      create_iterated_product(k, "", magnitudes, static_cast<size_t>(n) * f.total_bits());
  auto const product_step = product.conclusion;  // chinese_remainder: P = prod |m_i|
  auto P = product.bits;
  if (P.size() < f.p + 2) P.resize(f.p + 2, const_false);

  std::vector<size_t> argument_stages;
  std::vector<std::vector<signal>> columns(f.exponent_bits());
  for (auto const& e : exponents)
    for (unsigned j = 0; j < e.bits.size(); ++j) columns[j].push_back(e.bits[j]);
  auto const first_exponent_stage = k.stage_specs.size();
  bus const Z{"Z", create_column_sum(k, "exponent_", exponents, columns)};
  for (auto s = first_exponent_stage; s < k.stage_specs.size(); ++s) argument_stages.push_back(s);

  c.begin_stage("sign", signs);
  std::vector<signal> sign_bits;
  for (auto const& b : signs) sign_bits.push_back(b.bits[0]);
  auto const parity = create_residue_one_hot(c, sign_bits, std::vector<big_int>(n, 1), 2);
  bus const s{"s", {parity[1]}};
  c.end_stage({s});
  linear_spec sign_spec;
  sign_spec.description = "s = s_0 + ... + s_(n-1) mod 2";
  linear_expr sum_of_signs;
  for (auto b : sign_bits) sum_of_signs.add_term(1, b);
  sign_spec.relate("s", s.bits, linear_expr::of(s.bits[0]), sum_of_signs, big_int(2));
  argument_stages.push_back(k.stage_specs.size());
  k.stage_specs.push_back(std::move(sign_spec));

  bus const N{"P", P};
  auto const offset = static_cast<int64_t>(n) * f.e_min;
  auto const r = create_round_stage(k, "round", {N, Z, s}, f, N.bits, Z.bits, s.bits[0], offset,
                                    "r = round_p((-1)^s P 2^(Z + n e_min))");
  add_float_output(c, "r", f, r);

  auto const rounded =
      add_rounding_congruence(k, "", k.stage_specs.back().clauses.at(0),
                              spec_product(c, p).clauses.at(0), argument_stages, {product_step});
  k.output_hypotheses = {.steps = {rounded}};
  std::vector<std::vector<signal>> operands;
  for (auto const& x : xs) operands.push_back(x.bits());
  add_permutation_invariance(k, spec_product(c, p), operands);
  return k;
}

}  // namespace

lemma float_iterated_multiplication_lemma() {
  auto l = iterated_float_lemma("float.iterated_mul", 16, 12);
  l.title = "iterated float multiplication of n p-bit floats, exact product rounded once";
  l.paper_ref = "d_⊗ (iterated multiplication), SPEC §2";
  l.claim = "r = round_p(x_0 * ... * x_(n-1)) for all inputs, in depth independent of n";
  l.paper_depth = "d_⊗";
  l.build = build_product;
  l.specification = spec_product;
  l.depth_bound = 45;
  l.degree_bound = 6;  // the Chinese-remainder product's bound
                       // (proofs/lemmas/integer/integer_iterated_multiplication.cpp)
  l.monolithic_max_input_bits = 12;
  l.self_check_size = {{"n", 2}, {"p", 2}, {"k", 2}};
  // and the paper's range (k = 0) over p, proved at p = 2, 4 and measured to 12 (its range)
  l.default_sweeps = {sweep({{"p", 3}, {"k", 3}}, "n", {2, 3, 4}),
                      sweep({{"n", 2}, {"k", 0}}, "p", {2, 4})};
  l.measured_only["p"] = {8, 12};
  return l;
}

}  // namespace tc0
