// The exact sum of many weighted bits, in four stages and depth 2 + 2 + 3 + 1 = 8 (the classical
// TC0 iterated addition, e.g. Vollmer, Introduction to Circuit Complexity, ch. 1.4).
//
// Input: columns[j] lists the bits of weight 2^j; the value is sum_j 2^j |true bits of column j|.
//   1. column_counts: c_j = number of true bits in column j, by a weighted counter (depth 2).
//      This turns the columns into L = width(max column height) rows: row k holds bit k of
//      every c_j, at position j + k.
//   2. block_sums: cut the positions into blocks of l = width(L - 1) bits. The L rows' parts in
//      block B add up to R_B < L 2^l <= 2^(2l), computed by a weighted counter (weights 2^q
//      <= 2^(l-1) < L: small). Its low l bits go to row u at block B, its high bits to row v at
//      block B + 1; the blocks of u (and of v) do not overlap, so two rows remain.
//   3. carries and 4. sum_bits: sum = u + v by the carry-lookahead adder (depth 3 + 1), with the
//      precondition u + v < 2^W that stages 1 and 2 establish (an implication obligation).
// No step is repeated a number of times that depends on the input: this is not a tree of adders.
// Integer iterated addition, multiplication (partial products) and the Chinese-remainder
// reconstruction all end in this block.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Appends the four stages (named prefix + "column_counts", ...) and their specifications to
// `k`; `inputs` are the buses the columns' bits come from (the first stage's inputs). Returns
// the sum's bits: width_for(the largest possible sum) of them.
std::vector<signal> create_column_sum(construction& k, std::string const& prefix,
                                      std::vector<bus> const& inputs,
                                      std::vector<std::vector<signal>> const& columns);

// The same, and a step (citing the sum's stages and its own step) that states the sum's value as
// `value` (the columns' meaning in the caller's terms: "T = L X"); returns the bits and the step.
std::pair<std::vector<signal>, size_t> create_column_sum_with_value(
    construction& k, std::string const& prefix, std::string const& step_name,
    std::vector<bus> const& inputs, std::vector<std::vector<signal>> const& columns,
    std::string const& what, linear_expr const& value);

// a - b for a >= b of one width w, as the column sum a + NOT b + 1 = a - b + 2^w with the step
// for its value: returns the low w bits (a - b where a >= b, which the caller's next step shows
// from its own facts) and the step.
std::pair<std::vector<signal>, size_t> create_column_difference(construction& k,
                                                                std::string const& prefix,
                                                                std::string const& step_name,
                                                                bus const& a, bus const& b);

// width_for(sum_j 2^j * heights[j]): the width of the sum create_column_sum returns.
unsigned column_sum_width(std::vector<size_t> const& heights);

}  // namespace tc0
