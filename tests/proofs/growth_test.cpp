#include "proofs/growth.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace tc0;

TEST_CASE("S1 accepts constant depth and rejects a log-depth tree") {
  std::vector<growth_point> constant, tree;
  for (double n = 2; n <= 64; n *= 2) {
    constant.push_back({n, 8});
    tree.push_back({n, std::ceil(std::log2(n))});
  }
  CHECK(check_constant_depth(constant, 8).result == verdict::proved);
  CHECK(check_constant_depth(constant, 7).result == verdict::refuted);
  CHECK(check_constant_depth(tree, 100).result == verdict::unknown);  // never proved
  CHECK(check_constant_depth(tree, 5).result == verdict::refuted);    // exceeds its bound
}

TEST_CASE("S1 allows smaller depth at tiny sizes but not growth in the top factor 2") {
  CHECK(check_constant_depth({{2, 7}, {4, 8}, {8, 8}, {16, 8}}, 8).result == verdict::proved);
  CHECK(check_constant_depth({{2, 8}, {8, 8}, {12, 8}, {16, 9}}, 9).result == verdict::unknown);
  CHECK(check_constant_depth({{10, 8}, {12, 8}, {16, 8}}, 9).result ==
        verdict::unknown);  // spans < 2x
}

TEST_CASE("S2 reports polynomial degrees and rejects exponential growth") {
  std::vector<growth_point> cubic, exponential;
  for (double n = 2; n <= 64; n *= 2) {
    cubic.push_back({n, 5 * n * n * n + n});
    exponential.push_back({n, std::pow(2.0, n)});
  }
  auto const d = fitted_degree(cubic);
  REQUIRE(d.has_value());
  CHECK(*d == doctest::Approx(3).epsilon(0.05));
  CHECK(check_polynomial_size({{"gates", cubic}}, 3.1).result == verdict::proved);
  CHECK(check_polynomial_size({{"gates", cubic}}, 2).result == verdict::refuted);
  CHECK(check_polynomial_size({{"gates", exponential}}, 10).result == verdict::refuted);
  CHECK(check_polynomial_size({{"gates", {{2, 1}, {4, 2}}}}, 3).result == verdict::unknown);
}
