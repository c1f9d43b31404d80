// The lemmas tc0check knows, in the order of the paper's chain.
#pragma once

#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

std::vector<lemma> const& all_lemmas();
// Throws std::invalid_argument listing the known names when `name` is unknown.
lemma const& find_lemma(std::string const& name);

}  // namespace tc0
