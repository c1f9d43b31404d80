// tf.mlp's documented order as a program layout, and as a part of a larger program
// (tf.transformer); the lemma: mlp.cpp.
#pragma once

#include "proofs/lemmas/transformer/program_lemma.hpp"

namespace tc0 {

// Operands X (n x d), W (d x d), b (d), in that order, row by row.
program_layout mlp_layout(parameters const& p);

// Appends Y = X W + b (each row; with relu max(., 0)) to `l`: X is n x d, W d x d, b has d
// entries, all values of l; block names start with `prefix`. Returns Y (n x d).
value_matrix append_mlp(program_layout& l, value_matrix const& X, value_matrix const& W,
                        std::vector<uint32_t> const& b, bool relu, std::string const& prefix);

}  // namespace tc0
