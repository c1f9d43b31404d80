// What the tests of the approximation and root lemmas require of their constructions: a correct
// one has every obligation proved, every input simulated, and its `composition` taken from the
// certified step `step`; a deliberately broken one has `step` not proved, and exhaustive
// simulation refutes it with an input whose simulated result fails the lemma's specification
// (the input replays).
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/check_by_simulation.hpp"
#include "proofs/engine/check.hpp"

namespace tc0 {

inline void check_proved_through(lemma const& l, parameters const& p, std::string const& step) {
  auto const r = check_construction(l, p, {});
  bool exhaustive = false, tied = false;
  for (auto const& o : r.obligations) {
    CAPTURE(o.id);
    CAPTURE(o.detail);
    CHECK(o.result == verdict::proved);
    exhaustive |= o.how == method::exhaustive_simulation;
    tied |= o.id.ends_with("/composition") && o.detail.find(step) != std::string::npos;
  }
  CHECK(exhaustive);
  CHECK(tied);
}

inline void check_caught(lemma const& l, parameters const& p, construction const& k,
                         std::string const& step, check_params const& cp = {}) {
  auto const r = check_built(l, p, k, cp);
  bool certificate = false, refuted_by_input = false;
  for (auto const& o : r.obligations) {
    if (o.id.ends_with("composition:" + step)) certificate = o.result != verdict::proved;
    if (o.how == method::exhaustive_simulation && o.result == verdict::refuted) {
      refuted_by_input = true;
      REQUIRE(o.cex.has_value());
      auto const values = simulate_pattern(k.c, o.cex->input_bits);
      CHECK(first_failing_clause(l.specification(k.c, p), values).has_value());
    }
  }
  CHECK(certificate);
  CHECK(refuted_by_input);
}

}  // namespace tc0
