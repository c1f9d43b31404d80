#include "proofs/blocks/weighted_rows.hpp"

#include <stdexcept>

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

}  // namespace tc0
