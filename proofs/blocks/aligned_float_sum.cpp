#include "proofs/blocks/aligned_float_sum.hpp"

#include "proofs/blocks/aligned_sum_rounding.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/exact_float_sum.hpp"
#include "proofs/blocks/mux.hpp"
#include "proofs/blocks/normalised_operand.hpp"
#include "proofs/blocks/round_to_format.hpp"

namespace tc0 {

std::pair<aligned_sum_buses, aligned_sum_sources> create_aligned_sum_stages(
    construction& k, float_format const& f, float_bus const& a, float_bus const& b,
    std::string const& prefix) {
  auto& c = k.c;
  auto const p = f.p;
  aligned_sum_buses x;
  x.f = f, x.a = a, x.b = b;
  auto const L = x.L;
  aligned_sum_sources at{};

  unsigned const VW = normalised_exponent_width(f);
  c.begin_stage(prefix + "normalise", {a.magnitude, a.exponent, b.magnitude, b.exponent});
  x.na = create_normalised_operand(c, a, VW);
  x.nb = create_normalised_operand(c, b, VW);
  c.end_stage({bus{"M_a", x.na.M}, bus{"j_a", x.na.j}, bus{"v_a", x.na.v},
               bus{"nz_a", {x.na.nonzero}}, bus{"M_b", x.nb.M}, bus{"j_b", x.nb.j},
               bus{"v_b", x.nb.v}, bus{"nz_b", {x.nb.nonzero}}});
  at.normalise = k.add_stage_spec(aligned_normalise_spec(x));

  c.begin_stage(prefix + "select", {bus{"M_a", x.na.M}, bus{"v_a", x.na.v}, a.sign,
                                    bus{"M_b", x.nb.M}, bus{"v_b", x.nb.v}, b.sign});
  x.g = !create_less_than(c, x.na.v, x.nb.v);
  x.MA = create_mux(c, x.g, x.na.M, x.nb.M);
  x.MB = create_mux(c, x.g, x.nb.M, x.na.M);
  x.vA = create_mux(c, x.g, x.na.v, x.nb.v);
  x.vB = create_mux(c, x.g, x.nb.v, x.na.v);
  x.sA = create_mux(c, x.g, a.sign.bits, b.sign.bits).at(0);
  x.sB = create_mux(c, x.g, b.sign.bits, a.sign.bits).at(0);
  c.end_stage({bus{"g", {x.g}}, bus{"M_A", x.MA}, bus{"M_B", x.MB}, bus{"v_A", x.vA},
               bus{"v_B", x.vB}, bus{"s_A", {x.sA}}, bus{"s_B", {x.sB}}});
  at.select = k.add_stage_spec(aligned_select_spec(x));

  // d = v_A - v_B (v_A >= v_B: step exponent_difference)
  auto const [d, sum_step] = create_column_difference(k, prefix + "exponent_difference_",
                                                      prefix + "exponent_difference_value",
                                                      bus{"v_A", x.vA}, bus{"v_B", x.vB});
  x.d = d;
  composition_step difference{
      .name = prefix + "exponent_difference", .stages = {at.select}, .steps = {sum_step}};
  difference.goal = aligned_difference_goal(x);
  at.difference = k.add_step(std::move(difference));

  unsigned const cut = L + p;
  c.begin_stage(prefix + "align", {bus{"d", x.d}, bus{"M_B", x.MB}});
  x.far = create_at_least_constant(c, x.d, cut);
  for (unsigned i = 0; i < width_for(big_int(cut)); ++i) {
    auto const di = i < x.d.size() ? x.d[i] : const_false;
    x.dd.push_back(((cut >> i) & 1u) ? c.create_or({x.far, di}) : c.create_and({!x.far, di}));
  }
  std::vector<signal> shifted(cut, const_false);  // M_B 2^L
  for (unsigned i = 0; i < p; ++i) shifted[L + i] = x.MB[i];
  std::vector<signal> select(cut + 1);  // [dd = j]
  for (unsigned j = 0; j <= cut; ++j) {
    std::vector<signal> lits;
    for (unsigned i = 0; i < x.dd.size(); ++i) lits.push_back(((j >> i) & 1u) ? x.dd[i] : !x.dd[i]);
    select[j] = c.create_and(std::move(lits));
  }
  for (unsigned i = 0; i < cut; ++i) {
    std::vector<signal> kept, out;
    for (unsigned j = 0; i + j < cut; ++j)
      if (shifted[i + j] != const_false) kept.push_back(c.create_and({select[j], shifted[i + j]}));
    for (unsigned j = i + 1; j <= cut; ++j) out.push_back(select[j]);
    x.T.push_back(kept.empty() ? const_false : c.create_or(std::move(kept)));
    x.R.push_back(shifted[i] == const_false
                      ? const_false
                      : c.create_and({shifted[i], c.create_or(std::move(out))}));
  }
  x.t = c.create_or(x.R);
  c.end_stage(
      {bus{"far", {x.far}}, bus{"dd", x.dd}, bus{"T", x.T}, bus{"R", x.R}, bus{"t", {x.t}}});
  at.align = k.add_stage_spec(aligned_align_spec(x));

  // rows 2^(L+1) M_A and 2 T + t, signed by s_A and s_B
  std::vector<signal> high(L + 1, const_false), low{x.t};
  high.insert(high.end(), x.MA.begin(), x.MA.end());
  low.insert(low.end(), x.T.begin(), x.T.end());
  auto const rows = create_signed_row_sum(k, {bus{"A", high}, bus{"B", low}}, {x.sA, x.sB}, prefix);
  x.N = rows.magnitude, x.negative = rows.negative;
  composition_step signed_value{.name = prefix + "signed_value", .steps = rows.steps};
  signed_value.goal = aligned_signed_value_goal(x);
  at.signed_value = k.add_step(std::move(signed_value));

  composition_step large{.name = prefix + "large",
                         .stages = {at.normalise, at.select, at.align},
                         .steps = {at.difference, at.signed_value}};
  large.goal = aligned_large_goal(x);
  large.bit_vectors_first = true;
  at.large = k.add_step(std::move(large));

  bus const N{"N", x.N}, negative{"negative", {x.negative}}, vA{"v_A", x.vA};
  x.r = create_round_stage(k, prefix + "round", {N, negative, vA}, f, x.N, x.vA, x.negative,
                           aligned_sum_offset(f, L), "r = round_p((-1)^negative N 2^(v_A + o))");
  at.round = k.stage_specs.size() - 1;
  return {x, at};
}

rounded_float create_aligned_float_sum(construction& k, float_format const& f, float_bus const& a,
                                       float_bus const& b, std::string const& prefix) {
  auto const [x, at] = create_aligned_sum_stages(k, f, a, b, prefix);
  return {x.r, add_aligned_sum_rounding(k, prefix, x, at)};
}

}  // namespace tc0
