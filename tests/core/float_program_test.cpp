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

TEST_CASE("products and sums (rounded in integer arithmetic) equal round_p of the exact rational") {
  for (auto const& f : {float_format::with_exponent_bits(3, 2), float_format::paper(2)}) {
    float_program p;
    p.format = f;
    p.operands = 3;
    auto const product = p.add(float_op::mul, {0, 1});
    auto const pair = p.add(float_op::sum, {0, 1});
    auto const triple = p.add(float_op::sum, {0, 1, 2});
    auto const all = valid_floats(f);
    size_t checked = 0;
    for (size_t i = 0; i < all.size(); ++i)
      for (size_t j = 0; j < all.size(); ++j) {
        auto const& a = all[i];
        auto const& b = all[j];
        auto const& c = all[(i * 7 + j * 3) % all.size()];
        std::vector<float_value> const x{a, b, c};
        CAPTURE(to_string(a));
        CAPTURE(to_string(b));
        CAPTURE(to_string(c));
        CHECK(evaluate(p, x, product) == round_to_format(f, to_rational(a) * to_rational(b)));
        CHECK(evaluate(p, x, pair) == round_to_format(f, to_rational(a) + to_rational(b)));
        CHECK(evaluate(p, x, triple) ==
              round_to_format(f, to_rational(a) + to_rational(b) + to_rational(c)));
        ++checked;
      }
    CHECK(checked == all.size() * all.size());
  }
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
  CHECK_THROWS_AS(p.add(float_op::div, {0}), std::invalid_argument);
  auto const e = p.add(float_op::exp, {2});
  // as an output it is judged on enclosures: e^0 = 1 exactly
  std::vector<float_value> const zero{fv(false, 0, p.format.e_min), fv(false, 4, -2)};
  CHECK(program_holds(p, zero, e, fv(false, 4, -2)));
  CHECK_FALSE(program_holds(p, zero, e, fv(false, 5, -2)));
}

TEST_CASE("constants fold when the program is built; a constant approximation is an operand") {
  float_program p;
  p.format = float_format::with_exponent_bits(4, 4);  // p = 4, e in [-8, 7]
  p.operands = 1;
  auto const delta = p.constant(fv(false, 12, -3));  // 1.5
  auto const theta = p.constant(fv(false, 13, -4));  // 0.8125
  auto const phi = p.add(float_op::mul, {delta, theta});
  // 1.5 * 0.8125 = 1.21875 = 19.5 / 16: a tie, to the even 10 * 2^-3 = 1.25
  REQUIRE(p.is_constant(phi));
  CHECK(*p.node_of(phi).value == fv(false, 10, -3));
  auto const c = p.add(float_op::cos, {phi});
  auto const s = p.add(float_op::sin, {phi});
  auto const minus_s = p.add(float_op::neg, {s});
  // cos 1.25 = 0.31532..., 0.3125 = 10 * 2^-5 is the nearest float; sin 1.25 = 0.94898...,
  // 15 * 2^-4 = 0.9375 and 16 * 2^-4 are its neighbours, 0.95... is nearer 0.9375
  CHECK(*p.node_of(c).value == fv(false, 10, -5));
  CHECK(*p.node_of(s).value == fv(false, 15, -4));
  CHECK(*p.node_of(minus_s).value == fv(true, 15, -4));
  auto const y = p.add(float_op::mul, {0, minus_s});
  CHECK_FALSE(p.is_constant(y));
  CHECK(evaluate(p, {fv(false, 8, 0)}, y) == fv(true, 15, -1));
  // neg keeps zero positive
  auto const z = p.add(float_op::neg, {p.constant(zero_of(p.format))});
  CHECK(*p.node_of(z).value == zero_of(p.format));
  CHECK(p.text().find("const(<12, -3>)") != std::string::npos);
  // an invalid constant is refused
  CHECK_THROWS_AS(p.constant(fv(false, 3, 0)), std::invalid_argument);
}

