// tf.transformer's documented order as a program layout (for the lemma and its tests; the lemma:
// transformer.cpp).
#pragma once

#include "proofs/lemmas/transformer/program_lemma.hpp"

namespace tc0 {

// The m-layer model's program: inputs X (n x d), then per g_l (l = 0..m, with an MLP) W<l>
// (d x d) and b<l>_<c>, per attention layer l = 1..m WQ<l>, WK<l>, WV<l> (d x d), declared in
// the order g_0, Attn_1, g_1, ..., Attn_m, g_m; output Y (n x d).
program_layout transformer_layout(parameters const& p);

}  // namespace tc0
