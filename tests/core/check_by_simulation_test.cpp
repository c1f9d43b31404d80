#include "core/check_by_simulation.hpp"

#include <doctest/doctest.h>

using namespace tc0;

namespace {

// out = x + 1 (mod 2^12), wrong exactly when x is one of `wrong` (the output's low bit flips).
struct incrementer {
  circuit c;
  linear_spec spec;
  explicit incrementer(std::vector<unsigned> const& wrong) {
    bus const x = c.create_input_bus("x", 12);
    std::vector<signal> out;
    signal carry = const_true;
    for (auto b : x.bits) {
      out.push_back(c.create_xor(b, carry));
      carry = c.create_and({b, carry});
    }
    for (unsigned w : wrong) {
      std::vector<signal> match;
      for (unsigned i = 0; i < 12; ++i) match.push_back(x.bits[i] ^ (((w >> i) & 1u) == 0));
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
  incrementer const good({});
  for (unsigned threads : {1u, 2u, 3u}) {
    simulation_check_params p;
    p.threads = threads;
    simulation_check_stats stats;
    CHECK_FALSE(check_exhaustive(good.c, good.spec, p, &stats));
    CHECK(stats.patterns_checked == 4096);
  }
  incrementer const bad({3000, 1234, 4000});
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    simulation_check_params p;
    p.threads = threads;
    auto const f = check_exhaustive(bad.c, bad.spec, p);
    REQUIRE(f.has_value());
    CHECK(value_of(f->inputs) == 1234);
  }
}