TEST_CASE("a constant approximation too close to a rounding point is the correctly rounded one") {
  // the determined rounding exists only where every value within 2^(-2p-1) of f(x) rounds alike;
  // elsewhere the program fixes round_p(f(x)) and marks the node chosen
  auto const f = float_format::with_exponent_bits(3, 4);
  unsigned chosen = 0, determined = 0;
  for (auto const& x : valid_floats(f)) {
    if (abs(to_rational(x)) > 4) continue;
    float_program p;
    p.format = f;
    auto const c = p.add(float_op::cos, {p.constant(x)});
    auto const& n = p.node_of(c);
    CHECK(n.value == approximation_reference(approximated_function::cos, f, to_rational(x)));
    CHECK(n.chosen == !determined_approximation(approximated_function::cos, f, to_rational(x)));
    ++(n.chosen ? chosen : determined);
  }
  CHECK(determined > 0);
  CHECK(chosen > 0);
  MESSAGE("p = 3, |x| <= 4: cos determined at " << determined << " angles, chosen at " << chosen);
  // sin 7 at p = 4: 0.65699 is within 2^-9 (relative) of the midpoint 0.65625 of 10/16 and 11/16
  float_program q;
  q.format = float_format::with_exponent_bits(4, 3);
  auto const s = q.add(float_op::sin, {q.constant({false, 14, -1})});
  CHECK(q.node_of(s).chosen);
  CHECK(*q.node_of(s).value == float_value{false, 11, -4});
}

TEST_CASE("division follows float.div's conventions: x / 0 saturates with x's sign, 0 / 0 = 0") {
  float_program p;
  p.format = float_format::with_exponent_bits(3, 3);  // p = 3, e in [-4, 3]
  p.operands = 2;
  auto const q = p.add(float_op::div, {0, 1});
  auto const zero = zero_of(p.format);
  auto const largest = round_to_format(p.format, largest_magnitude(p.format));
  CHECK(evaluate(p, {fv(false, 5, 0), zero}, q) == largest);
  CHECK(evaluate(p, {fv(true, 5, 0), zero}, q) ==
        float_value{true, largest.magnitude, largest.exponent});
  CHECK(evaluate(p, {zero, zero}, q) == zero);
  // max is exact: the larger argument itself
  auto const m = p.add(float_op::max, {0, 1});
  CHECK(evaluate(p, {fv(true, 5, 0), fv(false, 6, -2)}, m) == fv(false, 6, -2));
  CHECK_THROWS_AS(p.add(float_op::max, {0}), std::invalid_argument);
  // 5 / 6 = 0.8333 -> 7 / 8 (p = 3: 0.75 and 0.875 are neighbours)
  CHECK(evaluate(p, {fv(false, 5, 0), fv(false, 6, 0)}, q) == fv(false, 7, -3));
}

TEST_CASE("sqrt is correctly rounded and ignores the sign; relu is exact") {
  // every valid float of two formats: the result is valid and no neighbour is closer to the
  // root (compared through squares: r is at least as close as its neighbour g exactly when the
  // radicand lies on r's side of ((r + g) / 2)^2; a negative neighbour is never closer)
  for (auto const f : {float_format::with_exponent_bits(4, 3), float_format::paper(3)}) {
    float_program p;
    p.format = f;
    p.operands = 1;
    auto const root = p.add(float_op::sqrt, {0});
    auto const relu = p.add(float_op::relu, {0});
    size_t checked = 0;
    for (auto const& x : valid_floats(f)) {
      CAPTURE(to_string(x));
      auto const r = *evaluate(p, {x}, root);
      REQUIRE(is_valid(f, r));
      CHECK_FALSE(r.negative);
      rational const y = abs(to_rational(x));  // not auto: an expression template would dangle
      for (bool up : {false, true})
        if (auto const g = adjacent_float(f, r, up); g && !g->negative) {
          rational const mid = (to_rational(r) + to_rational(*g)) / 2;
          CHECK((up ? y <= mid * mid : y >= mid * mid));
        }
      CHECK(evaluate(p, {x}, relu) == (x.negative ? zero_of(f) : x));
      ++checked;
    }
    CHECK(checked == valid_floats(f).size());
  }
  float_program p;
  p.format = float_format::with_exponent_bits(4, 3);
  p.operands = 1;
  // sqrt 2 = 1.414 -> 1.375 (p = 4: 11/8); sqrt 9/4 = 3/2 exactly; sqrt(-2) reads |-2|
  auto const root = p.add(float_op::sqrt, {0});
  CHECK(evaluate(p, {fv(false, 8, -2)}, root) == fv(false, 11, -3));
  CHECK(evaluate(p, {fv(false, 9, -2)}, root) == fv(false, 12, -3));
  CHECK(evaluate(p, {fv(true, 8, -2)}, root) == fv(false, 11, -3));
  CHECK_THROWS_AS(p.add(float_op::relu, {0, 0}), std::invalid_argument);
}

