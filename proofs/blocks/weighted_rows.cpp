#include "proofs/blocks/weighted_rows.hpp"

#include <stdexcept>

#include "proofs/blocks/carry_lookahead_adder.hpp"

namespace tc0 {

signal create_and_with_spec(circuit& c, linear_spec& s, std::string const& name,
                            std::vector<signal> const& lits) {
  auto const bit = c.create_and(lits);
  linear_expr sum = linear_expr{}.add_constant(-static_cast<int64_t>(lits.size()));
  for (auto l : lits) sum.add_term(1, l);
  s.is_nonnegative(name, bit, std::move(sum));
  return bit;
}

void add_weighted_row(std::vector<std::vector<signal>>& columns, std::vector<signal> const& row,
                      big_int const& coefficient, unsigned base) {
  if (coefficient <= 0) throw std::invalid_argument("add_weighted_row: coefficient not positive");
  for (unsigned j = 0; j < bit_width(coefficient); ++j) {
    if (!boost::multiprecision::bit_test(coefficient, j)) continue;
    for (unsigned q = 0; q < row.size(); ++q) {
      auto const col = base + j + q;
      if (columns.size() <= col) columns.resize(col + 1);
      columns[col].push_back(row[q]);
    }
  }
}

std::vector<signal> padded(std::vector<signal> v, size_t width) {
  v.resize(width, const_false);
  return v;
}

std::pair<std::vector<signal>, size_t> create_offset_difference(
    construction& k, std::string const& prefix, std::string const& name,
    std::vector<signal> const& P, std::vector<signal> const& Q, unsigned W) {
  auto& c = k.c;
  bus const Pbus{prefix + "P", P}, Qbus{prefix + "Q", Q};
  std::vector<bus> inputs;
  if (!P.empty()) inputs.push_back(Pbus);
  if (!Q.empty()) inputs.push_back(Qbus);
  c.begin_stage(prefix + name, inputs);
  std::vector<signal> notQ;
  for (auto bit : padded(Q, W)) notQ.push_back(!bit);
  bus const D{prefix + "D", create_carry_lookahead_sum(c, padded(P, W), notQ, W + 1)};
  c.end_stage({D});
  linear_spec diff;
  diff.description = "D = P + 2^W - 1 - Q";
  diff.equals("D", D.bits,
              linear_expr::value_of(P).add_constant(pow2(W) - 1).add(linear_expr::value_of(Q), -1));
  return {D.bits, k.add_stage_spec(std::move(diff))};
}

}  // namespace tc0
