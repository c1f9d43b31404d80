#include <doctest/doctest.h>

#include <set>
#include <utility>

#include "core/check_by_simulation.hpp"
#include "core/simulate.hpp"
#include "encodings/prove.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/float_sum.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/engine/counterexample.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/steps/sticky_rounding.hpp"

using namespace tc0;

TEST_CASE("float.mul and float.add agree with the Boost reference on every input at p = 2, 3") {
  for (auto const* name : {"float.mul", "float.add"})
    for (unsigned p : {2u, 3u}) {
      auto const& l = find_lemma(name);
      parameters const params{{"p", p}, {"k", 0}};
      CAPTURE(name);
      CAPTURE(p);
      auto const built = l.build(params);
      simulation_check_stats stats;
      CHECK_FALSE(check_exhaustive(built.c, l.specification(built.c, params), {}, &stats));
      CHECK(stats.patterns_checked == (uint64_t{1} << (2 * (2 * p + 2))));
    }
}

TEST_SUITE("solver") {
  TEST_CASE("float.mul is proved by stages at p = 3, and the monolithic miter agrees") {
    auto const& l = find_lemma("float.mul");
    check_params cp;
    cp.monolithic = true;
    auto const r = check_construction(l, {{"p", 3}, {"k", 0}}, cp);
    bool saw_round = false, saw_congruence = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      saw_round |= o.id.ends_with("stage:round");
      saw_congruence |= o.id.ends_with("composition:congruence");
    }
    CHECK(saw_round);
    CHECK(saw_congruence);
  }

  TEST_CASE("the relational round_p spec refutes a rounder that is wrong on one input") {
    // round_p of N 2^(Z - 8) at p = 2, with the magnitude's low bit flipped when N = 15, Z = 0
    auto const f = float_format::paper(2);
    circuit c;
    bus const N = c.create_input_bus("N", 4);
    bus const Z = c.create_input_bus("Z", 4);
    bus const s = c.create_input_bus("s", 1);
    auto out = create_round_to_format(c, f, N.bits, Z.bits, s.bits[0], -8);
    std::vector<signal> trigger = N.bits;
    for (auto z : Z.bits) trigger.push_back(!z);
    out[0] = c.create_xor(out[0], c.create_and(trigger));
    c.add_output_bus("r", out);
    linear_spec spec;
    spec.rounds_to("r", out, linear_expr::value_of(N.bits),
                   {f, linear_expr::of(s.bits[0]), linear_expr::value_of(Z.bits),
                    linear_expr{}.add_constant(1), -8});
    solver_params sp;
    sp.timeout_ms = 60000;
    auto const q = prove_circuit(c, spec, sp);
    REQUIRE(q.result == verdict::refuted);
    REQUIRE(q.inputs);
    // replayed: N = 15, Z = 0 is the only failing input
    std::vector<bool> const& in = *q.inputs;
    for (unsigned i = 0; i < 4; ++i) CHECK(in[i]);
    for (unsigned i = 4; i < 8; ++i) CHECK_FALSE(in[i]);
    // the counterexample decodes the expected and the actual float
    auto const cx = describe_counterexample(c, spec, in);
    REQUIRE(cx.floats.size() == 2);
    CHECK(cx.floats[0].first == "expected r");
    CHECK(cx.floats[0].second.starts_with("<"));
    CHECK(cx.floats[0].second != cx.floats[1].second);
    // and the unbroken rounder is proved
    circuit good;
    bus const N2 = good.create_input_bus("N", 4);
    bus const Z2 = good.create_input_bus("Z", 4);
    bus const s2 = good.create_input_bus("s", 1);
    auto const out2 = create_round_to_format(good, f, N2.bits, Z2.bits, s2.bits[0], -8);
    good.add_output_bus("r", out2);
    linear_spec spec2;
    spec2.rounds_to("r", out2, linear_expr::value_of(N2.bits),
                    {f, linear_expr::of(s2.bits[0]), linear_expr::value_of(Z2.bits),
                     linear_expr{}.add_constant(1), -8});
    CHECK(prove_circuit(good, spec2, sp).result == verdict::proved);
  }
}

