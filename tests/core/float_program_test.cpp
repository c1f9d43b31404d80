// The documented order of float operations (core/float_program.hpp) and its Boost twin.
#include "core/float_program.hpp"

#include <doctest/doctest.h>

using namespace tc0;

namespace {

float_value fv(bool negative, unsigned m, int64_t e) {
  return {negative, m, e};
}

}  // namespace

TEST_CASE("a program rounds every operation once, in its order") {
  float_program p;
  p.format = float_format::with_exponent_bits(2, 3);  // p = 2, e in [-4, 3]
  p.operands = 4;
  auto const ab = p.add(float_op::mul, {0, 1});
  auto const cd = p.add(float_op::mul, {2, 3});
  auto const s = p.add(float_op::sum, {ab, cd});
  // a b = 1.5 * 1.5 = 2.25 -> 2 (p = 2: 2, 3 are neighbours); c d = 0.75 * 1 = 0.75 -> 0.75;
  // 2 + 0.75 = 2.75 -> 3, where the exact 2.25 + 0.75 = 3 would also give 3; take c d = 0.5:
  // round(2 + 0.5) = 2 (tie to even), round(2.25 + 0.5) = 3
  std::vector<float_value> const x{fv(false, 3, -1), fv(false, 3, -1), fv(false, 2, -2),
                                   fv(false, 2, -1)};
  CHECK(evaluate(p, x, ab) == fv(false, 2, 0));
  CHECK(evaluate(p, x, cd) == fv(false, 2, -2));
  CHECK(evaluate(p, x, s) == fv(false, 2, 0));
  CHECK(program_holds(p, x, s, fv(false, 2, 0)));
  CHECK_FALSE(program_holds(p, x, s, fv(false, 3, 0)));
  // an operand read as the value of its bits: a zero magnitude with an exponent is 0
  auto y = x;
  y[0] = fv(true, 0, 2);
  CHECK(evaluate(p, y, s) == fv(false, 2, -2));
}

TEST_CASE("a program's text tells programs apart; bad programs are refused") {
  float_program p, q;
  p.format = q.format = float_format::with_exponent_bits(3, 2);
  p.operands = q.operands = 2;
  p.add(float_op::mul, {0, 1});
  q.add(float_op::sum, {0, 1});
  CHECK(p.text() != q.text());
  float_program r = p;
  CHECK(r.text() == p.text());
  CHECK_THROWS_AS(p.add(float_op::mul, {0}), std::invalid_argument);
  CHECK_THROWS_AS(p.add(float_op::sum, {0, 7}), std::invalid_argument);
  auto const e = p.add(float_op::exp, {2});
  // an approximated value as an operand is refused, not checked against one of its choices
  CHECK_THROWS_AS(p.add(float_op::mul, {e, 0}), std::invalid_argument);
  // as an output it is judged on enclosures: e^0 = 1 exactly
  std::vector<float_value> const zero{fv(false, 0, p.format.e_min), fv(false, 4, -2)};
  CHECK(program_holds(p, zero, e, fv(false, 4, -2)));
  CHECK_FALSE(program_holds(p, zero, e, fv(false, 5, -2)));
}
