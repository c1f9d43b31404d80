// tf.matmul's construction with deliberate faults, for the tests (the lemma itself:
// matrix_product.cpp).
#pragma once

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct matmul_faults {
  // the product blocks read B_<j>_<k> where the program says B_<k>_<j> (needs d = n2): a wiring
  // error every block's own proof accepts
  bool transposed_b = false;
};

construction build_matmul(parameters const& p, matmul_faults faults);

}  // namespace tc0
