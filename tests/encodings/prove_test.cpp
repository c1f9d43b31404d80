#include "encodings/prove.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "core/check_by_simulation.hpp"
#include "core/deadline.hpp"

using namespace tc0;

namespace {

// A 1-bit full adder: sum = a + b + c, built right or with the parity gate broken.
circuit full_adder(bool broken) {
  circuit c;
  auto const& x = c.create_input_bus("x", 3);
  auto const carry = c.create_maj(x.bits);
  auto const parity =
      c.create_threshold({x.bits[0], x.bits[1], x.bits[2], carry}, {1, 1, 1, -2}, broken ? 2 : 1);
  c.add_output_bus("s", {parity, carry});
  return c;
}

linear_spec adder_spec(circuit const& c) {
  linear_spec s;
  s.description = "s = x0 + x1 + x2";
  linear_expr rhs;
  for (auto b : c.input_buses()[0].bits) rhs.add_term(1, b);
  s.equals("s", c.output_buses()[0].bits, rhs);
  return s;
}

}  // namespace

TEST_CASE("a correct circuit is proved") {
  auto const c = full_adder(false);
  auto const r = prove_circuit(c, adder_spec(c), {});
  CHECK(r.result == verdict::proved);
  CHECK_FALSE(r.inputs.has_value());
}

TEST_CASE("a broken circuit is refuted with a counterexample that replays") {
  auto const c = full_adder(true);
  auto const spec = adder_spec(c);
  auto const r = prove_circuit(c, spec, {});
  REQUIRE(r.result == verdict::refuted);
  REQUIRE(r.inputs.has_value());
  CHECK(r.failing_clause == "s");
  auto const values = simulate_pattern(c, *r.inputs);
  CHECK(first_failing_clause(spec, values).has_value());
}

TEST_CASE("preconditions restrict the inputs a refutation may use") {
  auto const c = full_adder(true);
  auto spec = adder_spec(c);
  // the broken parity differs only where exactly one or three inputs are 1; forbid those
  spec.require("x0 = x1", linear_expr{}
                              .add_term(1, c.input_buses()[0].bits[0])
                              .add_term(-1, c.input_buses()[0].bits[1]));
  spec.require("x1 = x0", linear_expr{}
                              .add_term(1, c.input_buses()[0].bits[1])
                              .add_term(-1, c.input_buses()[0].bits[0]));
  spec.require("x2 = 0", linear_expr{}.add_term(-1, c.input_buses()[0].bits[2]));
  CHECK(prove_circuit(c, spec, {}).result == verdict::proved);
}

TEST_CASE("linear implications: a consequence is proved, a non-consequence refuted and replayed") {
  circuit c;
  auto const& x = c.create_input_bus("x", 2);
  linear_spec hyp;
  hyp.require("x0 >= x1", linear_expr{}.add_term(1, x.bits[0]).add_term(-1, x.bits[1]));
  linear_spec good;
  good.require("x1 <= 1", linear_expr{}.add_constant(1).add_term(-1, x.bits[1]));
  linear_spec bad;
  bad.require("x1 >= x0", linear_expr{}.add_term(1, x.bits[1]).add_term(-1, x.bits[0]));
  CHECK(prove_implication({&hyp}, good, {}).result == verdict::proved);
  auto const r = prove_implication({&hyp}, bad, {});
  CHECK(r.result == verdict::refuted);
  CHECK_FALSE(r.encoding_bug);
}

TEST_CASE("a goal a hypothesis states verbatim is proved without a solver, and only that goal") {
  circuit c;
  bus const x = c.create_input_bus("x", 3);  // copies: creating y may move x
  bus const y = c.create_input_bus("y", 2);
  auto const sum = linear_expr{}.add_term(1, x.bits[0]).add_term(1, x.bits[1]);
  linear_spec hyp;
  hyp.equals("y = x0 + x1", y.bits, sum);
  // the same relation, named and built otherwise (terms in another order)
  linear_spec same;
  same.equals("renamed", y.bits, linear_expr{}.add_term(1, x.bits[1]).add_term(1, x.bits[0]));
  auto const r = prove_implication({&hyp}, same, {});
  CHECK(r.result == verdict::proved);
  CHECK(r.note.find("stated verbatim") != std::string::npos);
  // one bit complemented, or another literal: not the same text, so the solver decides (refuted)
  linear_spec flipped;
  flipped.equals("y with bit 0 complemented", {!y.bits[0], y.bits[1]}, sum);
  auto const f = prove_implication({&hyp}, flipped, {});
  CHECK(f.result == verdict::refuted);
  CHECK(f.note.find("stated verbatim") == std::string::npos);
  linear_spec other;
  other.equals("y = x0 + x2", y.bits, linear_expr{}.add_term(1, x.bits[0]).add_term(1, x.bits[2]));
  CHECK(prove_implication({&hyp}, other, {}).result == verdict::refuted);
}

TEST_CASE("an SMT-LIB2 file is written on request") {
  auto const c = full_adder(false);
  std::string const path = "prove_test_query.smt2";
  prove_circuit(c, adder_spec(c), {.timeout_ms = 10000, .smt2_path = path});
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("(check-sat)") != std::string::npos);
  // the logic is declared (solvers such as cvc5 refuse a file without one)
  CHECK(text.find("(set-logic QF_BV)") != std::string::npos);
  if (std::system("command -v cvc5 > /dev/null 2>&1") == 0) {
    auto const answer = "prove_test_answer.txt";
    std::system(("cvc5 --bitblast=eager " + path + " > " + answer + " 2>&1").c_str());
    std::ifstream got(answer);
    std::string line;
    std::getline(got, line);
    CHECK(line == "unsat");  // the full adder is right: cvc5 proves it from the file alone
    std::remove(answer);
  }
  std::remove(path.c_str());
}

