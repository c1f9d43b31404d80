// Lemma float.compare — the paper's float comparison (part of d_std): lt = [a < b], exact.
//
// Claim: [a < b] for valid p-bit floats has a threshold circuit of constant depth and size
//   polynomial in p and the exponent width.
// Construction (one stage, compare): proofs/blocks/float_less.hpp, keys (u, |m|) compared by
//   two comparators and the signs. Depth 5.
// Specification: lt = [b - a >= 1] over the values in units of 2^e_min ((1 - 2s) |m| 2^u,
//   shifted terms in bit-vectors), given both inputs valid (core/float_format.hpp).
// Obligations: the stage (lt = [sigma(a) < sigma(b)] over the signed keys (1 - 2s)(|m| + 2^p u),
//   a and b valid: no shifts, so fast at every exponent range), its precondition, the certified
//   step key_order (for valid floats the signed keys order as the values: a theorem, its
//   hypotheses, the stage's clause and preconditions, checked), the composition (verbatim), the
//   monolithic miter at small p (which proves the lemma's value clause from the circuit without
//   the theorem), exhaustive simulation, S1, S2.
// Expected: all proved.
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/float_less.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

linear_spec spec_float_compare(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  auto const a = input_float(c, "a"), b = input_float(c, "b");
  linear_spec s;
  s.description = "lt = [a < b], " + f.describe();
  require_valid(s, a, f);
  require_valid(s, b, f);
  s.is_nonnegative("lt", output_bits(c, "lt").at(0),
                   scaled_value(b).add(scaled_value(a), -1).add_constant(-1));
  return s;
}

// (1 - 2 s) (|m| + 2^p u): the float's key, signed. For valid floats the keys are ordered as
// the magnitudes (the canonical zero has key 0), so a < b iff sigma(a) < sigma(b).
linear_expr signed_key(float_bus const& x, float_format const& f) {
  auto const key =
      linear_expr::value_of(x.magnitude.bits).add(linear_expr::value_of(x.exponent.bits, f.p));
  return linear_expr{key}.add_product(-2, {linear_expr::of(x.sign.bits.at(0)), key});
}

// The stage's specification: a and b valid, lt = [sigma(a) < sigma(b)].
linear_spec key_order_spec(float_bus const& a, float_bus const& b, signal lt,
                           float_format const& f) {
  linear_spec s;
  s.description = "lt = [sigma(a) < sigma(b)], sigma the signed key (1 - 2s)(|m| + 2^p u)";
  require_valid(s, a, f);
  require_valid(s, b, f);
  s.is_nonnegative("lt", lt, signed_key(b, f).add(signed_key(a, f), -1).add_constant(-1));
  return s;
}

construction build_float_compare(parameters const& p) {
  auto const f = format_of(p);
  construction k;
  auto& c = k.c;
  auto const a = create_float_input(c, "a", f);
  auto const b = create_float_input(c, "b", f);
  c.begin_stage("compare", {a.magnitude, a.exponent, a.sign, b.magnitude, b.exponent, b.sign});
  auto const lt = create_float_less(c, a, b);
  c.end_stage({bus{"lt", {lt}}});
  c.add_output_bus("lt", {lt});
  // the stage compares signed keys, given valid operands (no value of a float in it: narrow)
  auto const stage = k.add_stage_spec(key_order_spec(a, b, lt, f));
  // key_order: the values' order from the keys' (certified: at the paper's range a solver query
  // over the values shifts by up to 2^(p+1) bits and takes most of a minute at p = 8)
  composition_step step{.name = "key_order", .stages = {stage}};
  step.theorem =
      "for valid floats x = (-1)^s |m| 2^(u + e_min) (|m| in [2^(p-1), 2^p), or the canonical "
      "zero <0, e_min> with s = 0), sigma(x) = (1 - 2s)(|m| + 2^p u) is strictly increasing in "
      "x: for 0 <= |x| < |y|, u_x < u_y gives |x| < 2^(p + u_x + e_min) <= 2^(p - 1 + u_y + e_min) "
      "<= |y| and |m_x| + 2^p u_x < 2^p (u_x + 1) <= |m_y| + 2^p u_y, u_x = u_y orders both by "
      "|m|, u_x > u_y orders both the other way, the zero has key 0 and value 0, and the sign "
      "flips both orders; so [sigma(a) < sigma(b)] = [a < b] (the stage states the first, "
      "requiring a and b valid, checked)";
  auto const lemma_spec = spec_float_compare(c, p);
  step.goal.description = lemma_spec.description;
  step.goal.clauses = lemma_spec.clauses;
  std::vector<expected_fact> expected;
  auto const rebuilt = key_order_spec(a, b, lt, f);
  expect_clauses(expected, "stage compare", stage, false, rebuilt);
  for (auto const& pre : rebuilt.preconditions)
    expect_precondition(expected, "stage compare", stage, pre);
  stated_facts const cited(k, std::move(expected));
  step.check = [cited]() -> std::optional<certified_failure> {
    if (auto const missing = cited.first_missing())
      return certified_failure{*missing, std::nullopt};
    return std::nullopt;
  };
  k.output_hypotheses = {.steps = {k.add_step(std::move(step))}};
  return k;
}

}  // namespace

lemma float_comparison_lemma() {
  auto l = binary_float_lemma("float.compare", 16, [](float_format const&) {
    return std::vector<bus_decl>{{"lt", 1, false}};
  });
  l.title = "p-bit float comparison a < b, exact";
  l.paper_ref = "d_std (comparison), SPEC §2";
  l.claim = "lt = [a < b] for valid floats, in constant depth and polynomial size";
  l.paper_depth = "d_std";
  l.build = build_float_compare;
  l.specification = spec_float_compare;
  l.depth_bound = 5;
  l.degree_bound = 3;
  l.monolithic_max_input_bits = 20;
  l.self_check_size = {{"p", 3}, {"k", 2}};
  // the paper's range: the key order's theorem keeps the queries narrow (p = 8 proved in well
  // under a second; a query over the values took 46 s)
  l.default_sweeps = {sweep({{"k", 0}}, "p", {2, 3, 4, 6, 8, 12, 16})};
  return l;
}

}  // namespace tc0
