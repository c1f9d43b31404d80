// A concrete RoPE Transformer given as a JSON file (tc0check build-model): its shape, its weights
// and optionally inputs to run it on. Every float is a decimal (a JSON number or a string, rounded
// to the model's format by round_p) or a string "<m, e>" (exactly that float: |m| 0 or in
// [2^(p-1), 2^p), e in range). Fields:
//   n, d, layers, p, k        the shape and format (tf.transformer's ranges; k = 0: the paper's)
//   g                         "mlp" (default), "layernorm" or "mlp+layernorm"
//   relu, eps, scale, causal, split   booleans, default false (tf.transformer's options)
//   mlp                       with an MLP in g: layers + 1 objects {"W": d x d, "b": d}
//   attention                 layers objects {"WQ", "WK", "WV"}, each d x d
//   inputs                    optional: a list of n x d matrices X
// Any other field is refused. Errors are std::invalid_argument naming the field
// ("attention[0].WQ: 3 rows, expected 2").
#pragma once

#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"
#include "proofs/lemmas/transformer/transformer.hpp"

namespace tc0 {

struct model_file {
  parameters params;  // tf.transformer's parameters, options given explicitly
  model_weights weights;
  std::vector<model_weights::matrix> inputs;
  unsigned rounded = 0;  // decimals that were not floats of the format and were rounded
};

model_file parse_model(std::string const& text);

}  // namespace tc0
