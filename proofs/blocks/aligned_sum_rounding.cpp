#include "proofs/blocks/aligned_sum_rounding.hpp"

#include "proofs/blocks/float_sum.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

linear_expr value(std::vector<signal> const& bits) {
  return linear_expr::value_of(bits);
}

// (1 - 2 s) e
linear_expr signed_by(signal s, linear_expr const& e) {
  return linear_expr{e}.add_product(-2, {linear_expr::of(s), e});
}

}  // namespace

int64_t aligned_sum_offset(float_format const& f, unsigned L) {
  return f.e_min - static_cast<int64_t>(f.p - 1) - static_cast<int64_t>(L) - 1;
}

linear_spec aligned_normalise_spec(aligned_sum_buses const& x) {
  linear_spec s;
  s.description = "M 2^j = m 2^(p-1) with M normal or 0, v = [m > 0] (u + j), for a and b";
  add_normalised_clauses(s, "a", x.a, x.na, x.f.p);
  add_normalised_clauses(s, "b", x.b, x.nb, x.f.p);
  return s;
}

linear_spec aligned_select_spec(aligned_sum_buses const& x) {
  linear_spec s;
  s.description = "g = [v_a >= v_b]; A = g ? a : b, B the other";
  auto const va = value(x.na.v), vb = value(x.nb.v);
  s.is_nonnegative("g", x.g, linear_expr{va}.add(vb, -1));
  auto const Ma = value(x.na.M), Mb = value(x.nb.M);
  auto const sa = linear_expr::of(x.a.sign.bits.at(0)), sb = linear_expr::of(x.b.sign.bits.at(0));
  s.equals("M_A", x.MA, choose(x.g, Ma, Mb));
  s.equals("M_B", x.MB, choose(x.g, Mb, Ma));
  s.equals("v_A", x.vA, choose(x.g, va, vb));
  s.equals("v_B", x.vB, choose(x.g, vb, va));
  s.equals("s_A", {x.sA}, choose(x.g, sa, sb));
  s.equals("s_B", {x.sB}, choose(x.g, sb, sa));
  return s;
}

linear_spec aligned_difference_goal(aligned_sum_buses const& x) {
  linear_spec s;
  s.description = "d = v_A - v_B";
  s.equals("d", x.d, value(x.vA).add(value(x.vB), -1));
  return s;
}

linear_spec aligned_align_spec(aligned_sum_buses const& x) {
  linear_spec s;
  s.description =
      "far = [d >= L + p], dd = far ? L + p : d, T 2^dd + R = M_B 2^L, R < 2^dd, t = [R > 0]";
  auto const cut = static_cast<int64_t>(x.L + x.f.p);
  auto const d = value(x.d);
  s.is_nonnegative("far", x.far, linear_expr{d}.add_constant(-cut));
  s.equals("dd", x.dd, choose(x.far, linear_expr{}.add_constant(cut), d));
  linear_expr truncated;
  truncated.add_shifted(1, value(x.T), value(x.dd));
  truncated.add(value(x.R));
  auto outputs = x.T;
  outputs.insert(outputs.end(), x.R.begin(), x.R.end());
  s.relate("T 2^dd + R = M_B 2^L", outputs, std::move(truncated),
           linear_expr{}.add(value(x.MB), pow2(x.L)), std::nullopt);
  linear_expr room;
  room.add_shifted(1, linear_expr{}.add_constant(1), value(x.dd));
  s.constrain("R < 2^dd", room.add(value(x.R), -1).add_constant(-1));
  s.is_nonnegative("t", x.t, value(x.R).add_constant(-1));
  return s;
}

