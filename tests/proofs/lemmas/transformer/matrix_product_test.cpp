// tf.matmul (Lemma 4.2): proved from its blocks, most of them by reference; a wiring error that
// every block's own proof accepts is caught by the sequence step and refuted by simulation.
#include "proofs/lemmas/transformer/matrix_product.hpp"

#include <doctest/doctest.h>

#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "tests/proofs/lemmas/transformer/composite_checks.hpp"

using namespace tc0;

TEST_SUITE("solver") {
  TEST_CASE("tf.matmul at n1 = d = n2 = 2 is proved, the repeated blocks by reference") {
    auto const& l = find_lemma("tf.matmul");
    auto const r = check_construction(l, {{"n1", 2}, {"d", 2}, {"n2", 2}, {"p", 3}, {"k", 2}}, {});
    auto const n = check_every_obligation_proved(r);
    auto const tied = detail_of(r, "/composition");
    REQUIRE(tied);
    CHECK(tied->find("step sequence") != std::string::npos);
    CHECK(detail_of(r, "/composition:sequence"));
    CHECK((has_obligation_by(r, method::random_simulation) ||
           has_obligation_by(r, method::exhaustive_simulation)));
    auto const depth_formula = detail_of(r, "/depth_formula");
    REQUIRE(depth_formula);
    CHECK(depth_formula->find("<= d_std + d_⊕ = ") != std::string::npos);
    // 8 products and 4 sums: the first of each proved, the other 7 and 3 by reference
    CHECK(n.by_reference * 10 > n.obligations * 7);
  }

  TEST_CASE(
      "B wired transposed: every block is proved, the sequence step is not, and it is "
      "refuted on the simulator with the matrices named") {
    auto const& l = find_lemma("tf.matmul");
    parameters const p{{"n1", 1}, {"d", 2}, {"n2", 2}, {"p", 2}, {"k", 1}};
    auto const k = build_matmul(p, {.transposed_b = true});
    // 24 input bits: random simulation
    check_wiring_fault(check_built(l, p, k, {}), {"A_0_1;", "B_1_0;", "actual C_0_"});
  }
}
