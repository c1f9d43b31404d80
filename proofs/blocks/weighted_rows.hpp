// Rows of gated bits and the columns they enter: how a series sum_i C_i Y^i 2^(b_i) with
// constant coefficients becomes one column sum (proofs/blocks/column_sum.hpp), shared by the
// series of float.sqrt and float.exp.
#pragma once

#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

// The AND of `lits` as one gate, and its clause "bit = [sum of lits - count >= 0]" in `s`.
signal create_and_with_spec(circuit& c, linear_spec& s, std::string const& name,
                            std::vector<signal> const& lits);

// Bit q of `row`, weighted by `coefficient` 2^base (coefficient > 0), enters column base + j + q
// for every set bit j of the coefficient: the columns' sum grows by coefficient 2^base value(row).
void add_weighted_row(std::vector<std::vector<signal>>& columns, std::vector<signal> const& row,
                      big_int const& coefficient, unsigned base);

// `v` with const_false appended up to `width` bits.
std::vector<signal> padded(std::vector<signal> v, size_t width);

}  // namespace tc0
