// What the composite lemmas' tests check of a construction built with a wiring fault that every
// block's own proof accepts (a transposed matrix, a flipped rotation sign): the sequence step
// does not state the lemma's clauses (unknown), and random simulation refutes with a
// counterexample whose decoded floats name every one of `names` ("X_1_0;", "actual Y_" ...).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "proofs/engine/check.hpp"

namespace tc0 {

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
    if (o.how == method::random_simulation && o.result == verdict::refuted) {
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
