// The comparator against a constant: [value(bits) >= t] on every input and every constant around
// the range, in depth at most 2 with unit weights (the exponent comparisons of the rounding and
// approximation blocks, whose widths grow with p at the paper's range).
#include "proofs/blocks/comparator.hpp"

#include <doctest/doctest.h>

#include "core/metrics.hpp"
#include "core/simulate.hpp"

using namespace tc0;

TEST_CASE("[value(bits) >= t] for a constant t: exact on every input, depth 2, unit weights") {
  unsigned const w = 5;
  for (int t = -2; t <= 34; ++t) {
    CAPTURE(t);
    circuit c;
    auto const x = c.create_input_bus("x", w);
    auto const ge = create_at_least_constant(c, x.bits, t);
    c.add_output_bus("ge", {ge});
    auto const m = measure(c);
    CHECK(m.depth <= 2);
    CHECK(m.max_weight_bits <= 1);
    simulator const sim{c};
    for (unsigned v = 0; v < (1u << w); ++v) {
      std::vector<bool> in(w);
      for (unsigned b = 0; b < w; ++b) in[b] = (v >> b) & 1;
      auto const values = sim.run<bool>(in);
      CHECK(simulator::value(values, ge) == (static_cast<int>(v) >= t));
    }
  }
}
