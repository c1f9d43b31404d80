#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("int.power agrees with x^k on every input") {
  auto const& l = find_lemma("int.power");
  for (unsigned k : {1u, 2u, 5u})
    for (unsigned m : {1u, 3u, 4u}) {
      parameters const p{{"k", k}, {"m", m}};
      CAPTURE(to_string(p));
      auto const built = l.build(p);
      simulation_check_stats stats;
      CHECK_FALSE(check_exhaustive(built.c, l.specification(built.c, p), {}, &stats).has_value());
      CHECK(stats.patterns_checked == (1u << m));
    }
}

TEST_SUITE("solver") {
  TEST_CASE("int.power is proved by stages, and the monolithic miter agrees") {
    auto const& l = find_lemma("int.power");
    parameters const p{{"k", 3}, {"m", 4}};
    check_params cp;
    cp.monolithic = true;
    auto const r = check_construction(l, p, cp);
    bool saw_monolithic = false, saw_table_check = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      saw_monolithic |= o.how == method::smt_flat;
      saw_table_check |= o.id.ends_with("composition:power_tables");
    }
    CHECK(saw_monolithic);
    CHECK(saw_table_check);
    CHECK(r.size.metrics.depth == 20);
  }
}
