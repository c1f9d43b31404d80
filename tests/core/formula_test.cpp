#include "core/formula.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

using namespace tc0;

TEST_CASE("Boolean formulas evaluate by the usual truth tables") {
  CHECK(evaluate_boolean_formula("1"));
  CHECK_FALSE(evaluate_boolean_formula("!1"));
  CHECK(evaluate_boolean_formula("!!1"));
  CHECK_FALSE(evaluate_boolean_formula("(1&0)"));
  CHECK(evaluate_boolean_formula("(1|0)"));
  CHECK(evaluate_boolean_formula("!(0&1)"));
  CHECK(evaluate_boolean_formula(" ( !0 & (0 | 1) ) "));
  CHECK_FALSE(evaluate_boolean_formula("((1|0)&!(1|1))"));
  // nested as deep as it is long: no recursion to overflow
  std::string deep = "1";
  for (int i = 0; i < 200000; ++i) deep = i % 2 ? "(" + deep + "&1)" : "!" + deep;
  CHECK(evaluate_boolean_formula(deep));
}

TEST_CASE("a malformed formula is an error naming its position") {
  CHECK_THROWS_WITH_AS(evaluate_boolean_formula("(1&)"),
                       "formula: at position 3: ')' must close '(' operand operator operand",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(evaluate_boolean_formula("(1&0"),
                       "formula: at position 4: the formula is incomplete", std::invalid_argument);
  CHECK_THROWS_WITH_AS(evaluate_boolean_formula(""), "formula: at position 0: the formula is empty",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(evaluate_boolean_formula("1&0"),
                       "formula: at position 1: '&' must follow '(' and an operand",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(evaluate_boolean_formula("(2|0)"),
                       "formula: at position 1: a Boolean leaf is 0 or 1", std::invalid_argument);
  CHECK_THROWS_WITH_AS(evaluate_boolean_formula("(1|0)1"),
                       "formula: at position 5: expected an operator or ')'",
                       std::invalid_argument);
  CHECK_THROWS_AS(evaluate_arithmetic_formula("!(1+2)"), std::invalid_argument);
  CHECK_THROWS_AS(evaluate_arithmetic_formula("(1+2+3)"), std::invalid_argument);
  CHECK_THROWS_AS(evaluate_arithmetic_formula_mod("(1+2)", 4), std::invalid_argument);
}

TEST_CASE("arithmetic formulas over the integers and modulo a prime") {
  CHECK(evaluate_arithmetic_formula("((2*3)-10)") == -4);
  CHECK(evaluate_arithmetic_formula("(123456789012345678901234567890*10)") ==
        big_int("1234567890123456789012345678900"));
  CHECK(evaluate_arithmetic_formula_mod("((2*3)-10)", 7) == 3);
  CHECK(evaluate_arithmetic_formula_mod("(123456789012345678901234567890*10)", 2) == 0);
  // the value mod q is the integer value mod q, on random formulas with every operator
  for (uint64_t seed = 1; seed <= 200; ++seed) {
    auto const f = random_arithmetic_formula(1 + seed % 40, 1000, seed);
    auto const z = evaluate_arithmetic_formula(f);
    for (uint64_t q : {2u, 3u, 101u, 65521u}) {
      CAPTURE(f);
      big_int r = z % q;
      if (r < 0) r += q;
      CHECK(evaluate_arithmetic_formula_mod(f, q) == r.convert_to<uint64_t>());
    }
  }
}

TEST_CASE("a Boolean formula and its arithmetic translation have one value") {
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    auto const f = random_boolean_formula(1 + seed % 50, seed);
    auto const a = boolean_to_arithmetic(f);
    CAPTURE(f);
    CAPTURE(a);
    CHECK(evaluate_arithmetic_formula(a) == (evaluate_boolean_formula(f) ? 1 : 0));
    CHECK(a.size() <= 12 * f.size());  // each operand written once
  }
}

TEST_CASE("random instances have the asked number of leaves and depend on the seed") {
  auto const f = random_boolean_formula(64, 5);
  CHECK(std::count(f.begin(), f.end(), '0') + std::count(f.begin(), f.end(), '1') == 64);
  CHECK(f == random_boolean_formula(64, 5));
  CHECK(f != random_boolean_formula(64, 6));
  auto const a = random_arithmetic_formula(10, 9, 3);
  CHECK(std::count_if(a.begin(), a.end(), [](char c) { return std::isdigit(c); }) == 10);
  CHECK_THROWS_AS(random_boolean_formula(0, 1), std::invalid_argument);
}

TEST_CASE("balanced formulas in heap order") {
  // root 1 = node 2 OR node 3, negated; node 2 = leaves 0 AND 1; node 3 = leaves 2 OR 3
  auto const f = balanced_boolean_formula({true, false, false, true}, {true, false, true},
                                          {true, false, false});
  CHECK(f == "!((1&0)|(0|1))");
  CHECK_FALSE(evaluate_boolean_formula(f));
  CHECK(balanced_arithmetic_formula({2, 3, 4, 5}, {false, true, false}) == "((2*3)+(4+5))");
  CHECK_THROWS_AS(balanced_boolean_formula({true, false, true}, {true, true}, {true, true}),
                  std::invalid_argument);
  CHECK_THROWS_AS(balanced_arithmetic_formula({1, 2}, {}), std::invalid_argument);
}
