// Lemma int.power — x^k for an m-bit unsigned integer x, in constant depth (the special case of
// iterated multiplication the series for exp, sin, cos and division need).
//
// Claim: x^k has a threshold circuit of constant depth and polynomial size in k m with small
//   weights.
// Construction: the power block (proofs/blocks/power.hpp): residues, power tables, the
//   Chinese-remainder reconstruction; depth 3 + 1 + 17 = 21 whatever k and m are.
// Specification: value(power) = x * ... * x (k factors), stated as a product.
// Obligations: the stages, their preconditions, the reconstruction's composition steps, and the
//   certified step power_tables: every table entry is checked against v^k mod q computed by
//   repeated multiplication, and x = v mod q implies x^k = v^k mod q (congruence is
//   multiplicative). Monolithic miter at small sizes; exhaustive simulation; S1 and S2.
// Expected: all proved.
#include "proofs/blocks/power.hpp"
#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

unsigned power_width(unsigned k, unsigned m) {
  return width_for(boost::multiprecision::pow(pow2(m) - 1, k));
}

construction build_power(parameters const& p) {
  auto const k_exp = param(p, "k"), m = param(p, "m");
  construction k;
  auto const x = k.c.create_input_bus("x", m);
  auto const power = create_power(k, "", x, k_exp, m);
  k.output_hypotheses = {.steps = {power.conclusion}};  // chinese_remainder: Y = x^k
  auto out = power.bits;
  out.resize(power_width(k_exp, m), const_false);
  k.c.add_output_bus("power", out);
  return k;
}

linear_spec spec_power(circuit const& c, parameters const& p) {
  linear_spec s;
  s.description = "power = x^k";
  std::vector<linear_expr> factors(param(p, "k"), linear_expr::value_of(input_bits(c, "x")));
  linear_expr rhs;
  rhs.add_product(1, std::move(factors));
  s.equals("power", output_bits(c, "power"), std::move(rhs));
  return s;
}

}  // namespace

lemma integer_power_lemma() {
  lemma l;
  l.name = "int.power";
  l.title = "x^k for an m-bit unsigned integer (Chinese remainders, power tables)";
  l.paper_ref = "integer core of the truncated series for exp, sin, cos and of division";
  l.claim = "power = x^k exactly, in constant depth and polynomial size";
  l.parameter_table = {{"k", 1, 64}, {"m", 1, 64}};
  l.interface = [](parameters const& p) {
    return std::vector<bus_decl>{{"x", param(p, "m"), true},
                                 {"power", power_width(param(p, "k"), param(p, "m")), false}};
  };
  l.build = build_power;
  l.specification = spec_power;
  l.depth_bound = 21;
  // The reconstruction dominates as in int.iterated_mul (O((k m)^5) MAJ size at most); the
  // residue and table stages are O(k m) primes times O(m q) and O(q^2).
  l.degree_bound = 6;
  l.monolithic_max_input_bits = 8;
  l.self_check_size = {{"k", 3}, {"m", 4}};
  // k = 8 and m = 8 left to `tc0check check int.power --k 2,4,6,8 --m 4` and `--k 4 --m 8` (the
  // quick start's time)
  l.default_sweeps = {sweep({{"m", 4}}, "k", {2, 4, 6}), sweep({{"k", 4}}, "m", {2, 4, 6})};
  return l;
}

}  // namespace tc0
