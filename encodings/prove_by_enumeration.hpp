// Clauses whose cone depends on few inputs, proved by enumerating those inputs on the simulator.
//
// The clauses read some nodes; their transitive fan-in (the cone) reaches some inputs (the
// support). The clauses' values depend on the support only, so checking every assignment of the
// support, the other inputs fixed, checks every input pattern: a proof, not a sample. The
// spec's preconditions that mention only the cone are kept (dropping the others enumerates a
// superset, so a proof stays a proof); those of the form "at most one of these inputs" (one-hot
// codes: the division tables' residues) shrink the enumeration from 2^|G| to |G| + 1 patterns
// per group, which makes stages over one-hot inputs enumerable at all. Inputs that the cone reads
// only through thresholds of one linear form (a residue's small sum; the spec names the form as
// a hint, encodings/linear_form_domain.hpp checks it) are covered by one pattern per value of
// the form: A mod q over 24 bits of A is at most 24 (q - 1) + 1 patterns, not 2^24.
//
// Used first by prove_circuit where it is cheap (the patterns times the cone's wires under a
// bound): int.div's residue stage, 16 inputs per clause at m = 8, bit-blasted took 1135 s.
// A failing pattern is a counterexample only after it is replayed on the whole circuit with
// every precondition; otherwise the caller goes on to the solver.
#pragma once

#include <optional>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"
#include "encodings/prove.hpp"

namespace tc0 {

// Expected enumeration times: under `quick_enumeration_ns` enumeration goes first; up to
// `slow_enumeration_ns` it goes after a short solver attempt has failed (prove_circuit).
inline constexpr double quick_enumeration_ns = 3e8;
inline constexpr double slow_enumeration_ns = 2e10;

// nullopt when enumeration does not apply (too many patterns, or expected to take longer than
// `max_ns`: then *expected_ns, if given, is the estimate); else proved, or refuted with the
// replayed input pattern of `c`.
std::optional<query_outcome> prove_by_enumeration(circuit const& c, linear_spec const& spec,
                                                  std::vector<size_t> const& clauses,
                                                  double max_ns = quick_enumeration_ns,
                                                  double* expected_ns = nullptr);

}  // namespace tc0
