// The prove idiom: assert the preconditions and that the circuit differs from its
// specification; unsat = proved, sat = counterexample, unknown = resource limit.
//
// A satisfying assignment is replayed on tc0check's own simulator and on the spec's Boost twin
// before it is reported as a refutation. If the replay does not fail, the solver and the
// simulator disagree: that is an encoding bug, reported as such (with verdict unknown).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"
#include "encodings/second_opinion.hpp"
#include "encodings/verdict.hpp"

namespace tc0 {

struct solver_params {
  unsigned timeout_ms = 60000;  // per query; a query that hits it answers unknown
  // Z3 resource limit per query (0: none). Shortcut attempts are bounded by it rather than by
  // time, so that what they settle, and the effort reported, do not depend on machine load.
  unsigned rlimit = 0;
  // Implications: every product an unknown integer in its range (see int_encoder)
  bool products_as_atoms = false;
  // Implications: bit-vectors first (under a resource limit), then arithmetic; for steps about
  // the bits of binary numbers (a prefix of a value below 2^w), slow in linear arithmetic
  bool bit_vectors_first = false;
  // Circuits: clauses whose cone has a small support are first proved by enumerating it
  // (encodings/prove_by_enumeration.hpp), or by factoring one of their nodes through another
  // and enumerating the rest (encodings/prove_by_factoring.hpp); off for cross-checks meant to
  // be solver proofs, and whenever smt2_path or a second opinion asks for the solver queries
  bool enumerate_small_support = true;
  std::string smt2_path;                 // write the query as SMT-LIB2 here when non-empty
  second_opinion_params second_opinion;  // also ask cvc5, query by query
};

struct query_outcome {
  verdict result = verdict::unknown;
  double seconds = 0;
  uint64_t resource_count = 0;  // Z3's rlimit count, a machine-independent effort measure
  std::string note;             // why unknown; "encoding bug: ..." when replay disagrees
  bool encoding_bug = false;
  size_t enumerated_clauses = 0;  // circuits: clauses settled by enumerating their inputs
  size_t factored_clauses = 0;  // circuits: settled by factoring (encodings/prove_by_factoring.hpp)
  std::optional<std::vector<bool>> inputs;  // refuted: one value per input node, replayed
  std::string failing_clause;
  std::vector<query_opinion> opinions;  // with a second opinion: every query's two answers
};

// Circuit against the clauses of `spec` (all clauses when `clauses` is empty).
query_outcome prove_circuit(circuit const& c, linear_spec const& spec, solver_params const& p,
                            std::vector<size_t> const& clauses = {});

// A pure word-level implication in linear integer arithmetic: hypotheses => goal, where every
// literal is a 0/1 variable. `hypotheses` contributes its preconditions and clauses; the goal
// is the conjunction of `goal`'s preconditions and clauses. Each part of a goal is first tried
// from the hypotheses that mention only its own literals (a cheap, sound shortcut); the rest in
// one query with all hypotheses.
// "Z3 4.8.12": the solver behind every query, for reports.
std::string solver_version();

query_outcome prove_implication(std::vector<linear_spec const*> const& hypotheses,
                                linear_spec const& goal, solver_params const& p);

}  // namespace tc0
