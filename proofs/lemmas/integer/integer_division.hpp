// int.div's builder with deliberate faults, for the tests that show a wrong constant is caught.
#pragma once

#include "proofs/blocks/division.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

construction build_division(parameters const& p, division_faults faults);

}  // namespace tc0
