#include "proofs/lemmas/transformer/softmax_rows.hpp"

#include <random>

#include "core/enclosure.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/lemmas/transformer/composite.hpp"

namespace tc0 {

structural_claim softmax_rows_claim(unsigned trials) {
  auto check = [trials](construction const& k, parameters const& p) -> structural_claim::outcome {
    auto const n = param(p, "n"), d = param(p, "d");
    auto const f = format_of(p);
    auto const one = float_power_of_two(f, 0), zero = zero_of(f);
    // moderate entries (0 and 1/4 <= |x| <= 2, where the format has them), so that scores mix
    // rather than one exp dominating each row
    std::vector<float_value> floats;
    for (auto const& x : valid_floats(f)) {
      rational const a = abs(to_rational(x));
      if (a == 0 || (a >= rational(1, 4) && a <= 2)) floats.push_back(x);
    }
    std::mt19937_64 rng{1};
    std::uniform_int_distribution<size_t> pick{0, floats.size() - 1};
    rational const tolerance =
        rational(n) * rational(2, pow2(f.p)) + rational(n) * smallest_normal(f) / 2;
    std::vector<std::string> outputs;
    for (unsigned i = 0; i < n; ++i)
      for (unsigned c = 0; c < n; ++c) outputs.push_back(matrix_entry("Y", i, c));
    rational worst = 0;
    for (unsigned t = 0; t < trials; ++t) {
      std::map<std::string, float_value> in;
      for (unsigned j = 0; j < n; ++j)
        for (unsigned c = 0; c < d; ++c)
          in[matrix_entry("X", j, c)] = c < n ? (j == c ? one : zero) : floats[pick(rng)];
      for (unsigned r = 0; r < d; ++r)
        for (unsigned c = 0; c < d; ++c) {
          in[matrix_entry("WQ", r, c)] = floats[pick(rng)];
          in[matrix_entry("WK", r, c)] = floats[pick(rng)];
          in[matrix_entry("WV", r, c)] = r == c && c < n ? one : zero;
        }
      auto const y = simulate_floats(k.c, f, in, outputs);
      for (unsigned i = 0; i < n; ++i) {
        rational sum = 0;
        std::string row;
        for (unsigned c = 0; c < n; ++c) {
          auto const v = to_rational(y.at(matrix_entry("Y", i, c)));
          sum += v;
          row += (c ? ", " : "") + approximate_decimal(v, 4);
        }
        rational const deviation = abs(sum - 1);
        if (deviation > worst) worst = deviation;
        if (deviation > tolerance)
          return {false, "random input " + std::to_string(t + 1) + " (seed 1): row " +
                             std::to_string(i) + " of D^-1 A is (" + row + "), summing to " +
                             approximate_decimal(sum, 4) + ", off 1 by more than n 2^(1-p) + " +
                             "n s/2 = " + approximate_decimal(tolerance, 4) + " (simulated)"};
      }
    }
    return {true, "evidence, not a claim of the paper: on " + std::to_string(trials) +
                      " random inputs (seed 1; entries 0 or 1/4 <= |x| <= 2; W_V and X's first n "
                      "columns chosen so that Y is D^-1 A), every row of D^-1 A sums to 1 within n "
                      "2^(1-p) + n s/2 = " +
                      approximate_decimal(tolerance, 4) + "; the largest deviation was " +
                      approximate_decimal(worst, 4) + " (simulated)"};
  };
  auto applies = [](parameters const& p) {
    auto const f = format_of(p);
    return param_or(p, "maxsub", 0) == 1 && param(p, "d") >= param(p, "n") &&
           is_valid(f, float_power_of_two(f, 0)) && largest_magnitude(f) >= param(p, "n");
  };
  return {"softmax_rows", check, applies};
}

}  // namespace tc0
