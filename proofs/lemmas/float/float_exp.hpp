// float.exp's construction with deliberate faults, for the tests that show a broken constant, a
// missing series term or too few internal bits is caught (proofs/blocks/float_exp.hpp).
#pragma once

#include "proofs/blocks/float_exp.hpp"

namespace tc0 {

construction build_float_exp(parameters const& p, float_exp_faults faults);

}  // namespace tc0
