// Rows of gated bits and the columns they enter: how a series sum_i C_i Y^i 2^(b_i) with
// constant coefficients becomes one column sum (proofs/blocks/column_sum.hpp), shared by the
// series of float.sqrt and float.exp.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// The AND of `lits` as one gate, and its clause "bit = [sum of lits - count >= 0]" in `s`.
signal create_and_with_spec(circuit& c, linear_spec& s, std::string const& name,
                            std::vector<signal> const& lits);

// Bit q of `row`, weighted by `coefficient` 2^base (coefficient > 0), enters column base + j + q
// for every set bit j of the coefficient: the columns' sum grows by coefficient 2^base value(row).
void add_weighted_row(std::vector<std::vector<signal>>& columns, std::vector<signal> const& row,
                      big_int const& coefficient, unsigned base);

// The stage `name` computing D = P + 2^W - 1 - Q exactly (W + 1 bits, one adder over P and the
// complement of Q), the difference of a series' positive and negative sums without a sign;
// appends its specification to k and returns D's bits and the stage's index. W >= both widths.
std::pair<std::vector<signal>, size_t> create_offset_difference(
    construction& k, std::string const& prefix, std::string const& name,
    std::vector<signal> const& P, std::vector<signal> const& Q, unsigned W);

// `v` with const_false appended up to `width` bits.
std::vector<signal> padded(std::vector<signal> v, size_t width);

}  // namespace tc0