linear_spec aligned_signed_value_goal(aligned_sum_buses const& x) {
  linear_spec s;
  s.description = "(1 - 2 negative) N = (1 - 2 s_A) 2^(L+1) M_A + (1 - 2 s_B)(2 T + t)";
  auto const low = value(x.T).add(value(x.T)).add_term(1, x.t);
  auto e = signed_by(x.negative, value(x.N));
  e.add(signed_by(x.sA, value(x.MA)), -pow2(x.L + 1));
  e.add(signed_by(x.sB, low), -1);
  s.constrain_zero("(1 - 2 negative) N", e);
  return s;
}

linear_spec aligned_large_goal(aligned_sum_buses const& x) {
  linear_spec s;
  s.description = "N >= 2^(p+1) + 1 where t";
  s.constrain("N large where t", value(x.N).add_term(-(pow2(x.f.p + 1) + 1), x.t));
  return s;
}

linear_spec aligned_round_spec(aligned_sum_buses const& x) {
  return round_stage_spec(x.f, x.r, x.N, x.vA, x.negative, aligned_sum_offset(x.f, x.L),
                          "r = round_p((-1)^negative N 2^(v_A + o))");
}

size_t add_aligned_sum_rounding(construction& k, std::string const& prefix,
                                aligned_sum_buses const& x, aligned_sum_sources const& at) {
  composition_step step{.name = prefix + "aligned_rounding",
                        .stages = {at.normalise, at.select, at.align, at.round},
                        .steps = {at.difference, at.signed_value, at.large}};
  step.theorem =
      "the exact sum is 2^(v_A - c - L) (s(A) M_A 2^L + s(B) M_B 2^(L - d)) (normalise, select, "
      "exponent_difference); M_B 2^(L - d) = T + rho with 0 <= rho < 1 and rho > 0 exactly when t "
      "= 1 "
      "(align: far = 0 gives dd = d, far = 1 gives T = 0 and R 2^-d < 1); so at the round "
      "stage's scale 2^(v_A + o) the exact value is (1 - 2 negative) N + s(B)(2 rho - t) "
      "(signed_value): N itself where t = 0; where t = 1 within distance < 1 of the odd "
      "N >= 2^(p+1) + 1 (large), inside (N - 1, N + 1) where every float and every midpoint at "
      "which round_p changes is a multiple of 2, so both round alike "
      "(proofs/blocks/aligned_sum_rounding.hpp)";
  auto const goal = float_sum_clause(prefix + "r", x.f, {x.a, x.b}, x.r);
  step.goal.description = "r = round_p(a + b)";
  step.goal.clauses.push_back(goal);
  std::vector<expected_fact> expected;
  expect_clauses(expected, "stage " + prefix + "normalise", at.normalise, false,
                 aligned_normalise_spec(x));
  expect_clauses(expected, "stage " + prefix + "select", at.select, false, aligned_select_spec(x));
  expect_clauses(expected, "stage " + prefix + "align", at.align, false, aligned_align_spec(x));
  expect_clauses(expected, "stage " + prefix + "round", at.round, false, aligned_round_spec(x));
  expect_clauses(expected, "step " + prefix + "exponent_difference", at.difference, true,
                 aligned_difference_goal(x));
  expect_clauses(expected, "step " + prefix + "signed_value", at.signed_value, true,
                 aligned_signed_value_goal(x));
  expect_clauses(expected, "step " + prefix + "large", at.large, true, aligned_large_goal(x));
  stated_facts const cited(k, std::move(expected));
  // the theorem reads M_A and M_B as below 2^p: the normalised significands are p bits wide
  auto const widths_fit = x.na.M.size() == x.f.p && x.nb.M.size() == x.f.p &&
                          x.MA.size() == x.f.p && x.MB.size() == x.f.p;
  step.check = [cited, widths_fit]() -> std::optional<certified_failure> {
    if (!widths_fit)
      return certified_failure{"the normalised significands are not p bits wide", std::nullopt};
    if (auto const missing = cited.first_missing())
      return certified_failure{*missing, std::nullopt};
    return std::nullopt;
  };
  return k.add_step(std::move(step));
}

}  // namespace tc0
