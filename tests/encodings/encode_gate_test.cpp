#include "encodings/encode_gate.hpp"

#include <doctest/doctest.h>

using namespace tc0;

// The threshold encoding (bit-vector sum and unsigned comparison) must agree with Z3's own
// pseudo-Boolean constraint for every small weight vector and threshold.
TEST_CASE("encode_threshold agrees with Z3's pbge over all small weight vectors") {
  z3::context ctx;
  std::vector<z3::expr> x;
  z3::expr_vector xv{ctx};
  for (int i = 0; i < 3; ++i) {
    x.push_back(ctx.bool_const(("x" + std::to_string(i)).c_str()));
    xv.push_back(x.back());
  }
  unsigned checked = 0;
  for (unsigned k = 1; k <= 3; ++k)
    for (int w0 = 1; w0 <= 4; ++w0)
      for (int w1 = 1; w1 <= (k > 1 ? 4 : 1); ++w1)
        for (int w2 = 1; w2 <= (k > 2 ? 4 : 1); ++w2)
          for (int t = 0; t <= w0 + w1 + w2 + 1; ++t) {
            int const w[3] = {w0, w1, w2};
            std::vector<z3::expr> in(x.begin(), x.begin() + k);
            std::vector<big_int> weights(w, w + k);
            z3::expr_vector pv{ctx};
            for (unsigned i = 0; i < k; ++i) pv.push_back(x[i]);
            auto const ours = encode_threshold(ctx, in, weights, t);
            auto const theirs = z3::pbge(pv, w, t);
            z3::solver s{ctx};
            s.add(ours != theirs);
            CAPTURE(k);
            CAPTURE(w0);
            CAPTURE(w1);
            CAPTURE(w2);
            CAPTURE(t);
            REQUIRE(s.check() == z3::unsat);
            ++checked;
          }
  CHECK(checked > 300);
}

TEST_CASE("encode_weighted_sum never wraps") {
  z3::context ctx;
  auto const a = ctx.bool_const("a"), b = ctx.bool_const("b");
  auto [sum, width] = encode_weighted_sum(ctx, {{a, pow2(70)}, {b, pow2(70)}});
  CHECK(width == 72);
  z3::solver s{ctx};
  s.add(a && b && sum != encode_bv_constant(ctx, pow2(71), width));
  CHECK(s.check() == z3::unsat);
}
