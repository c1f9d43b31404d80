#include "core/simulate.hpp"

#include <doctest/doctest.h>

#include <random>

#include "tests/core/random_circuit.hpp"

using namespace tc0;

TEST_CASE("64-pattern simulation agrees with single-pattern simulation on random circuits") {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    std::mt19937_64 rng{seed};
    circuit c;
    auto const& x = c.create_input_bus("x", 8);
    std::vector<signal> pool = x.bits;
    for (int g = 0; g < 60; ++g) {
      std::vector<signal> in;
      std::vector<big_int> w;
      auto const k = 1 + rng() % 6;
      for (unsigned i = 0; i < k; ++i) {
        in.push_back(pool[rng() % pool.size()] ^ (rng() & 1));
        w.push_back(big_int(static_cast<int>(rng() % 9) - 4) *
                    (rng() % 4 == 0 ? pow2(70) : big_int(1)));
      }
      pool.push_back(c.create_threshold(in, w, big_int(static_cast<int>(rng() % 7) - 2)));
    }
    simulator sim{c};
    std::vector<uint64_t> words(8);
    for (auto& w : words) w = rng();
    auto const wide = sim.run<uint64_t>(words);
    for (unsigned lane = 0; lane < 64; ++lane) {
      std::vector<bool> bits;
      for (auto w : words) bits.push_back((w >> lane) & 1u);
      auto const narrow = sim.run<bool>(bits);
      for (uint32_t n = 0; n < c.num_nodes(); ++n)
        REQUIRE(narrow[n] == (((wide[n] >> lane) & 1u) != 0));
    }
  }
}

TEST_CASE("a threshold gate with weights beyond 64 bits simulates exactly") {
  circuit c;
  auto const& x = c.create_input_bus("x", 2);
  // [2^100 a + b >= 2^100 + 1] = a and b
  auto const g = c.create_threshold(x.bits, {pow2(100), 1}, pow2(100) + 1);
  simulator sim{c};
  for (unsigned k = 0; k < 4; ++k) {
    auto const v = sim.run<bool>({(k & 1u) != 0, (k & 2u) != 0});
    CHECK(simulator::value(v, g) == (k == 3));
  }
}

TEST_CASE("memoised runs: nodes that read only held inputs keep their values, and stay exact") {
  uint64_t reusable_total = 0;  // the memo must actually be exercised
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    auto const c = testing::random_circuit(seed, 60);
    simulator sim{c};
    std::mt19937_64 rng{seed};
    using V = lane_words<8>;
    // inputs 0..3 held (the same in every lane of a run, changed every third run), 4..8 free
    simulation_cache<V> cache{{0, 1, 2, 3}, {}, {}, {}};
    std::vector<V> in(c.input_nodes().size());
    uint64_t const reusable_gates = [&] {
      std::vector<V> probe(in.size());
      simulation_cache<V> count{{0, 1, 2, 3}, {}, {}, {}};
      sim.run_cached(probe, count);
      uint64_t n = 0;
      for (uint32_t node = 0; node < c.num_nodes(); ++node)
        n += count.reusable[node] && gate_kind_table[static_cast<size_t>(c.kind(node))].is_gate;
      return n;
    }();
    reusable_total += reusable_gates;
    uint64_t held = rng();
    for (int run = 0; run < 9; ++run) {
      if (run % 3 == 0) held = rng();
      for (size_t i = 0; i < in.size(); ++i)
        for (auto& w : in[i].w) w = i < 4 ? (((held >> i) & 1u) ? ~uint64_t{0} : 0) : rng();
      simulation_stats memo_stats, plain_stats;
      auto const memo = sim.run_cached(in, cache, &memo_stats);
      auto const plain = sim.run(in, &plain_stats);
      for (uint32_t n = 0; n < c.num_nodes(); ++n) REQUIRE(memo[n].w == plain[n].w);
      // a run whose held inputs did not change evaluates fewer gates, by the reusable ones
      if (run % 3 != 0)
        CHECK(plain_stats.gate_evaluations - memo_stats.gate_evaluations ==
              reusable_gates * sim_value<V>::lanes);
    }
  }
  CHECK(reusable_total > 0);
}
