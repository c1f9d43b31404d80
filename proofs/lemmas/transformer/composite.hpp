// What the composite lemmas (tf.matmul, tf.rope, tf.attention_matrix) share: the names of matrix
// entries and the measured terms of their depth formulas.
#pragma once

#include <string>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// "A_1_2": entry (r, c) of matrix A, indices from 0.
std::string matrix_entry(std::string const& matrix, unsigned r, unsigned c);

// The term `symbol` of a depth formula: the depth of lemma `name` built on its own at `q` with
// the composite's format (its p and k, taken from `at`).
depth_term measured_depth(parameters const& at, std::string const& symbol, std::string const& name,
                          parameters q = {});

}  // namespace tc0
