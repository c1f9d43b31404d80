// tf.mlp (Lemma 4.5): proved from its blocks, the ReLU variant too; a wiring error every block
// accepts is caught by the sequence step and refuted by simulation.
#include "proofs/lemmas/transformer/mlp.hpp"

#include <doctest/doctest.h>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "tests/proofs/lemmas/transformer/composite_checks.hpp"

using namespace tc0;

TEST_CASE("tf.mlp computes x W + b per row, and ReLU clips the negative results to 0") {
  // p = 3, k = 2 (e in [-2, 1]): X = [[1, -2]], W = [[1, 0], [1, 1]], b = (2, 1):
  // x W + b = (1 - 2 + 2, 0 - 2 + 1) = (1, -1), and with ReLU (1, 0)
  auto const f = float_format::with_exponent_bits(3, 2);
  auto const v = [&](int x) { return round_to_format(f, rational(x)); };
  auto const zero = zero_of(f);
  std::map<std::string, float_value> const in{{"X_0_0", v(1)}, {"X_0_1", v(-2)}, {"W_0_0", v(1)},
                                              {"W_0_1", zero}, {"W_1_0", v(1)},  {"W_1_1", v(1)},
                                              {"b_0", v(2)},   {"b_1", v(1)}};
  auto const& l = find_lemma("tf.mlp");
  parameters p{{"n", 1}, {"d", 2}, {"p", 3}, {"k", 2}};
  auto const affine = simulate_floats(l.build(p).c, f, in, {"Y_0_0", "Y_0_1"});
  CHECK(affine.at("Y_0_0") == v(1));
  CHECK(affine.at("Y_0_1") == v(-1));
  p["relu"] = 1;
  auto const clipped = simulate_floats(l.build(p).c, f, in, {"Y_0_0", "Y_0_1"});
  CHECK(clipped.at("Y_0_0") == v(1));
  CHECK(clipped.at("Y_0_1") == zero);
}

TEST_SUITE("solver") {
  TEST_CASE("tf.mlp at n = d = 2, with and without ReLU, is proved, repeated blocks by reference") {
    auto const& l = find_lemma("tf.mlp");
    for (unsigned relu : {0u, 1u}) {
      CAPTURE(relu);
      auto const r =
          check_construction(l, {{"n", 2}, {"d", 2}, {"p", 3}, {"k", 2}, {"relu", relu}}, {});
      auto const n = check_every_obligation_proved(r);
      auto const tied = detail_of(r, "/composition");
      REQUIRE(tied);
      CHECK(tied->find("step sequence") != std::string::npos);
      auto const depth = detail_of(r, "/depth_formula");
      REQUIRE(depth);
      CHECK(depth->find(relu ? "d_relu" : "d_⊕ = ") != std::string::npos);
      CHECK(has_obligation_by(r, method::random_simulation));
      // 8 products and 4 sums (and 4 ReLUs): the first of each proved, the rest by reference
      CHECK(n.by_reference * 10 > n.obligations * 7);
    }
  }

  TEST_CASE(
      "W read transposed: every block is proved, the sequence step is not, simulation refutes") {
    auto const& l = find_lemma("tf.mlp");
    parameters const p{{"n", 1}, {"d", 2}, {"p", 2}, {"k", 1}};
    auto const layout = mlp_layout(p);
    // operands: X_0_0, X_0_1, W_0_0, W_0_1, W_1_0, W_1_1, b_0, b_1
    auto const k = build_program_lemma(layout, {.rewired = {{3, 4}, {4, 3}}});
    check_wiring_fault(check_built(l, p, k, {}), {"W_0_1;", "W_1_0;", "actual Y_0_"});
  }
}