TEST_SUITE("solver") {
  TEST_CASE("float.add and float.compare are proved by stages at p = 3") {
    for (auto const* name : {"float.add", "float.compare"}) {
      auto const& l = find_lemma(name);
      check_params cp;
      cp.monolithic = true;
      auto const r = check_construction(l, {{"p", 3}, {"k", 0}}, cp);
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
      }
      CHECK(r.obligations.size() >= 5);
    }
  }

  TEST_CASE("float.compare: the key order's theorem, checked where a solver can state the values") {
    // the certified step key_order says the signed keys order valid floats as their values; at
    // the sizes below the monolithic miter proves the lemma's value clause from the circuit
    // alone, without the theorem, and every input is simulated
    auto const& l = find_lemma("float.compare");
    for (auto const& [p, k] : {std::pair{2, 0}, {3, 0}, {4, 2}, {5, 2}}) {
      CAPTURE(p);
      CAPTURE(k);
      check_params cp;
      cp.monolithic = true;
      auto const r = check_construction(l, {{"p", p}, {"k", k}}, cp);
      std::set<std::string> proved;
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
        proved.insert(o.id.substr(o.id.find('/') + 1));
      }
      CHECK(proved.count("composition:key_order"));
      CHECK(proved.count("monolithic"));
      CHECK((proved.count("exhaustive") || proved.count("random")));
    }
    // at the paper's range p = 8 the values' shifts are 2^9 bits wide: the stage stays narrow
    auto const r = check_construction(l, {{"p", 8}, {"k", 0}}, {});
    for (auto const& o : r.obligations) CHECK(o.result == verdict::proved);
  }
}

namespace {

// Runs a float lemma's circuit on float operands (core/float_format.hpp bit order per operand)
// and decodes the result bus r.
float_value run_floats(circuit const& c, float_format const& f,
                       std::vector<float_value> const& xs) {
  std::vector<bool> inputs;
  for (auto const& x : xs) {
    auto const bits = pack(f, x);
    for (unsigned i = 0; i < f.total_bits(); ++i)
      inputs.push_back(boost::multiprecision::bit_test(bits, i));
  }
  auto const values = simulate_pattern(c, inputs);
  big_int r = 0;
  unsigned i = 0;
  for (auto const* name : {"r_mag", "r_exp", "r_sign"})
    for (auto s : output_bits(c, name)) {
      if (values[s.index()] != s.complemented()) r += pow2(i);
      ++i;
    }
  return unpack(f, r);
}

}  // namespace

TEST_CASE("float.iterated_add rounds the exact sum once") {
  auto const& l = find_lemma("float.iterated_add");
  SUBCASE("1 + 0.25 + 0.25 at p = 2 is 1.5 (chained two-operand additions give 1)") {
    parameters const params{{"n", 3}, {"p", 2}, {"k", 0}};
    auto const f = format_of(params);
    auto const built = l.build(params);
    float_value const one{false, 2, -1}, quarter{false, 2, -3};
    CHECK(to_rational(run_floats(built.c, f, {one, quarter, quarter})) == rational{3, 2});
  }
  SUBCASE("massive cancellation: 2^7 - 2^7 + tiny is tiny, exactly") {
    parameters const params{{"n", 3}, {"p", 3}, {"k", 0}};
    auto const f = format_of(params);
    auto const built = l.build(params);
    float_value const big{false, 4, 5}, minus_big{true, 4, 5}, tiny{false, 5, -8};
    CHECK(run_floats(built.c, f, {big, minus_big, tiny}) == tiny);
    CHECK(run_floats(built.c, f, {tiny, big, minus_big}) == tiny);
  }
  SUBCASE("every input at n = 3, p = 2, e in [-2, 1]: the Boost reference, and permutations") {
    parameters const params{{"n", 3}, {"p", 2}, {"k", 2}};
    auto const f = format_of(params);
    auto const built = l.build(params);
    simulation_check_stats stats;
    CHECK_FALSE(check_exhaustive(built.c, l.specification(built.c, params), {}, &stats));
    CHECK(stats.patterns_checked == (uint64_t{1} << 15));
    // permutation invariance on every valid triple
    auto const floats = valid_floats(f);
    for (auto const& x : floats)
      for (auto const& y : floats)
        for (auto const& z : floats) {
          auto const r = run_floats(built.c, f, {x, y, z});
          CHECK(r == run_floats(built.c, f, {z, x, y}));
          CHECK(r == run_floats(built.c, f, {y, x, z}));
        }
  }
}

