// tc0check build-model MODEL.json: a concrete RoPE Transformer (proofs/lemmas/transformer/
// model_file.hpp) as one threshold circuit with its weights as constants — its depth and size,
// every export format, and the circuit run against the reference forward pass (the Boost twin of
// tf.transformer's documented order, each exp any float meeting its approximation).
#pragma once

#include "proofs/cli/options.hpp"

namespace tc0::cli {

// 0 when the circuit agrees with the forward pass on every input run, 1 when it differs on one
// (shown); a malformed model file throws std::invalid_argument naming the field.
int cmd_build_model(options const& o);

}  // namespace tc0::cli
