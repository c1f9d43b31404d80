#include "core/enclosure.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace tc0;

namespace {

rational decimal(char const* digits, unsigned places) {  // digits / 10^places
  return rational(big_int(digits)) / rational(boost::multiprecision::pow(big_int(10), places));
}

}  // namespace

TEST_CASE("the exact values: exp(0) = 1, sin(0) = 0, cos(0) = 1, sqrt(4^j) = 2^j") {
  for (unsigned precision : {8u, 64u}) {
    CHECK(exp_enclosure(0, precision).lo == 1);
    CHECK(exp_enclosure(0, precision).hi == 1);
    CHECK(sin_enclosure(0, precision).lo == 0);
    CHECK(sin_enclosure(0, precision).hi == 0);
    CHECK(cos_enclosure(0, precision).lo == 1);
    CHECK(cos_enclosure(0, precision).hi == 1);
  }
  for (int j = -5; j <= 5; ++j) {
    rational const x = j >= 0 ? rational(pow2(2 * j)) : rational(1) / rational(pow2(-2 * j));
    rational const root = j >= 0 ? rational(pow2(j)) : rational(1) / rational(pow2(-j));
    auto const e = sqrt_enclosure(x, 40);
    CHECK(e.lo == root);
    CHECK(e.hi == root);
  }
}

TEST_CASE("enclosures contain known digits and narrow with precision") {
  // e = 2.71828182845904523536..., e^-1 = 0.36787944117144232159...
  auto const e1 = exp_enclosure(1, 64);
  CHECK(e1.lo <= decimal("271828182845904523537", 20));
  CHECK(e1.hi >= decimal("271828182845904523536", 20));
  CHECK(e1.hi - e1.lo < decimal("1", 18));
  auto const em1 = exp_enclosure(-1, 64);
  CHECK(em1.lo <= decimal("367879441171442321596", 21));
  CHECK(em1.hi >= decimal("367879441171442321595", 21));
  // e^10 = 22026.465794806716516957...
  auto const e10 = exp_enclosure(10, 64);
  CHECK(e10.lo <= decimal("22026465794806716516958", 18));
  CHECK(e10.hi >= decimal("22026465794806716516957", 18));
  CHECK((e10.hi - e10.lo) / e10.lo < decimal("1", 15));
  // sin 1 = 0.84147098480789650665..., cos 1 = 0.54030230586813971740...
  auto const s1 = sin_enclosure(1, 64), c1 = cos_enclosure(1, 64);
  CHECK(s1.lo <= decimal("841470984807896506653", 21));
  CHECK(s1.hi >= decimal("841470984807896506652", 21));
  CHECK(c1.lo <= decimal("540302305868139717401", 21));
  CHECK(c1.hi >= decimal("540302305868139717400", 21));
  // sqrt 2 = 1.41421356237309504880...
  auto const r2 = sqrt_enclosure(2, 64);
  CHECK(r2.lo <= decimal("141421356237309504881", 20));
  CHECK(r2.hi >= decimal("141421356237309504880", 20));
  CHECK(r2.lo * r2.lo <= 2);
  CHECK(r2.hi * r2.hi >= 2);
  auto const wide = exp_enclosure(rational(3, 7), 8), narrow = exp_enclosure(rational(3, 7), 128);
  CHECK(narrow.hi - narrow.lo < wide.hi - wide.lo);
  CHECK(wide.lo <= narrow.lo);
  CHECK(narrow.hi <= wide.hi);
}

TEST_CASE("pi's enclosure holds known digits and is narrower than asked") {
  // pi = 3.14159265358979323846264338327950288...
  for (unsigned precision : {8u, 64u, 200u}) {
    auto const pi = pi_enclosure(precision);
    CHECK(pi.lo <= decimal("314159265358979323846264338327950289", 35));
    CHECK(pi.hi >= decimal("314159265358979323846264338327950288", 35));
    CHECK(pi.hi - pi.lo <= power_of_two(-static_cast<int64_t>(precision)));
  }
  // sin at the enclosure's ends has opposite signs: pi is inside
  auto const pi = pi_enclosure(64);
  CHECK(sin_enclosure(pi.lo, 80).lo > 0);
  CHECK(sin_enclosure(pi.hi, 80).hi < 0);
}

