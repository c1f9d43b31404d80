#include "core/precision_rule.hpp"

#include <doctest/doctest.h>

using namespace tc0;

namespace {

rational two_to_minus(unsigned k) {
  return rational(1) / rational(pow2(k));
}

}  // namespace

TEST_CASE("2^(-2p-1) is close enough for one rounding to stay within 2^-p; 2^(-2p) is not") {
  for (unsigned p = 2; p <= 16; ++p) {
    CAPTURE(p);
    CHECK_FALSE(precision_rule_failure(p, two_to_minus(2 * p + 1)).has_value());
    // at 2^(-2p) the first significand that fails is the one just above the binade's first
    auto const fails = precision_rule_failure(p, two_to_minus(2 * p));
    REQUIRE(fails.has_value());
    CHECK(*fails == (1ull << (p - 1)) + 1);
  }
  // "p plus a few guard bits" is far from enough
  CHECK(precision_rule_failure(8, two_to_minus(8 + 3)).has_value());
}

TEST_CASE("the failure at 2^(-2p) is real: a value that close rounds more than 2^-p away") {
  // p = 4, M = 9 (1.001b): v just above 9's lower midpoint, f = v / (1 + 2^-8)
  unsigned const p = 4;
  auto const f_fmt = float_format::with_exponent_bits(p, 4);
  rational const eps = two_to_minus(2 * p), M = 9;
  // v just above the midpoint 8.5 rounds to 9; the f it is eps-close to, f = v / (1 + eps)
  rational const v = rational(17, 2) + rational(1, 1 << 20);
  rational const f = v / (1 + eps);
  CHECK(abs(v - f) <= eps * f);
  auto const r = round_to_format(f_fmt, v * rational(1, 8));  // the binade [1, 2): M 2^-3
  CHECK(to_rational(r) == M / 8);
  CHECK(abs(to_rational(r) - f / 8) > two_to_minus(p) * (f / 8));  // more than 2^-p away
}
