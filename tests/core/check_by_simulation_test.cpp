#include "core/check_by_simulation.hpp"

#include <doctest/doctest.h>

using namespace tc0;

namespace {

// out = x + 1 (mod 2^width), wrong exactly when x is one of `wrong` (the output's low bit
// flips).
struct incrementer {
  circuit c;
  linear_spec spec;
  explicit incrementer(std::vector<unsigned> const& wrong, unsigned width = 12) {
    bus const x = c.create_input_bus("x", width);
    std::vector<signal> out;
    signal carry = const_true;
    for (auto b : x.bits) {
      out.push_back(c.create_xor(b, carry));
      carry = c.create_and({b, carry});
    }
    for (unsigned w : wrong) {
      std::vector<signal> match;
      for (unsigned i = 0; i < width; ++i) match.push_back(x.bits[i] ^ (((w >> i) & 1u) == 0));
      out[0] = c.create_xor(out[0], c.create_and(match));
    }
    c.add_output_bus("y", out);
    spec.equals("y", out, linear_expr::value_of(x.bits).add_constant(1), true);
  }
};

unsigned value_of(std::vector<bool> const& bits) {
  unsigned v = 0;
  for (size_t i = 0; i < bits.size(); ++i) v |= (bits[i] ? 1u : 0u) << i;
  return v;
}

}  // namespace

TEST_CASE("exhaustive simulation on several threads reports the first failure in order") {
  // 2^16 patterns: 128 blocks of 512, enough for every thread count below to be used
  incrementer const good({}, 16);
  for (unsigned threads : {1u, 2u, 3u}) {
    simulation_check_params p;
    p.threads = threads;
    simulation_check_stats stats;
    CHECK_FALSE(check_exhaustive(good.c, good.spec, p, &stats));
    CHECK(stats.patterns_checked == 65536);
  }
  incrementer const bad({60000, 1234, 40000}, 16);
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    simulation_check_params p;
    p.threads = threads;
    auto const f = check_exhaustive(bad.c, bad.spec, p);
    REQUIRE(f.has_value());
    CHECK(value_of(f->inputs) == 1234);
  }
}

TEST_CASE("exhaustive simulation over domains covers their values and nothing else") {
  incrementer const bad({1234});  // 1234 = 0x4d2: low nibble 2
  simulation_check_params p;
  using p_t = simulation_check_params::input_domain;
  std::vector<std::vector<uint32_t>> without_two;
  for (uint64_t v = 0; v < 16; ++v)
    if (v != 2) without_two.push_back(p_t::ones_of(v));
  p.domains = {{{0, 1, 2, 3}, without_two}};
  simulation_check_stats stats;
  CHECK_FALSE(check_exhaustive(bad.c, bad.spec, p, &stats));
  CHECK(stats.patterns_checked == 15 * 256);
  p.domains[0].values.push_back(p_t::ones_of(2));
  auto const f = check_exhaustive(bad.c, bad.spec, p, &stats);
  REQUIRE(f.has_value());
  CHECK(value_of(f->inputs) == 1234);
  // positions 8..11 hold 4 (1234 >> 8), the rest free: found as well
  p.domains = {{{8, 9, 10, 11}, {p_t::ones_of(4), p_t::ones_of(7)}}};
  auto const g = check_exhaustive(bad.c, bad.spec, p, &stats);
  REQUIRE(g.has_value());
  CHECK(value_of(g->inputs) == 1234);
  // bad domains are errors, not silently smaller checks
  p.domains = {{{0, 1}, {p_t::ones_of(4)}}};
  CHECK_THROWS_AS(check_exhaustive(bad.c, bad.spec, p), std::invalid_argument);
  p.domains = {{{0, 1}, {p_t::ones_of(1)}}};
  p.at_most_one = {{1, 2}};
  CHECK_THROWS_AS(check_exhaustive(bad.c, bad.spec, p), std::invalid_argument);
  p.at_most_one.clear();
  p.domains = {{{0, 1}, {}}};
  CHECK_THROWS_AS(check_exhaustive(bad.c, bad.spec, p), std::invalid_argument);
}
