// float.sqrt: exact values, the whole lemma proved at small p, and broken series caught.
#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "core/simulate.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/root_series.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/float/float_sqrt.hpp"
#include "proofs/lemmas/registry.hpp"
#include "tests/proofs/lemmas/float/broken_construction.hpp"

using namespace tc0;

TEST_CASE("sqrt(4^j) = 2^j exactly, and sqrt(0) = 0") {
  for (unsigned p : {4u, 6u}) {
    auto const f = float_format::paper(p);
    auto const k = find_lemma("float.sqrt").build({{"p", p}, {"k", 0}});
    CAPTURE(p);
    CHECK(simulate_unary(k.c, f, zero_of(f)) == zero_of(f));
    unsigned checked = 0;
    for (int j = -10; j <= 10; ++j) {
      CAPTURE(j);
      // 4^j = 2^(p-1) 2^(2j - p + 1); its root 2^j = 2^(p-1) 2^(j - p + 1)
      float_value const x{false, pow2(p - 1), 2 * j - static_cast<int64_t>(p) + 1};
      float_value const root{false, pow2(p - 1), j - static_cast<int64_t>(p) + 1};
      if (!is_valid(f, x)) continue;  // 4^j beyond the format's range
      ++checked;
      CHECK(simulate_unary(k.c, f, x) == root);
    }
    CHECK(checked >= 14);
  }
}

TEST_CASE("the series' error bound: below 1/2 for the plan, and a short series exceeds 1") {
  for (unsigned p = 2; p <= 12; ++p) {
    CAPTURE(p);
    auto const plan = plan_root_series(p);
    CHECK(root_series_error_bound(plan) <= rational(1, 2));
    if (plan.N > 1) {
      auto short_plan = plan;
      short_plan.N = 1;
      for (auto& by_b : short_plan.coefficient)
        for (auto& C : by_b) C.resize(2);
      if (p >= 6) CHECK(root_series_error_bound(short_plan) >= 1);
    }
  }
}

TEST_SUITE("solver") {
  TEST_CASE("float.sqrt is proved at p = 2..6 in the paper's range, every input simulated") {
    auto const& l = find_lemma("float.sqrt");
    for (unsigned p = 2; p <= 6; ++p) {
      CAPTURE(p);
      check_proved_through(l, {{"p", p}, {"k", 0}}, "root_rounding");
    }
  }

  TEST_CASE(
      "a broken series is caught: by its certificate, and by simulation with a replayed input") {
    auto const& l = find_lemma("float.sqrt");
    parameters const p{{"p", 6}, {"k", 3}};
    for (auto const faults : {float_root_faults{.linear_series_only = true},
                              float_root_faults{.constant_term_off = true}}) {
      check_caught(l, p, build_float_sqrt(p, faults), "root_series");
    }
  }

  TEST_CASE(
      "root_rounding needs the operand's validity stated: without it the step is not proved") {
    // In a composite the operand is another block's result, whose validity is that block's
    // conclusion; a root block whose root_operand step states nothing must not conclude.
    auto const& l = find_lemma("float.sqrt");
    parameters const p{{"p", 4}, {"k", 3}};
    auto const r = check_built(l, p, build_float_sqrt(p, {.operand_validity_unstated = true}), {});
    bool rounding_seen = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      if (o.id.ends_with("/composition:root_rounding")) {
        rounding_seen = true;
        CHECK(o.result == verdict::unknown);
        CHECK(o.detail.find("root_operand") != std::string::npos);
      }
      if (o.how == method::exhaustive_simulation) CHECK(o.result == verdict::proved);
    }
    CHECK(rounding_seen);
  }
}
