#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "encodings/prove.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/float_less.hpp"
#include "proofs/blocks/float_maximum.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/engine/counterexample.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

namespace {

// Two float inputs a and b and r selecting a where `pick_a` says so, with the maximum clause as
// the specification.
struct selection {
  circuit c;
  linear_spec spec;
};

selection select_by(float_format const& f, bool pick_a_when_below) {
  selection s;
  auto const a = create_float_input(s.c, "a", f), b = create_float_input(s.c, "b", f);
  // a < b: the maximum is b; a circuit that picks a then computes the minimum
  auto const a_below = create_float_less(s.c, a, b);
  auto const pick_a = pick_a_when_below ? a_below : !a_below;
  std::vector<signal> r;
  auto const ab = a.bits(), bb = b.bits();
  for (size_t i = 0; i < ab.size(); ++i)
    r.push_back(s.c.create_or({s.c.create_and({pick_a, ab[i]}), s.c.create_and({!pick_a, bb[i]})}));
  s.c.add_output_bus("r", r);
  require_valid(s.spec, a, f);
  require_valid(s.spec, b, f);
  s.spec.clauses.push_back(float_maximum_clause("r", f, {a, b}, r));
  return s;
}

}  // namespace

TEST_CASE("float.max's circuit gives the largest operand on chosen values") {
  auto const& l = find_lemma("float.max");
  parameters const p{{"n", 3}, {"p", 3}, {"k", 2}};
  auto const f = format_of(p);
  auto const built = l.build(p);
  // -3, 1.5 and 0.5 in every position: 1.5 (<6, -2>) wins
  float_value const minus_three{true, 6, -1}, one_and_half{false, 6, -2}, half{false, 4, -3};
  std::vector<float_value> xs{minus_three, one_and_half, half};
  std::sort(xs.begin(), xs.end(),
            [](auto const& x, auto const& y) { return to_rational(x) < to_rational(y); });
  do {
    auto const r =
        simulate_floats(built.c, f, {{"x0", xs[0]}, {"x1", xs[1]}, {"x2", xs[2]}}, {"r"}).at("r");
    CHECK(r == one_and_half);
  } while (std::next_permutation(xs.begin(), xs.end(), [](auto const& x, auto const& y) {
    return to_rational(x) < to_rational(y);
  }));
}

TEST_SUITE("solver") {
  TEST_CASE("float.max is proved by its stage at n = 1..4 and at the paper's range") {
    auto const& l = find_lemma("float.max");
    for (auto const& p : std::vector<parameters>{{{"n", 1}, {"p", 3}, {"k", 2}},
                                                 {{"n", 2}, {"p", 3}, {"k", 2}},
                                                 {{"n", 4}, {"p", 3}, {"k", 2}},
                                                 {{"n", 3}, {"p", 3}, {"k", 0}}}) {
      CAPTURE(to_string(p));
      check_params cp;
      cp.monolithic = true;
      auto const r = check_construction(l, p, cp);
      bool stage = false;
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
        stage |= o.id.ends_with("stage:maximum");
      }
      CHECK(stage);
    }
  }

  TEST_CASE(
      "the maximum clause refutes a circuit that returns the minimum, and the counterexample "
      "replays") {
    auto const f = float_format::with_exponent_bits(3, 2);
    solver_params sp;
    sp.timeout_ms = 60000;
    auto const wrong = select_by(f, true);
    auto const q = prove_circuit(wrong.c, wrong.spec, sp);
    REQUIRE(q.result == verdict::refuted);
    REQUIRE(q.inputs);
    auto const values = simulate_pattern(wrong.c, *q.inputs);
    CHECK(preconditions_hold(wrong.spec, values));
    CHECK_FALSE(holds(wrong.spec.clauses.at(0), values));
    auto const cx = describe_counterexample(wrong.c, wrong.spec, *q.inputs);
    REQUIRE(cx.floats.size() >= 2);
    CHECK(cx.floats[0].first == "expected r");
    CHECK(cx.floats[0].second != cx.floats[1].second);
    // picking b when a < b (and a otherwise) is the maximum
    auto const right = select_by(f, false);
    CHECK(prove_circuit(right.c, right.spec, sp).result == verdict::proved);
  }
}