TEST_CASE("the claims massive_cancellation and rounded_once hold at k = 0 and fail on a chain") {
  auto const& l = find_lemma("float.iterated_add");
  auto const claim = [&](std::string const& name) {
    for (auto const& c : l.structural_claims)
      if (c.name == name) return c;
    FAIL("no claim " << name);
    return l.structural_claims.front();
  };
  parameters const params{{"n", 4}, {"p", 3}, {"k", 0}};
  auto const f = format_of(params);
  // stated at the paper's range with three operands or more, nowhere else
  CHECK(claim("rounded_once").applies(params));
  CHECK_FALSE(claim("rounded_once").applies({{"n", 4}, {"p", 3}, {"k", 3}}));
  CHECK_FALSE(claim("massive_cancellation").applies({{"n", 2}, {"p", 3}, {"k", 0}}));
  auto const built = l.build(params);
  for (auto const* name : {"massive_cancellation", "rounded_once"}) {
    CAPTURE(name);
    auto const o = claim(name).check(built, params);
    CHECK(o.holds);
    CHECK(o.detail.find("orders give") != std::string::npos);
  }
  // (x0 + x1) + x2 + x3, each sum rounded: both claims fail
  construction chain;
  std::vector<float_bus> xs;
  for (unsigned i = 0; i < 4; ++i)
    xs.push_back(create_float_input(chain.c, "x" + std::to_string(i), f));
  auto partial = xs[0];
  for (unsigned i = 1; i < 4; ++i) {
    auto const s = create_float_sum(chain, f, {partial, xs[i]}, "s" + std::to_string(i) + "_");
    partial = split_float("s" + std::to_string(i), f, s.bits);
  }
  add_float_output(chain.c, "r", f, partial.bits());
  for (auto const* name : {"massive_cancellation", "rounded_once"}) {
    CAPTURE(name);
    auto const o = claim(name).check(chain, params);
    CHECK_FALSE(o.holds);
    CHECK(o.detail.find("not round_p of their exact sum") != std::string::npos);
  }
}

TEST_SUITE("solver") {
  TEST_CASE("float.iterated_add is proved by stages at n = 3, p = 3") {
    auto const& l = find_lemma("float.iterated_add");
    auto const r = check_construction(l, {{"n", 3}, {"p", 3}, {"k", 2}}, {});
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
    }
  }
}

TEST_SUITE("solver") {
  TEST_CASE(
      "float.iterated_mul is proved by stages at n = 3, p = 3, and agrees exhaustively at n = 2, p "
      "= 2") {
    auto const& l = find_lemma("float.iterated_mul");
    auto const r = check_construction(l, {{"n", 3}, {"p", 3}, {"k", 3}}, {});
    bool saw_product = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      saw_product |= o.id.ends_with("composition:chinese_remainder");
    }
    CHECK(saw_product);
    parameters const small{{"n", 2}, {"p", 2}, {"k", 2}};
    auto const built = l.build(small);
    simulation_check_stats stats;
    CHECK_FALSE(check_exhaustive(built.c, l.specification(built.c, small), {}, &stats));
    CHECK(stats.patterns_checked == (uint64_t{1} << 10));
  }
}

TEST_CASE("float.div agrees with Boost division on every valid pair, and x / 0 saturates") {
  auto const& l = find_lemma("float.div");
  for (unsigned p : {2u, 3u}) {
    parameters const params{{"p", p}, {"k", 2}};
    auto const f = format_of(params);
    auto const built = l.build(params);
    auto const width = f.total_bits();
    auto const r_bits = output_float(built.c, "r").bits();
    std::vector<float_value> valid;
    for (uint64_t x = 0; x < (uint64_t{1} << width); ++x)
      if (auto const v = unpack(f, x); is_valid(f, v)) valid.push_back(v);
    float_value largest{false, pow2(p) - 1, f.e_max};
    unsigned divisions = 0, by_zero = 0;
    for (auto const& a : valid)
      for (auto const& b : valid) {
        auto const bits = pack(f, a) + (pack(f, b) << width);
        std::vector<bool> inputs(2 * width);
        for (unsigned i = 0; i < 2 * width; ++i) inputs[i] = bit_test(bits, i);
        auto const values = simulate_pattern(built.c, inputs);
        big_int r = 0;
        for (unsigned i = 0; i < r_bits.size(); ++i)
          if (values[r_bits[i].index()] != r_bits[i].complemented()) bit_set(r, i);
        float_value expected;
        if (b.magnitude != 0) {
          expected = round_to_format(f, to_rational(a) / to_rational(b));
          ++divisions;
        } else {
          largest.negative = a.negative != b.negative;
          expected = a.magnitude == 0 ? zero_of(f) : largest;
          ++by_zero;
        }
        CAPTURE(to_string(a));
        CAPTURE(to_string(b));
        CHECK(to_string(unpack(f, r)) == to_string(expected));
      }
    CHECK(by_zero == valid.size());
    CHECK(divisions == valid.size() * (valid.size() - 1));
  }
}

