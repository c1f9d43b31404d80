#include "proofs/blocks/float_root.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/multiplier.hpp"
#include "proofs/blocks/power.hpp"
#include "proofs/blocks/root_series.hpp"
#include "proofs/blocks/round_to_format.hpp"

namespace tc0 {
namespace {

std::vector<signal> padded(std::vector<signal> v, size_t width) {
  v.resize(width, const_false);
  return v;
}

// AND of the literals, and the clause "bit = [sum of literals - count >= 0]"
signal create_and_with_spec(circuit& c, linear_spec& s, std::string const& name,
                            std::vector<signal> const& lits) {
  auto const bit = c.create_and(lits);
  linear_expr sum = linear_expr{}.add_constant(-static_cast<int64_t>(lits.size()));
  for (auto l : lits) sum.add_term(1, l);
  s.is_nonnegative(name, bit, std::move(sum));
  return bit;
}

root_series_plan faulty_plan(unsigned p, float_root_faults faults) {
  auto plan = plan_root_series(p);
  if (faults.drop_last_term && plan.N > 0) {
    --plan.N;
    for (auto& by_b : plan.coefficient)
      for (auto& C : by_b) C.pop_back();
  }
  if (faults.coefficient_off_by_one) plan.coefficient[0][1][plan.N > 0 ? 1 : 0] += 1;
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
                                std::string const& prefix, float_root_faults faults) {
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
  bus Z{prefix + "Z", c_odd ? create_carry_lookahead_sum(c, h, {u[0]}, E) : h};
  auto Zvalue = linear_expr::value_of(h);
  if (c_odd) Zvalue.add_term(1, u[0]);
  if (!Z.bits.empty()) ops.equals("Z", Z.bits, Zvalue);
  std::vector<bus> op_out{Nq};
  if (!Y.bits.empty()) op_out.push_back(Y);
  if (!Z.bits.empty()) op_out.push_back(Z);
  c.end_stage(op_out);
  k.add_stage_spec(std::move(ops));

  // pow<i>_*: Y^i
  std::vector<std::vector<signal>> powers(plan.N + 1);
  if (!Y.bits.empty()) {
    if (plan.N >= 1) powers[1] = Y.bits;
    for (unsigned i = 2; i <= plan.N; ++i)
      powers[i] = create_power(k, prefix + "pow" + std::to_string(i) + "_", Y, i, input_count).bits;
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
        auto& columns = C > 0 ? P_columns : Q_columns;
        big_int const magnitude = abs(C);
        unsigned const base = (plan.N - i) * (p - 1);
        for (unsigned j = 0; j < bit_width(magnitude); ++j) {
          if (!boost::multiprecision::bit_test(magnitude, j)) continue;
          for (unsigned q = 0; q < row.bits.size(); ++q) {
            auto const col = base + j + q;
            if (columns.size() <= col) columns.resize(col + 1);
            columns[col].push_back(row.bits[q]);
          }
        }
        rows.push_back(std::move(row));
      }
  c.end_stage(rows);
  k.add_stage_spec(std::move(terms));

  // root_pos_*, root_neg_*: P and Q
  auto const P = P_columns.empty() ? std::vector<signal>{}
                                   : create_column_sum(k, prefix + "root_pos_", rows, P_columns);
  auto const Q = Q_columns.empty() ? std::vector<signal>{}
                                   : create_column_sum(k, prefix + "root_neg_", rows, Q_columns);

  // root_difference: D = P + (2^W - 1 - Q), W + 1 bits
  auto const W = static_cast<unsigned>(std::max(P.size(), Q.size()));
  bus const Pbus{prefix + "P", P}, Qbus{prefix + "Q", Q};
  std::vector<bus> diff_inputs;
  if (!P.empty()) diff_inputs.push_back(Pbus);
  if (!Q.empty()) diff_inputs.push_back(Qbus);
  c.begin_stage(prefix + "root_difference", diff_inputs);
  std::vector<signal> notQ;
  for (auto bit : padded(Q, W)) notQ.push_back(!bit);
  bus const D{prefix + "D", create_carry_lookahead_sum(c, padded(P, W), notQ, W + 1)};
  c.end_stage({D});
  linear_spec diff;
  diff.description = "D = P + 2^W - 1 - Q";
  diff.equals("D", D.bits,
              linear_expr::value_of(P).add_constant(pow2(W) - 1).add(linear_expr::value_of(Q), -1));
  k.add_stage_spec(std::move(diff));

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
  k.add_stage_spec(std::move(trunc));

  // square_*: s~^2
  bus const SQ0{prefix + "s~^2",
                create_multiplier(k, prefix + "square_", st, bus{prefix + "s~'", st.bits})};

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
  k.add_stage_spec(std::move(win));

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
  k.add_stage_spec(std::move(corr));

  // check_square_*, root_sticky: t = [s^2 < N']
  bus const SQ{prefix + "s^2",
               create_multiplier(k, prefix + "check_square_", s, bus{prefix + "s'", s.bits})};
  c.begin_stage(prefix + "root_sticky", {SQ, Nq});
  auto const sq_width = static_cast<unsigned>(std::max(SQ.bits.size(), Nq.bits.size()));
  bus const t{prefix + "t",
              {create_less_than(c, padded(SQ.bits, sq_width), padded(Nq.bits, sq_width))}};
  c.end_stage({t});
  linear_spec sticky;
  sticky.description = "t = [s^2 < N']";
  sticky.is_nonnegative("t", t.bits[0],
                        linear_expr{Nv}.add(linear_expr::value_of(SQ.bits), -1).add_constant(-1));
  k.add_stage_spec(std::move(sticky));

  // round: round_p((2 s + t) 2^(Z + o - 1)), o = (e_min - p - 1 - [e_min - p + 1 odd]) / 2
  std::vector<signal> twice_s{t.bits[0]};
  twice_s.insert(twice_s.end(), s.bits.begin(), s.bits.end());
  int64_t const o = (f.e_min - static_cast<int64_t>(p) - 1 - (c_odd ? 1 : 0)) / 2;
  std::vector<bus> round_inputs{s, t};
  if (!Z.bits.empty()) round_inputs.push_back(Z);
  auto const r = create_round_stage(k, prefix + "round", round_inputs, f, twice_s, Z.bits,
                                    const_false, o - 1, "r = round_p((2 s + t) 2^(Z + o - 1))");
  return {r, 0};
}

}  // namespace tc0
