#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "proofs/blocks/crt_plan.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/integer/integer_iterated_multiplication.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("the prime plan covers the largest product, and its constants check out") {
  for (unsigned n : {1u, 2u, 4u, 8u})
    for (unsigned m : {1u, 3u, 8u}) {
      CAPTURE(n);
      CAPTURE(m);
      auto const plan = plan_crt(n, m);
      big_int const largest = boost::multiprecision::pow(pow2(m) - 1, n);
      CHECK_FALSE(check_primes(plan, largest).has_value());
      CHECK_FALSE(check_crt_coefficients(plan).has_value());
      for (auto const& p : plan.primes) CHECK_FALSE(check_discrete_logs(p).has_value());
      // the smallest such set: without the largest prime the product is too small
      if (plan.primes.size() > 1) CHECK(check_primes(plan_crt(n, m, 1), largest).has_value());
    }
  // 255^8 < 2^64 < 2 * 3 * ... * 53
  CHECK(plan_crt(8, 8).primes.back().q == 53);
}

TEST_CASE("a corrupted discrete-log table is caught by its check") {
  auto plan = plan_crt(2, 4);
  auto p = plan.primes.back();
  std::swap(p.log[2], p.log[3]);
  CHECK(check_discrete_logs(p).has_value());
}

TEST_SUITE("solver") {
  TEST_CASE("int.iterated_mul is proved by stages, and the monolithic miter agrees") {
    auto const& l = find_lemma("int.iterated_mul");
    for (auto const& p : std::vector<parameters>{{{"n", 2}, {"m", 3}}, {{"n", 3}, {"m", 4}}}) {
      CAPTURE(to_string(p));
      check_params cp;
      cp.monolithic = true;
      auto const r = check_construction(l, p, cp);
      bool saw_monolithic = false;
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
        saw_monolithic |= o.how == method::smt_flat;
      }
      CHECK(saw_monolithic);
    }
  }

  TEST_CASE("a prime set whose product is too small is refuted at the Chinese-remainder step") {
    auto const& l = find_lemma("int.iterated_mul");
    parameters const p{{"n", 3}, {"m", 3}};
    lemma broken = l;
    broken.build = [](parameters const& q) {
      return build_iterated_multiplication(q, {.drop_primes = 1});
    };
    auto const r = check_construction(broken, p, {});
    bool refuted_at_crt = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      if (o.id.ends_with("composition:chinese_remainder")) {
        REQUIRE(o.result == verdict::refuted);
        REQUIRE(o.cex.has_value());
        CHECK(o.cex->stage == "composition:chinese_remainder");
        // replayed: the all-ones input gives a wrong product on the simulator
        auto const k = broken.build(p);
        auto const values = simulate_pattern(k.c, o.cex->input_bits);
        CHECK(first_failing_clause(l.specification(k.c, p), values).has_value());
        refuted_at_crt = true;
      } else if (o.id.find("/stage:") != std::string::npos) {
        CHECK(o.result == verdict::proved);  // every stage still meets its own specification
      }
    }
    CHECK(refuted_at_crt);
  }

  TEST_CASE("a wrong discrete-log entry in the circuit is refuted at stage log_tables") {
    auto const& l = find_lemma("int.iterated_mul");
    lemma broken = l;
    broken.build = [](parameters const& q) {
      return build_iterated_multiplication(q, {.wrong_log_entry = true});
    };
    auto const r = check_construction(broken, {{"n", 2}, {"m", 4}}, {});
    bool found = false;
    for (auto const& o : r.obligations)
      if (o.id.ends_with("stage:log_tables")) {
        CAPTURE(o.detail);
        REQUIRE(o.result == verdict::refuted);
        REQUIRE(o.cex.has_value());
        CHECK(o.cex->stage == "log_tables");
        found = true;
      }
    CHECK(found);
    CHECK(overall(r.obligations) == verdict::refuted);
  }
}
