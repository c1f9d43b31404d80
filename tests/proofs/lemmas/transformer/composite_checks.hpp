// What the composite lemmas' tests (tf.matmul, tf.rope, tf.attention_matrix, tf.attention) check
// of their checks' results.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "proofs/engine/check.hpp"

namespace tc0 {

struct proof_counts {
  unsigned obligations = 0, by_reference = 0;
};

// Every obligation of `r` proved (each failure names its obligation); how many there are, and how
// many were proved by reference to another.
inline proof_counts check_every_obligation_proved(size_check const& r) {
  proof_counts n;
  for (auto const& o : r.obligations) {
    CAPTURE(o.id);
    CAPTURE(o.detail);
    CHECK(o.result == verdict::proved);
    ++n.obligations;
    n.by_reference += o.same_as.empty() ? 0 : 1;
  }
  CHECK(n.obligations > 0);
  return n;
}

// The detail of the obligation whose id ends with `suffix`, if `r` has one.
inline std::optional<std::string> detail_of(size_check const& r, std::string const& suffix) {
  for (auto const& o : r.obligations)
    if (o.id.ends_with(suffix)) return o.detail;
  return std::nullopt;
}

// Whether some obligation of `r` was decided by `how`.
inline bool has_obligation_by(size_check const& r, method how) {
  for (auto const& o : r.obligations)
    if (o.how == how) return true;
  return false;
}

// A construction built with a wiring fault that every block's own proof accepts (a transposed
// matrix, a flipped rotation sign): the sequence step does not state the lemma's clauses
// (unknown), and simulation (random, or exhaustive at a small size) refutes with a counterexample
// whose decoded floats name every one of `names` ("X_1_0;", "actual Y_" ...).
inline void check_wiring_fault(size_check const& r, std::vector<std::string> const& names) {
  bool sequence_failed = false, refuted = false;
  for (auto const& o : r.obligations) {
    CAPTURE(o.id);
    CAPTURE(o.detail);
    if (o.id.ends_with("/composition:sequence")) {
      CHECK(o.result == verdict::unknown);
      sequence_failed = o.detail.find("does not state") != std::string::npos;
    } else if (o.id.find("/stage:") != std::string::npos) {
      CHECK(o.result == verdict::proved);  // each block computes its own operation
    }
    bool const simulated =
        o.how == method::random_simulation || o.how == method::exhaustive_simulation;
    if (simulated && o.result == verdict::refuted) {
      refuted = true;
      REQUIRE(o.cex.has_value());
      std::string decoded;
      for (auto const& [name, text] : o.cex->floats) decoded += name + ";";
      for (auto const& n : names) CHECK(decoded.find(n) != std::string::npos);
    }
  }
  CHECK(sequence_failed);
  CHECK(refuted);
}

}  // namespace tc0
