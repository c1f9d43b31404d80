#include "proofs/blocks/aligned_float_sum.hpp"

#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("float.add: the sticky-bit alignment and the exact alignment agree on every input") {
  auto const& l = find_lemma("float.add");
  for (unsigned exact : {0u, 1u}) {
    parameters const params{{"p", 3}, {"k", 2}, {"exact_align", exact}};
    CAPTURE(exact);
    auto const built = l.build(params);
    simulation_check_stats stats;
    CHECK_FALSE(check_exhaustive(built.c, l.specification(built.c, params), {}, &stats));
    CHECK(stats.patterns_checked == (uint64_t{1} << 12));
  }
}

TEST_CASE("aligned_rounding accepts only the facts its theorem reads, as the stages state them") {
  auto const f = format_of({{"p", 3}, {"k", 0}});
  auto const build = [&](bool drop_sticky) {
    construction k;
    auto const a = create_float_input(k.c, "a", f), b = create_float_input(k.c, "b", f);
    auto const [x, at] = create_aligned_sum_stages(k, f, a, b);
    // the align stage without t = [R >= 1]: the theorem's "rho > 0 exactly when t = 1" has no
    // source
    if (drop_sticky)
      std::erase_if(k.stage_specs.at(at.align).clauses,
                    [](auto const& c) { return c.name == "t"; });
    auto const step = add_aligned_sum_rounding(k, "", x, at);
    return k.composition.at(step).check();
  };
  CHECK_FALSE(build(false).has_value());
  auto const failure = build(true);
  REQUIRE(failure.has_value());
  CHECK(failure->what.find("align") != std::string::npos);
}

TEST_SUITE("solver") {
  TEST_CASE("float.add at the paper's range: every obligation proved at p = 2, 4 (k = 0)") {
    auto const& l = find_lemma("float.add");
    for (unsigned p : {2u, 4u}) {
      CAPTURE(p);
      auto const r = check_construction(l, {{"p", p}, {"k", 0}}, check_params{});
      bool certified = false;
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
        certified |= o.id.ends_with("composition:aligned_rounding");
      }
      CHECK(certified);
    }
  }
}
