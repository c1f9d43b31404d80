// tf.layernorm: the documented order on chosen rows (a zero-variance row that saturates where
// exact LayerNorm gives +-1), proved from its blocks with and without epsilon, its zero_variance
// claim exercised, and a wiring error caught.
#include "proofs/lemmas/transformer/layer_norm.hpp"

#include <doctest/doctest.h>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "tests/proofs/lemmas/transformer/composite_checks.hpp"

using namespace tc0;

namespace {

std::map<std::string, float_value> normalise(parameters const& p, float_format const& f,
                                             std::vector<rational> const& row) {
  std::map<std::string, float_value> in;
  std::vector<std::string> out;
  for (size_t c = 0; c < row.size(); ++c) {
    in["X_0_" + std::to_string(c)] = round_to_format(f, row[c]);
    out.push_back("Y_0_" + std::to_string(c));
  }
  return simulate_floats(find_lemma("tf.layernorm").build(p).c, f, in, out);
}

}  // namespace

TEST_CASE("tf.layernorm on chosen rows: +-1, a constant row is 0, and an underflowing variance") {
  // p = 4, k = 3: e in [-4, 3], floats from 0.5 to 120
  parameters p{{"n", 1}, {"d", 2}, {"p", 4}, {"k", 3}};
  auto const f = format_of(p);
  auto const value = [&](rational const& x) { return round_to_format(f, x); };
  // (3, 1): mu = 2, c = (1, -1), sigma^2 = 1: (1, -1)
  auto y = normalise(p, f, {3, 1});
  CHECK(y.at("Y_0_0") == value(1));
  CHECK(y.at("Y_0_1") == value(-1));
  // a constant row: c = 0, sigma^2 = 0, 0 / 0 = 0
  y = normalise(p, f, {5, 5});
  CHECK(y.at("Y_0_0") == zero_of(f));
  CHECK(y.at("Y_0_1") == zero_of(f));
  // (1.5, 0.5): mu = 1, c = (0.5, -0.5), c^2 = 0.25 ties to 0 (half the smallest normal), so
  // sigma^2 = 0 and c / 0 saturates: (120, -120) where exact LayerNorm gives (1, -1)
  y = normalise(p, f, {rational(3, 2), rational(1, 2)});
  CHECK(y.at("Y_0_0") == value(largest_magnitude(f)));
  CHECK(y.at("Y_0_1") == value(-largest_magnitude(f)));
  // with eps (the smallest normal, 0.5): sqrt(0 + 0.5) = 0.6875 at p = 4, and 0.5 / 0.6875 rounds
  // to 0.75
  p["eps"] = 1;
  y = normalise(p, f, {rational(3, 2), rational(1, 2)});
  CHECK(y.at("Y_0_0") == value(rational(3, 4)));
  CHECK(y.at("Y_0_1") == value(rational(-3, 4)));
}

TEST_CASE("tf.layernorm refuses a d that is not a float of the format, naming it") {
  auto const& l = find_lemma("tf.layernorm");
  CHECK_THROWS_WITH_AS(l.validate({{"n", 1}, {"d", 5}, {"p", 2}, {"k", 2}}),
                       doctest::Contains("d = 5 is not a float"), std::invalid_argument);
  CHECK_NOTHROW(l.validate({{"n", 1}, {"d", 4}, {"p", 2}, {"k", 2}}));
}

TEST_SUITE("solver") {
  TEST_CASE("tf.layernorm at n = 2, d = 2 is proved with and without eps; zero variance covered") {
    auto const& l = find_lemma("tf.layernorm");
    for (unsigned eps : {0u, 1u}) {
      CAPTURE(eps);
      auto const r =
          check_construction(l, {{"n", 2}, {"d", 2}, {"p", 3}, {"k", 2}, {"eps", eps}}, {});
      auto const n = check_every_obligation_proved(r);
      CHECK(n.by_reference * 2 > n.obligations);
      auto const zero = detail_of(r, "/zero_variance");
      REQUIRE(zero);
      CHECK(zero->find(eps ? "unsaturated" : "give the largest float with c's sign") !=
            std::string::npos);
      auto const depth = detail_of(r, "/depth_formula");
      REQUIRE(depth);
      CHECK(depth->find("d_sqrt") != std::string::npos);
    }
  }

  TEST_CASE("X_0_0 and X_0_1 wired crossed: the sequence step fails, simulation refutes") {
    auto const& l = find_lemma("tf.layernorm");
    parameters const p{{"n", 1}, {"d", 2}, {"p", 2}, {"k", 2}};
    auto const layout = layernorm_program_of(p).layout;
    // every block reading x_0 reads x_1 and the other way round: the row sum is the same, the
    // outputs trade places
    auto const k = build_program_lemma(layout, {.rewired = {{0, 1}, {1, 0}}});
    check_wiring_fault(check_built(l, p, k, {}), {"X_0_0;", "X_0_1;", "actual Y_0_"});
  }
}
