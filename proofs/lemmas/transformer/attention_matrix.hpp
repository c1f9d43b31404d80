// tf.attention_matrix's construction with deliberate faults, for the tests (the lemma itself:
// attention_matrix.cpp).
#pragma once

#include "proofs/engine/lemma.hpp"
#include "proofs/lemmas/transformer/attention_program.hpp"

namespace tc0 {

construction build_attention_matrix(parameters const& p, attention_faults faults);

}  // namespace tc0