TEST_CASE("large arguments are reduced by pi/2: the identities hold on the enclosures") {
  for (rational const x : {rational(4096), rational(2001, 2), rational(-777), rational(5, 2)}) {
    auto const s = sin_enclosure(x, 80), c = cos_enclosure(x, 80);
    CHECK(s.hi - s.lo < power_of_two(-70));
    CHECK(c.hi - c.lo < power_of_two(-70));
    // s^2 + c^2 = 1 and sin 2x = 2 sin x cos x, within the enclosures' widths
    auto const sq = [](enclosure const& e) {
      rational const a = e.lo * e.lo, b = e.hi * e.hi;
      return enclosure{e.lo <= 0 && e.hi >= 0 ? rational(0) : std::min(a, b), std::max(a, b)};
    };
    auto const s2 = sq(s), c2 = sq(c);
    CHECK(s2.lo + c2.lo <= 1);
    CHECK(s2.hi + c2.hi >= 1);
    auto const d = sin_enclosure(2 * x, 80);
    rational const products[] = {s.lo * c.lo, s.lo * c.hi, s.hi * c.lo, s.hi * c.hi};
    rational const lo = 2 * *std::min_element(std::begin(products), std::end(products));
    rational const hi = 2 * *std::max_element(std::begin(products), std::end(products));
    CHECK(d.lo <= hi);
    CHECK(d.hi >= lo);
  }
  // sin 4096 = -0.5946420 (to 7 places), cos 4096 = 0.8039906 (to 7 places)
  CHECK(abs(sin_enclosure(4096, 64).lo - rational(-5946420, 10000000)) < rational(1, 1000000));
  CHECK(abs(cos_enclosure(4096, 64).lo - rational(8039906, 10000000)) < rational(1, 1000000));
}

TEST_CASE("near a zero of sin the enclosure still decides the sign: sin(355) < 0") {
  // 355 is within 3e-5 of 113 pi: sin(355) = -0.0000301443533...
  auto const e = sin_enclosure(355, 64);
  CHECK(e.hi < 0);
  CHECK(e.lo <= -decimal("301443533594", 16));
  CHECK(e.hi >= -decimal("301443533595", 16));
  CHECK_FALSE(e.contains(-decimal("30144", 9)));  // off in the ninth decimal: excluded
}

TEST_CASE("within 2^-p relative: yes, no and undecided") {
  enclosure const one{1, 1};
  CHECK(within_relative(1, one, 4) == decision::yes);
  CHECK(within_relative(rational(17, 16), one, 4) == decision::yes);  // |r - 1| = 2^-4
  CHECK(within_relative(rational(18, 16), one, 4) == decision::no);
  CHECK(within_relative(-1, one, 4) == decision::no);
  CHECK(within_relative(0, enclosure{0, 0}, 4) == decision::yes);
  CHECK(within_relative(0, enclosure{rational(-1, 8), rational(1, 8)}, 4) == decision::undecided);
  CHECK(within_relative(rational(17, 16), enclosure{rational(1), rational(6, 5)}, 4) ==
        decision::undecided);  // r / (1 - 2^-4) = 17/15 < 6/5
  CHECK(within_relative(rational(17, 16), enclosure{rational(1), rational(9, 8)}, 4) ==
        decision::yes);
  // with the true function, refined until decided: e ~ 2.718, p = 3 allows |r - e| <= e / 8
  auto const e = [](unsigned precision) { return exp_enclosure(1, precision); };
  CHECK(within_relative(rational(11, 4), e, 3) == decision::yes);  // 2.75
  CHECK(within_relative(rational(13, 4), e, 3) == decision::no);   // 3.25
  CHECK(within_relative(rational(-11, 4), e, 3) == decision::no);
}

TEST_CASE("round_p of the true value, when the enclosures decide it") {
  auto const f = float_format::with_exponent_bits(4, 4);
  auto const r =
      rounded_true_value(f, [](unsigned precision) { return exp_enclosure(1, precision); });
  REQUIRE(r.has_value());
  CHECK(to_rational(*r) == rational(11, 4));  // e rounds to 1.011 * 2 with p = 4
  auto const big =
      rounded_true_value(f, [](unsigned precision) { return exp_enclosure(100, precision); });
  REQUIRE(big.has_value());  // beyond the format: the largest float (saturation)
  CHECK(big->magnitude == 15);
  CHECK(big->exponent == f.e_max);
}

TEST_CASE("a negative sqrt argument is refused") {
  CHECK_THROWS_AS(sqrt_enclosure(-1, 8), std::invalid_argument);
}
