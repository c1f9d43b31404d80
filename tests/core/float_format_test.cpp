#include "core/float_format.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace tc0;

namespace {

rational half_integer(int64_t twice) {
  return rational{big_int(twice), big_int(2)};
}

}  // namespace

TEST_CASE("round_to_format is the nearest valid float, ties to even, by enumeration") {
  auto const f = float_format::with_exponent_bits(3, 2);  // e in [-2, 1]
  auto const floats = valid_floats(f);
  // every multiple of 1/64 in [-20, 20]: between, on and beyond the floats
  for (int64_t k = -20 * 64; k <= 20 * 64; ++k) {
    rational const x{big_int(k), big_int(64)};
    auto const r = round_to_format(f, x);
    CAPTURE(k);
    CAPTURE(to_string(r));
    REQUIRE(is_valid(f, r));
    auto dist = [&](float_value const& v) {
      rational d = to_rational(v) - x;
      return d < 0 ? rational{-d} : d;
    };
    for (auto const& g : floats) {
      CHECK(dist(g) >= dist(r));
      if (dist(g) == dist(r) && !(g == r)) {
        // a tie: r must be the even one (or 0 against the smallest normal)
        bool const r_even = (r.magnitude & 1) == 0;
        CHECK(r_even);
        if ((g.magnitude & 1) == 0) CHECK(r.magnitude == 0);
      }
    }
  }
}

TEST_CASE("valid_floats lists exactly the valid encodings, each once") {
  auto const f = float_format::with_exponent_bits(3, 2);
  auto const floats = valid_floats(f);
  CHECK(floats.size() == 2 * 4 * 4 + 1);
  std::set<std::string> seen;
  for (auto const& v : floats) {
    CHECK(is_valid(f, v));
    CHECK(seen.insert(pack(f, v).str()).second);
  }
  unsigned valid_patterns = 0;
  for (unsigned bits = 0; bits < (1u << f.total_bits()); ++bits)
    valid_patterns += is_valid(f, unpack(f, big_int(bits)));
  CHECK(valid_patterns == floats.size());
}

TEST_CASE("the integer round_to_format equals the rational definition") {
  // x = v / d 2^shift over small formats: every v, d and shift below puts x below, inside and
  // beyond each format's range, on ties, on binade wraps and next to the saturation point
  unsigned compared = 0;
  for (auto const& f :
       {float_format::with_exponent_bits(2, 2), float_format::with_exponent_bits(3, 2),
        float_format::with_exponent_bits(4, 3)})
    for (int64_t v = 0; v <= 70; ++v)
      for (int64_t d = 1; d <= 13; ++d)
        for (int64_t shift = -9; shift <= 6; ++shift)
          for (bool negative : {false, true}) {
            rational x{big_int(v), big_int(d)};
            x *= shift >= 0 ? rational{pow2(static_cast<unsigned>(shift))}
                            : rational{big_int(1), pow2(static_cast<unsigned>(-shift))};
            if (negative) x = -x;
            CAPTURE(f.describe());
            CAPTURE(v);
            CAPTURE(d);
            CAPTURE(shift);
            CAPTURE(negative);
            REQUIRE(to_string(round_to_format(f, big_int(v), big_int(d), shift, negative)) ==
                    to_string(round_to_format(f, x)));
            ++compared;
          }
  CHECK(compared == 3 * 71 * 13 * 16 * 2);
  CHECK_THROWS_AS(round_to_format(float_format{}, big_int(1), big_int(0), 0, false),
                  std::invalid_argument);
}

TEST_CASE("float model conventions") {
  auto const f2 = float_format::paper(2);  // e in [-4, 3]
  SUBCASE("1 + 0.25 + 0.25 at p = 2 rounds once to 1.5") {
    auto const sum = rational{1} + rational{1, 4} + rational{1, 4};
    CHECK(to_rational(round_to_format(f2, sum)) == rational{3, 2});
    // chained two-operand additions give 1 instead
    auto const once = round_to_format(f2, rational{1} + rational{1, 4});
    CHECK(to_rational(round_to_format(f2, to_rational(once) + rational{1, 4})) == 1);
  }
  SUBCASE("zero is <0, e_min>, positive; packing round-trips") {
    CHECK(round_to_format(f2, 0) == zero_of(f2));
    CHECK(zero_of(f2).exponent == -4);
    for (auto const& v : valid_floats(f2)) CHECK(unpack(f2, pack(f2, v)) == v);
  }
  SUBCASE("saturation and underflow") {
    auto const largest = float_value{false, 3, 3};  // 24
    CHECK(round_to_format(f2, 1000) == largest);
    CHECK(round_to_format(f2, -1000) == float_value{true, 3, 3});
    // the smallest normal is 2 * 2^-4 = 1/8; half of it is a tie with 0, which wins
    CHECK(round_to_format(f2, rational{1, 16}) == zero_of(f2));
    CHECK(round_to_format(f2, rational{17, 256}) == float_value{false, 2, -4});
    CHECK(round_to_format(f2, -rational{1, 100}) == zero_of(f2));
  }
  SUBCASE("ties to even in the middle of a binade") {
    auto const f = float_format::paper(3);
    CHECK(round_to_format(f, half_integer(9)) == float_value{false, 4, 0});   // 4.5 -> 4
    CHECK(round_to_format(f, half_integer(11)) == float_value{false, 6, 0});  // 5.5 -> 6
    CHECK(round_to_format(f, half_integer(15)) == float_value{false, 4, 1});  // 7.5 -> 8
  }
}

TEST_CASE("adjacent_float walks every valid float in order") {
  auto const f = float_format::with_exponent_bits(2, 2);
  auto all = valid_floats(f);
  std::sort(all.begin(), all.end(), [](float_value const& a, float_value const& b) {
    return to_rational(a) < to_rational(b);
  });
  for (size_t i = 0; i + 1 < all.size(); ++i) {
    CHECK(adjacent_float(f, all[i], true) == all[i + 1]);
    CHECK(adjacent_float(f, all[i + 1], false) == all[i]);
  }
  CHECK_FALSE(adjacent_float(f, all.back(), true));
  CHECK_FALSE(adjacent_float(f, all.front(), false));
}
