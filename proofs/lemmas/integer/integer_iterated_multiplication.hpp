// int.iterated_mul's builder with deliberate faults, for the tests and examples that show a
// broken construction is caught (issue 3's acceptance: a too small prime set, a wrong table).
#pragma once

#include "proofs/blocks/iterated_product.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

construction build_iterated_multiplication(parameters const& p, crt_faults const& faults);

}  // namespace tc0
