// The approximation clause's meaning (core/approximation.hpp), decided on enclosures.
#include "core/approximation.hpp"

#include <doctest/doctest.h>

using namespace tc0;

namespace {

float_value one(float_format const& f) {
  return {false, pow2(f.p - 1), 1 - static_cast<int64_t>(f.p)};
}
float_value largest_float(float_format const& f) {
  return {false, pow2(f.p) - 1, f.e_max};
}
float_value smallest_normal_float(float_format const& f) {
  return {false, pow2(f.p - 1), f.e_min};
}

}  // namespace

TEST_CASE("exp: in range the bound is 2^-p relative, decided exactly") {
  auto const f = float_format::paper(6);
  // e^0 = 1 exactly: 1 meets it, its upper neighbour (2^-5 away) does not
  CHECK(approximation_holds(approximated_function::exp, f, 0, one(f)) == decision::yes);
  float_value above = one(f);
  above.magnitude += 1;
  CHECK(approximation_holds(approximated_function::exp, f, 0, above) == decision::no);
  // e = 2.71828... = 43.49 / 16: 43/16 and 44/16 are within 2^-6 e (0.0425), 42/16 and 46/16
  // are not
  CHECK(approximation_holds(approximated_function::exp, f, 1, {false, 43, -4}) == decision::yes);
  CHECK(approximation_holds(approximated_function::exp, f, 1, {false, 44, -4}) == decision::yes);
  CHECK(approximation_holds(approximated_function::exp, f, 1, {false, 42, -4}) == decision::no);
  CHECK(approximation_holds(approximated_function::exp, f, 1, {false, 46, -4}) == decision::no);
  CHECK(approximation_reference(approximated_function::exp, f, 1) == float_value{false, 43, -4});
  // an invalid float never meets it
  CHECK(approximation_holds(approximated_function::exp, f, 0, {false, 3, 0}) == decision::no);
}

TEST_CASE("exp beyond the range: saturation and underflow as round_p gives them") {
  auto const f = float_format::paper(4);  // e in [-16, 15]: e^x overflows near x = 13.2
  CHECK(approximation_holds(approximated_function::exp, f, 20, largest_float(f)) == decision::yes);
  CHECK(approximation_holds(approximated_function::exp, f, rational(pow2(40)), largest_float(f)) ==
        decision::yes);
  CHECK(approximation_holds(approximated_function::exp, f, 20, smallest_normal_float(f)) ==
        decision::no);
  CHECK(approximation_holds(approximated_function::exp, f, -30, zero_of(f)) == decision::yes);
  CHECK(approximation_holds(approximated_function::exp, f, -30, smallest_normal_float(f)) ==
        decision::no);
  CHECK(approximation_holds(approximated_function::exp, f, -rational(pow2(40)), zero_of(f)) ==
        decision::yes);
  CHECK(approximation_reference(approximated_function::exp, f, -30) == zero_of(f));
}

TEST_CASE("sin and cos: exact values at 0") {
  auto const f = float_format::paper(5);
  CHECK(approximation_holds(approximated_function::sin, f, 0, zero_of(f)) == decision::yes);
  CHECK(approximation_holds(approximated_function::sin, f, 0, smallest_normal_float(f)) ==
        decision::no);
  CHECK(approximation_holds(approximated_function::cos, f, 0, one(f)) == decision::yes);
}
