// --timeout and --budget bound everything (issue 23): building, encoding, solving, simulating.
// What a limit stops is unknown and says which limit; nothing stopped is called proved.
#include <doctest/doctest.h>

#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("with the budget spent, a size is not built and nothing is proved") {
  check_params cp;
  cp.budget = deadline{std::chrono::steady_clock::now(), "the test's budget was spent"};
  auto const r = check_construction(find_lemma("int.add"), {{"m", 4}}, cp);
  CHECK_FALSE(r.size.built);
  REQUIRE(r.obligations.size() == 1);
  CHECK(r.obligations[0].result == verdict::unknown);
  CHECK(r.obligations[0].detail == "not built: the test's budget was spent");
  CHECK(overall(r.obligations) == verdict::unknown);
}

TEST_CASE("a construction that outlasts --timeout is stopped while it is built") {
  check_params cp;
  cp.solver.timeout_ms = 1;  // int.div at m = 8 takes far longer than a millisecond to build
  auto const r = check_construction(find_lemma("int.div"), {{"m", 8}}, cp);
  CHECK_FALSE(r.size.built);
  REQUIRE(r.obligations.size() == 1);
  CHECK(r.obligations[0].result == verdict::unknown);
  CHECK(r.obligations[0].detail.find("--timeout") != std::string::npos);
}

TEST_CASE("a budget that runs out mid-run leaves the rest unknown, each saying why") {
  check_params cp;
  cp.budget = deadline{std::chrono::steady_clock::now() + std::chrono::milliseconds(300),
                       "the test's budget was spent"};
  auto const r = check_construction(find_lemma("int.mul"), {{"m", 32}}, cp);
  size_t stopped = 0;
  for (auto const& o : r.obligations) {
    CAPTURE(o.id);
    if (o.result == verdict::unknown) {
      CHECK(o.detail.find("the test's budget was spent") != std::string::npos);
      ++stopped;
    }
    CHECK(o.result != verdict::refuted);
  }
  CHECK(stopped > 0);
  CHECK(overall(r.obligations) == verdict::unknown);
}

TEST_CASE("sweeps leave out sizes that were not built, and name them") {
  auto const& l = find_lemma("int.add");
  std::vector<size_record> sizes;
  for (unsigned m : {4u, 8u, 16u}) sizes.push_back(measure_construction(l, {{"m", m}}));
  auto unbuilt = sizes;
  unbuilt[1] =
      measure_construction(l, {{"m", 8}}, deadline{std::chrono::steady_clock::now(), "spent"});
  CHECK_FALSE(unbuilt[1].built);
  auto const all = check_sweep(l, "m", sizes);
  auto const partial = check_sweep(l, "m", unbuilt);
  CHECK(all[0].result == verdict::proved);
  CHECK(partial[0].result == verdict::proved);  // 4 and 16 still span a factor 2
  // the deadline's own reason ("spent") is named
  CHECK(partial[0].detail.find("m = 8 (spent) not built") != std::string::npos);
  CHECK(partial[0].detail.find("8:") == std::string::npos);  // not in the series
}
