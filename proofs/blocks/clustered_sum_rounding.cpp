#include "proofs/blocks/clustered_sum_rounding.hpp"

#include <algorithm>

#include "proofs/blocks/float_sum.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

linear_expr value(std::vector<signal> const& bits) {
  return linear_expr::value_of(bits);
}
linear_expr literal(signal s) {
  return linear_expr::of(s);
}

linear_expr signed_by(signal s, linear_expr const& e) {
  return linear_expr{e}.add_product(-2, {literal(s), e});
}

// a constant above every difference of v's and offsets (big-M for the implications)
big_int big(clustered_sum_buses const& x) {
  return pow2(static_cast<unsigned>(x.ns.at(0).v.size()) + 1) +
         big_int(x.G) * big_int(x.xs.size() + 1);
}

}  // namespace

unsigned cluster_gap(unsigned n, unsigned p) {
  return 2 * p + width_for(big_int(n - 1)) + 3;
}

int64_t clustered_sum_offset(float_format const& f) {
  return f.e_min - 2 * static_cast<int64_t>(f.p) - 2;
}

linear_spec clustered_normalise_spec(clustered_sum_buses const& x) {
  linear_spec s;
  s.description = "M_i 2^j_i = m_i 2^(p-1) with M_i normal or 0, v_i = [m_i > 0] (u_i + j_i)";
  for (size_t i = 0; i < x.xs.size(); ++i)
    add_normalised_clauses(s, "x" + std::to_string(i), x.xs[i], x.ns[i], x.f.p);
  return s;
}

linear_spec clustered_cluster_spec(clustered_sum_buses const& x) {
  linear_spec s;
  s.description =
      "one cluster per operand; low_c the v of cluster c's lowest member; members within "
      "[low_c, low_c + (n-1) G]; a later cluster's v at least G + 1 below low_c; L_i the low of "
      "operand i's cluster";
  auto const n = x.xs.size();
  auto const M = big(x);
  auto const span = big_int(x.G) * big_int(n - 1);
  for (size_t i = 0; i < n; ++i) {
    linear_expr count;
    for (size_t c = 0; c < n; ++c) count.add(literal(x.member[i][c]));
    s.relate("x" + std::to_string(i) + " in one cluster", x.member[i], std::move(count),
             linear_expr{}.add_constant(1), std::nullopt);
  }
  // L_i, the low of operand i's cluster: L_i <= v_i <= L_i + (n - 1) G
  for (size_t i = 0; i < n; ++i) {
    auto const name = "L" + std::to_string(i);
    linear_expr e;
    for (size_t c = 0; c < n; ++c) e.add_product(1, {literal(x.member[i][c]), value(x.low[c])});
    s.equals(name, x.chosen_low[i], std::move(e));
    s.constrain(name + " <= v" + std::to_string(i),
                value(x.ns[i].v).add(value(x.chosen_low[i]), -1));
    s.constrain("v" + std::to_string(i) + " <= " + name + " + (n-1) G",
                value(x.chosen_low[i]).add_constant(span).add(value(x.ns[i].v), -1));
  }
  for (size_t c = 0; c < n; ++c) {
    auto const name = "cluster" + std::to_string(c);
    linear_expr members, lowest, low_value;
    std::vector<signal> lowest_bits;
    for (size_t i = 0; i < n; ++i) {
      members.add(literal(x.member[i][c]));
      lowest.add(literal(x.lowest[i][c]));
      lowest_bits.push_back(x.lowest[i][c]);
      low_value.add_product(1, {literal(x.lowest[i][c]), value(x.ns[i].v)});
    }
    s.is_nonnegative(name + " nonempty", x.nonempty[c], members.add_constant(-1));
    s.relate(name + " lowest one-hot if nonempty", lowest_bits, std::move(lowest),
             literal(x.nonempty[c]), std::nullopt);
    s.equals(name + " low", x.low[c], std::move(low_value));
    for (size_t i = 0; i < n; ++i) {
      auto const tag = name + " x" + std::to_string(i);
      s.constrain(tag + " lowest is a member",
                  literal(x.member[i][c]).add(literal(x.lowest[i][c]), -1));
      // member_ic => low_c <= v_i <= low_c + (n - 1) G
      auto const outside = linear_expr{}.add_constant(M).add_term(-M, x.member[i][c]);
      s.constrain(tag + " above low", value(x.ns[i].v).add(value(x.low[c]), -1).add(outside));
      s.constrain(tag + " within the span",
                  value(x.low[c]).add_constant(span).add(value(x.ns[i].v), -1).add(outside));
      // member_ic => L_i = low_c
      s.constrain(tag + " L at low (>=)",
                  value(x.chosen_low[i]).add(value(x.low[c]), -1).add(outside));
      s.constrain(tag + " L at low (<=)",
                  value(x.low[c]).add(value(x.chosen_low[i]), -1).add(outside));
      // member_ic' for a later c' => v_i + G + 1 <= low_c
      for (size_t later = c + 1; later < n; ++later)
        s.constrain(tag + " in cluster" + std::to_string(later) + " is below the gap",
                    value(x.low[c])
                        .add(value(x.ns[i].v), -1)
                        .add_constant(-big_int(x.G) - 1)
                        .add_constant(M)
                        .add_term(-M, x.member[i][later]));
    }
  }
  return s;
}

