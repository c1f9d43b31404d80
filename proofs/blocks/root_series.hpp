// The constants of float.sqrt's series (proofs/blocks/float_root.hpp) and their error bound, in
// exact rationals.
//
// For a significand v = m / 2^(p-1) in [1, 2) and b in {0, 1}, sqrt(v 2^b) is expanded around a
// centre c: v = c + sigma Y / 2^(p-1) with Y < 2^(p-2), sigma = +1 on the upper half
// (c = 3/2, Y = the low p - 2 bits of m) and -1 on the lower half (c = (3 2^(p-2) - 1) / 2^(p-1),
// Y = their complement), so that Y is wiring:
//   sqrt(v 2^b) = sum_i kappa_i (Y / 2^(p-1))^i,  kappa_i = sqrt(c 2^b) binom(1/2, i) sigma^i /
//   c^i.
// The circuit sums C_i Y^i 2^((N - i)(p - 1)) with integer C_i ~ |kappa_i| 2^G, and
// A = (P - Q - 1) / 2^SH approximates sqrt(N') = 2^p sqrt(v 2^b), SH = G + N (p - 1) - p.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/float_format.hpp"

namespace tc0 {

struct root_series_plan {
  unsigned p = 0;
  unsigned G = 0;  // fractional bits of the coefficients
  unsigned N = 0;  // the last power
  // coefficient[b][upper][i]: round(kappa_i 2^G), signed (its sign says P or Q)
  std::array<std::array<std::vector<big_int>, 2>, 2> coefficient;
  unsigned shift() const { return G + N * (p - 1) - p; }  // SH
};

// The centre c of the lower (upper = false) or upper half, exactly.
rational root_centre(unsigned p, bool upper);

// G = p + 6 and the smallest N whose error bound is at most 1/2; p >= 2.
root_series_plan plan_root_series(unsigned p);

// An upper bound, in exact rationals from the definitions (enclosures of the square roots,
// binomial coefficients), of |A - sqrt(N')| over every significand, for the plan's
// coefficients: coefficient rounding, the series' tail and the -1 of the subtraction.
rational root_series_error_bound(root_series_plan const& plan);

}  // namespace tc0
