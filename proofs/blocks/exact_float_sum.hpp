// The exact sum of n floats as a sign and a magnitude, before rounding (float addition and the
// paper's iterated addition ⊕, which rounds the exact sum once):
//   align:             Y_i = |m_i| 2^(u_i) (one-hot exponent decoders, AND-OR shifters)
//   split:             P_i = Y_i if x_i >= 0 else 0, Q_i = Y_i if x_i < 0 else 0
//   positive_*, negative_*: S+ = sum_i P_i, S- = sum_i Q_i (two column-sum blocks)
//   order:             g = [S+ > S-]; big, small = the larger and the smaller
//   difference_*:      big + NOT small + 1 = big - small + 2^W (a column-sum block)
//   magnitude:         N = big - small (the low bits), negative = NOT g
// so sum_i x_i = (-1)^negative N 2^e_min exactly. Depth 3 + 1 + 8 + 5 + 8 = 25, whatever n.
// Width: every Y_i is p + 2^E - 1 bits, as wide as the exponent range (polynomial in p only for
// ranges polynomial in p; the paper's [-2^p, 2^p) makes it exponential in p).
// Steps it appends (linear arithmetic): positive_value, negative_value, difference_value (the
// column sums' totals), signed_total (S+ - S- = sum_i (1 - 2 s_i) Y_i) and sum_magnitude
// ((1 - 2 negative) N = S+ - S-); `stages` and `steps` of the result are what the exact value
// then rests on: the align stage and the last two steps.
#pragma once

#include <vector>

#include "core/float_format.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct exact_float_sum {
  std::vector<signal> magnitude;  // N
  signal negative;
  std::vector<size_t> stages;  // the stage specifications the sum's value rests on (align)
  std::vector<size_t> steps;   // and the steps (signed_total, sum_magnitude)
};

// Stages and steps are named with `prefix` (two sums in one construction do not collide).
exact_float_sum create_exact_float_sum(construction& k, float_format const& f,
                                       std::vector<float_bus> const& inputs,
                                       std::string const& prefix = "");

// The back half alone (split .. magnitude above): rows Y_i of one width with sign bits s_i,
// sum_i (1 - 2 s_i) Y_i = (-1)^negative N exactly; `stages` is empty and `steps` are
// signed_total and sum_magnitude (their goals, over the rows, are what the sum rests on).
exact_float_sum create_signed_row_sum(construction& k, std::vector<bus> const& rows,
                                      std::vector<signal> const& signs,
                                      std::string const& prefix = "");

// sum_i (1 - 2 s_i) |m_i| 2^(u_i): the inputs' exact sum in units of 2^e_min
linear_expr exact_sum_value(std::vector<float_bus> const& inputs);

}  // namespace tc0
