#include "proofs/blocks/column_sum.hpp"

#include <algorithm>

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/weighted_counter.hpp"

namespace tc0 {

unsigned column_sum_width(std::vector<size_t> const& heights) {
  big_int max = 0;
  for (size_t j = 0; j < heights.size(); ++j) max += pow2(static_cast<unsigned>(j)) * heights[j];
  return width_for(max);
}

std::vector<signal> create_column_sum(construction& k, std::string const& prefix,
                                      std::vector<bus> const& inputs,
                                      std::vector<std::vector<signal>> const& columns) {
  auto& c = k.c;
  std::vector<size_t> heights;
  for (auto const& col : columns) heights.push_back(col.size());
  unsigned const W = column_sum_width(heights);
  unsigned const m = static_cast<unsigned>(columns.size());
  size_t const tallest = heights.empty() ? 0 : *std::max_element(heights.begin(), heights.end());

  // Stage 1: column counts.
  auto const first_stage = k.stage_specs.size();
  c.begin_stage(prefix + "column_counts", inputs);
  linear_spec column_spec;
  column_spec.description = "c_j = number of true bits in column j";
  column_spec.finite_domain_solver = true;  // counters: SAT alone is faster (core/linear_spec.hpp)
  std::vector<bus> counts;
  for (unsigned j = 0; j < m; ++j) {
    std::vector<signal> bits;
    if (!columns[j].empty()) {
      bits = create_weighted_counter(c, columns[j], std::vector<big_int>(columns[j].size(), 1));
      linear_expr rhs;
      for (auto s : columns[j]) rhs.add_term(1, s);
      column_spec.linear_forms.push_back(rhs);  // the counter reads the column only as its count
      column_spec.equals("c" + std::to_string(j), bits, std::move(rhs));
    }
    counts.push_back(bus{"c" + std::to_string(j), std::move(bits)});
  }
  c.end_stage(counts);
  k.stage_specs.push_back(std::move(column_spec));

  // Stage 2: block sums. rows[r][pos] = bit r of c_(pos - r).
  unsigned const L = width_for(tallest);
  unsigned const block = std::max(1u, width_for(L - 1));
  unsigned const positions = m + L - 1;
  unsigned const blocks = (positions + block - 1) / block;
  unsigned const row_width = (blocks + 1) * block + block;  // room for the top block's high part
  c.begin_stage(prefix + "block_sums", counts);
  linear_spec block_spec;
  block_spec.description = "u_B + 2^l v_(B+1) = sum of the rows' parts in block B";
  std::vector<signal> u(row_width, const_false), v(row_width, const_false);
  for (unsigned B = 0; B < blocks; ++B) {
    std::vector<signal> lits;
    std::vector<big_int> weights;
    for (unsigned q = 0; q < block; ++q) {
      auto const pos = B * block + q;
      for (unsigned row = 0; row < L && row <= pos; ++row) {
        auto const j = pos - row;
        if (j < m && row < counts[j].bits.size())
          lits.push_back(counts[j].bits[row]), weights.push_back(pow2(q));
      }
    }
    if (lits.empty()) continue;
    auto bits = create_weighted_counter(c, lits, weights);
    linear_expr rhs;
    for (size_t i = 0; i < lits.size(); ++i) rhs.add_term(weights[i], lits[i]);
    block_spec.linear_forms.push_back(rhs);  // likewise: read only as the block's weighted sum
    for (size_t q = 0; q < bits.size(); ++q)
      (q < block ? u[B * block + q] : v[B * block + q]) = bits[q];
    block_spec.equals("R" + std::to_string(B), bits, std::move(rhs));
  }
  bus ubus{"u", u}, vbus{"v", v};
  c.end_stage({ubus, vbus});
  k.stage_specs.push_back(std::move(block_spec));

  // Stages 3 and 4: the final two-operand addition, carries first (see carry_lookahead_adder).
  c.begin_stage(prefix + "carries", {ubus, vbus});
  bus carries{"carry", create_carries(c, u, v, W)};
  c.end_stage({carries});
  linear_spec carry_spec;
  carry_spec.description = "every carry of u + v obeys the ripple recurrence";
  add_carry_recurrence(carry_spec, "", u, v, carries.bits);
  k.stage_specs.push_back(std::move(carry_spec));

  c.begin_stage(prefix + "sum_bits", {ubus, vbus, carries});
  bus sum{"sum", create_sum_bits(c, u, v, carries.bits)};
  c.end_stage({sum});
  linear_spec adder_spec;
  adder_spec.description = "sum = u + v, given u + v < 2^W and the carry recurrence";
  auto uv = linear_expr::value_of(u).add(linear_expr::value_of(v));
  adder_spec.require("u + v < 2^W", linear_expr{}.add_constant(pow2(W) - 1).add(uv, -1));
  require_carry_recurrence(adder_spec, "", u, v, carries.bits);
  adder_spec.equals("sum", sum.bits, uv);
  k.stage_specs.push_back(std::move(adder_spec));
  // u + v < 2^W rests on the block sums and on c_j <= height_j, a step of its own: as one
  // query from the column counts' clauses it took minutes at 128-bit sums. The carries give
  // the recurrence.
  composition_step bounded{.name = prefix + "counts_bounded", .stages = {first_stage}};
  bounded.goal.description = "c_j <= height of column j";
  for (unsigned j = 0; j < m; ++j)
    if (!counts[j].bits.empty())
      bounded.goal.require("c" + std::to_string(j) + " <= " + std::to_string(heights[j]),
                           linear_expr{}
                               .add_constant(big_int(heights[j]))
                               .add(linear_expr::value_of(counts[j].bits), -1));
  k.precondition_hypotheses[prefix + "sum_bits"] = {{first_stage + 1, first_stage + 2},
                                                    {k.composition.size()}};
  k.composition.push_back(std::move(bounded));
  return sum.bits;
}

std::pair<std::vector<signal>, size_t> create_column_sum_with_value(
    construction& k, std::string const& prefix, std::string const& step_name,
    std::vector<bus> const& inputs, std::vector<std::vector<signal>> const& columns,
    std::string const& what, linear_expr const& value) {
  auto const first = k.stage_specs.size();
  auto sum = create_column_sum(k, prefix, inputs, columns);
  composition_step step{.name = step_name, .steps = {k.composition.size() - 1}};
  for (auto i = first; i < k.stage_specs.size(); ++i) step.stages.push_back(i);
  step.goal.description = what;
  step.goal.equals(what, sum, value);
  auto const index = k.add_step(std::move(step));
  return {std::move(sum), index};
}

std::pair<std::vector<signal>, size_t> create_column_difference(construction& k,
                                                                std::string const& prefix,
                                                                std::string const& step_name,
                                                                bus const& a, bus const& b) {
  auto const w = static_cast<unsigned>(a.bits.size());
  std::vector<std::vector<signal>> columns(w);
  linear_expr total = linear_expr::value_of(a.bits).add_constant(1);
  for (unsigned i = 0; i < w; ++i) {
    columns[i] = {a.bits[i], !b.bits.at(i)};
    total.add_term(pow2(i), !b.bits[i]);
  }
  columns[0].push_back(const_true);
  auto [sum, step] = create_column_sum_with_value(k, prefix, step_name, {a, b}, columns,
                                                  a.name + " + NOT " + b.name + " + 1", total);
  sum.resize(w);
  return {std::move(sum), step};
}

}  // namespace tc0
