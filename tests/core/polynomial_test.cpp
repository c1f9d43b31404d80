#include "core/polynomial.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace tc0;

namespace {

// a0 + 2 a1 over nodes 1, 2 (or b over 3, 4)
polynomial two_bit_value(uint32_t low) {
  polynomial p;
  p.add(polynomial::literal(signal{low, false}), 1);
  p.add(polynomial::literal(signal{low + 1, false}), 2);
  return p;
}

}  // namespace

TEST_CASE("a product of two 2-bit values normalises to the partial-product sum") {
  auto const p = two_bit_value(1).times(two_bit_value(3), 100);
  CHECK(p.terms.size() == 4);
  CHECK(p.degree() == 2);
  CHECK(p.terms.at({1, 3}) == 1);
  CHECK(p.terms.at({1, 4}) == 2);
  CHECK(p.terms.at({2, 3}) == 2);
  CHECK(p.terms.at({2, 4}) == 4);
}

TEST_CASE("x * x is x and x * !x is zero, because the variables are 0/1") {
  auto const x = polynomial::literal(signal{5, false});
  auto const not_x = polynomial::literal(signal{5, true});
  CHECK(x.times(x, 10) == x);
  CHECK(x.times(not_x, 10).terms.empty());
  // !x = 1 - x
  CHECK(not_x.terms.at({}) == 1);
  CHECK(not_x.terms.at({5}) == -1);
}

TEST_CASE("constants fold and cancelled terms disappear") {
  CHECK(polynomial::literal(const_true) == polynomial::constant(1));
  CHECK(polynomial::literal(const_false).terms.empty());
  auto p = two_bit_value(1);
  p.add(two_bit_value(1), -1);
  CHECK(p.terms.empty());
}

TEST_CASE("a normal form beyond the monomial limit is refused, not truncated") {
  auto const p = two_bit_value(1).times(two_bit_value(3), 100);
  CHECK_THROWS_AS(p.times(two_bit_value(5), 7), std::length_error);
}
