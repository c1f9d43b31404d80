// One encoding function per gate kind (SPEC §1), each headed by the formula it implements.
#pragma once

#include <z3++.h>

#include <utility>
#include <vector>

#include "core/big_int.hpp"

namespace tc0 {

// A bit-vector constant from an arbitrary-precision integer (via its decimal string, so no
// width is lost on the way).
z3::expr encode_bv_constant(z3::context& ctx, big_int const& value, unsigned width);

// An unsigned bit-vector term of `width` bits whose value never exceeds `max`.
struct bv_part {
  z3::expr e;
  unsigned width;
  big_int max;
};

// The sum of the parts, as a balanced tree whose every node is just wide enough for its
// largest value (so nothing wraps). Returns the sum and its width.
std::pair<z3::expr, unsigned> encode_sum(z3::context& ctx, std::vector<bv_part> parts);

// sum_i w_i * [l_i] for w_i >= 0, as an unsigned bit-vector that cannot overflow. Built as a
// balanced tree in the order given, so equal weighted sums become the same Z3 term (Z3
// hash-conses terms), which lets the gates over one column share their adder tree. Returns the
// sum and its width.
std::pair<z3::expr, unsigned> encode_weighted_sum(
    z3::context& ctx, std::vector<std::pair<z3::expr, big_int>> const& terms);

// AND: /\_i l_i
z3::expr encode_and(z3::context& ctx, std::vector<z3::expr> const& fanins);
// OR: \/_i l_i
z3::expr encode_or(z3::context& ctx, std::vector<z3::expr> const& fanins);
// MAJ and threshold: [sum_i w_i * l_i >= t] with w_i > 0 (the builder's canonical form), as an
// unsigned comparison of the bit-vector sum against t. tests/encodings checks this encoding
// against Z3's own pseudo-Boolean pbge over all small weight vectors.
z3::expr encode_threshold(z3::context& ctx, std::vector<z3::expr> const& fanins,
                          std::vector<big_int> const& weights, big_int const& t);

}  // namespace tc0
