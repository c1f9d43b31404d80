#include "proofs/blocks/clustered_float_sum.hpp"

#include <doctest/doctest.h>

#include <functional>

#include "core/check_by_simulation.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("gap clustering agrees with the Boost reference where clusters split") {
  // the gap G = 2p + ceil(log2 n) + 3 exceeds the whole exponent range at the smallest formats,
  // so these sizes are chosen with ranges wider than G: n = 2 at p = 3 (the paper's range,
  // v up to 17, G = 10) and n = 3 at p = 2 with e in [-8, 7] (v up to 16, G = 9)
  auto const& l = find_lemma("float.iterated_add");
  for (auto const& [params, bits] : {std::pair{parameters{{"n", 2}, {"p", 3}, {"k", 0}}, 16u},
                                     std::pair{parameters{{"n", 3}, {"p", 2}, {"k", 4}}, 21u}}) {
    CAPTURE(param(params, "n"));
    auto const built = l.build(params);
    simulation_check_stats stats;
    CHECK_FALSE(check_exhaustive(built.c, l.specification(built.c, params), {}, &stats));
    CHECK(stats.patterns_checked == (uint64_t{1} << bits));
  }
}

TEST_CASE("clustered_rounding accepts only the facts its theorem reads, as the stages state them") {
  auto const f = format_of({{"p", 2}, {"k", 0}});
  // alter: what to take out of the stages before the certified step cites them
  auto const build = [&](std::function<void(construction&, clustered_sum_sources const&)> alter) {
    construction k;
    std::vector<float_bus> xs;
    for (unsigned i = 0; i < 3; ++i)
      xs.push_back(create_float_input(k.c, "x" + std::to_string(i), f));
    auto const [x, at] = create_clustered_sum_stages(k, f, xs);
    alter(k, at);
    auto const step = add_clustered_sum_rounding(k, "", x, at);
    return k.composition.at(step).check();
  };
  CHECK_FALSE(build([](construction&, clustered_sum_sources const&) {}).has_value());
  SUBCASE("the gap between clusters") {
    // without "a later cluster's v lies G + 1 below low_c" the bound on what the later clusters
    // add has no source
    auto const failure = build([](construction& k, clustered_sum_sources const& at) {
      auto const erased = std::erase_if(k.stage_specs.at(at.cluster).clauses, [](auto const& c) {
        return c.name == "cluster0 x2 in cluster1 is below the gap";
      });
      REQUIRE(erased == 1);
    });
    REQUIRE(failure.has_value());
    CHECK(failure->what.find("cluster") != std::string::npos);
  }
  SUBCASE("the alignment's precondition") {
    auto const failure = build([](construction& k, clustered_sum_sources const& at) {
      auto const erased =
          std::erase_if(k.stage_specs.at(at.align).preconditions,
                        [](auto const& pre) { return pre.first == "d1 <= (n-1) G"; });
      REQUIRE(erased == 1);
    });
    REQUIRE(failure.has_value());
    CHECK(failure->what.find("align") != std::string::npos);
  }
}

TEST_SUITE("solver") {
  TEST_CASE("float.iterated_add at the paper's range: every obligation proved at n = 3, p = 3") {
    // v up to 17 and G = 11: the operands can fall into separate clusters
    auto const& l = find_lemma("float.iterated_add");
    auto const r = check_construction(l, {{"n", 3}, {"p", 3}, {"k", 0}}, check_params{});
    bool certified = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      certified |= o.id.ends_with("composition:clustered_rounding");
    }
    CHECK(certified);
  }
}