TEST_SUITE("solver") {
  TEST_CASE(
      "float.div is proved by stages at p = 2, and its sticky-rounding steps fail when wrong") {
    auto const& l = find_lemma("float.div");
    parameters const params{{"p", 2}, {"k", 2}};
    auto const r = check_construction(l, params, {});
    unsigned sticky_steps = 0;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      for (auto const* name : {"quotient_arguments", "quotient_large", "quotient_sticky"})
        sticky_steps += o.id.ends_with(std::string("composition:") + name);
    }
    CHECK(sticky_steps == 3);

    auto const k = l.build(params);
    auto const spec = l.specification(k.c, params);
    linear_spec const pre{spec.description, spec.preconditions, {}};
    auto const step_named = [&](std::string const& name) {
      for (auto const& st : k.composition)
        if (st.name == name) return &st;
      FAIL("no step " << name);
      return static_cast<composition_step const*>(nullptr);
    };
    // The solver finds values of the literals where the hypotheses hold and the goal fails (a
    // step's failure, not a counterexample to the circuit: the literals are free there).
    auto const not_a_consequence = [&](std::vector<linear_spec const*> const& hyps,
                                       linear_spec const& goal, bool bit_vectors) {
      solver_params sp;
      sp.timeout_ms = 60000;
      sp.bit_vectors_first = bit_vectors;
      auto const q = prove_implication(hyps, goal, sp);
      CAPTURE(q.note);
      CHECK(q.result == verdict::refuted);
      CHECK(q.note.find("implication fails") != std::string::npos);
    };

    // The sticky stage replaced by "t = 0" (N = 2 Q, the remainder ignored): an exact quotient
    // just above a tie would then round as the tie, and the bracket step must not hold.
    auto const* arguments = step_named("quotient_arguments");
    std::vector<linear_spec const*> hyps{&pre};
    linear_spec no_sticky;
    for (auto s : arguments->stages) {
      auto const& stage = k.stage_specs.at(s);
      if (stage.description != "t = [R != 0]") {
        hyps.push_back(&stage);
        continue;
      }
      no_sticky.equals("t", stage.clauses.at(0).out_bits, linear_expr{});
    }
    REQUIRE_FALSE(no_sticky.clauses.empty());
    hyps.push_back(&no_sticky);
    for (auto s : arguments->steps) hyps.push_back(&k.composition.at(s).goal);
    not_a_consequence(hyps, arguments->goal, false);

    // "Q >= 2^p" claimed for every dividend, zero included: false for a = 0.
    auto const* large = step_named("quotient_large");
    std::vector<linear_spec const*> large_hyps{&pre};
    for (auto s : large->stages) large_hyps.push_back(&k.stage_specs.at(s));
    for (auto s : large->steps) large_hyps.push_back(&k.composition.at(s).goal);
    auto const nonzero = input_float(k.c, "a").magnitude.bits.back();
    linear_spec always;
    always.description = "Q >= 2^p always";
    always.clauses.push_back(large->goal.clauses.at(0).map_literals(
        [&](signal x) { return x == nonzero ? const_true : x; }));
    not_a_consequence(large_hyps, always, true);
  }

  TEST_CASE("the certified sticky-rounding step checks the clauses' shapes") {
    circuit c;
    auto const in = c.create_input_bus("x", 11).bits;
    std::vector<signal> const out(in.begin() + 6, in.end());
    float_format const f{2, -2, 1};
    linear_expr const Q = linear_expr::value_of({in[1], in[2]});
    sticky_quotient const q{Q, in[0], linear_expr::of(in[3]), linear_expr::value_of({in[4]}),
                            in[5]};
    auto const stage_with = [&](linear_expr magnitude, big_int divisor) {
      linear_spec s;
      s.rounds_to("r", out, std::move(magnitude),
                  {f, linear_expr{}, linear_expr{}, linear_expr{}.add_constant(divisor), -3});
      return s.clauses.at(0);
    };
    linear_spec lemma;
    lemma.rounds_to("r", out, linear_expr::of(in[4]),
                    {f, linear_expr{}, linear_expr{}, linear_expr::of(in[3]), -1});
    auto const certified = [&](spec_clause const& stage) {
      construction k;
      add_sticky_rounding(k, "", stage, lemma.clauses.at(0), q, {}, {});
      REQUIRE(k.composition.size() == 3);
      REQUIRE(k.composition.back().check);
      return k.composition.back().check();
    };
    auto const good = linear_expr::of(in[0]).add(Q, 2);
    CHECK_FALSE(certified(stage_with(good, 1)));
    auto const failure = [&](spec_clause const& stage) {
      auto const r = certified(stage);
      REQUIRE(r);
      return r->what;
    };
    CHECK(failure(stage_with(linear_expr::of(in[0]).add(Q, 1), 1)).find("t + 2 Q") !=
          std::string::npos);
    CHECK(failure(stage_with(good, 2)).find("divisor") != std::string::npos);
  }
}
