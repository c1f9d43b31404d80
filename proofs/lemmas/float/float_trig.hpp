// float.sin's and float.cos's construction with deliberate faults, for the tests that show a
// broken constant or a missing series term is caught, and for the paper gap "every p-bit float"
// (proofs/blocks/float_trig.hpp).
#pragma once

#include "proofs/blocks/float_trig.hpp"

namespace tc0 {

construction build_float_trig(approximated_function fn, parameters const& p,
                              trig_faults const& faults);

// The lemma's specification for f (sin or cos) over a circuit with the float interface: valid x,
// |x| <= 2^K, r approximates f(x).
linear_spec float_trig_specification(approximated_function fn, circuit const& c,
                                     parameters const& p);

}  // namespace tc0
