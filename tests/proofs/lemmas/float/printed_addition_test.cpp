#include "proofs/lemmas/float/printed_addition.hpp"

#include <doctest/doctest.h>

using namespace tc0;

TEST_CASE("the printed addition rule is exact-then-round exactly when zero is stored at e_min") {
  for (unsigned p : {2u, 3u}) {
    auto const f = float_format::paper(p);
    CAPTURE(f.describe());
    auto const at_min = survey_printed_add(f, f.e_min);
    CHECK(at_min.pairs > 1000);
    CHECK(at_min.disagreements == 0);
    auto const at_zero = survey_printed_add(f, 0);
    CHECK(at_zero.disagreements > 0);
    REQUIRE(at_zero.first);
    // the disagreement comes from the zero operand being "the larger exponent"
    auto const& [a, b] = *at_zero.first;
    CHECK((a.magnitude == 0 || b.magnitude == 0));
  }
  // non-zero operands far apart: the sticky bit keeps the printed rule exact
  auto const f = float_format::paper(3);
  float_value const big{false, 4, 5}, tiny{true, 7, -8};
  CHECK(printed_add(f, big, tiny) == round_to_format(f, to_rational(big) + to_rational(tiny)));
}
