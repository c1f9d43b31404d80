#include <doctest/doctest.h>

#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_SUITE("solver") {
  TEST_CASE("int.mul is proved by stages for m = 2..8, at depth 9 from m = 4 on") {
    auto const& l = find_lemma("int.mul");
    std::vector<size_record> sizes;
    for (unsigned m = 2; m <= 8; ++m) {
      CAPTURE(m);
      check_params cp;
      cp.monolithic = m <= 5;  // the miter against bvmul, where it is quick
      auto const r = check_construction(l, {{"m", m}}, cp);
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
      }
      if (m >= 4) CHECK(r.size.metrics.depth == 9);
      if (m >= 4) sizes.push_back(r.size);
    }
    for (auto const& o : check_sweep(l, "m", sizes)) {
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
    }
  }
}
