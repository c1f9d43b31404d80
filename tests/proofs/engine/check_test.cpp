// The staged proof alone (no miter, no simulation) rejects the wrong constructions an audit
// found it accepting (issue 24): each case is a regression for one gap.
#include "proofs/engine/check.hpp"

#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "proofs/engine/mutation.hpp"
#include "proofs/lemmas/float/float_multiplication.hpp"
#include "proofs/lemmas/integer/integer_division.hpp"
#include "proofs/lemmas/integer/integer_iterated_multiplication.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

namespace {

check_params staged_only() {
  check_params cp;
  cp.cross_checks = false;
  cp.solver.timeout_ms = 30000;
  return cp;
}

// The construction is wrong (simulation says so), and its staged proof does not prove it: some
// obligation is refuted or unknown. Returns that obligation's id.
std::string staged_rejection(lemma const& l, parameters const& p, construction const& k) {
  // the construction really is wrong: on the all-ones input (the largest operands, where a
  // wrong top bit or too small a modulus shows) or on a random one
  auto const spec = l.specification(k.c, p);
  auto const ones = simulate_pattern(k.c, std::vector<bool>(k.c.input_nodes().size(), true));
  simulation_check_params sp;
  sp.random_patterns = 1 << 16;
  REQUIRE((first_failing_clause(spec, ones).has_value() || check_random(k.c, spec, sp)));
  auto const r = check_built(l, p, k, staged_only());
  for (auto const& o : r.obligations) {
    CHECK(o.how != method::exhaustive_simulation);
    CHECK(o.how != method::random_simulation);
    CHECK(o.how != method::smt_flat);
  }
  for (auto const& o : r.obligations)
    if (o.result != verdict::proved) return o.id;
  FAIL("every staged obligation of a wrong construction was proved");
  return {};
}

construction with_output(construction k, std::string const& bus,
                         std::function<void(std::vector<signal>&)> const& change) {
  auto bits = k.c.find_output_bus(bus)->bits;
  change(bits);
  mutation m;
  m.bus = bus;
  m.bits = bits;
  apply(m, k.c);
  return k;
}

}  // namespace

TEST_SUITE("solver") {
  TEST_CASE("gap A: primes chosen for a understated bound are refuted at chinese_remainder") {
    auto const& l = find_lemma("int.iterated_mul");
    parameters const p{{"n", 6}, {"m", 4}};
    auto const k = build_iterated_multiplication(p, {.understate_bound = true});
    auto const id = staged_rejection(l, p, k);
    CHECK(id.ends_with("composition:chinese_remainder"));
  }

  TEST_CASE("gap C: a wrongly wired exp table is refuted at its stage") {
    auto const& l = find_lemma("int.iterated_mul");
    parameters const p{{"n", 2}, {"m", 4}};
    auto const k = build_iterated_multiplication(p, {.swap_exp_entries = true});
    CHECK(staged_rejection(l, p, k).ends_with("stage:exp_tables"));
  }

  // Plan and constant faults (fault injection): each a construction consistent with itself
  // whose constants are wrong, rejected by a staged obligation.
  TEST_CASE("faults in the prime set, a table entry, a series constant or a rounding offset") {
    struct fault_case {
      std::string what, lemma;
      parameters p;
      std::function<construction()> build;
      std::string caught_by;
    };
    std::vector<fault_case> const cases{
        {"a prime dropped",
         "int.iterated_mul",
         {{"n", 3}, {"m", 3}},
         [] {
           return build_iterated_multiplication({{"n", 3}, {"m", 3}}, {.drop_primes = 1});
         },
         "composition:chinese_remainder"},
        {"a wrong log entry",
         "int.iterated_mul",
         {{"n", 2}, {"m", 4}},
         [] {
           return build_iterated_multiplication({{"n", 2}, {"m", 4}}, {.wrong_log_entry = true});
         },
         "stage:log_tables"},
        {"a series one term short",
         "int.div",
         {{"m", 3}},
         [] {
           return build_division({{"m", 3}}, {.short_series = true});
         },
         "composition:product_residues"},
        {"the quotient read one bit high",
         "int.div",
         {{"m", 3}},
         [] {
           return build_division({{"m", 3}}, {.quotient_one_bit_high = true});
         },
         "composition:series"},
        {"a rounding offset off by one",
         "float.mul",
         {{"p", 3}, {"k", 2}},
         [] {
           return build_float_mul({{"p", 3}, {"k", 2}}, {.offset_shift = 1});
         },
         "composition:congruence"},
    };
    for (auto const& c : cases) {
      CAPTURE(c.what);
      auto const& l = find_lemma(c.lemma);
      CHECK(staged_rejection(l, c.p, c.build()).ends_with(c.caught_by));
    }
  }

  TEST_CASE("gap B: output bits forced, swapped or reversed fail the lemma's obligation") {
    struct output_case {
      std::string lemma;
      parameters p;
      std::string bus;
      std::string what;
      std::function<void(std::vector<signal>&)> change;
    };
    auto zero_top = [](std::vector<signal>& b) { b.back() = const_false; };
    auto swap_low = [](std::vector<signal>& b) { std::swap(b[0], b[1]); };
    auto reverse = [](std::vector<signal>& b) { std::reverse(b.begin(), b.end()); };
    std::vector<output_case> const cases{
        {"int.iterated_mul", {{"n", 6}, {"m", 4}}, "product", "top bit zeroed", zero_top},
        {"int.iterated_mul", {{"n", 3}, {"m", 3}}, "product", "bits 0 and 1 swapped", swap_low},
        {"int.power", {{"k", 4}, {"m", 4}}, "power", "top bit zeroed", zero_top},
        {"int.power", {{"k", 3}, {"m", 4}}, "power", "bits 0 and 1 swapped", swap_low},
        {"int.div", {{"m", 3}}, "quotient", "bits reversed", reverse},
        {"int.div", {{"m", 3}}, "quotient", "top bit zeroed", zero_top},
    };
    for (auto const& c : cases) {
      CAPTURE(c.lemma);
      CAPTURE(c.what);
      auto const& l = find_lemma(c.lemma);
      auto const k = with_output(l.build(c.p), c.bus, c.change);
      CHECK(staged_rejection(l, c.p, k).ends_with("/composition"));
    }
  }
}
