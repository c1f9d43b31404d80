// tf.matmul (Lemma 4.2): proved from its blocks, most of them by reference; a wiring error that
// every block's own proof accepts is caught by the sequence step and refuted by simulation.
#include "proofs/lemmas/transformer/matrix_product.hpp"

#include <doctest/doctest.h>

#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "tests/proofs/lemmas/transformer/wiring_fault.hpp"

using namespace tc0;

TEST_SUITE("solver") {
  TEST_CASE("tf.matmul at n1 = d = n2 = 2 is proved, the repeated blocks by reference") {
    auto const& l = find_lemma("tf.matmul");
    auto const r = check_construction(l, {{"n1", 2}, {"d", 2}, {"n2", 2}, {"p", 3}, {"k", 2}}, {});
    unsigned proved = 0, by_reference = 0;
    bool tied = false, sequence = false, simulated = false, depth_formula = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      ++proved;
      by_reference += o.same_as.empty() ? 0 : 1;
      tied |= o.id.ends_with("/composition") && o.detail.find("step sequence") != std::string::npos;
      sequence |= o.id.ends_with("/composition:sequence");
      if (o.id.ends_with("/depth_formula"))
        depth_formula = o.detail.find("<= d_std + d_⊕ = ") != std::string::npos;
      simulated |= o.how == method::random_simulation || o.how == method::exhaustive_simulation;
    }
    CHECK(tied);
    CHECK(sequence);
    CHECK(simulated);
    CHECK(depth_formula);
    // 8 products and 4 sums: the first of each proved, the other 7 and 3 by reference
    CHECK(by_reference * 10 > proved * 7);
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
