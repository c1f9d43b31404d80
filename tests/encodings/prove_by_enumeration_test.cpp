#include "encodings/prove_by_enumeration.hpp"

#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"

using namespace tc0;

namespace {

// out = [x_0 + 2 x_1 + ... + k x_(k-1) >= t] over k inputs, and a spec saying it equals the
// value of the one set input compared with t: true only when at most one input is set.
struct one_hot_threshold {
  circuit c;
  std::vector<signal> x;
  signal out;
  one_hot_threshold(unsigned k, unsigned t) {
    x = c.create_input_bus("x", k).bits;
    std::vector<big_int> w;
    for (unsigned i = 0; i < k; ++i) w.push_back(i + 1);
    out = c.create_threshold(x, w, t);
    c.add_output_bus("out", {out});
  }
  // out = [sum_(i >= t-1) x_i >= 1], which is the threshold only for one-hot x
  linear_spec spec(unsigned t, bool one_hot) const {
    linear_spec s;
    if (one_hot) s.require_at_most_one("x", x);
    linear_expr e = linear_expr{}.add_constant(-1);
    for (unsigned i = t - 1; i < x.size(); ++i) e.add_term(1, x[i]);
    s.is_nonnegative("out", out, std::move(e));
    return s;
  }
};

}  // namespace

TEST_CASE("enumeration proves a small cone and refutes a wrong clause with a replayed pattern") {
  one_hot_threshold const t{6, 4};
  auto const good = prove_by_enumeration(t.c, t.spec(4, true), {0});
  REQUIRE(good.has_value());
  CHECK(good->result == verdict::proved);
  CHECK(good->enumerated_clauses == 1);
  // without the one-hot precondition x_0 + x_2 (weights 1 + 3 = 4) breaks it
  auto const bad = prove_by_enumeration(t.c, t.spec(4, false), {0});
  REQUIRE(bad.has_value());
  REQUIRE(bad->result == verdict::refuted);
  REQUIRE(bad->inputs.has_value());
  auto const values = simulate_pattern(t.c, *bad->inputs);
  CHECK(first_failing_clause(t.spec(4, false), values).has_value());
}

TEST_CASE("one-hot preconditions make a wide cone enumerable; without them it is left to Z3") {
  one_hot_threshold const t{40, 30};  // 2^40 patterns, or 41 under "at most one"
  auto const r = prove_by_enumeration(t.c, t.spec(30, true), {0});
  REQUIRE(r.has_value());
  CHECK(r->result == verdict::proved);
  CHECK(r->note.find("41 patterns") != std::string::npos);
  CHECK_FALSE(prove_by_enumeration(t.c, t.spec(30, false), {0}).has_value());
  // through prove_circuit: enumerated when allowed, a solver query otherwise
  CHECK(prove_circuit(t.c, t.spec(30, true), {}).enumerated_clauses == 1);
  solver_params solver_only;
  solver_only.enumerate_small_support = false;
  auto const z3 = prove_circuit(t.c, t.spec(30, true), solver_only);
  CHECK(z3.result == verdict::proved);
  CHECK(z3.enumerated_clauses == 0);
}

TEST_CASE("exhaustive simulation under at-most-one groups counts prod (|G| + 1) 2^free patterns") {
  circuit c;
  auto const x = c.create_input_bus("x", 7).bits;
  c.add_output_bus("o", {c.create_or(x)});
  linear_spec s;
  linear_expr any = linear_expr{}.add_constant(-1);
  for (auto b : x) any.add_term(1, b);
  s.is_nonnegative("o", c.output_buses()[0].bits[0], std::move(any));
  simulation_check_params p;
  p.at_most_one = {{0, 1, 2}, {4, 5}};  // 4 * 3 * 2^2 (inputs 3 and 6 free)
  simulation_check_stats stats;
  CHECK_FALSE(check_exhaustive(c, s, p, &stats).has_value());
  CHECK(stats.patterns_checked == 48);
  p.at_most_one = {{0, 1}, {1, 2}};
  CHECK_THROWS_AS(check_exhaustive(c, s, p), std::invalid_argument);  // groups must be disjoint
}
