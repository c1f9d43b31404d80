// Shared by the benchmarks: wall time of a construction's staged proof.
#pragma once

#include <chrono>

#include "proofs/engine/check.hpp"

namespace tc0::bench {

inline double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Wall time of every staged obligation (stages, implications, composition, structure; no
// monolithic miter, no simulation) and their combined verdict.
inline double staged_seconds(lemma const& l, parameters const& p, verdict& v,
                             unsigned timeout_ms = 60000) {
  check_params cp;
  cp.monolithic = false;
  cp.random_patterns = 0;
  cp.exhaustive_max_input_bits = 0;
  cp.solver.timeout_ms = timeout_ms;
  auto const t0 = now();
  auto const r = check_construction(l, p, cp);
  auto const t = now() - t0;
  v = verdict::proved;
  for (auto const& o : r.obligations)
    if (o.how != method::random_simulation) v = combine(v, o.result);
  return t;
}

}  // namespace tc0::bench
