// float.mul's builder with a deliberate fault, for the tests that show a wrong constant is
// caught: the round stage (circuit and stage specification alike) is built for the exponent
// offset 2 e_min + offset_shift instead of 2 e_min.
#pragma once

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct float_mul_faults {
  int64_t offset_shift = 0;
};

construction build_float_mul(parameters const& p, float_mul_faults faults);

}  // namespace tc0
