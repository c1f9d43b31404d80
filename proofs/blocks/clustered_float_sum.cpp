#include "proofs/blocks/clustered_float_sum.hpp"

#include <algorithm>

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/clustered_sum_rounding.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/exact_float_sum.hpp"
#include "proofs/blocks/normalised_operand.hpp"
#include "proofs/blocks/round_to_format.hpp"

namespace tc0 {
namespace {

// OR_k sel[k] AND bits[k], bit by bit (a one-hot selection)
std::vector<signal> create_selection(circuit& c, std::vector<signal> const& sel,
                                     std::vector<std::vector<signal>> const& bits) {
  std::vector<signal> out;
  for (size_t b = 0; b < bits.at(0).size(); ++b) {
    std::vector<signal> terms;
    for (size_t k = 0; k < sel.size(); ++k) terms.push_back(c.create_and({sel[k], bits[k][b]}));
    out.push_back(c.create_or(std::move(terms)));
  }
  return out;
}

// [sum of lits >= t] with unit weights
signal at_least(circuit& c, std::vector<signal> const& lits, unsigned t) {
  if (t == 0) return const_true;
  if (t > lits.size()) return const_false;
  return c.create_threshold(lits, std::vector<big_int>(lits.size(), 1), t);
}

// [sum of lits = t]
signal exactly(circuit& c, std::vector<signal> const& lits, unsigned t) {
  return c.create_and({at_least(c, lits, t), !at_least(c, lits, t + 1)});
}

std::vector<bus> indexed(std::string const& name, std::vector<std::vector<signal>> const& v) {
  std::vector<bus> out;
  for (size_t i = 0; i < v.size(); ++i) out.push_back(bus{name + std::to_string(i), v[i]});
  return out;
}

std::vector<bus> operator+(std::vector<bus> a, std::vector<bus> const& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

std::pair<clustered_sum_buses, clustered_sum_sources> create_clustered_sum_stages(
    construction& k, float_format const& f, std::vector<float_bus> const& xs,
    std::string const& prefix) {
  auto& c = k.c;
  auto const n = static_cast<unsigned>(xs.size());
  auto const p = f.p;
  clustered_sum_buses x;
  x.f = f, x.xs = xs, x.G = cluster_gap(n, p);
  clustered_sum_sources at{};
  unsigned const VW = normalised_exponent_width(f);
  unsigned const span = x.G * (n - 1);

  std::vector<bus> operands;
  for (auto const& o : xs) operands.push_back(o.magnitude), operands.push_back(o.exponent);
  c.begin_stage(prefix + "normalise", operands);
  std::vector<std::vector<signal>> Ms, js, vs, nzs;
  for (auto const& o : xs) {
    x.ns.push_back(create_normalised_operand(c, o, VW));
    Ms.push_back(x.ns.back().M), js.push_back(x.ns.back().j), vs.push_back(x.ns.back().v);
    nzs.push_back({x.ns.back().nonzero});
  }
  c.end_stage(indexed("M", Ms) + indexed("j", js) + indexed("v", vs) + indexed("nz", nzs));
  at.normalise = k.add_stage_spec(clustered_normalise_spec(x));

  // cluster: rank (j before i: larger v, ties by index), sort, cut, number
  c.begin_stage(prefix + "cluster", indexed("v", vs));
  std::vector<std::vector<signal>> pos(n, std::vector<signal>(n));
  for (unsigned i = 0; i < n; ++i) {
    std::vector<signal> before;
    for (unsigned j = 0; j < n; ++j)
      if (j != i)
        before.push_back(j < i ? !create_less_than(c, vs[j], vs[i])
                               : create_less_than(c, vs[i], vs[j]));
    for (unsigned r = 0; r < n; ++r) pos[i][r] = exactly(c, before, r);
  }
  std::vector<std::vector<signal>> w(n);  // sorted, largest first
  for (unsigned r = 0; r < n; ++r) {
    std::vector<signal> sel;
    for (unsigned i = 0; i < n; ++i) sel.push_back(pos[i][r]);
    w[r] = create_selection(c, sel, vs);
  }
  std::vector<signal> cut(n - 1);
  for (unsigned r = 0; r + 1 < n; ++r) {
    // w[r + 1] + G + 1 without wrapping
    unsigned const RW = width_for(pow2(VW) + x.G);
    auto const raised = create_carry_lookahead_sum(c, w[r + 1], constant_bits(x.G + 1, RW), RW);
    auto top = w[r];
    top.resize(RW, const_false);
    cut[r] = !create_less_than(c, top, raised);
  }
  std::vector<std::vector<signal>> cpos(n, std::vector<signal>(n)), last(n, std::vector<signal>(n));
  for (unsigned r = 0; r < n; ++r)
    for (unsigned cl = 0; cl < n; ++cl) {
      cpos[r][cl] = exactly(c, std::vector<signal>(cut.begin(), cut.begin() + r), cl);
      last[r][cl] = r + 1 == n ? cpos[r][cl] : c.create_and({cpos[r][cl], cut[r]});
    }
  x.member.assign(n, std::vector<signal>(n));
  x.lowest.assign(n, std::vector<signal>(n));
  for (unsigned i = 0; i < n; ++i)
    for (unsigned cl = 0; cl < n; ++cl) {
      std::vector<signal> in, lowest;
      for (unsigned r = 0; r < n; ++r) {
        in.push_back(c.create_and({pos[i][r], cpos[r][cl]}));
        lowest.push_back(c.create_and({pos[i][r], last[r][cl]}));
      }
      x.member[i][cl] = c.create_or(std::move(in));
      x.lowest[i][cl] = c.create_or(std::move(lowest));
    }
  for (unsigned cl = 0; cl < n; ++cl) {
    std::vector<signal> members, sel;
    for (unsigned i = 0; i < n; ++i) members.push_back(x.member[i][cl]);
    for (unsigned r = 0; r < n; ++r) sel.push_back(last[r][cl]);
    x.nonempty.push_back(c.create_or(std::move(members)));
    x.low.push_back(create_selection(c, sel, w));
  }
  for (unsigned i = 0; i < n; ++i) x.chosen_low.push_back(create_selection(c, x.member[i], x.low));
  std::vector<std::vector<signal>> lowest_by_cluster(n);
  for (unsigned cl = 0; cl < n; ++cl)
    for (unsigned i = 0; i < n; ++i) lowest_by_cluster[cl].push_back(x.lowest[i][cl]);
  c.end_stage(indexed("member", x.member) + indexed("lowest", lowest_by_cluster) +
              indexed("low", x.low) + indexed("L", x.chosen_low) +
              std::vector<bus>{bus{"nonempty", x.nonempty}});
  at.cluster = k.add_stage_spec(clustered_cluster_spec(x));

  for (unsigned i = 0; i < n; ++i) {
    auto const name = prefix + "offset" + std::to_string(i);
    auto const [d, sum_step] = create_column_difference(k, name + "_", name + "_value",
                                                        bus{"v", vs[i]}, bus{"L", x.chosen_low[i]});
    x.d.push_back(d);
    composition_step offset{.name = name, .stages = {at.cluster}, .steps = {sum_step}};
    offset.goal = clustered_offset_goal(x, i);
    at.offsets.push_back(k.add_step(std::move(offset)));
  }

  c.begin_stage(prefix + "align", indexed("d", x.d) + indexed("M", Ms));
  for (unsigned i = 0; i < n; ++i) {
    std::vector<signal> sel;
    // d_i <= (n - 1) G (the stage's precondition): its low DW bits, offsets up to the smaller
    // of (n - 1) G and 2^DW - 1
    unsigned const DW = std::min<unsigned>(VW, width_for(big_int(span)));
    unsigned const top = std::min<unsigned>(span, (1u << DW) - 1);
    for (unsigned s = 0; s <= top; ++s) {
      std::vector<signal> lits;
      for (unsigned b = 0; b < DW; ++b) lits.push_back(((s >> b) & 1u) ? x.d[i][b] : !x.d[i][b]);
      sel.push_back(c.create_and(std::move(lits)));
    }
    std::vector<signal> Y;
    for (unsigned b = 0; b < p + span; ++b) {
      std::vector<signal> terms;
      for (unsigned s = 0; s <= top && s <= b; ++s)
        if (b - s < p) terms.push_back(c.create_and({sel[s], x.ns[i].M[b - s]}));
      Y.push_back(c.create_or(std::move(terms)));
    }
    x.Y.push_back(std::move(Y));
  }
  c.end_stage(indexed("Y", x.Y));
  at.align = k.add_stage_spec(clustered_align_spec(x));

  std::vector<signal> signs;
  for (auto const& o : xs) signs.push_back(o.sign.bits.at(0));
  for (unsigned cl = 0; cl < n; ++cl) {
    auto const name = prefix + "cluster" + std::to_string(cl);
    std::vector<bus> mask_inputs = indexed("Y", x.Y);
    std::vector<signal> members;
    for (unsigned i = 0; i < n; ++i) members.push_back(x.member[i][cl]);
    mask_inputs.push_back(bus{"member", members});
    c.begin_stage(name + "_mask", mask_inputs);
    std::vector<bus> rows;
    x.R.emplace_back();
    for (unsigned i = 0; i < n; ++i) {
      std::vector<signal> row;
      for (auto const b : x.Y[i]) row.push_back(c.create_and({x.member[i][cl], b}));
      x.R.back().push_back(row);
      rows.push_back(bus{"R" + std::to_string(i), row});
    }
    c.end_stage(rows);
    at.masks.push_back(k.add_stage_spec(clustered_mask_spec(x, cl)));
    auto const sum = create_signed_row_sum(k, rows, signs, name + "_");
    x.S.push_back(sum.magnitude), x.neg.push_back(sum.negative);
    // the row sum's steps read (1 - 2 s_i) R_ci and (1 - 2 neg_c) S_c as they are: products as
    // atoms (expanded into the rows' bits, linear arithmetic timed out at n = 4)
    composition_step value{.name = name + "_value", .steps = sum.steps};
    value.goal = clustered_cluster_value_goal(x, cl);
    value.products_as_atoms = true;
    at.cluster_values.push_back(k.add_step(std::move(value)));
  }

  std::vector<bus> select_inputs = indexed("S", x.S) + indexed("low", x.low);
  select_inputs.push_back(bus{"neg", x.neg});
  c.begin_stage(prefix + "select", select_inputs);
  for (unsigned cl = 0; cl < n; ++cl) x.nz.push_back(c.create_or(x.S[cl]));
  for (unsigned cl = 0; cl < n; ++cl) {
    std::vector<signal> before(x.nz.begin(), x.nz.begin() + cl);
    x.first.push_back(c.create_and({x.nz[cl], !at_least(c, before, 1)}));
    x.second.push_back(c.create_and({x.nz[cl], exactly(c, before, 1)}));
  }
  std::vector<std::vector<signal>> negs;
  for (auto const s : x.neg) negs.push_back({s});
  x.S_star = create_selection(c, x.first, x.S);
  x.neg_star = create_selection(c, x.first, negs).at(0);
  x.low_star = create_selection(c, x.first, x.low);
  x.t = c.create_or(x.second);
  x.neg2 = create_selection(c, x.second, negs).at(0);
  x.down = c.create_and({x.t, c.create_xor(x.neg2, x.neg_star)});
  c.end_stage({bus{"nz", x.nz}, bus{"first", x.first}, bus{"second", x.second}, bus{"S*", x.S_star},
               bus{"neg*", {x.neg_star}}, bus{"low*", x.low_star}, bus{"t", {x.t}},
               bus{"neg2", {x.neg2}}, bus{"down", {x.down}}});
  at.select = k.add_stage_spec(clustered_select_spec(x));

  c.begin_stage(prefix + "sticky", {bus{"S*", x.S_star}, bus{"down", {x.down}}, bus{"t", {x.t}}});
  x.N.push_back(x.t);
  for (unsigned b = 0; b < p + 2; ++b) x.N.push_back(x.down);
  for (size_t b = 0; b < x.S_star.size(); ++b) {
    std::vector<signal> borrow{x.down};
    for (size_t l = 0; l < b; ++l) borrow.push_back(!x.S_star[l]);
    x.N.push_back(c.create_xor(x.S_star[b], c.create_and(std::move(borrow))));
  }
  c.end_stage({bus{"N", x.N}});
  at.sticky = k.add_stage_spec(clustered_sticky_spec(x));

  x.r = create_round_stage(k, prefix + "round",
                           {bus{"N", x.N}, bus{"neg*", {x.neg_star}}, bus{"low*", x.low_star}}, f,
                           x.N, x.low_star, x.neg_star, clustered_sum_offset(f),
                           "r = round_p((-1)^neg* N 2^(low* + o))");
  at.round = k.stage_specs.size() - 1;
  return {x, at};
}

rounded_float create_clustered_float_sum(construction& k, float_format const& f,
                                         std::vector<float_bus> const& xs,
                                         std::string const& prefix) {
  auto const [x, at] = create_clustered_sum_stages(k, f, xs, prefix);
  return {x.r, add_clustered_sum_rounding(k, prefix, x, at)};
}

}  // namespace tc0
