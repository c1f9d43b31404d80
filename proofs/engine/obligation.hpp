// Obligations and their results (SPEC §4): every check tc0check runs is one record with a
// name, the lemma and parameters, a method and a three-valued result. Reports are written from
// these records only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/metrics.hpp"
#include "encodings/verdict.hpp"
#include "proofs/engine/counterexample.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

enum class method {
  smt_stage,              // a stage circuit against its stage specification (bit-vectors)
  smt_flat,               // the monolithic miter: whole circuit against the lemma spec
  implication,            // earlier stages' guarantees imply a stage's precondition (LIA)
  composition,            // the stage specifications compose to the lemma spec (LIA)
  certified_constants,    // a cited theorem's hypotheses, checked on the constants used
  structural,             // the circuit is exactly its stages wired together
  exhaustive_simulation,  // every input pattern on the simulator against the Boost twin
  random_simulation,      // seeded random patterns, 64 per word
  chosen_input,           // one chosen input on the simulator (a paper gap's evidence)
  depth_sweep,            // S1: depth identical across a sweep and within the declared bound
  size_sweep,             // S2: fitted growth degree of size within the declared bound
};

std::string_view to_string(method m);

struct obligation_result {
  std::string id;  // "<lemma>[<params>]/<obligation>"; sweep obligations: "<lemma>[sweep n]/S1"
  std::string lemma;
  parameters params;
  method how = method::structural;
  verdict result = verdict::unknown;
  double seconds = 0;
  uint64_t resource_count = 0;  // Z3 rlimit count, summed over the obligation's queries
  std::string detail;           // a line for people: what was checked, or why it failed
  std::optional<counterexample> cex;
  std::string cex_file;        // where the counterexample was written, if anywhere
  std::string smt2_file;       // when SMT-LIB2 export was asked for
  std::string second_opinion;  // with --second-opinion: the second solver's agreement
  // Proved by reference (proofs/engine/proof_reference.hpp): the id of the obligation, of the
  // same construction, that proved the identical statement; empty otherwise.
  std::string same_as;
};

// Metrics of one built circuit, recorded next to its obligations.
struct size_record {
  std::string lemma;
  parameters params;
  circuit_metrics metrics;
  std::vector<std::pair<std::string, uint32_t>>
      stage_depths;  // stage name, depth of the stage alone
  // False when a time limit stopped the construction or the build refused the size (then
  // `not_built_because` says why): no metrics, left out of sweeps
  bool built = true;
  std::string not_built_because;
};

// Why a size was not built: not_built_because, or (a record read back from JSON, which does not
// carry it) "a time limit fired".
inline std::string not_built_reason(size_record const& s) {
  return s.not_built_because.empty() ? "a time limit fired" : s.not_built_because;
}

}  // namespace tc0
