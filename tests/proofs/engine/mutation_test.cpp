#include "proofs/engine/mutation.hpp"

#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("a gate replaced in place keeps its index and computes the new definition") {
  circuit c;
  auto const a = c.create_input_bus("a", 3).bits;
  c.begin_stage("s", {bus{"a", a}});
  auto const g = c.create_and({a[0], a[1], a[2]});
  c.end_stage({bus{"g", {g}}});
  c.add_output_bus("g", {g});
  c.replace_gate(g.index(), {a[0], a[1], a[2]}, {1, 1, 1}, 2);  // MAJ3
  CHECK(c.kind(g.index()) == gate_kind::maj);
  uint8_t table = 0;
  for (unsigned x = 0; x < 8; ++x) {
    auto const v = simulate_pattern(c, {bool(x & 1), bool(x & 2), bool(x & 4)});
    table |= uint8_t(v[g.index()]) << x;
  }
  CHECK(table == 0xe8);
  CHECK_THROWS_AS(c.replace_gate(g.index(), {a[0]}, {1}, 2), std::invalid_argument);
  CHECK_THROWS_AS(c.replace_gate(g.index(), {g}, {1}, 1), std::invalid_argument);
}

TEST_CASE("mutations cover every kind the self-check promises") {
  auto const k = find_lemma("int.add").build({{"m", 3}});
  auto const all = enumerate_mutations(k, 1);
  for (auto const* what : {"threshold", "complemented", "dropped", "replaced by", "weight of",
                           "output", "zeroed", "swapped"}) {
    CAPTURE(what);
    CHECK(std::any_of(all.begin(), all.end(), [&](mutation const& m) {
      return m.description.find(what) != std::string::npos;
    }));
  }
}

TEST_SUITE("solver") {
  // The prover proves that it catches wrong constructions: for every lemma at a size small
  // enough for exhaustive simulation to tell wrong mutants from equivalent ones, every wrong
  // mutant fails a staged obligation (no miter, no simulation in the proof).
  TEST_CASE("every wrong mutant of every lemma fails a staged obligation") {
    for (auto const& l : all_lemmas()) {
      CAPTURE(l.name);
      if (!l.self_check_exempt.empty()) {
        CHECK(l.self_check_size.empty());
        MESSAGE(l.name << " is not in the self-check: " << l.self_check_exempt);
        continue;
      }
      REQUIRE_FALSE(l.self_check_size.empty());  // a new lemma joins the self-check
      mutation_params mp;
      mp.max_mutants = 60;
      mp.solver.timeout_ms = 20000;
      mp.jobs = 2;
      auto const r = check_mutants(l, l.self_check_size, mp);
      CAPTURE(r.baseline_detail);
      REQUIRE(r.baseline_proved);
      for (auto const& o : r.outcomes) {
        CAPTURE(o.description);
        CHECK(o.fate != mutant_fate::survived);
      }
      MESSAGE(l.name << ": " << r.outcomes.size() << " mutants of " << r.mutations << ", "
                     << r.count(mutant_fate::killed) << " wrong and caught, "
                     << r.count(mutant_fate::equivalent) << " equivalent");
      CHECK(r.count(mutant_fate::killed) > 0);  // the sample held wrong mutants to catch
    }
  }
}
