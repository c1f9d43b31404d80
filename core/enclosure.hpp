// Rigorous enclosures of exp, sin, cos and sqrt at a rational point, in exact rationals (never a
// hardware double): the reference an approximating construction is compared with, and the
// decision whether a float is within 2^-p of the true value relative to it.
//
// Each enclosure [lo, hi] contains the true value; a larger `precision` gives a narrower one
// (width about 2^-precision relative to the value for exp and sqrt, absolute for sin and cos),
// so a decision that an enclosure cannot make is retried with more precision.
//   exp:  e^r for r = x / 2^j in [-1/2, 1/2]: sum_(i<=N) r^i / i! <= e^r <= that sum +
//         2 r^(N+1) / (N+1)! for r >= 0 (Taylor with the Lagrange remainder, e^r < 2), the
//         reciprocal for r < 0; then squared j times, rounded outward to dyadic numbers.
//   sin, cos: the Taylor polynomial with the Lagrange remainder |x|^(N+1) / (N+1)! (every
//         derivative is bounded by 1), exact.
//   sqrt: s / 2^j <= sqrt(x) <= (s + 1) / 2^j with s = floor(sqrt(floor(x 4^j))), exact.
#pragma once

#include <functional>
#include <string>

#include "core/float_format.hpp"

namespace tc0 {

struct enclosure {
  rational lo, hi;  // lo <= the true value <= hi
  bool contains(rational const& v) const { return lo <= v && v <= hi; }
};

enclosure exp_enclosure(rational const& x, unsigned precision);
enclosure sin_enclosure(rational const& x, unsigned precision);
enclosure cos_enclosure(rational const& x, unsigned precision);
enclosure sqrt_enclosure(rational const& x, unsigned precision);  // x >= 0
// ln 2 = sum_(k>=1) 1 / (k 2^k); the tail after n terms is below 1 / ((n + 1) 2^n).
enclosure ln2_enclosure(unsigned precision);
// pi = 16 arctan(1/5) - 4 arctan(1/239) (Machin); each arctan(1/n) = sum_k (-1)^k / ((2k+1)
// n^(2k+1)) lies between consecutive partial sums (terms alternate and decrease). Width below
// 2^-precision.
enclosure pi_enclosure(unsigned precision);

// Small exact helpers the error certificates share: x^n, n!, 2^k (any sign of k), and the
// integer nearest to x (halves up).
rational rational_power(rational const& x, unsigned n);
rational factorial(unsigned n);
// round_p(target^(1/q)) for 0 < target <= 1 and q >= 1, exactly: bisection on rationals until
// both ends round alike or one end is the root itself (RoPE's theta_k, the scale 1/sqrt(d)).
float_value round_root(float_format const& f, rational const& target, unsigned q);
big_int nearest_integer(rational const& x);

// q as a decimal with `digits` significant digits, for people reading a report (through a
// double: never used for a decision).
std::string approximate_decimal(rational const& q, int digits);

enum class decision { yes, no, undecided };

// Whether every f in `e` satisfies |r - f| <= 2^-p |f|: yes when all do, no when none does,
// undecided when the enclosure straddles the boundary.
decision within_relative(rational const& r, enclosure const& e, unsigned p);

// The same for the true value f(x), with enclosures `f` of increasing precision (64, 128, ...
// up to max_precision): undecided only if even the narrowest cannot tell.
decision within_relative(rational const& r, std::function<enclosure(unsigned)> const& f, unsigned p,
                         unsigned max_precision = 8192);

// round_p of the true value f(x) when it is decided (every enclosure point rounds alike, with
// increasing precision as above); nullopt if even the narrowest enclosure straddles a point
// where round_p changes.
std::optional<float_value> rounded_true_value(float_format const& fmt,
                                              std::function<enclosure(unsigned)> const& f,
                                              unsigned max_precision = 8192);

}  // namespace tc0
