// The two-operand float addition as the paper prints it (after Chiang 2024): align to the larger
// exponent, keep two guard bits and a sticky bit, then round — set against the model's
// exact-then-round (SPEC §2). The printed rule rounds an approximation of the sum; it equals
// round_p(a + b) for non-zero operands, but a zero stored with exponent 0 can be "the larger
// exponent" and push a tiny operand into the sticky bit. tc0check stores zero as <0, e_min>,
// under which the two agree; `tc0check printed-add` shows both conventions side by side.
#pragma once

#include <cstdint>
#include <optional>

#include "core/float_format.hpp"

namespace tc0 {

// The printed rule on two floats (any exponents; a zero may carry any exponent).
float_value printed_add(float_format const& f, float_value const& a, float_value const& b);

struct printed_add_survey {
  uint64_t pairs = 0, disagreements = 0;
  std::optional<std::pair<float_value, float_value>> first;  // operands of the first one
};

// Every pair of valid floats of `f`, with zero stored as <0, zero_exponent>, through both rules.
printed_add_survey survey_printed_add(float_format const& f, int64_t zero_exponent);

}  // namespace tc0
