// Obligation (4) of SPEC §4: the circuit is exactly its stages wired together.
#pragma once

#include <optional>
#include <string>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// nullopt when every gate belongs to a named stage, every stage reads only its own gates and its
// declared inputs, every declared stage input is a primary input, a constant or an output of an
// earlier stage, every gate among a stage's outputs is constrained by a clause of its
// specification, every output bit of the circuit is an output of a stage (or an input or a
// constant), and there is one stage specification per stage. Otherwise the first violation.
std::optional<std::string> structural_violation(construction const& k);

}  // namespace tc0
