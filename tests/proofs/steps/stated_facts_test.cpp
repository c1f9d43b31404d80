// stated_facts: a certified step's cited facts must be stated, as rebuilt, by their sources.
#include "proofs/steps/stated_facts.hpp"

#include <doctest/doctest.h>

using namespace tc0;

TEST_CASE("a cited fact is found by its meaning, and a different one is named as missing") {
  construction k;
  auto const in = k.c.create_input_bus("in", 2).bits;
  auto const a = in[0], b = in[1];
  auto const both = k.c.create_and({a, b});
  linear_spec stage;
  stage.is_nonnegative("and", both, linear_expr{}.add_term(1, a).add_term(1, b).add_constant(-2));
  auto const index = k.add_stage_spec(stage);
  composition_step step{.name = "value"};
  step.goal.equals("both", {both},
                   linear_expr{}.add_product(1, {linear_expr::of(a), linear_expr::of(b)}));
  auto const step_index = k.add_step(step);

  // the same clauses, rebuilt elsewhere, with other names and the terms in another order
  linear_spec same;
  same.is_nonnegative("x", both, linear_expr{}.add_constant(-2).add_term(1, b).add_term(1, a));
  linear_spec same_step;
  same_step.equals("y", {both},
                   linear_expr{}.add_product(1, {linear_expr::of(b), linear_expr::of(a)}));
  std::vector<expected_fact> expected;
  expect_clauses(expected, "stage and", index, false, same);
  expect_clauses(expected, "step value", step_index, true, same_step);
  CHECK_FALSE(stated_facts(k, expected).first_missing().has_value());

  // OR instead of AND: not what the stage states
  linear_spec other;
  other.is_nonnegative("or", both, linear_expr{}.add_term(1, a).add_term(1, b).add_constant(-1));
  expect_clauses(expected, "stage and", index, false, other);
  auto const missing = stated_facts(k, expected).first_missing();
  REQUIRE(missing.has_value());
  CHECK(missing->find("stage and does not state or") != std::string::npos);
}

TEST_CASE("a cited precondition is found among the stage's preconditions, not its clauses") {
  construction k;
  auto const x = k.c.create_input_bus("x", 3).bits;
  auto const value = linear_expr::value_of(x);
  linear_spec stage;
  stage.require("x <= 5", linear_expr{}.add_constant(5).add(value, -1));
  stage.is_nonnegative("x >= 1", k.c.create_or(x), linear_expr{value}.add_constant(-1));
  auto const index = k.add_stage_spec(stage);

  std::vector<expected_fact> expected;
  expect_precondition(expected, "stage s", index,
                      {"another name", linear_expr{}.add(value, -1).add_constant(5)});
  CHECK_FALSE(stated_facts(k, expected).first_missing().has_value());

  // a wider bound is not the one the stage requires
  expect_precondition(expected, "stage s", index,
                      {"x <= 6", linear_expr{}.add_constant(6).add(value, -1)});
  auto const missing = stated_facts(k, expected).first_missing();
  REQUIRE(missing.has_value());
  CHECK(missing->find("stage s does not require x <= 6") != std::string::npos);

  // a clause's expression is not a precondition
  std::vector<expected_fact> as_clause;
  expect_precondition(as_clause, "stage s", index, {"x >= 1", linear_expr{value}.add_constant(-1)});
  CHECK(stated_facts(k, as_clause).first_missing().has_value());
}
