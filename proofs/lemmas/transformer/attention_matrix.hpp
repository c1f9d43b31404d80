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
  // the same flip for the pair (0, 1) only: a circuit whose score depends on the positions, not
  // only on their difference (needs n >= 3 to show against another pair with j - i = 1)
  bool flipped_for_one_pair = false;
};

construction build_attention_matrix(parameters const& p, attention_faults faults);

}  // namespace tc0
