// Running a lemma's obligations at one size, and S1/S2 over a sweep of sizes.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/deadline.hpp"
#include "encodings/prove.hpp"
#include "proofs/engine/obligation.hpp"

namespace tc0 {

struct check_params {
  solver_params solver;            // timeout_ms: per obligation (and per query within it)
  std::string smt2_dir;            // write every SMT query here when non-empty
  std::string cex_dir;             // write every counterexample here when non-empty
  std::optional<bool> monolithic;  // default: up to lemma::monolithic_max_input_bits inputs
  unsigned exhaustive_max_input_bits = 20;
  uint64_t random_patterns = 4096;
  uint64_t seed = 1;
  // When non-empty, only obligations whose name contains it are run (e.g. "stage:log_sums");
  // the others are counted in size_check::skipped, never reported as proved. The structural
  // obligation (the others rest on it) and S1/S2 (no solver) always run.
  std::string only;
  // Beside `only`: when set, only the obligations it accepts (by name) are run, the others
  // counted as skipped like `only`'s (the mutation self-check runs just what a mutant changes).
  std::function<bool(std::string const&)> select;
  // The monolithic miter and simulation, which check the whole circuit apart from the staged
  // proof; off, a construction is checked by its staged obligations alone.
  bool cross_checks = true;
  std::function<void(std::string const&)> progress;  // told the id of each obligation as it starts
  // A deadline for the whole run (--budget): nothing runs past it — construction, encoding,
  // solving, simulation (core/deadline.hpp); what it stops or never starts is unknown, with
  // `why` as the reason. solver.timeout_ms bounds each obligation's whole work the same way.
  std::optional<deadline> budget;
};

struct size_check {
  size_record size;
  std::vector<obligation_result> obligations;
  unsigned skipped = 0;  // obligations not run because of check_params::only
};

// A lemma's own construction: stage, implication, composition, structural, monolithic
// (small sizes), exhaustive (small sizes) and random simulation obligations.
size_check check_construction(lemma const& l, parameters const& p, check_params const& cp);
// The same for a construction built already (a mutant of the lemma's, proofs/engine/mutation.hpp).
size_check check_built(lemma const& l, parameters const& p, construction const& k,
                       check_params const& cp);

// A circuit from elsewhere (a user's netlist) with the lemma's interface: monolithic miter,
// exhaustive simulation where small, random simulation. `source` is recorded for replay.
size_check check_circuit(lemma const& l, parameters const& p, circuit const& c,
                         std::string const& source, check_params const& cp);

// The construction's metrics and stage depths, without any obligation.
// A time limit that fires while building gives a record with built = false.
size_record measure_construction(lemma const& l, parameters const& p,
                                 std::optional<deadline> const& limit = {});

// S1 and S2 over one sweep (sizes differing in `swept` only). `measured` are further sizes
// that were built and measured but not proved (lemma::measured_only): they join the series,
// and the details say which they are.
std::vector<obligation_result> check_sweep(lemma const& l, std::string const& swept,
                                           std::vector<size_record> const& sizes,
                                           std::vector<size_record> const& measured = {});

// The overall verdict of a list of results.
verdict overall(std::vector<obligation_result> const& results);

}  // namespace tc0
