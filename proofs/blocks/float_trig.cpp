#include "proofs/blocks/float_trig.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/fixed_point_operand.hpp"
#include "proofs/blocks/multiplier.hpp"
#include "proofs/blocks/power.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/blocks/trig_budget.hpp"
#include "proofs/blocks/weighted_rows.hpp"

namespace tc0 {

spec_clause float_trig_clause(std::string const& name, approximated_function fn,
                              float_format const& f, float_bus const& x,
                              std::vector<signal> const& r) {
  linear_spec s;
  s.approximates(name, r, fn, linear_expr::value_of(x.magnitude.bits),
                 {f, linear_expr::of(x.sign.bits.at(0)), linear_expr::value_of(x.exponent.bits),
                  linear_expr{}.add_constant(1), f.e_min, false});
  return s.clauses.at(0);
}

rounded_float create_float_trig(construction& k, approximated_function fn, float_format const& f,
                                unsigned K, float_bus const& x, std::string const& prefix,
                                trig_faults const& faults) {
  if (fn == approximated_function::exp)
    throw std::logic_error("create_float_trig: the function is not sin or cos");
  auto const plan = plan_trig(fn, f, K, faults);
  auto& c = k.c;
  bool const is_sin = fn == approximated_function::sin;
  signal const s = x.sign.bits.at(0);
  auto const input_count = x.bits().size();
  trig_budget_facts facts;
  facts.m = x.magnitude.bits;
  facts.u = x.exponent.bits;
  facts.s = s;

  // trig_operands: huge, (sin) big, X
  operand_flags big_flag;
  if (is_sin)
    big_flag = [&](circuit& cc, linear_spec& spec, signal) {
      signal const big = create_exponent_at_least(cc, spec, "big", f, x,
                                                  exponent_at(f, -static_cast<int64_t>(f.p)));
      return std::vector<bus>{{prefix + "big", {big}}};
    };
  auto const ops = create_fixed_point_operand(k, prefix, "trig_operands", "trig_fixed_point", f, x,
                                              plan.I(), plan.F, big_flag);
  signal const huge = ops.huge.bits[0];
  // the domain the error budget is checked for, required of x: the lemma's precondition in
  // float.sin and float.cos, a fact about the angle's own blocks in a composite
  auto [domain, bound] = magnitude_at_most("x", x, f, K);
  k.stage_specs.at(ops.stage).require(std::move(domain), std::move(bound));
  facts.operands_stage = ops.stage;
  facts.fixed_point_step = ops.fixed_point;
  facts.huge = huge;
  if (is_sin) facts.big = ops.flags.at(0).bits.at(0);
  facts.X = ops.X.bits;

  // trig_scale_*: T = X L
  std::vector<std::vector<signal>> scale_columns;
  add_weighted_row(scale_columns, ops.X.bits, plan.L, 0);
  auto const [T_bits, scale_step] = create_column_sum_with_value(
      k, prefix + "trig_scale_", prefix + "trig_scale_value", {ops.X}, scale_columns, "T = L X",
      linear_expr{}.add(linear_expr::value_of(ops.X.bits), plan.L));
  facts.scale_step = scale_step;
  facts.T = T_bits;
  bus const T{prefix + "T", padded(T_bits, plan.q_bit() + 2)};

  // trig_reduce: Psi and sigma
  unsigned const qb = plan.q_bit(), WF = plan.WF;
  c.begin_stage(prefix + "trig_reduce", {T, x.sign});
  signal const q0 = T.bits[qb], q1 = T.bits[qb + 1];
  signal const sel = is_sin ? q0 : !q0;
  std::vector<signal> const Phi(T.bits.begin() + (qb - WF), T.bits.begin() + qb);
  std::vector<signal> flipped;
  for (auto bit : Phi) flipped.push_back(c.create_xor(bit, sel));
  bus const Psi{prefix + "Psi", create_carry_lookahead_sum(c, flipped, {sel}, WF + 1)};
  signal const sigma = is_sin ? c.create_xor(s, q1) : c.create_xor(q0, q1);
  bus const sigma_bus{prefix + "sigma", {sigma}};
  c.end_stage({Psi, sigma_bus});
  facts.reduce_stage = k.add_stage_spec(trig_reduce_spec(plan, T.bits, s, Psi.bits, sigma));
  facts.Psi = Psi.bits;
  facts.sigma = sigma;

  // pow<2j>_*: Psi_j^(2j)
  facts.powers.resize(plan.N + 1);
  std::vector<bus> row_inputs{ops.huge};
  for (unsigned j = 1; j <= plan.N; ++j) {
    if (plan.A[j] == 0) continue;
    bus const Pj{prefix + "Psi" + std::to_string(j),
                 std::vector<signal>(Psi.bits.begin() + (WF - plan.b[j]), Psi.bits.end())};
    auto const name = "pow" + std::to_string(2 * j) + "_";
    auto const pw = create_power(k, prefix + name, Pj, 2 * j, input_count);
    facts.powers[j] = pw.bits;
    facts.power_steps.push_back(pw.conclusion);
    row_inputs.push_back(
        bus{prefix + "Psi" + std::to_string(j) + "^" + std::to_string(2 * j), pw.bits});
  }

  // trig_pos_*, trig_neg_*: P and Q
  std::vector<std::vector<signal>> P_columns, Q_columns;
  linear_expr P_value, Q_value;
  big_int const A0 = plan.A[0] * pow2(plan.c) + 1;
  add_weighted_row(P_columns, {!huge}, A0, 0);
  P_value.add_term(A0, !huge);
  for (unsigned j = 1; j <= plan.N; ++j) {
    if (plan.A[j] == 0) continue;
    auto const row = trig_row(plan, j, facts.powers[j]);
    auto const scale = trig_row_scale(plan, j);
    add_weighted_row(j % 2 == 0 ? P_columns : Q_columns, row, plan.A[j], scale);
    (j % 2 == 0 ? P_value : Q_value).add(linear_expr::value_of(row), plan.A[j] * pow2(scale));
  }
  auto const [P, pos_step] =
      create_column_sum_with_value(k, prefix + "trig_pos_", prefix + "trig_pos_value", row_inputs,
                                   P_columns, "P = the even terms", P_value);
  auto const [Q, neg_step] =
      create_column_sum_with_value(k, prefix + "trig_neg_", prefix + "trig_neg_value", row_inputs,
                                   Q_columns, "Q = the odd terms", Q_value);
  facts.pos_step = pos_step;
  facts.neg_step = neg_step;
  facts.P = P;
  facts.Q = Q;

  // trig_difference: D = P + 2^W - 1 - Q; H = D's bits c .. W - 1
  unsigned const W = trig_difference_width(plan, P.size(), Q.size());
  auto const [D_bits, difference_stage] =
      create_offset_difference(k, prefix, "trig_difference", P, Q, W);
  facts.difference_stage = difference_stage;
  bus const D{prefix + "D", D_bits};
  facts.D = D.bits;
  facts.W = W;
  bus const H{prefix + "H", std::vector<signal>(D.bits.begin() + plan.c, D.bits.begin() + W)};

  // trig_product_*: R = Psi H
  auto const [R, product_step] = create_product_with_value(k, prefix + "trig_product_", Psi, H);
  facts.product_step = product_step;
  facts.R = R;

  // round: r' = round_p((-1)^sigma floor(R / 2^DR) 2^(DR - WF - G2))
  bus const Rt{prefix + "R'",
               std::vector<signal>(R.begin() + std::min<size_t>(plan.DR, R.size()), R.end())};
  auto const rounded = create_round_stage(
      k, prefix + "round", {Rt, sigma_bus}, f,
      Rt.bits.size() < f.p + 2 ? padded(Rt.bits, f.p + 2) : Rt.bits, {}, sigma, plan.round_offset(),
      "r' = round_p((-1)^sigma floor(R / 2^DR) 2^(DR - WF - G2))");
  facts.round_stage = k.stage_specs.size() - 1;
  facts.rounded = rounded;

  // trig_select (sin): r = x where NOT big, r' elsewhere
  std::vector<signal> r = rounded;
  if (is_sin) {
    auto const rr = split_float(prefix + "r'", f, rounded);
    signal const big = facts.big;
    c.begin_stage(prefix + "trig_select", {x.magnitude, x.exponent, x.sign, ops.flags.at(0),
                                           rr.magnitude, rr.exponent, rr.sign});
    auto const xb = x.bits();
    r.clear();
    for (size_t i = 0; i < xb.size(); ++i)
      r.push_back(c.create_or({c.create_and({!big, xb[i]}), c.create_and({big, rounded[i]})}));
    auto const out = split_float(prefix + "r", f, r);
    c.end_stage({out.magnitude, out.exponent, out.sign});
    facts.select_stage = k.add_stage_spec(trig_select_spec(x, big, rounded, r));
    facts.selected = r;
  }
  auto const clause = float_trig_clause(prefix + "r", fn, f, x, r);
  auto const budget = add_trig_budget(k, prefix, plan, K, clause, facts);
  // r is a valid float (a later block may require it, and the approximation clause cannot say
  // so to a solver): r' is a rounding, and for sin r is x or r'
  composition_step valid{.name = prefix + "trig_valid",
                         .stages = {facts.operands_stage, facts.round_stage}};
  if (is_sin) valid.stages.push_back(facts.select_stage);
  valid.goal.description = "r is a valid float";
  state_valid(valid.goal, split_float(prefix + "r", f, r), f);
  valid.bit_vectors_first = true;
  auto const valid_step = k.add_step(std::move(valid));
  composition_step result{.name = prefix + "trig_result", .steps = {budget, valid_step}};
  result.goal.description = "r approximates " + to_string(fn) + "(x) and is a valid float";
  result.goal.clauses.push_back(clause);
  state_valid(result.goal, split_float(prefix + "r", f, r), f);
  return {r, k.add_step(std::move(result))};
}

}  // namespace tc0
