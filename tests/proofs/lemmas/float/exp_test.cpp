// float.exp: exact values, the error budget per p, the lemma proved at small p, and broken
// constructions caught (a flipped bit of log2 e, a missing series term, p + 3 fraction bits).
#include <doctest/doctest.h>

#include <filesystem>

#include "core/check_by_simulation.hpp"
#include "core/simulate.hpp"
#include "proofs/blocks/exp_series.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/engine/replay.hpp"
#include "proofs/lemmas/float/float_exp.hpp"
#include "proofs/lemmas/paper_gaps.hpp"
#include "proofs/lemmas/registry.hpp"
#include "tests/proofs/lemmas/float/broken_construction.hpp"

using namespace tc0;

TEST_CASE("exp(0) = 1 exactly, huge inputs saturate or vanish, on the circuit") {
  for (unsigned p : {4u, 6u}) {
    auto const f = float_format::paper(p);
    auto const k = find_lemma("float.exp").build({{"p", p}, {"k", 0}});
    CAPTURE(p);
    float_value const one{false, pow2(p - 1), 1 - static_cast<int64_t>(p)};
    CHECK(simulate_unary(k.c, f, zero_of(f)) == one);
    float_value const big{false, pow2(p - 1), f.e_max - 2};
    CHECK(simulate_unary(k.c, f, big) == float_value{false, pow2(p) - 1, f.e_max});
    float_value minus_big = big;
    minus_big.negative = true;
    CHECK(simulate_unary(k.c, f, minus_big) == zero_of(f));
  }
}

TEST_CASE("the error budget holds for the plan at p = 2..16, and fails for broken plans") {
  for (unsigned p = 2; p <= 16; ++p) {
    CAPTURE(p);
    auto const f = float_format::paper(p);
    auto const plan = plan_exp(f);
    auto const b = check_exp_budget(plan);
    CHECK_FALSE(b.failure.has_value());
    CHECK(b.total <= approximation_slack(p));
    // t = p - 1, i.e. p + 3 fraction bits for x (F = t + 4): the budget cannot reach 2^(-2p-1)
    if (p >= 3) CHECK(check_exp_budget(plan_exp(f, p - 1)).failure.has_value());
    auto flipped = plan;
    boost::multiprecision::bit_flip(flipped.L, plan.G - plan.I - p + 3);
    CHECK(check_exp_budget(flipped).failure.has_value());
    auto missing = plan;
    missing.C[2] = 0;
    CHECK(check_exp_budget(missing).failure.has_value());
  }
  // reduced exponent ranges too
  for (unsigned k = 2; k <= 6; ++k)
    CHECK_FALSE(check_exp_budget(plan_exp(float_format::with_exponent_bits(5, k))).failure);
}

TEST_SUITE("solver") {
  TEST_CASE("float.exp is proved at p = 2, 3 in the paper's range, every input simulated") {
    auto const& l = find_lemma("float.exp");
    for (unsigned p = 2; p <= 3; ++p) {
      CAPTURE(p);
      check_proved_through(l, {{"p", p}, {"k", 0}}, "exp_budget");
    }
  }

  TEST_CASE("a broken exp is caught: by its certificate, and by simulation with a replayed input") {
    auto const& l = find_lemma("float.exp");
    // p = 6: with p + 3 fraction bits (t = 5) the first input to miss the bound is just above
    // e^0's binade start (at p = 4 none does: NEXT-LAYER.md §2's worst case needs the finer grid)
    parameters const p{{"p", 6}, {"k", 0}};
    for (auto const& faults :
         {float_exp_faults{.log2e_bit_flipped = true}, float_exp_faults{.missing_term = 2},
          float_exp_faults{.internal_bits = 5}}) {
      CAPTURE(faults.internal_bits);
      check_params cp;
      cp.select = [](std::string const& id) {
        return id.find("exp_budget") != std::string::npos ||
               id.find("exhaustive") != std::string::npos;
      };
      check_caught(l, p, build_float_exp(p, faults), "exp_budget", cp);
    }
  }
}

TEST_CASE("the report's paper gaps are shown, the first with a file that replays") {
  auto const dir = std::filesystem::temp_directory_path() / "tc0check_gaps_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  check_params cp;
  cp.cex_dir = dir.string();
  auto const gaps = demonstrate_paper_gaps(dir.string(), cp);
  REQUIRE(gaps.size() == 5);
  for (auto const& g : gaps) {
    CAPTURE(g.id);
    CAPTURE(g.shown.detail);
    CHECK(g.shown.result == verdict::refuted);
  }
  REQUIRE(gaps[0].shown.cex.has_value());
  CHECK(std::filesystem::exists(gaps[0].shown.cex_file));
  auto const r = replay(*gaps[0].shown.cex, find_lemma("float.exp"));
  CHECK(r.still_fails);
  // sin with the widths for 2^4 on |x| <= 2^20: refuted, and the file replays
  REQUIRE(gaps[2].shown.cex.has_value());
  CHECK(std::filesystem::exists(gaps[2].shown.cex_file));
  CHECK(replay(*gaps[2].shown.cex, find_lemma("float.sin")).still_fails);
  // attention without max-subtraction: both exps saturate, the row is an average
  MESSAGE(gaps[3].shown.detail);
  CHECK(gaps[3].shown.detail.find("the circuit gives Y_0_0 = 1,") != std::string::npos);
  // the max-subtracted circuit on the same input: exp(0) = 1 and exp(-3) underflows to 0, so 3
  CHECK(gaps[3].shown.detail.find("on the same input gives 3,") != std::string::npos);
  // LayerNorm without epsilon on (1.5, 0.5): 120 (the largest float) where the exact value is 1
  MESSAGE(gaps[4].shown.detail);
  CHECK(gaps[4].shown.detail.find("the circuit gives Y_0_0 = 120, exact LayerNorm gives 1:") !=
        std::string::npos);
  CHECK(gaps[4].shown.detail.find("the circuit gives 0.75.") != std::string::npos);
  std::filesystem::remove_all(dir);
}
