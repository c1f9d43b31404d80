// Solver-heavy tests of the iterated-addition lemma live in the "solver" suite.
#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "core/extract.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/engine/structure.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("iterated addition agrees with the Boost twin on every input at small sizes") {
  auto const& l = find_lemma("int.iterated_add");
  for (unsigned n = 1; n <= 5; ++n)
    for (unsigned m = 1; m <= 4; ++m) {
      if (n * m > 16) continue;
      CAPTURE(n);
      CAPTURE(m);
      parameters p{{"n", n}, {"m", m}};
      auto const k = l.build(p);
      CHECK_FALSE(check_exhaustive(k.c, l.specification(k.c, p)).has_value());
      CHECK_FALSE(structural_violation(k).has_value());
    }
}

TEST_SUITE("solver") {
  TEST_CASE("iterated addition: every obligation is proved across a sweep of n") {
    auto const& l = find_lemma("int.iterated_add");
    std::vector<size_record> sizes;
    for (unsigned n : {2u, 3u, 8u, 16u, 32u}) {
      CAPTURE(n);
      auto const r = check_construction(l, {{"n", n}, {"m", 4}}, {});
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
      }
      sizes.push_back(r.size);
      CHECK(r.size.metrics.depth == 8);
    }
    for (auto const& o : check_sweep(l, "n", sizes)) {
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
    }
  }

  TEST_CASE("the staged proof and the monolithic miter agree at a small size") {
    auto const& l = find_lemma("int.iterated_add");
    check_params cp;
    cp.monolithic = true;
    auto const r = check_construction(l, {{"n", 4}, {"m", 3}}, cp);
    bool saw_monolithic = false;
    for (auto const& o : r.obligations) {
      CHECK(o.result == verdict::proved);
      saw_monolithic |= o.how == method::smt_flat;
    }
    CHECK(saw_monolithic);
  }

  TEST_CASE("a broken gate inside a stage is refuted, names the stage, and replays") {
    auto const& l = find_lemma("int.iterated_add");
    parameters const p{{"n", 6}, {"m", 3}};
    auto k = l.build(p);
    // Rebuild the column_counts stage with one threshold moved by one: extract it, break the
    // copy, and prove the copy against the stage spec.
    auto x = extract_stage(k.c, 1);
    auto const spec = remap(k.stage_specs[0], x.node_map);
    circuit broken;
    std::vector<signal> map(x.c.num_nodes());
    for (auto const& b : x.c.input_buses()) {
      auto const& nb = broken.create_input_bus(b.name, static_cast<unsigned>(b.bits.size()));
      for (size_t i = 0; i < b.bits.size(); ++i) map[b.bits[i].index()] = nb.bits[i];
    }
    bool altered = false;
    for (uint32_t n = 0; n < x.c.num_nodes(); ++n) {
      if (!info(x.c.kind(n)).is_gate) continue;
      std::vector<signal> in;
      std::vector<big_int> w;
      for (uint32_t i = 0; i < x.c.fanins(n).size(); ++i) {
        auto const s = x.c.fanins(n)[i];
        in.push_back(map[s.index()] ^ s.complemented());
        w.push_back(x.c.weight(n, i));
      }
      auto t = x.c.threshold(n);
      if (!altered && in.size() == 6)
        t += 1, altered = true;  // the first thermometer gate of a column
      map[n] = broken.create_threshold(in, w, t);
    }
    REQUIRE(altered);
    node_mapping moved_to{1, static_cast<uint32_t>(map.size())};
    moved_to.set(0, const_false);
    for (uint32_t n = 1; n < map.size(); ++n) moved_to.set(n, map[n]);
    auto const moved = remap(spec, moved_to);
    auto const r = prove_circuit(broken, moved, {});
    REQUIRE(r.result == verdict::refuted);
    auto const values = simulate_pattern(broken, *r.inputs);
    CHECK(first_failing_clause(moved, values).has_value());
  }

  TEST_CASE("a query that hits its timeout is unknown, never proved") {
    auto const& l = find_lemma("int.iterated_add");
    parameters const p{{"n", 16}, {"m", 8}};
    auto const k = l.build(p);
    auto const r = prove_circuit(k.c, l.specification(k.c, p), {.timeout_ms = 1, .smt2_path = {}});
    CHECK(r.result == verdict::unknown);
    CHECK(r.note.find("solver") == 0);
  }

  TEST_CASE("a limit that runs out before the solver starts still stops it") {
    // A limit spent at once, ten times over: each query must come back unknown (without its
    // interrupts, this miter runs for many minutes). The rare overrun under heavy load that the
    // watchdog's repeated interrupts are for (encodings/prove.cpp) has not been reproduced here.
    auto const& l = find_lemma("int.iterated_add");
    parameters const p{{"n", 16}, {"m", 8}};
    auto const k = l.build(p);
    auto const spec = l.specification(k.c, p);
    for (int i = 0; i < 10; ++i) {
      auto const r = prove_circuit(k.c, spec, {.timeout_ms = 0, .smt2_path = {}});
      CHECK(r.result == verdict::unknown);
    }
  }
}
