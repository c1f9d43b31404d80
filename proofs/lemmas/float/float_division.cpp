// Lemma float.div — the paper's two-operand float division (d_std): round_p(a / b), the exact
// quotient rounded once (SPEC §2; conventions in core/float_format.hpp, x / 0 included).
//
// Claim: round_p(a / b) for valid p-bit floats has a threshold circuit of constant depth and
//   size polynomial in p and in the exponent width.
// Construction (m = p + 1):
//   1. operands: z = [|m_b| = 0]; B = |m_b| + z (m bits; B = 1 for a zero divisor, so the
//      division block's B >= 1 holds everywhere); A = |m_a| 2^(p+1) (2m bits, constant zeros
//      below); Z = u_a + (2^E - 1 - u_b) (a lookahead adder on u_a and NOT u_b); s = s_a XOR s_b
//   2. the division block (proofs/blocks/division.hpp): Q = floor(A / B), R = A - Q B
//   3. sticky: t = [R != 0] (one OR)
//   4. round: round_p((-1)^s N 2^(Z' - (2^E - 1) - p - 2)) with N = 2 Q + t and Z' = Z + z 2^(E+1)
//      (proofs/blocks/round_to_format.hpp); for a zero divisor Z' lies beyond every exponent,
//      so a nonzero dividend saturates.
//   Why the sticky bit is enough: for b != 0 and a != 0, A / B > 2^p, so Q >= 2^p and N has at
//   least p + 2 bits; 2 A / B and N lie in the same open interval (2Q, 2Q + 2) unless both equal
//   2Q, and that interval contains no value at which round_p changes (those are multiples of 2
//   at this scale). The steps of proofs/steps/sticky_rounding.hpp check this: quotient_arguments
//   (the bracket and the sticky bit, from the quotient relation), quotient_large (Q >= 2^p for
//   a != 0) and the certified quotient_sticky.
// Specification: r = round_p((-1)^(s_a + s_b) |m_a| / (|m_b| + z) 2^(u_a - u_b + z K)) with
//   z = 1 - (top bit of m_b) (for valid b: [b = 0]) and K = 2^(E+1) (E exponent bits; any
//   K > e_max would do; this one is where the round stage's exponent puts z), given
//   both inputs valid:
//   a / b exactly when b != 0; when b = 0, a value beyond the largest float for a != 0 (so x / 0
//   saturates to the largest magnitude with the sign of a) and 0 for a = 0.
// Obligations: the stages (the division block's as in int.div), the steps divisor_positive
//   (B >= 1, which the block's series step rests on), the block's steps, and the three
//   sticky-rounding steps (the round stage's clause, the quotient relation, R = A - Q B and the
//   sticky bit give the lemma's clause); exhaustive simulation against the Boost reference where
//   the inputs fit; S1 across p, S2. No monolithic miter (the division's products).
// Expected: all proved at the default sizes.
#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/division.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/lemmas/lemmas.hpp"
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

linear_spec spec_float_div(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  auto const a = input_float(c, "a"), b = input_float(c, "b");
  linear_spec s;
  s.description = "r = round_p(a / b), x / 0 saturating, " + f.describe();
  require_valid(s, a, f);
  require_valid(s, b, f);
  auto const U = pow2(f.exponent_bits()) - 1;
  // z = [b = 0] for valid b: its top significand bit is clear
  auto const z = linear_expr{}.add_constant(1).add_term(-1, b.magnitude.bits.back());
  auto exponent = linear_expr::value_of(a.exponent.bits).add(complement_value(b.exponent.bits));
  exponent.add(z, pow2(f.exponent_bits() + 1));
  auto divisor = linear_expr::value_of(b.magnitude.bits).add(z);
  rounding_target t{f, linear_expr::value_of(a.sign.bits).add(linear_expr::value_of(b.sign.bits)),
                    std::move(exponent), std::move(divisor),
                    -static_cast<int64_t>(U.convert_to<uint64_t>())};
  s.rounds_to("r", output_float(c, "r").bits(), linear_expr::value_of(a.magnitude.bits),
              std::move(t));
  return s;
}

