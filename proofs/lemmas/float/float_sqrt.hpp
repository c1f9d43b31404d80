// float.sqrt's construction with deliberate faults, for the tests that show a broken series is
// caught (proofs/blocks/float_root.hpp).
#pragma once

#include "proofs/blocks/float_root.hpp"

namespace tc0 {

construction build_float_sqrt(parameters const& p, float_root_faults faults);

}  // namespace tc0
