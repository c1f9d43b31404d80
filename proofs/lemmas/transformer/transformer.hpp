// tf.transformer's documented order as a program layout (for the lemma and its tests; the lemma:
// transformer.cpp).
#pragma once

#include "proofs/lemmas/transformer/program_lemma.hpp"

namespace tc0 {

// A concrete model's weights (tc0check build-model): per g_l (l = 0..m, with an MLP) W (d x d)
// and b (d), per attention layer l = 1..m W_Q, W_K, W_V (d x d; attention[0] unused), each a
// valid float of the model's format.
struct model_weights {
  using matrix = std::vector<std::vector<float_value>>;
  struct g_part {
    matrix W;
    std::vector<float_value> b;
  };
  struct attention_part {
    matrix WQ, WK, WV;
  };
  std::vector<g_part> g;
  std::vector<attention_part> attention;
};

// The m-layer model's program: inputs X (n x d), then per g_l (l = 0..m, with an MLP) W<l>
// (d x d) and b<l>_<c>, per attention layer l = 1..m WQ<l>, WK<l>, WV<l> (d x d), declared in
// the order g_0, Attn_1, g_1, ..., Attn_m, g_m; output Y (n x d). With `weights`, the weights are
// the program's constants (block names <W>_<r>_<c>_) and X is the only input.
program_layout transformer_layout(parameters const& p, model_weights const* weights = nullptr);

}  // namespace tc0
