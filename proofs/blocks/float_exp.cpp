#include "proofs/blocks/float_exp.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/exp_budget.hpp"
#include "proofs/blocks/exp_series.hpp"
#include "proofs/blocks/fixed_point_operand.hpp"
#include "proofs/blocks/power.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/blocks/weighted_rows.hpp"

namespace tc0 {
namespace {

exp_plan faulty_plan(float_format const& f, float_exp_faults const& faults) {
  auto plan = plan_exp(f, faults.internal_bits);
  // a bit whose weight in y^ is 2^(I - 1) 2^(b - G) = 2^(2 - p) at |x| near 2^(I-1)
  if (faults.log2e_bit_flipped) boost::multiprecision::bit_flip(plan.L, plan.G - plan.I - f.p + 3);
  if (faults.missing_term && *faults.missing_term < plan.C.size()) plan.C[*faults.missing_term] = 0;
  return plan;
}

// exp_operands: huge, hp = huge AND x >= 0, hn = huge AND x < 0, and X = floor(|x| 2^F)
fixed_point_operand create_operands(construction& k, std::string const& prefix,
                                    float_format const& f, float_bus const& x,
                                    exp_plan const& plan) {
  signal const s = x.sign.bits.at(0);
  return create_fixed_point_operand(
      k, prefix, "exp_operands", "exp_fixed_point", f, x, plan.I, plan.F,
      [&](circuit& c, linear_spec& ops, signal huge) {
        signal const hp = create_and_with_spec(c, ops, "hp", {huge, !s});
        signal const hn = create_and_with_spec(c, ops, "hn", {huge, s});
        return std::vector<bus>{{prefix + "hp", {hp}}, {prefix + "hn", {hn}}};
      });
}

}  // namespace

spec_clause float_exp_clause(std::string const& name, float_format const& f, float_bus const& x,
                             std::vector<signal> const& r) {
  linear_spec s;
  s.approximates(name, r, approximated_function::exp, linear_expr::value_of(x.magnitude.bits),
                 {f, linear_expr::of(x.sign.bits.at(0)), linear_expr::value_of(x.exponent.bits),
                  linear_expr{}.add_constant(1), f.e_min, false});
  return s.clauses.at(0);
}

rounded_float create_float_exp(construction& k, float_format const& f, float_bus const& x,
                               std::string const& prefix, float_exp_faults faults) {
  auto const plan = faulty_plan(f, faults);
  auto& c = k.c;
  signal const s = x.sign.bits.at(0);
  auto const input_count = x.bits().size();
  auto const ops = create_operands(k, prefix, f, x, plan);

  // exp_scale_*: T = X L
  std::vector<std::vector<signal>> scale_columns;
  add_weighted_row(scale_columns, ops.X.bits, plan.L, 0);
  auto const [T_bits, scale_step] = create_column_sum_with_value(
      k, prefix + "exp_scale_", prefix + "exp_scale_value", {ops.X}, scale_columns, "T = L X",
      linear_expr{}.add(linear_expr::value_of(ops.X.bits), plan.L));
  bus const T{prefix + "T", T_bits};

  // exp_reduce: V = (T XOR s) + s mod 2^W
  unsigned const W = plan.W();
  c.begin_stage(prefix + "exp_reduce", {T, x.sign});
  std::vector<signal> flipped;
  for (auto bit : padded(T.bits, W)) flipped.push_back(c.create_xor(bit, s));
  bus const V{prefix + "V", create_carry_lookahead_sum(c, flipped, {s}, W)};
  c.end_stage({V});
  linear_spec reduce;
  reduce.description = "V = T, or 2^W - T where x < 0, mod 2^W";
  auto const Tv = linear_expr::value_of(T.bits);
  reduce.equals("V", V.bits,
                linear_expr{Tv}.add_term(pow2(W), s).add_product(-2, {linear_expr::of(s), Tv}),
                true);
  auto const reduce_stage = k.add_stage_spec(std::move(reduce));
  std::vector<signal> const K(V.bits.end() - plan.wK, V.bits.end());
  bus const Phi{prefix + "Phi",
                std::vector<signal>(V.bits.end() - plan.wK - plan.WF, V.bits.end() - plan.wK)};

  // pow<i>_*: Phi^i
  std::vector<std::vector<signal>> powers(plan.N + 1);
  std::vector<size_t> power_steps;
  if (plan.N >= 1) powers[1] = Phi.bits;
  for (unsigned i = 2; i <= plan.N; ++i) {
    if (plan.C[i] == 0) continue;
    auto const pw = create_power(k, prefix + "pow" + std::to_string(i) + "_", Phi, i, input_count);
    powers[i] = pw.bits;
    power_steps.push_back(pw.conclusion);
  }

  // exp_terms: rows gated by NOT hn
  std::vector<bus> term_inputs{ops.flags[1], Phi};
  for (unsigned i = 2; i <= plan.N; ++i)
    if (!powers[i].empty())
      term_inputs.push_back(bus{prefix + "Phi^" + std::to_string(i), powers[i]});
  c.begin_stage(prefix + "exp_terms", term_inputs);
  linear_spec terms;
  terms.description = "row i bit q = NOT hn AND (Phi^i)_q; row 0 = NOT hn";
  signal const hn = ops.flags[1].bits[0];
  std::vector<std::vector<signal>> columns;
  std::vector<bus> rows;
  std::vector<std::pair<unsigned, bus>> row_of;  // (i, row i)
  for (unsigned i = 0; i <= plan.N; ++i) {
    if (plan.C[i] == 0) continue;
    bus row{prefix + "row" + std::to_string(i), {}};
    if (i == 0) {
      row.bits.push_back(create_and_with_spec(c, terms, "row0", {!hn}));
    } else {
      for (unsigned q = 0; q < powers[i].size(); ++q)
        row.bits.push_back(create_and_with_spec(
            c, terms, "row" + std::to_string(i) + "[" + std::to_string(q) + "]",
            {!hn, powers[i][q]}));
    }
    add_weighted_row(columns, row.bits, plan.C[i], (plan.N - i) * plan.WF);
    row_of.emplace_back(i, row);
    rows.push_back(std::move(row));
  }
  c.end_stage(rows);
  auto const terms_stage = k.add_stage_spec(std::move(terms));

  // exp_rows: row i = (1 - hn) P_i (bit-vectors, from the terms stage)
  composition_step rows_value{.name = prefix + "exp_rows", .stages = {terms_stage}};
  rows_value.goal.description = "row i = (1 - hn) Phi^i's bits";
  linear_expr row_total;
  for (auto const& [i, row] : row_of) {
    if (i == 0)
      rows_value.goal.equals(row.name, row.bits, linear_expr::of(!hn));
    else
      rows_value.goal.equals(
          row.name, row.bits,
          linear_expr{}.add_product(1, {linear_expr::of(!hn), linear_expr::value_of(powers[i])}));
    row_total.add(linear_expr::value_of(row.bits), plan.C[i] * pow2((plan.N - i) * plan.WF));
  }
  rows_value.bit_vectors_first = true;
  auto const rows_step = k.add_step(std::move(rows_value));

  // exp_sum_*: S
  auto const [S_bits, sum_step] =
      create_column_sum_with_value(k, prefix + "exp_sum_", prefix + "exp_sum_value", rows, columns,
                                   "S = sum_i C_i 2^((N-i) WF) row_i", row_total);
  bus const S{prefix + "S", S_bits};

  // exp_exponent: Kb = K + 2^(wK-1) mod 2^wK, all ones where hp
  signal const hp = ops.flags[0].bits[0];
  c.begin_stage(prefix + "exp_exponent", {bus{prefix + "K", K}, ops.flags[0]});
  bus Kb{prefix + "Kb", {}};
  for (unsigned j = 0; j < plan.wK; ++j)
    Kb.bits.push_back(c.create_or({j + 1 == plan.wK ? !K[j] : K[j], hp}));
  c.end_stage({Kb});
  linear_spec expo;
  expo.description = "Kb = K with its top bit complemented, all ones where hp";
  auto Kexpr = linear_expr::value_of(std::vector<signal>(K.begin(), K.end() - 1))
                   .add_term(pow2(plan.wK - 1), !K.back());
  expo.equals(
      "Kb", Kb.bits,
      linear_expr{}.add_term(pow2(plan.wK) - 1, hp).add_product(1, {linear_expr::of(!hp), Kexpr}));
  auto const exponent_stage = k.add_stage_spec(std::move(expo));

  // round: r = round_p(S' 2^(Kb + offset + D)), S' = floor(S / 2^D) (S's top bits: the round
  // stage reads G2 + 2 bits, not G2 + N WF + 2)
  unsigned const D = plan.dropped_bits();
  bus const St{
      prefix + "S'",
      std::vector<signal>(S.bits.begin() + std::min<size_t>(D, S.bits.size()), S.bits.end())};
  auto const r = create_round_stage(k, prefix + "round", {St, Kb}, f,
                                    St.bits.size() < f.p + 2 ? padded(St.bits, f.p + 2) : St.bits,
                                    Kb.bits, const_false, plan.offset() + D,
                                    "r = round_p(S' 2^(Kb + offset + D)), S' = floor(S / 2^D)");
  auto const round_stage = k.stage_specs.size() - 1;

  exp_budget_facts facts{.operands_stage = ops.stage,
                         .reduce_stage = reduce_stage,
                         .exponent_stage = exponent_stage,
                         .round_stage = round_stage,
                         .fixed_point_step = ops.fixed_point,
                         .scale_step = scale_step,
                         .rows_step = rows_step,
                         .sum_step = sum_step,
                         .power_steps = power_steps,
                         .m = x.magnitude.bits,
                         .u = x.exponent.bits,
                         .s = s,
                         .huge = ops.huge.bits[0],
                         .hp = hp,
                         .hn = hn,
                         .X = ops.X.bits,
                         .T = T.bits,
                         .V = V.bits,
                         .S = S.bits,
                         .Kb = Kb.bits,
                         .powers = powers,
                         .rows = {}};
  facts.rows.resize(plan.N + 1);
  for (auto const& [i, row] : row_of) facts.rows[i] = row.bits;
  auto const conclusion =
      add_exp_budget(k, prefix, plan, float_exp_clause(prefix + "r", f, x, r), facts);
  return {r, conclusion};
}

}  // namespace tc0
