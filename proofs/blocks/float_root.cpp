#include "proofs/blocks/float_root.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/multiplier.hpp"
#include "proofs/blocks/power.hpp"
#include "proofs/blocks/root_series.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/blocks/weighted_rows.hpp"
#include "proofs/steps/root_rounding.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

root_series_plan faulty_plan(unsigned p, float_root_faults faults) {
  auto plan = plan_root_series(p);
  if (faults.linear_series_only && plan.N > 1) {
    plan.N = 1;
    for (auto& by_b : plan.coefficient)
      for (auto& C : by_b) C.resize(2);
  }
  if (faults.constant_term_off) plan.coefficient[0][1][0] += pow2(plan.G - p + 2);
  return plan;
}

}  // namespace

spec_clause float_root_clause(std::string const& name, float_format const& f, float_bus const& x,
                              std::vector<signal> const& r) {
  linear_spec s;
  s.rounds_to(name, r, linear_expr::value_of(x.magnitude.bits),
              {f, linear_expr{}, linear_expr::value_of(x.exponent.bits),
               linear_expr{}.add_constant(1), f.e_min, true});
  return s.clauses.at(0);
}

rounded_float create_float_root(construction& k, float_format const& f, float_bus const& x,
                                std::string const& prefix, float_root_faults faults,
                                std::vector<size_t> const& operand_facts) {
  auto const p = f.p, E = f.exponent_bits();
  auto const plan = faulty_plan(p, faults);
  auto& c = k.c;
  auto const& m = x.magnitude.bits;
  auto const& u = x.exponent.bits;
  signal const nz = m[p - 1];
  bool const c_odd = (((f.e_min - static_cast<int64_t>(p) + 1) % 2) + 2) % 2 == 1;
  signal const b = c_odd ? !u[0] : u[0];
  signal const upper = m[p - 2];
  auto const input_count = x.bits().size();

  // root_operands
  c.begin_stage(prefix + "root_operands", {x.magnitude, x.exponent});
  linear_spec ops;
  ops.description = "N' = |m| 2^(p+1+b), Y = low bits of |m| (complemented on the lower half), Z";
  bus Nq{prefix + "N'", {}};
  for (unsigned j = 0; j < 2 * p + 2; ++j) {
    std::vector<signal> terms;
    if (j >= p + 1 && j - (p + 1) < p) terms.push_back(c.create_and({!b, m[j - p - 1]}));
    if (j >= p + 2 && j - (p + 2) < p) terms.push_back(c.create_and({b, m[j - p - 2]}));
    Nq.bits.push_back(terms.empty()       ? const_false
                      : terms.size() == 1 ? terms[0]
                                          : c.create_or(terms));
  }
  auto const mv = linear_expr::value_of(m);
  ops.equals("N'", Nq.bits,
             linear_expr{}.add(mv, pow2(p + 1)).add_product(pow2(p + 1), {linear_expr::of(b), mv}));
  bus Y{prefix + "Y", {}};
  std::vector<signal> const low(m.begin(), m.begin() + (p - 2));
  for (auto bit : low) Y.bits.push_back(!c.create_xor(upper, bit));
  if (!low.empty()) {
    auto const L = linear_expr::value_of(low);
    auto const ones = pow2(p - 2) - 1;
    ops.equals("Y", Y.bits,
               linear_expr{}
                   .add_constant(ones)
                   .add(L, -1)
                   .add_product(2, {linear_expr::of(upper), L})
                   .add_term(-ones, upper));
  }
  std::vector<signal> const h(u.begin() + 1, u.end());
  // Z = h + [e_min - p + 1 odd] u_0: an adder in both cases, so that the depth does not depend
  // on the parity of p
  bus Z{prefix + "Z", create_carry_lookahead_sum(c, h, {c_odd ? u[0] : const_false}, E)};
  auto Zvalue = linear_expr::value_of(h);
  if (c_odd) Zvalue.add_term(1, u[0]);
  if (!Z.bits.empty()) ops.equals("Z", Z.bits, Zvalue);
  std::vector<bus> op_out{Nq};
  if (!Y.bits.empty()) op_out.push_back(Y);
  if (!Z.bits.empty()) op_out.push_back(Z);
  c.end_stage(op_out);
  auto const ops_stage = k.add_stage_spec(std::move(ops));

  // pow<i>_*: Y^i
  std::vector<std::vector<signal>> powers(plan.N + 1);
  std::vector<size_t> power_steps;  // each concludes value(Y^i bits) = Y^i
  if (!Y.bits.empty()) {
    if (plan.N >= 1) powers[1] = Y.bits;
    for (unsigned i = 2; i <= plan.N; ++i) {
      auto const pw = create_power(k, prefix + "pow" + std::to_string(i) + "_", Y, i, input_count);
      powers[i] = pw.bits;
      power_steps.push_back(pw.conclusion);
    }
  }

  // root_terms: one row per (b, half, i), gated; its bits enter the columns of P or Q
  std::vector<bus> term_inputs{x.magnitude, x.exponent};
  if (!Y.bits.empty()) term_inputs.push_back(Y);
  for (unsigned i = 2; i < powers.size(); ++i)
    if (!powers[i].empty())
      term_inputs.push_back(bus{prefix + "Y^" + std::to_string(i), powers[i]});
  c.begin_stage(prefix + "root_terms", term_inputs);
  linear_spec terms;
  terms.description = "row (b, half, i) bit q = b-literal AND half-literal AND nonzero AND Y^i_q";
  std::vector<std::vector<signal>> P_columns, Q_columns;
  std::vector<bus> rows;
  linear_expr row_sum = linear_expr{}.add_constant(0);  // P - Q as the rows' weighted values
  for (unsigned bv = 0; bv < 2; ++bv)
    for (unsigned half = 0; half < 2; ++half)
      for (unsigned i = 0; i <= plan.N; ++i) {
        auto const& C = plan.coefficient[bv][half][i];
        if (C == 0 || (i > 0 && powers[i].empty())) continue;
        std::vector<signal> const lits{bv ? b : !b, half ? upper : !upper, nz};
        auto const tag = std::to_string(bv) + "_" + std::to_string(half) + "_" + std::to_string(i);
        bus row{prefix + "row" + tag, {}};
        if (i == 0) {
          row.bits.push_back(create_and_with_spec(c, terms, "row" + tag, lits));
        } else {
          for (unsigned q = 0; q < powers[i].size(); ++q) {
            auto with_bit = lits;
            with_bit.push_back(powers[i][q]);
            row.bits.push_back(create_and_with_spec(
                c, terms, "row" + tag + "[" + std::to_string(q) + "]", with_bit));
          }
        }
        unsigned const base = (plan.N - i) * (p - 1);
        row_sum.add(linear_expr::value_of(row.bits), C * pow2(base));
        add_weighted_row(C > 0 ? P_columns : Q_columns, row.bits, abs(C), base);
        rows.push_back(std::move(row));
      }
  c.end_stage(rows);
  auto const terms_stage = k.add_stage_spec(std::move(terms));

  // root_pos_*, root_neg_*: P and Q; their stages and their own steps (column counts bounded)
  std::vector<size_t> sum_stages, sum_steps;
  auto const column_sum = [&](std::string const& name,
                              std::vector<std::vector<signal>> const& cols) {
    if (cols.empty()) return std::vector<signal>{};
    auto const first = k.stage_specs.size();
    auto out = create_column_sum(k, prefix + name, rows, cols);
    for (auto i = first; i < k.stage_specs.size(); ++i) sum_stages.push_back(i);
    sum_steps.push_back(k.composition.size() - 1);
    return out;
  };
  auto const P = column_sum("root_pos_", P_columns);
  auto const Q = column_sum("root_neg_", Q_columns);

  // root_difference: D = P + (2^W - 1 - Q), W + 1 bits
  auto const W = static_cast<unsigned>(std::max(P.size(), Q.size()));
  auto const [D_bits, difference_stage] =
      create_offset_difference(k, prefix, "root_difference", P, Q, W);
  bus const D{prefix + "D", D_bits};
  sum_stages.push_back(difference_stage);

  // root_truncate: s~ = nonzero AND D's bits SH .. SH + p + 1
  auto const SH = plan.shift();
  c.begin_stage(prefix + "root_truncate", {D, x.magnitude});
  linear_spec trunc;
  trunc.description = "s~_j = nonzero AND D_(SH + j)";
  bus st{prefix + "s~", {}};
  for (unsigned j = 0; j < p + 2; ++j)
    st.bits.push_back(
        SH + j < D.bits.size()
            ? create_and_with_spec(c, trunc, "s~" + std::to_string(j), {nz, D.bits[SH + j]})
            : const_false);
  c.end_stage({st});
  auto const trunc_stage = k.add_stage_spec(std::move(trunc));

  // square_*: s~^2, and check_square_*: s^2 below, each with the step that its stages make it
  // the product
  auto const square = [&](std::string const& name, bus const& a) {
    auto [bits, step] = create_product_with_value(k, prefix + name, a, a);
    return std::pair{bus{prefix + a.name + "^2", std::move(bits)}, step};
  };
  auto const [SQ0, square_step] = square("square_", st);

  // root_window: c1 = [s~^2 <= N'], c2 = [s~^2 + 2 s~ < N']
  c.begin_stage(prefix + "root_window", {st, SQ0, Nq});
  unsigned const wide = static_cast<unsigned>(SQ0.bits.size()) + 2;
  std::vector<signal> twice{const_false};
  twice.insert(twice.end(), st.bits.begin(), st.bits.end());
  auto const T1 = create_carry_lookahead_sum(c, SQ0.bits, twice, wide);
  signal const c1 = !create_less_than(c, padded(Nq.bits, wide), padded(SQ0.bits, wide));
  signal const c2 = create_less_than(c, T1, padded(Nq.bits, wide));
  bus const window{prefix + "c", {c1, c2}};
  c.end_stage({window});
  linear_spec win;
  win.description = "c1 = [s~^2 <= N'], c2 = [s~^2 + 2 s~ + 1 <= N']";
  auto const Nv = linear_expr::value_of(Nq.bits), SQ0v = linear_expr::value_of(SQ0.bits);
  win.is_nonnegative("c1", c1, linear_expr{Nv}.add(SQ0v, -1));
  win.is_nonnegative(
      "c2", c2,
      linear_expr{Nv}.add(SQ0v, -1).add(linear_expr::value_of(st.bits), -2).add_constant(-1));
  auto const window_stage = k.add_stage_spec(std::move(win));

  // root_correct: s = s~ + c1 + c2 - 1 mod 2^(p+2)
  c.begin_stage(prefix + "root_correct", {st, window});
  std::vector<signal> delta{!c.create_xor(c1, c2)};
  auto const neither = !c.create_or({c1, c2});
  for (unsigned j = 1; j < p + 2; ++j) delta.push_back(neither);
  bus const s{prefix + "s", create_carry_lookahead_sum(c, st.bits, delta, p + 2)};
  c.end_stage({s});
  linear_spec corr;
  corr.description = "s = s~ + c1 + c2 - 1 mod 2^(p+2)";
  corr.equals("s", s.bits,
              linear_expr::value_of(st.bits).add_term(1, c1).add_term(1, c2).add_constant(-1),
              true);
  auto const correct_stage = k.add_stage_spec(std::move(corr));

  // check_square_*, root_sticky: t = [s^2 < N']
  auto const [SQ, check_square_step] = square("check_square_", s);
  c.begin_stage(prefix + "root_sticky", {SQ, Nq});
  auto const sq_width = static_cast<unsigned>(std::max(SQ.bits.size(), Nq.bits.size()));
  bus const t{prefix + "t",
              {create_less_than(c, padded(SQ.bits, sq_width), padded(Nq.bits, sq_width))}};
  c.end_stage({t});
  linear_spec sticky;
  sticky.description = "t = [s^2 < N']";
  sticky.is_nonnegative("t", t.bits[0],
                        linear_expr{Nv}.add(linear_expr::value_of(SQ.bits), -1).add_constant(-1));
  auto const sticky_stage = k.add_stage_spec(std::move(sticky));

  // round: round_p((2 s + t) 2^(Z + o - 1)), o = (e_min - p - 1 - [e_min - p + 1 odd]) / 2
  std::vector<signal> twice_s{t.bits[0]};
  twice_s.insert(twice_s.end(), s.bits.begin(), s.bits.end());
  int64_t const o = (f.e_min - static_cast<int64_t>(p) - 1 - (c_odd ? 1 : 0)) / 2;
  std::vector<bus> round_inputs{s, t};
  if (!Z.bits.empty()) round_inputs.push_back(Z);
  auto const r = create_round_stage(k, prefix + "round", round_inputs, f, twice_s, Z.bits,
                                    const_false, o - 1, "r = round_p((2 s + t) 2^(Z + o - 1))");
  auto const round_clause = k.stage_specs.back().clauses.at(0);

  // The composition argument.
  // root_sums: D's value as the rows' weighted sum (linear, from the column sums and the
  // subtraction)
  composition_step sums{.name = prefix + "root_sums", .stages = sum_stages, .steps = sum_steps};
  sums.goal.description = "D = 2^W - 1 + sum over rows of +-C_i 2^((N-i)(p-1)) value(row)";
  sums.goal.equals("D", D.bits, linear_expr{row_sum}.add_constant(pow2(W) - 1));
  auto const sums_step = k.add_step(std::move(sums));

  // root_series (certified): the series value is within 1/2 of sqrt(N'), so s~ is floor(sqrt(N'))
  // or a neighbour
  auto const stv = linear_expr::value_of(st.bits);
  composition_step series{.name = prefix + "root_series"};
  series.theorem =
      "rows = their literals AND Y^i (root_terms, the power steps), Y and N' from |m| "
      "(root_operands), D (" +
      prefix +
      "root_sums) and s~ = nonzero floor((D - 2^W) / 2^SH) "
      "(root_truncate) make A = (P - Q - 1) / 2^SH the series sum_i C_i (sigma Y)^i / "
      "2^(i(p-1) + G - p) with every term's coefficient recomputed from its definition; the "
      "checked error bound |A - sqrt(N')| <= 1/2 < 1 then puts floor(A) within one of "
      "floor(sqrt(N')) (proofs/blocks/root_series.hpp)";
  series.goal.description = "(s~ - 1)^2 <= N' < (s~ + 2)^2, and s~ = 0 where |m| = 0";
  {
    auto const above = linear_expr{stv}.add_constant(2);
    // N' - (s~ - 1)^2, expanded: a factor of a product may not be negative
    linear_expr lower = linear_expr{Nv}.add_product(-1, {stv, stv}).add(stv, 2).add_constant(-1);
    lower.add_constant(pow2(2 * p + 6)).add_term(-pow2(2 * p + 6), nz);  // vacuous where m = 0
    series.goal.constrain("(s~ - 1)^2 <= N' where nonzero", std::move(lower));
    linear_expr upper = linear_expr{}.add_product(1, {above, above}).add(Nv, -1).add_constant(-1);
    series.goal.constrain("N' < (s~ + 2)^2", std::move(upper));
    series.goal.constrain("s~ = 0 where zero",
                          linear_expr{}.add_term(pow2(p + 2) - 1, nz).add(stv, -1));
  }
  // what the series argument assumes, rebuilt from the format, the plan and the buses, each
  // checked to be stated by the stage or step cited for it
  std::vector<expected_fact> expected;
  {
    int64_t const c = (((f.e_min - static_cast<int64_t>(p) + 1) % 2) + 2) % 2;
    signal const bb = c ? !u[0] : u[0];
    signal const up = m[p - 2], nonzero = m[p - 1];
    auto const mv = linear_expr::value_of(m);
    linear_spec o;
    o.equals(
        "N'", Nq.bits,
        linear_expr{}.add(mv, pow2(p + 1)).add_product(pow2(p + 1), {linear_expr::of(bb), mv}));
    if (!Y.bits.empty()) {
      auto const L = linear_expr::value_of(std::vector<signal>(m.begin(), m.begin() + (p - 2)));
      auto const ones = pow2(p - 2) - 1;
      o.equals("Y", Y.bits,
               linear_expr{}
                   .add_constant(ones)
                   .add(L, -1)
                   .add_product(2, {linear_expr::of(up), L})
                   .add_term(-ones, up));
    }
    expect_clauses(expected, "stage " + prefix + "root_operands", ops_stage, false, o);
    size_t next_power = 0;
    for (unsigned i = 2; i < powers.size(); ++i) {
      if (powers[i].empty()) continue;
      linear_spec pw;
      pw.equals(
          "Y^" + std::to_string(i), powers[i],
          linear_expr{}.add_product(1, std::vector<linear_expr>(i, linear_expr::value_of(Y.bits))));
      expect_clauses(expected, "a power step", power_steps.at(next_power++), true, pw);
    }
    linear_spec rows_expected, sum_expected, trunc_expected;
    linear_expr total = linear_expr{}.add_constant(pow2(W) - 1);
    size_t next_row = 0;
    for (unsigned bv = 0; bv < 2; ++bv)
      for (unsigned half = 0; half < 2; ++half)
        for (unsigned i = 0; i <= plan.N; ++i) {
          auto const& C = plan.coefficient[bv][half][i];
          if (C == 0 || (i > 0 && powers[i].empty())) continue;
          auto const& row = rows.at(next_row++).bits;
          std::vector<signal> const lits{bv ? bb : !bb, half ? up : !up, nonzero};
          for (unsigned q = 0; q < row.size(); ++q) {
            auto with_bit = lits;
            if (i > 0) with_bit.push_back(powers[i].at(q));
            linear_expr sum = linear_expr{}.add_constant(-static_cast<int64_t>(with_bit.size()));
            for (auto l : with_bit) sum.add_term(1, l);
            rows_expected.is_nonnegative("row", row[q], std::move(sum));
          }
          total.add(linear_expr::value_of(row), C * pow2((plan.N - i) * (p - 1)));
        }
    sum_expected.equals("D", D.bits, total);
    for (unsigned j = 0; j < p + 2 && SH + j < D.bits.size(); ++j)
      trunc_expected.is_nonnegative(
          "s~", st.bits[j],
          linear_expr{}.add_term(1, nonzero).add_term(1, D.bits[SH + j]).add_constant(-2));
    expect_clauses(expected, "stage " + prefix + "root_terms", terms_stage, false, rows_expected);
    expect_clauses(expected, "step " + prefix + "root_sums", sums_step, true, sum_expected);
    expect_clauses(expected, "stage " + prefix + "root_truncate", trunc_stage, false,
                   trunc_expected);
  }
  stated_facts const cited(k, std::move(expected));
  series.check = [plan, cited]() -> std::optional<certified_failure> {
    if (auto const missing = cited.first_missing())
      return certified_failure{*missing, std::nullopt};
    auto const bound = root_series_error_bound(plan);
    if (bound >= 1)
      return certified_failure{"the series' error bound is " + bound.str() + ", not below 1",
                               std::nullopt};
    return std::nullopt;
  };
  series.stages = {ops_stage, terms_stage, trunc_stage};  // cited, and checked above
  series.steps = power_steps;
  series.steps.push_back(sums_step);
  auto const series_step = k.add_step(std::move(series));

  // root_operand: x is valid (the lemma's precondition, or what computed x says)
  composition_step valid{.name = prefix + "root_operand", .steps = operand_facts};
  valid.goal.description = "x is valid";
  if (!faults.operand_validity_unstated) state_valid(valid.goal, x, f);
  auto const valid_step = k.add_step(std::move(valid));

  // root_isqrt: s = floor(sqrt(N')) and t = [N' > s^2], by cases of the window (bit-vectors)
  auto const sv = linear_expr::value_of(s.bits);
  composition_step isqrt{.name = prefix + "root_isqrt",
                         .stages = {ops_stage, window_stage, correct_stage, sticky_stage},
                         .steps = {series_step, square_step, check_square_step, valid_step}};
  isqrt.goal.description = "s^2 <= N' < (s + 1)^2, t = [N' > s^2]";
  isqrt.goal.constrain("s^2 <= N'", linear_expr{Nv}.add_product(-1, {sv, sv}));
  {
    auto const next = linear_expr{sv}.add_constant(1);
    isqrt.goal.constrain("N' < (s + 1)^2",
                         linear_expr{}.add_product(1, {next, next}).add(Nv, -1).add_constant(-1));
    isqrt.goal.is_nonnegative("t", t.bits[0],
                              linear_expr{Nv}.add_product(-1, {sv, sv}).add_constant(-1));
  }
  isqrt.bit_vectors_first = true;
  auto const isqrt_step = k.add_step(std::move(isqrt));

  auto const conclusion =
      add_root_rounding(k, prefix, round_clause, float_root_clause(prefix + "r", f, x, r),
                        {.operands_stage = ops_stage,
                         .isqrt_step = isqrt_step,
                         .valid_step = valid_step,
                         .m = x.magnitude.bits,
                         .u = x.exponent.bits,
                         .N = Nq.bits,
                         .Z = Z.bits,
                         .s = s.bits,
                         .t = t.bits[0],
                         .sign = x.sign.bits[0]});
  return {r, conclusion};
}

}  // namespace tc0