linear_spec clustered_offset_goal(clustered_sum_buses const& x, size_t i) {
  linear_spec s;
  s.description = "d_i = v_i - L_i";
  s.equals("d" + std::to_string(i), x.d[i], value(x.ns[i].v).add(value(x.chosen_low[i]), -1));
  return s;
}

linear_spec clustered_align_spec(clustered_sum_buses const& x) {
  linear_spec s;
  s.description = "Y_i = M_i 2^(d_i), given d_i <= (n-1) G";
  auto const span = big_int(x.G) * big_int(x.xs.size() - 1);
  for (size_t i = 0; i < x.xs.size(); ++i) {
    auto const name = "Y" + std::to_string(i);
    s.require("d" + std::to_string(i) + " <= (n-1) G",
              linear_expr{}.add_constant(span).add(value(x.d[i]), -1));
    // the shift reads d_i's low bits, enough for (n - 1) G: a narrow shift at every range
    std::vector<signal> const low_bits(
        x.d[i].begin(), x.d[i].begin() + std::min(x.d[i].size(), size_t{width_for(span)}));
    linear_expr shifted;
    shifted.add_shifted(1, value(x.ns[i].M), value(low_bits));
    s.equals(name, x.Y[i], std::move(shifted));
  }
  return s;
}

linear_spec clustered_mask_spec(clustered_sum_buses const& x, size_t c) {
  linear_spec s;
  s.description = "the rows R_ci = member_ic Y_i";
  for (size_t i = 0; i < x.xs.size(); ++i)
    s.equals("R" + std::to_string(i), x.R[c][i],
             linear_expr{}.add_product(1, {literal(x.member[i][c]), value(x.Y[i])}));
  return s;
}

linear_spec clustered_cluster_value_goal(clustered_sum_buses const& x, size_t c) {
  linear_spec s;
  s.description = "(1 - 2 neg_c) S_c = sum_i (1 - 2 s_i) R_ci";
  auto e = signed_by(x.neg[c], value(x.S[c]));
  for (size_t i = 0; i < x.xs.size(); ++i)
    e.add(signed_by(x.xs[i].sign.bits.at(0), value(x.R[c][i])), -1);
  s.constrain_zero("cluster" + std::to_string(c) + " value", e);
  return s;
}

linear_spec clustered_select_spec(clustered_sum_buses const& x) {
  linear_spec s;
  s.description =
      "nz_c = [S_c >= 1]; the first and second nonzero clusters; S*, neg*, low* of the first; t "
      "= [a second exists]; down = t AND [its sign differs]";
  auto const n = x.xs.size();
  linear_expr S_star, neg_star, low_star, t, neg2, nz_before, first_before;
  for (size_t c = 0; c < n; ++c) {
    auto const name = std::to_string(c);
    s.is_nonnegative("nz" + name, x.nz[c], value(x.S[c]).add_constant(-1));
    s.is_nonnegative("first" + name, x.first[c],
                     literal(x.nz[c]).add(nz_before, -1).add_constant(-1));
    s.is_nonnegative("second" + name, x.second[c],
                     literal(x.nz[c]).add(first_before, 2).add(nz_before, -1).add_constant(-2));
    nz_before.add(literal(x.nz[c]));
    first_before.add(literal(x.first[c]));
    S_star.add_product(1, {literal(x.first[c]), value(x.S[c])});
    neg_star.add_product(1, {literal(x.first[c]), literal(x.neg[c])});
    low_star.add_product(1, {literal(x.first[c]), value(x.low[c])});
    t.add(literal(x.second[c]));
    neg2.add_product(1, {literal(x.second[c]), literal(x.neg[c])});
  }
  s.equals("S*", x.S_star, std::move(S_star));
  s.equals("neg*", {x.neg_star}, std::move(neg_star));
  s.equals("low*", x.low_star, std::move(low_star));
  s.equals("t", {x.t}, std::move(t));
  s.equals("neg2", {x.neg2}, std::move(neg2));
  s.is_nonnegative("down", x.down,
                   literal(x.t)
                       .add(literal(x.neg2))
                       .add(literal(x.neg_star))
                       .add_product(-2, {literal(x.neg2), literal(x.neg_star)})
                       .add_constant(-2));
  return s;
}

