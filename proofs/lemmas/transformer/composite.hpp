// What the composite lemmas (tf.matmul, tf.rope, tf.attention_matrix, tf.mlp, ...) share: the names
// of matrix entries and the measured terms of their depth formulas.
#pragma once

#include <functional>
#include <string>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// "A_1_2": entry (r, c) of matrix A, indices from 0.
std::string matrix_entry(std::string const& matrix, unsigned r, unsigned c);

// The term `symbol` of a depth formula: the depth of lemma `name` built on its own at `q` with
// the composite's format (its p and k, taken from `at`).
depth_term measured_depth(parameters const& at, std::string const& symbol, std::string const& name,
                          parameters q = {});

// The term `symbol` for a one-operand block that no lemma of its own defines (the sign blocks):
// the depth of `build` on one input float of the composite's format, `what` naming it.
depth_term block_depth(parameters const& at, std::string const& symbol, std::string const& what,
                       std::function<std::vector<signal>(construction&, float_format const&,
                                                         float_bus const&)> const& build);

// The term d_trig for angles |x| <= 2^K: the deeper of float.sin and float.cos there.
depth_term trig_depth(parameters const& at, unsigned K);

// The negation block's term d_neg (proofs/blocks/float_sign.hpp).
depth_term negation_depth(parameters const& at);

}  // namespace tc0
