// tf.layernorm's documented order as a program layout, where its values sit, and as a part of a
// larger program (tf.transformer); the lemma: layer_norm.cpp.
#pragma once

#include <optional>
#include <vector>

#include "proofs/lemmas/transformer/program_lemma.hpp"

namespace tc0 {

// Where a LayerNorm's values sit in its program.
struct layernorm_values {
  value_matrix centre;             // c_ik = round_p(x_ik - mu_i)
  std::vector<uint32_t> variance;  // sigma^2_i
  std::vector<uint32_t> radicand;  // sigma^2_i, or with eps round_p(sigma^2_i + eps)
  std::vector<uint32_t> root;      // r_i = round_p(sqrt(radicand_i))
  value_matrix output;             // Y_ik = round_p(c_ik / r_i)
  std::optional<uint32_t> eps;     // the constant eps, with the option
};

// Appends LayerNorm of every row of X (values of l, n x d) to `l`, with eps or without; block
// names start with `prefix`. Throws std::invalid_argument when d is not a float of l's format.
layernorm_values append_layernorm(program_layout& l, value_matrix const& X, bool eps,
                                  std::string const& prefix);

// The lemma's program: operands X (n x d), row by row; outputs Y.
struct layernorm_program : layernorm_values {
  program_layout layout;
};

layernorm_program layernorm_program_of(parameters const& p);

}  // namespace tc0