construction build_float_div(parameters const& p) {
  auto const f = format_of(p);
  unsigned const P = f.p, E = f.exponent_bits(), m = P + 1;
  auto const U = static_cast<int64_t>((pow2(E) - 1).convert_to<uint64_t>());
  construction k;
  auto& c = k.c;
  auto const a = create_float_input(c, "a", f);
  auto const b = create_float_input(c, "b", f);

  // 1. operands
  c.begin_stage("operands", {a.exponent, a.sign, b.magnitude, b.exponent, b.sign});
  linear_spec operand_spec;
  operand_spec.description =
      "z = [m_b = 0], B = |m_b| + z, Z = u_a + (2^E - 1 - u_b), s = s_a + s_b";
  std::vector<signal> not_mb;
  linear_expr none_set;
  for (auto x : b.magnitude.bits) not_mb.push_back(!x), none_set.add_term(-1, x);
  bus const z{"z", {c.create_and(not_mb)}};
  operand_spec.is_nonnegative("z", z.bits[0], std::move(none_set));
  bus B{"B", {c.create_or({b.magnitude.bits[0], z.bits[0]})}};
  for (unsigned i = 1; i < P; ++i) B.bits.push_back(b.magnitude.bits[i]);
  B.bits.push_back(const_false);
  operand_spec.equals("B", B.bits,
                      linear_expr::value_of(b.magnitude.bits).add(linear_expr::of(z.bits[0])));
  std::vector<signal> not_ub;
  for (auto x : b.exponent.bits) not_ub.push_back(!x);
  bus const Z{"Z", create_carry_lookahead_sum(c, a.exponent.bits, not_ub, E + 1)};
  operand_spec.equals(
      "Z", Z.bits, linear_expr::value_of(a.exponent.bits).add(complement_value(b.exponent.bits)));
  bus const s{"s", {c.create_xor(a.sign.bits[0], b.sign.bits[0])}};
  operand_spec.relate("s", s.bits, linear_expr::of(s.bits[0]),
                      linear_expr::of(a.sign.bits[0]).add(linear_expr::of(b.sign.bits[0])),
                      big_int(2));
  c.end_stage({z, B, Z, s});
  auto const operand_stage = k.add_stage_spec(std::move(operand_spec));

  composition_step positive{.name = "divisor_positive", .stages = {operand_stage}};
  positive.goal.description = "B >= 1";
  positive.goal.require("B >= 1", linear_expr::value_of(B.bits).add_constant(-1));
  auto const positive_step = k.add_step(std::move(positive));

  // 2. the division block
  bus A{"A", std::vector<signal>(2 * m, const_false)};
  for (unsigned i = 0; i < P; ++i) A.bits[P + 1 + i] = a.magnitude.bits[i];
  auto const d = create_division(k, A, B, positive_step);

  // 3. sticky
  bus const R{"R", d.remainder};
  c.begin_stage("sticky", {R});
  bus const t{"t", {c.create_or(d.remainder)}};
  c.end_stage({t});
  linear_spec sticky_spec;
  sticky_spec.description = "t = [R != 0]";
  sticky_spec.is_nonnegative("t", t.bits[0], linear_expr::value_of(d.remainder).add_constant(-1));
  auto const sticky_stage = k.add_stage_spec(std::move(sticky_spec));

  // 4. round
  bus const Q{"Q", d.quotient};
  std::vector<signal> N{t.bits[0]};
  N.insert(N.end(), d.quotient.begin(), d.quotient.end());
  auto Zs = Z.bits;
  Zs.push_back(z.bits[0]);  // Z < 2^(E+1): z lands on bit E + 1
  int64_t const offset = -U - static_cast<int64_t>(P) - 2;
  auto const r =
      create_round_stage(k, "round", {Q, t, Z, z, s}, f, N, Zs, s.bits[0], offset,
                         "r = round_p((-1)^s (2 Q + t) 2^(Z + z 2^(E+1) - (2^E - 1) - p - 2))");
  add_float_output(c, "r", f, r);

  auto const lemma_spec = spec_float_div(c, p);
  sticky_quotient const sq{
      linear_expr::value_of(d.quotient), t.bits[0], linear_expr::value_of(B.bits),
      linear_expr{}.add(linear_expr::value_of(A.bits), 2), a.magnitude.bits.back()};
  auto const rounded = add_sticky_rounding(
      k, "quotient_", k.stage_specs.back().clauses.at(0), lemma_spec.clauses.at(0), sq,
      {operand_stage, sticky_stage}, {positive_step, d.quotient_step, d.remainder_step});
  k.output_hypotheses = {.steps = {rounded}};
  return k;
}

}  // namespace

lemma float_division_lemma() {
  auto l = binary_float_lemma("float.div", 15, float_result);
  l.title = "p-bit float division, exact quotient rounded once";
  l.paper_ref = "d_std (float division), SPEC §2";
  l.claim =
      "r = round_p(a / b) for valid inputs (x / 0 saturating), in constant depth and "
      "polynomial size";
  l.paper_depth = "d_std";
  l.build = build_float_div;
  l.specification = spec_float_div;
  l.depth_bound = 60;
  l.degree_bound = 10;  // the division block's, in m = p + 1
  l.monolithic_max_input_bits = 0;
  l.self_check_size = {{"p", 3}, {"k", 2}};
  // p = 2 folds a stage of the division (m = 3 with A's constant zeros); p >= 5 (m >= 6) takes
  // minutes to prove, so S1/S2 see p = 6, 8 built and measured only
  l.default_sweeps = {sweep({{"k", 3}}, "p", {3, 4})};
  l.measured_only["p"] = {6, 8};
  return l;
}

}  // namespace tc0
