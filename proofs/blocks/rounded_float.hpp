// A float result of a block, with the step that concludes its value: the blocks that round
// (float product, float sum) return the result's bits (float_bus::bits() order) and the
// composition step whose goal is the result's own clause "r = round_p(exact value)", stated over
// the block's operand buses (split_float makes the result a bus again for the blocks it
// feeds). A larger construction names that step where its own argument
// needs the result's value (its `composition` obligation, or a later step).
#pragma once

#include "proofs/engine/lemma.hpp"

namespace tc0 {

using rounded_float = block_output;

}  // namespace tc0
