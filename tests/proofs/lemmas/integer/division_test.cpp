#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "encodings/prove_by_enumeration.hpp"
#include "proofs/blocks/residue.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("int.div gives floor(a / b) and a mod b on every input with b >= 1") {
  auto const& l = find_lemma("int.div");
  for (unsigned m : {1u, 2u, 3u, 4u}) {
    parameters const p{{"m", m}};
    CAPTURE(to_string(p));
    auto const built = l.build(p);
    simulation_check_stats stats;
    CHECK_FALSE(check_exhaustive(built.c, l.specification(built.c, p), {}, &stats).has_value());
    // b = 0 violates the precondition and is skipped, every other pattern is checked
    CHECK(stats.patterns_checked == (1u << (2 * m)) * ((1u << m) - 1));
    CHECK(stats.patterns_skipped == (1u << (2 * m)));
  }
}

TEST_CASE("the division specification accepts floor(a / b) and a - q b, and rejects the rest") {
  // m = 1: b is one bit, so b >= 1 means b = 1: the quotient must be a, the remainder 0
  auto const& l = find_lemma("int.div");
  for (bool halve : {false, true})
    for (bool remainder_one : {false, true}) {
      CAPTURE(halve);
      CAPTURE(remainder_one);
      circuit c;
      auto const a = c.create_input_bus("a", 2);
      c.create_input_bus("b", 1);
      c.add_output_bus("quotient", halve ? std::vector<signal>{a.bits[1], const_false} : a.bits);
      c.add_output_bus("remainder", {remainder_one ? const_true : const_false});
      auto const failure = check_exhaustive(c, l.specification(c, {{"m", 1}}));
      CHECK(failure.has_value() == (halve || remainder_one));
      if (failure && !halve) CHECK(failure->clause == "remainder");
    }
}

TEST_SUITE("solver") {
  TEST_CASE("int.div is proved by stages, and the monolithic miter agrees") {
    auto const& l = find_lemma("int.div");
    parameters const p{{"m", 2}};
    check_params cp;
    cp.monolithic = true;
    auto const r = check_construction(l, p, cp);
    bool saw_monolithic = false, saw_series = false, saw_remainder = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      saw_monolithic |= o.how == method::smt_flat;
      saw_series |= o.id.ends_with("composition:series");
      saw_remainder |= o.id.ends_with("composition:remainder");
    }
    CHECK(saw_monolithic);
    CHECK(saw_series);
    CHECK(saw_remainder);
  }
}

TEST_CASE("a residue block's hint is accepted: A mod q over 24 bits is proved by its small sum") {
  // the residues of int.div's A at m = 12: 2^24 patterns, beyond enumeration bit by bit
  for (unsigned q : {17u, 101u}) {
    CAPTURE(q);
    circuit c;
    auto const a = c.create_input_bus("a", 24).bits;
    linear_spec spec;
    auto const r = create_binary_residue(c, spec, a, q, "A");
    c.add_output_bus("r", r);
    REQUIRE(spec.linear_forms.size() == 1);
    auto const proof = prove_by_enumeration(c, spec, {0, 1});
    REQUIRE(proof.has_value());
    CHECK(proof->result == verdict::proved);
    CHECK(proof->note.find("linear form") != std::string::npos);
  }
}
