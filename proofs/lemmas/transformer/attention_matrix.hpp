// tf.attention_matrix's construction with deliberate faults, for the tests (the lemma itself:
// attention_matrix.cpp).
#pragma once

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct attention_faults {
  // the key products read WK_<c>_<r> where the program says WK_<r>_<c>: the transposed W_K
  bool transposed_wk = false;
  // the rotation's -sin phi_0 wired as +sin phi_0 (one sign flipped inside a 2x2 block)
  bool flipped_rotation_sign = false;
};

construction build_attention_matrix(parameters const& p, attention_faults faults);

}  // namespace tc0
