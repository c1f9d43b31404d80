// float.sin and float.cos: the worst cancellation, the error budget per p, exact values, the
// lemmas proved at small p, and broken constructions caught (a flipped bit of 2/pi, a missing
// series term).
#include <doctest/doctest.h>

#include "core/enclosure.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/trig_series.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/float/float_trig.hpp"
#include "proofs/lemmas/registry.hpp"
#include "tests/proofs/lemmas/float/broken_construction.hpp"

using namespace tc0;

namespace {

constexpr approximated_function both[] = {approximated_function::sin, approximated_function::cos};

parameters sizes(unsigned p, unsigned K) {
  return {{"p", p}, {"k", 0}, {"K", K}};
}

}  // namespace

TEST_CASE("the worst cancellation: the float nearest a zero, and how close it comes") {
  // p = 8: the floats in [2, 4) are n / 64; 201 / 64 = 3.140625 is pi - 0.00096765...
  auto const pi = pi_enclosure(128);
  auto const s = trig_zero_gap(approximated_function::sin, float_format::paper(8), 4);
  CHECK(s.multiple == 2);
  CHECK(s.worst == float_value{false, 201, -6});
  CHECK(s.gap <= pi.hi - rational(201, 64));
  CHECK(s.gap >= pi.lo - rational(201, 64) - power_of_two(-200));
  CHECK(pi.hi - pi.lo < power_of_two(-100));
  // cos at p = 8: pi/2 = 1.5707963...; 201 / 128 = 1.5703125 is 0.00048383 below
  auto const c = trig_zero_gap(approximated_function::cos, float_format::paper(8), 4);
  CHECK(c.multiple == 1);
  CHECK(c.worst == float_value{false, 201, -7});
  // sin at p = 3: the zero at 0 is the closest (the path starts at 2^-3)
  auto const small = trig_zero_gap(approximated_function::sin, float_format::paper(3), 4);
  CHECK(small.multiple == 0);
  CHECK(small.gap == rational(1, 8));
  // a larger domain only adds zeros: the gap never grows
  for (auto fn : both)
    for (unsigned K = 1; K < 8; ++K)
      CHECK(trig_zero_gap(fn, float_format::paper(6), K + 1).gap <=
            trig_zero_gap(fn, float_format::paper(6), K).gap);
}

TEST_CASE("the error budget holds for the plan at p = 2..16, K = 4, and fails for broken plans") {
  for (auto fn : both)
    for (unsigned p = 2; p <= 16; ++p) {
      CAPTURE(to_string(fn));
      CAPTURE(p);
      auto const f = float_format::paper(p);
      auto const plan = plan_trig(fn, f, 4);
      auto const b = check_trig_budget(plan);
      CHECK_MESSAGE(!b.failure, b.failure.value_or(""));
      CHECK(b.total <= approximation_slack(p));
      CHECK(check_trig_budget(plan_trig(fn, f, 4, {.pi_bit_flipped = true})).failure);
      CHECK(check_trig_budget(plan_trig(fn, f, 4, {.missing_term = 1})).failure);
      // widths chosen for |x| <= 2 do not cover |x| <= 2^12: 2/pi's bits and the gap both
      // fall short
      CHECK(check_trig_budget(plan_trig(fn, f, 12, {.pi_bits_for_K = 1})).failure);
    }
  // other domains and reduced exponent ranges
  for (auto fn : both)
    for (unsigned K : {1u, 2u, 8u})
      for (unsigned k : {0u, 3u, 6u}) {
        auto const f = k == 0 ? float_format::paper(6) : float_format::with_exponent_bits(6, k);
        CAPTURE(K);
        CAPTURE(k);
        auto const b = check_trig_budget(plan_trig(fn, f, K));
        CHECK_MESSAGE(!b.failure, b.failure.value_or(""));
      }
}

TEST_CASE("sin(0) = 0 and cos(0) = 1 exactly, sin x = x below 2^-p, on the circuit") {
  for (unsigned p : {4u, 6u}) {
    CAPTURE(p);
    auto const f = float_format::paper(p);
    auto const sin = find_lemma("float.sin").build(sizes(p, 4));
    auto const cos = find_lemma("float.cos").build(sizes(p, 4));
    CHECK(simulate_unary(sin.c, f, zero_of(f)) == zero_of(f));
    float_value const one{false, pow2(p - 1), 1 - static_cast<int64_t>(p)};
    CHECK(simulate_unary(cos.c, f, zero_of(f)) == one);
    float_value tiny{true, pow2(p) - 1, -3 * static_cast<int64_t>(p)};
    CHECK(simulate_unary(sin.c, f, tiny) == tiny);
  }
}

TEST_SUITE("solver") {
  TEST_CASE("float.sin and float.cos are proved at p = 2, K = 4, every input simulated") {
    for (auto name : {"float.sin", "float.cos"}) {
      CAPTURE(name);
      check_proved_through(find_lemma(name), sizes(2, 4), "trig_result");
    }
  }

  TEST_CASE("a broken sin or cos is caught: by its certificate, and by simulation") {
    for (auto fn : both) {
      auto const& l = find_lemma("float." + to_string(fn));
      auto const p = sizes(6, 4);
      for (auto const& faults :
           {trig_faults{.pi_bit_flipped = true}, trig_faults{.missing_term = 1}}) {
        CAPTURE(to_string(fn));
        CAPTURE(faults.pi_bit_flipped);
        check_params cp;
        cp.select = [](std::string const& id) {
          return id.find("trig_budget") != std::string::npos ||
                 id.find("exhaustive") != std::string::npos;
        };
        check_caught(l, p, build_float_trig(fn, p, faults), "trig_budget", cp);
      }
    }
  }
}
