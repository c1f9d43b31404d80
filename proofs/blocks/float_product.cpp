#include "proofs/blocks/float_product.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/multiplier.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/steps/rounding_congruence.hpp"

namespace tc0 {

spec_clause float_product_clause(std::string const& name, float_format const& f, float_bus const& a,
                                 float_bus const& b, std::vector<signal> const& r) {
  linear_expr magnitude;
  magnitude.add_product(
      1, {linear_expr::value_of(a.magnitude.bits), linear_expr::value_of(b.magnitude.bits)});
  rounding_target t{
      f, linear_expr::value_of(a.sign.bits).add(linear_expr::value_of(b.sign.bits)),
      linear_expr::value_of(a.exponent.bits).add(linear_expr::value_of(b.exponent.bits)),
      linear_expr{}.add_constant(1), 2 * f.e_min};
  linear_spec s;
  s.rounds_to(name, r, std::move(magnitude), std::move(t));
  return s.clauses.at(0);
}

rounded_float create_float_product(construction& k, float_format const& f, float_bus const& a,
                                   float_bus const& b, std::string const& prefix,
                                   int64_t offset_shift) {
  auto const offset = 2 * f.e_min + offset_shift;
  auto const E = f.exponent_bits();
  auto& c = k.c;
  auto const first = k.stage_specs.size();
  bus const P{"P", create_multiplier(k, prefix + "significand_", a.magnitude, b.magnitude)};

  c.begin_stage(prefix + "exponents", {a.exponent, b.exponent, a.sign, b.sign});
  bus const Z{"Z", create_carry_lookahead_sum(c, a.exponent.bits, b.exponent.bits, E + 1)};
  bus const s{"s", {c.create_xor(a.sign.bits[0], b.sign.bits[0])}};
  c.end_stage({Z, s});
  linear_spec exponent_spec;
  exponent_spec.description = "Z = u_a + u_b, s = s_a + s_b mod 2";
  exponent_spec.equals(
      "Z", Z.bits,
      linear_expr::value_of(a.exponent.bits).add(linear_expr::value_of(b.exponent.bits)));
  exponent_spec.relate("s", s.bits, linear_expr::of(s.bits[0]),
                       linear_expr::of(a.sign.bits[0]).add(linear_expr::of(b.sign.bits[0])),
                       big_int(2));
  k.stage_specs.push_back(std::move(exponent_spec));

  auto const r = create_round_stage(k, prefix + "round", {P, Z, s}, f, P.bits, Z.bits, s.bits[0],
                                    offset, "r = round_p((-1)^s P 2^(Z + 2 e_min))");

  std::vector<size_t> earlier;
  for (auto i = first; i + 1 < k.stage_specs.size(); ++i) earlier.push_back(i);
  auto const conclusion =
      add_rounding_congruence(k, prefix, k.stage_specs.back().clauses.at(0),
                              float_product_clause(prefix + "r", f, a, b, r), earlier);
  return {r, conclusion};
}

}  // namespace tc0