TEST_CASE("an approximated operand stands for every float meeting its clause, one per node") {
  float_program p;
  p.format = float_format::with_exponent_bits(3, 3);  // p = 3, e in [-4, 3]
  p.operands = 1;
  auto const e = p.add(float_op::exp, {0});
  auto const times = p.add(float_op::mul, {e, 0});
  auto const ratio = p.add(float_op::div, {e, e});
  std::vector<float_value> const one{fv(false, 4, -2)};
  // e = 2.718...: 2.5 and 3 both lie within 2^-3 e of it, 2 and 3.5 do not
  auto const admitted = approximation_candidates(approximated_function::exp, p.format, 1);
  CHECK(admitted == std::vector<float_value>{fv(false, 5, -1), fv(false, 6, -1)});
  CHECK(program_holds(p, one, times, fv(false, 5, -1)));
  CHECK(program_holds(p, one, times, fv(false, 6, -1)));
  CHECK_FALSE(program_holds(p, one, times, fv(false, 4, -1)));
  CHECK_FALSE(program_holds(p, one, times, fv(false, 7, -1)));
  // e / e reads one float twice: 1, never 2.5 / 3 -> 7/8 or 3 / 2.5 -> 5/4
  CHECK(program_holds(p, one, ratio, fv(false, 4, -2)));
  CHECK_FALSE(program_holds(p, one, ratio, fv(false, 5, -2)));
  CHECK_FALSE(program_holds(p, one, ratio, fv(false, 7, -3)));
  // evaluate shows the correctly rounded choice: round_3(e) = 2.5
  CHECK(evaluate(p, one, times) == fv(false, 5, -1));
  CHECK(evaluate(p, one, ratio) == fv(false, 4, -2));
}

TEST_CASE(
    "values shared by a program's outputs are reused only for the same program and operands") {
  float_program p;
  p.format = float_format::with_exponent_bits(2, 3);
  p.operands = 2;
  auto const ab = p.add(float_op::mul, {0, 1});
  auto const twice = p.add(float_op::sum, {ab, ab});
  std::vector<float_value> const x{fv(false, 3, -1), fv(false, 2, 0)};  // 1.5 * 2 = 3
  std::vector<float_value> const y{fv(false, 2, -1), fv(false, 2, 0)};  // 1 * 2 = 2
  CHECK(evaluate(p, x, ab) == fv(false, 3, 0));
  CHECK(evaluate(p, x, twice) == fv(false, 3, 1));
  // other operands: nothing of x's is read back
  CHECK(evaluate(p, y, twice) == fv(false, 2, 1));
  CHECK(evaluate(p, x, twice) == fv(false, 3, 1));
  // a copy extended by one node is another program: its values are its own
  auto q = p;
  auto const neg = q.add(float_op::neg, {ab});
  CHECK(q.serial != p.serial);
  CHECK(evaluate(q, x, neg) == fv(true, 3, 0));
  CHECK(evaluate(p, x, ab) == fv(false, 3, 0));
  // another program of the same size on the same operands: told apart by its serial alone
  float_program r;
  r.format = p.format;
  r.operands = 2;
  auto const sum = r.add(float_op::sum, {0, 1});
  r.add(float_op::mul, {sum, 0});
  REQUIRE(r.values() == p.values());
  CHECK(evaluate(p, x, ab) == fv(false, 3, 0));
  CHECK(evaluate(r, x, sum) == fv(false, 2, 1));  // 1.5 + 2 = 3.5 -> 4 (tie to even), not p's 3
}
