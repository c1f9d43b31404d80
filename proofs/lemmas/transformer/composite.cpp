#include "proofs/lemmas/transformer/composite.hpp"

#include "core/metrics.hpp"
#include "proofs/lemmas/registry.hpp"

namespace tc0 {

std::string matrix_entry(std::string const& matrix, unsigned r, unsigned c) {
  return matrix + "_" + std::to_string(r) + "_" + std::to_string(c);
}

depth_term measured_depth(parameters const& at, std::string const& symbol, std::string const& name,
                          parameters q) {
  q["p"] = param(at, "p");
  q["k"] = param(at, "k");
  return {symbol, name + " [" + to_string(q) + "]", measure(find_lemma(name).build(q).c).depth};
}

}  // namespace tc0
