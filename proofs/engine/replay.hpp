// Replaying a counterexample file: rebuild the circuit it came from (a construction at its
// parameters, possibly one stage of it, or a netlist file), apply its input bits on the
// simulator and evaluate the specification's Boost twin again.
#pragma once

#include <string>

#include "proofs/engine/counterexample.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct replay_outcome {
  bool still_fails = false;
  std::string clause;  // the first failing clause, when still_fails
  std::string expected, actual;
};

// `l` is the lemma the counterexample names (the caller looks it up). Throws
// std::invalid_argument when the counterexample does not fit its source any more.
replay_outcome replay(counterexample const& cx, lemma const& l);

}  // namespace tc0
