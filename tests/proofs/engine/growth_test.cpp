#include "proofs/engine/growth.hpp"

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

TEST_CASE("S1 accepts a varying depth under a constant sum of identical stage depths") {
  using stages = std::vector<std::pair<std::string, uint32_t>>;
  stages const fixed{{"a", 3}, {"b", 2}, {"c", 4}};  // sum 9
  std::vector<growth_point> aligned{{2, 7, fixed}, {4, 9, fixed}, {6, 8, fixed}, {8, 9, fixed}};
  auto const v = check_constant_depth(aligned, 10);
  CHECK(v.result == verdict::proved);
  CHECK(v.detail.find("sum of the 3 stages") != std::string::npos);
  // a stage whose depth grows (a tree inside a stage) is not accepted
  std::vector<growth_point> growing{
      {2, 7, fixed}, {4, 9, fixed}, {6, 8, stages{{"a", 3}, {"b", 3}, {"c", 4}}}, {8, 9, fixed}};
  CHECK(check_constant_depth(growing, 10).result == verdict::unknown);
  // nor a depth above the stage sum (the stage depths would not describe the circuit)
  std::vector<growth_point> above{{2, 7, fixed}, {4, 10, fixed}, {8, 9, fixed}};
  CHECK(check_constant_depth(above, 12).result == verdict::unknown);
  // nor a stage count that grows with the size
  std::vector<growth_point> more{
      {2, 7, fixed}, {4, 8, stages{{"a", 3}, {"b", 2}, {"c", 4}, {"d", 1}}}, {8, 9, fixed}};
  CHECK(check_constant_depth(more, 12).result == verdict::unknown);
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