linear_spec clustered_sticky_spec(clustered_sum_buses const& x) {
  linear_spec s;
  s.description = "N = 2^(p+3) S* - 2 down + t, given S* >= down";
  s.require("S* >= down", value(x.S_star).add_term(-1, x.down));
  s.equals(
      "N", x.N,
      linear_expr{}.add(value(x.S_star), pow2(x.f.p + 3)).add_term(-2, x.down).add_term(1, x.t));
  return s;
}

linear_spec clustered_round_spec(clustered_sum_buses const& x) {
  return round_stage_spec(x.f, x.r, x.N, x.low_star, x.neg_star, clustered_sum_offset(x.f),
                          "r = round_p((-1)^neg* N 2^(low* + o))");
}

size_t add_clustered_sum_rounding(construction& k, std::string const& prefix,
                                  clustered_sum_buses const& x, clustered_sum_sources const& at) {
  composition_step step{
      .name = prefix + "clustered_rounding",
      .stages = {at.normalise, at.cluster, at.align, at.select, at.sticky, at.round}};
  step.stages.insert(step.stages.end(), at.masks.begin(), at.masks.end());
  step.steps = at.offsets;
  step.steps.insert(step.steps.end(), at.cluster_values.begin(), at.cluster_values.end());
  step.theorem =
      "the exact sum is sum_c 2^(low_c - c) (1 - 2 neg_c) S_c (normalise, cluster: one cluster "
      "each, offset<i>, align, cluster<c>_mask, cluster<c>_value); the first nonzero cluster c* "
      "has S* >= 1 and every operand of a later cluster lies at least G + 1 below low* (cluster), "
      "so the later clusters add rho 2^(low* - c) with |rho| < n 2^(p - G - 1) <= 2^(-p-4), zero "
      "exactly when no later cluster is nonzero (t = 0) and of the next nonzero cluster's sign "
      "otherwise (down); at the round stage's scale the exact value is then N itself (t = 0) or "
      "within the open interval (N - 1, N + 1) around the odd N >= 2^(p+3) - 1 (t = 1), where "
      "round_p is constant (proofs/blocks/clustered_sum_rounding.hpp)";
  step.goal.description = "r = round_p(sum_i x_i)";
  step.goal.clauses.push_back(float_sum_clause(prefix + "r", x.f, x.xs, x.r));
  std::vector<expected_fact> expected;
  auto stage = [&](std::string const& name, size_t index, linear_spec const& s) {
    expect_clauses(expected, "stage " + prefix + name, index, false, s);
    for (auto const& pre : s.preconditions)
      expect_precondition(expected, "stage " + prefix + name, index, pre);
  };
  stage("normalise", at.normalise, clustered_normalise_spec(x));
  stage("cluster", at.cluster, clustered_cluster_spec(x));
  stage("align", at.align, clustered_align_spec(x));
  stage("select", at.select, clustered_select_spec(x));
  stage("sticky", at.sticky, clustered_sticky_spec(x));
  stage("round", at.round, clustered_round_spec(x));
  for (size_t i = 0; i < x.xs.size(); ++i) {
    expect_clauses(expected, "step " + prefix + "offset" + std::to_string(i), at.offsets.at(i),
                   true, clustered_offset_goal(x, i));
    auto const cluster = prefix + "cluster" + std::to_string(i);
    expect_clauses(expected, "stage " + cluster + "_mask", at.masks.at(i), false,
                   clustered_mask_spec(x, i));
    expect_clauses(expected, "step " + cluster + "_value", at.cluster_values.at(i), true,
                   clustered_cluster_value_goal(x, i));
  }
  // the theorem reads every |x_j| as below 2^p 2^(v_j - c) and G as the gap its bound needs
  bool shapes = x.G == cluster_gap(static_cast<unsigned>(x.xs.size()), x.f.p) &&
                x.member.size() == x.xs.size();
  for (auto const& n : x.ns) shapes = shapes && n.M.size() == x.f.p;
  stated_facts const cited(k, std::move(expected));
  step.check = [cited, shapes]() -> std::optional<certified_failure> {
    if (!shapes)
      return certified_failure{
          "the significands are not p bits wide, or G is not 2p + "
          "ceil(log2 n) + 3",
          std::nullopt};
    if (auto const missing = cited.first_missing())
      return certified_failure{*missing, std::nullopt};
    return std::nullopt;
  };
  return k.add_step(std::move(step));
}

}  // namespace tc0