TEST_CASE("a query that runs out of time is unknown, and stops near its limit") {
  // a 14 x 14 array multiplier against the product: far beyond a quarter of a second
  circuit c;
  bus const a = c.create_input_bus("a", 14);
  bus const b = c.create_input_bus("b", 14);
  std::vector<signal> acc(28, const_false);
  std::vector<std::vector<signal>> rows;
  linear_expr rhs;
  rhs.add_product(1, {linear_expr::value_of(a.bits), linear_expr::value_of(b.bits)});
  // ripple-add the partial-product rows: carry = MAJ, sum = parity
  for (unsigned i = 0; i < 14; ++i) {
    signal carry = const_false;
    for (unsigned k = 0; k < 28; ++k) {
      auto const bit =
          (k >= i && k - i < 14) ? c.create_and({a.bits[k - i], b.bits[i]}) : const_false;
      auto const next = c.create_maj({acc[k], bit, carry});
      acc[k] = c.create_threshold({acc[k], bit, carry, next}, {1, 1, 1, -2}, 1);
      carry = next;
    }
  }
  c.add_output_bus("product", acc);
  linear_spec spec;
  spec.equals("product", acc, rhs);
  auto const start = std::chrono::steady_clock::now();
  auto const q = prove_circuit(c, spec, {.timeout_ms = 250});
  auto const wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(q.result == verdict::unknown);
  CHECK(q.note.find("timeout") != std::string::npos);
  CHECK(wall < 30);  // the limit holds (encoding time included)
}

namespace {

// x0 XOR x1 carried through `length` copies y_k = (y_(k-1) AND x0) OR (y_(k-1) AND NOT x0),
// which the builder cannot fold: a circuit deeper than circuit_encoder::max_nested_depth.
circuit deep_parity(unsigned length, bool broken) {
  circuit c;
  auto const& x = c.create_input_bus("x", 2);
  auto y = c.create_xor(x.bits[0], x.bits[1]);
  for (unsigned k = 0; k < length; ++k)
    y = c.create_or({c.create_and({y, x.bits[0]}), c.create_and({y, !x.bits[0]})});
  c.add_output_bus("s", {broken ? !y : y, c.create_and({x.bits[0], x.bits[1]})});
  return c;
}

}  // namespace

TEST_CASE("a circuit too deep to nest is encoded gate by gate, proved and refuted alike") {
  for (bool broken : {false, true}) {
    CAPTURE(broken);
    auto const c = deep_parity(400, broken);
    linear_spec spec;
    linear_expr rhs;
    for (auto b : c.input_buses()[0].bits) rhs.add_term(1, b);
    spec.equals("s", c.output_buses()[0].bits, rhs);
    auto const q = prove_circuit(c, spec, {.enumerate_small_support = false});
    CHECK(q.result == (broken ? verdict::refuted : verdict::proved));
    if (broken) CHECK(q.inputs.has_value());
  }
}

TEST_CASE("a deadline in force stops a query and says why") {
  auto const c = deep_parity(400, false);
  linear_spec spec;
  linear_expr rhs;
  for (auto b : c.input_buses()[0].bits) rhs.add_term(1, b);
  spec.equals("s", c.output_buses()[0].bits, rhs);
  deadline_scope limit{deadline{std::chrono::steady_clock::now(), "the test's limit"}};
  CHECK_THROWS_WITH_AS(prove_circuit(c, spec, {.enumerate_small_support = false}),
                       "the test's limit", deadline_reached);
}

TEST_CASE(
    "a hypothesis no solver can state is left out: proofs stand, failing models refute nothing") {
  // r approximates exp(x) (an approximation clause: judged on exact enclosures, no SMT reading);
  // the goal "r's top magnitude bit is set" follows from it for valid x, but not without it
  auto const f = float_format::with_exponent_bits(2, 2);
  circuit c;
  auto const& x = c.create_input_bus("x", f.total_bits());
  auto const& r = c.create_input_bus("r", f.total_bits());
  std::vector<signal> const xm(x.bits.begin(), x.bits.begin() + f.p);
  std::vector<signal> const xu(x.bits.begin() + f.p, x.bits.end() - 1);
  linear_spec approx;
  approx.approximates("r", r.bits, approximated_function::exp, linear_expr::value_of(xm),
                      {f, linear_expr::of(x.bits.back()), linear_expr::value_of(xu),
                       linear_expr{}.add_constant(1), f.e_min, false});
  linear_spec goal;
  goal.require("r's top bit", linear_expr::of(r.bits.at(f.p - 1)).add_constant(-1));
  auto const without = prove_implication({&approx}, goal, {});
  CHECK(without.result == verdict::unknown);
  CHECK(without.note.find("left out") != std::string::npos);
  // with a fact a solver can state that implies the goal, the proof goes through
  linear_spec top;
  top.require("top set", linear_expr::of(r.bits.at(f.p - 1)).add_constant(-1));
  CHECK(prove_implication({&approx, &top}, goal, {}).result == verdict::proved);
  // and without the approximation the same query is refuted, as before
  linear_spec none;
  none.require("nothing", linear_expr{}.add_constant(0));
  CHECK(prove_implication({&none}, goal, {}).result == verdict::refuted);
}
