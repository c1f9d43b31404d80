// Lemma float.div — the paper's two-operand float division (d_std): round_p(a / b), the exact
// quotient rounded once (SPEC §2; conventions in core/float_format.hpp, x / 0 included).
//
// Claim: round_p(a / b) for valid p-bit floats has a threshold circuit of constant depth and
//   size polynomial in p and in the exponent width.
// Construction: the float quotient block (proofs/blocks/float_quotient.hpp), m = p + 1:
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
#include "proofs/blocks/float_quotient.hpp"
#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

linear_spec spec_float_div(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  auto const a = input_float(c, "a"), b = input_float(c, "b");
  linear_spec s;
  s.description = "r = round_p(a / b), x / 0 saturating, " + f.describe();
  require_valid(s, a, f);
  require_valid(s, b, f);
  s.clauses.push_back(float_quotient_clause("r", f, a, b, output_float(c, "r").bits()));
  return s;
}

construction build_float_div(parameters const& p) {
  auto const f = format_of(p);
  construction k;
  auto const a = create_float_input(k.c, "a", f);
  auto const b = create_float_input(k.c, "b", f);
  auto const r = create_float_quotient(k, f, a, b);  // a, b valid: the lemma's precondition
  add_float_output(k.c, "r", f, r.bits);
  k.output_hypotheses = {.steps = {r.conclusion}};
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
