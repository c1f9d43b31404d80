#include "proofs/blocks/float_quotient.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/division.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/steps/sticky_rounding.hpp"

namespace tc0 {
namespace {

// 2^E - 1 - u for an E-bit u, as a linear expression: the value of NOT u
linear_expr complement_value(std::vector<signal> const& u) {
  linear_expr e;
  for (size_t i = 0; i < u.size(); ++i)
    e.add_constant(pow2(static_cast<unsigned>(i))).add_term(-pow2(static_cast<unsigned>(i)), u[i]);
  return e;
}

}  // namespace

spec_clause float_quotient_clause(std::string const& name, float_format const& f,
                                  float_bus const& a, float_bus const& b,
                                  std::vector<signal> const& r) {
  auto const U = pow2(f.exponent_bits()) - 1;
  // z = [b = 0] for valid b: its top significand bit is clear
  auto const z = linear_expr{}.add_constant(1).add_term(-1, b.magnitude.bits.back());
  auto exponent = linear_expr::value_of(a.exponent.bits).add(complement_value(b.exponent.bits));
  exponent.add(z, pow2(f.exponent_bits() + 1));
  auto divisor = linear_expr::value_of(b.magnitude.bits).add(z);
  rounding_target t{f, linear_expr::value_of(a.sign.bits).add(linear_expr::value_of(b.sign.bits)),
                    std::move(exponent), std::move(divisor),
                    -static_cast<int64_t>(U.convert_to<uint64_t>())};
  linear_spec s;
  s.rounds_to(name, r, linear_expr::value_of(a.magnitude.bits), std::move(t));
  return s.clauses.at(0);
}

rounded_float create_float_quotient(construction& k, float_format const& f, float_bus const& a,
                                    float_bus const& b, std::string const& prefix,
                                    std::vector<size_t> const& operand_facts) {
  unsigned const P = f.p, E = f.exponent_bits(), m = P + 1;
  auto const U = static_cast<int64_t>((pow2(E) - 1).convert_to<uint64_t>());
  auto& c = k.c;

  // operands
  c.begin_stage(prefix + "operands", {a.exponent, a.sign, b.magnitude, b.exponent, b.sign});
  linear_spec operand_spec;
  operand_spec.description =
      "z = [m_b = 0], B = |m_b| + z, Z = u_a + (2^E - 1 - u_b), s = s_a + s_b";
  std::vector<signal> not_mb;
  linear_expr none_set;
  for (auto x : b.magnitude.bits) not_mb.push_back(!x), none_set.add_term(-1, x);
  bus const z{prefix + "z", {c.create_and(not_mb)}};
  operand_spec.is_nonnegative("z", z.bits[0], std::move(none_set));
  bus B{prefix + "B", {c.create_or({b.magnitude.bits[0], z.bits[0]})}};
  for (unsigned i = 1; i < P; ++i) B.bits.push_back(b.magnitude.bits[i]);
  B.bits.push_back(const_false);
  operand_spec.equals("B", B.bits,
                      linear_expr::value_of(b.magnitude.bits).add(linear_expr::of(z.bits[0])));
  std::vector<signal> not_ub;
  for (auto x : b.exponent.bits) not_ub.push_back(!x);
  bus const Z{prefix + "Z", create_carry_lookahead_sum(c, a.exponent.bits, not_ub, E + 1)};
  operand_spec.equals(
      "Z", Z.bits, linear_expr::value_of(a.exponent.bits).add(complement_value(b.exponent.bits)));
  bus const s{prefix + "s", {c.create_xor(a.sign.bits[0], b.sign.bits[0])}};
  operand_spec.relate("s", s.bits, linear_expr::of(s.bits[0]),
                      linear_expr::of(a.sign.bits[0]).add(linear_expr::of(b.sign.bits[0])),
                      big_int(2));
  c.end_stage({z, B, Z, s});
  auto const operand_stage = k.add_stage_spec(std::move(operand_spec));

  composition_step positive{.name = prefix + "divisor_positive", .stages = {operand_stage}};
  positive.goal.description = "B >= 1";
  positive.goal.require("B >= 1", linear_expr::value_of(B.bits).add_constant(-1));
  auto const positive_step = k.add_step(std::move(positive));

  // the division block
  bus A{prefix + "A", std::vector<signal>(2 * m, const_false)};
  for (unsigned i = 0; i < P; ++i) A.bits[P + 1 + i] = a.magnitude.bits[i];
  auto const d = create_division(k, A, B, positive_step, {}, prefix);

  // sticky
  bus const R{prefix + "R", d.remainder};
  c.begin_stage(prefix + "sticky", {R});
  bus const t{prefix + "t", {c.create_or(d.remainder)}};
  c.end_stage({t});
  linear_spec sticky_spec;
  sticky_spec.description = "t = [R != 0]";
  sticky_spec.is_nonnegative("t", t.bits[0], linear_expr::value_of(d.remainder).add_constant(-1));
  auto const sticky_stage = k.add_stage_spec(std::move(sticky_spec));

  // round
  bus const Q{prefix + "Q", d.quotient};
  std::vector<signal> N{t.bits[0]};
  N.insert(N.end(), d.quotient.begin(), d.quotient.end());
  auto Zs = Z.bits;
  Zs.push_back(z.bits[0]);  // Z < 2^(E+1): z lands on bit E + 1
  int64_t const offset = -U - static_cast<int64_t>(P) - 2;
  auto const r =
      create_round_stage(k, prefix + "round", {Q, t, Z, z, s}, f, N, Zs, s.bits[0], offset,
                         "r = round_p((-1)^s (2 Q + t) 2^(Z + z 2^(E+1) - (2^E - 1) - p - 2))");

  sticky_quotient const sq{
      linear_expr::value_of(d.quotient), t.bits[0], linear_expr::value_of(B.bits),
      linear_expr{}.add(linear_expr::value_of(A.bits), 2), a.magnitude.bits.back()};
  std::vector<size_t> facts{positive_step, d.quotient_step, d.remainder_step};
  facts.insert(facts.end(), operand_facts.begin(), operand_facts.end());
  auto const conclusion = add_sticky_rounding(
      k, prefix + "quotient_", k.stage_specs.back().clauses.at(0),
      float_quotient_clause(prefix + "r", f, a, b, r), sq, {operand_stage, sticky_stage}, facts);
  return {r, conclusion};
}

}  // namespace tc0
