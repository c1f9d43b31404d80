// tf.attention (Lemma 4.4): the layer's documented program lets every A_ij be any float meeting
// its approximation, one float per entry for the row sum and the products; the layer is proved
// from its blocks; a transposed W_K is caught by the sequence step and refuted on the simulator
// with the matrices named.
#include <doctest/doctest.h>

#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/attention_program.hpp"
#include "tests/proofs/lemmas/transformer/composite_checks.hpp"

using namespace tc0;

namespace {

float_value fv(bool negative, unsigned m, int64_t e) {
  return {negative, m, e};
}

}  // namespace

TEST_CASE("the layer's program: Y = D^-1 A V for some admissible A, one float per entry") {
  parameters const p{{"n", 2}, {"d", 2}, {"p", 3}, {"k", 3}};
  auto const a = attention_program_of(p, attention_part::layer);
  auto const& pr = *a.program;
  REQUIRE(pr.operands == 2 * 2 + 3 * 2 * 2);
  // X = [[1, 0], [1, 0]], W_Q = W_K = 0, W_V = [[1.5, 0], [0, 0]]: every score is 0, every A_ij
  // meets e^0 = 1 (1 and 7/8 at p = 3), v_j = (1.5, 0); whatever the A_ij, N_i0 / D_i = 1.5
  auto const zero = zero_of(pr.format), one = fv(false, 4, -2);
  std::vector<float_value> x(pr.operands, zero);
  x[0] = x[2] = one;         // X_0_0, X_1_0
  x[12] = fv(false, 6, -2);  // WV_0_0 = 1.5
  CHECK(program_holds(pr, x, a.output[0][0], fv(false, 6, -2)));
  CHECK(program_holds(pr, x, a.output[1][0], fv(false, 6, -2)));
  CHECK(program_holds(pr, x, a.output[0][1], zero));
  CHECK_FALSE(program_holds(pr, x, a.output[0][0], one));
  CHECK(evaluate(pr, x, a.output[0][0]) == fv(false, 6, -2));
  // the row sum reads the same floats as the products: a value only mixed choices give is
  // refused (N from A = (1, 1) is 3, D from A = (7/8, 7/8) is 7/4, and 3 / (7/4) rounds to 7/4)
  CHECK_FALSE(program_holds(pr, x, a.output[0][0], fv(false, 7, -2)));
}

TEST_CASE("softmax_rows: the max-subtracted layer's rows sum to 1; the paper's form fails it") {
  auto const& l = find_lemma("tf.attention");
  parameters p{{"n", 2}, {"d", 2}, {"p", 4}, {"k", 3}, {"maxsub", 1}};
  structural_claim const* claim = nullptr;
  for (auto const& c : l.structural_claims)
    if (c.name == "softmax_rows") claim = &c;
  REQUIRE(claim);
  CHECK(claim->applies(p));
  auto const subtracted = claim->check(l.build(p), p);
  MESSAGE(subtracted.detail);
  CHECK(subtracted.holds);
  // the paper's circuit (no max-subtraction) under the same check: a row whose exps all
  // underflow has D_i = 0 and Y_i = 0, a row whose exps saturate is an average
  auto q = p;
  q["maxsub"] = 0;
  auto const paper = claim->check(l.build(q), p);
  MESSAGE(paper.detail);
  CHECK_FALSE(paper.holds);
  CHECK(paper.detail.find("off 1 by more than") != std::string::npos);
  // not stated where D^-1 A cannot be read from Y (d < n) or without max-subtraction
  CHECK_FALSE(claim->applies(q));
  CHECK_FALSE(claim->applies({{"n", 3}, {"d", 2}, {"p", 4}, {"k", 3}, {"maxsub", 1}}));
}

TEST_SUITE("solver") {
  TEST_CASE("tf.attention at n = 2, d = 2 is proved, its depth formula evaluated") {
    auto const& l = find_lemma("tf.attention");
    auto const r = check_construction(l, {{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}}, {});
    auto const n = check_every_obligation_proved(r);
    auto const depth_formula = detail_of(r, "/depth_formula");
    REQUIRE(depth_formula);
    CHECK(depth_formula->find("d_div") != std::string::npos);
    CHECK(detail_of(r, "/composition:Y_1_1_quotient_arguments"));
    CHECK(has_obligation_by(r, method::random_simulation));
    CHECK(n.by_reference * 2 > n.obligations);
  }

  TEST_CASE(
      "tf.attention with maxsub: the row maximum is a proved block, the depth formula has it") {
    auto const& l = find_lemma("tf.attention");
    auto const r =
        check_construction(l, {{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}, {"maxsub", 1}}, {});
    check_every_obligation_proved(r);
    // each row's maximum: float.max's stage and its conclusion, the negation read from it
    for (auto const* id : {"/stage:max_0_maximum", "/stage:max_1_maximum",
                           "/composition:max_0_maximum_result", "/implication:negmax_0_negate"})
      CHECK_MESSAGE(detail_of(r, id), id);
    auto const depth_formula = detail_of(r, "/depth_formula");
    REQUIRE(depth_formula);
    CHECK(depth_formula->find("d_max(n)") != std::string::npos);
    CHECK(depth_formula->find("d_neg") != std::string::npos);
    CHECK(l.specification(l.build({{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}, {"maxsub", 1}}).c,
                          {{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}, {"maxsub", 1}})
              .description.find("each row's maximum subtracted before exp") != std::string::npos);
  }

  TEST_CASE("a transposed W_K in the layer: the sequence step fails, simulation refutes") {
    auto const& l = find_lemma("tf.attention");
    parameters const p{{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}};
    check_params cp;
    cp.select = [](std::string const& name) {
      return name == "structural" || name == "composition:sequence" || name == "random";
    };
    check_wiring_fault(
        check_built(l, p, build_attention(p, attention_part::layer, {.transposed_wk = true}), cp),
        {"WK_0_1;", "WV_0_0;", "actual Y_"});
  }
}
