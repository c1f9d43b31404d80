// The mutation self-check of exports (issue 23): does `check-netlist` tell right from wrong on
// circuits a user could hand it? A lemma's construction is exported as a netlist, and single
// changes are made to the text — a threshold +1 or -1, a weight +1, -1 or negated, a gate kind
// swapped, a fan-in complemented, replaced by an earlier signal or deleted, an output bit
// complemented. Whether a mutant is wrong is decided apart from the tool being checked: every
// input pattern evaluated by the plain evaluator (core/plain_netlist.hpp), its outputs judged by
// the lemma's specification. Then the mutant is read by the project's reader and checked as a
// user's netlist (monolithic miter where the specification has an SMT encoding, exhaustive
// simulation). Required: every wrong mutant refuted, with a counterexample that the plain
// evaluator confirms fails; every right mutant proved.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct netlist_mutation_params {
  size_t max_mutants = 60;  // sampled with `seed` when there are more
  uint64_t seed = 1;
  unsigned max_input_bits = 12;  // every pattern is evaluated, one at a time
  unsigned timeout_s = 60;       // per obligation of each mutant's check
};

struct netlist_mutation_report {
  std::string lemma;
  parameters params;
  size_t mutations = 0;   // all the export has, before sampling
  size_t tried = 0;       // read by the project's reader and checked
  size_t unreadable = 0;  // refused by the reader (e.g. a weight the format does not allow)
  size_t wrong = 0, refuted_and_confirmed = 0;
  size_t right = 0, proved = 0;
  // Each failure of the requirement, one line naming the mutation: a wrong mutant not refuted
  // (or with a counterexample the plain evaluator does not confirm) is "unsound", a right one
  // not proved a "false alarm".
  std::vector<std::string> unsound, false_alarms;
};

// Throws std::invalid_argument when the lemma's interface at `p` has more than
// max_input_bits input bits.
netlist_mutation_report check_netlist_mutants(lemma const& l, parameters const& p,
                                              netlist_mutation_params const& mp);

}  // namespace tc0
