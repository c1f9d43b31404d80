#include "core/simulate.hpp"

#include <doctest/doctest.h>

#include <random>

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
