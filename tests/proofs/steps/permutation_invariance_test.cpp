#include "proofs/steps/permutation_invariance.hpp"

#include <doctest/doctest.h>

#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("a symmetric specification passes; weighting one operand differently is caught") {
  circuit c;
  std::vector<std::vector<signal>> xs;
  for (auto const* name : {"x0", "x1", "x2"}) xs.push_back(c.create_input_bus(name, 2).bits);
  auto const r = c.create_input_bus("r", 4).bits;  // stands for an output
  auto spec_with = [&](std::vector<int> const& weights) {
    linear_spec s;
    linear_expr sum;
    for (size_t i = 0; i < xs.size(); ++i) sum.add(linear_expr::value_of(xs[i]), weights[i]);
    s.equals("r", r, std::move(sum));
    return s;
  };
  CHECK_FALSE(spec_permutation_difference(spec_with({1, 1, 1}), xs).has_value());
  auto const swapped = spec_permutation_difference(spec_with({2, 1, 1}), xs);
  REQUIRE(swapped.has_value());
  CHECK(swapped->find("swapped") != std::string::npos);
  auto const rotated = spec_permutation_difference(spec_with({1, 1, 2}), xs);
  REQUIRE(rotated.has_value());
  CHECK(rotated->find("rotated") != std::string::npos);
}

TEST_CASE("iterated float addition and multiplication carry a proved permutation_invariance step") {
  for (auto const* name : {"float.iterated_add", "float.iterated_mul"}) {
    CAPTURE(name);
    auto const& l = find_lemma(name);
    auto const k = l.build({{"n", 3}, {"p", 3}, {"k", 3}});
    bool found = false;
    for (auto const& step : k.composition)
      if (step.name == "permutation_invariance") {
        found = true;
        CHECK_FALSE(step.check().has_value());
      }
    CHECK(found);
  }
}
