#include "core/enclosure.hpp"

#include <sstream>
#include <stdexcept>

namespace tc0 {
namespace {

using boost::multiprecision::denominator;
using boost::multiprecision::numerator;

// floor(log2 |q|) for q != 0
int64_t floor_log2(rational const& q) {
  big_int const n = abs(numerator(q)), d = denominator(q);
  int64_t e = static_cast<int64_t>(bit_width(n)) - static_cast<int64_t>(bit_width(d));
  // n / d in [2^(e-1), 2^(e+1)): fix e so that 2^e <= n / d < 2^(e+1)
  auto const ge = [&](int64_t k) {  // n / d >= 2^k
    return k >= 0 ? n >= (d << static_cast<unsigned>(k)) : (n << static_cast<unsigned>(-k)) >= d;
  };
  while (!ge(e)) --e;
  while (ge(e + 1)) ++e;
  return e;
}

rational scaled(rational const& q, int64_t k) {  // q 2^k
  return k >= 0 ? q * rational(pow2(static_cast<unsigned>(k)))
                : q / rational(pow2(static_cast<unsigned>(-k)));
}

// q rounded down (up) to a dyadic number with `bits` significant bits
rational round_dyadic(rational const& q, unsigned bits, bool up) {
  if (q == 0) return q;
  int64_t const shift = static_cast<int64_t>(bits) - 1 - floor_log2(q);
  rational const s = scaled(q, shift);
  big_int fl = numerator(s) / denominator(s);    // truncates toward zero
  if (fl * denominator(s) > numerator(s)) --fl;  // floor for negatives
  big_int const v = (up && rational(fl) != s) ? fl + 1 : fl;
  return scaled(rational(v), -shift);
}

// sum over i = first, first + 2, ... <= N of (-1)^((i - first) / 2) x^i / i!: the Taylor
// polynomials of sin (first = 1) and cos (first = 0)
rational alternating_taylor(rational const& x, unsigned N, unsigned first) {
  rational sum = 0, power = 1;
  for (unsigned i = 0; i <= N; ++i) {
    if (i >= first && (i - first) % 2 == 0)
      sum += (((i - first) / 2) % 2 == 1 ? -power : power) / factorial(i);
    power *= x;
  }
  return sum;
}

// e^r for |r| <= 1/2, r >= 0, with remainder below 2^-precision
enclosure exp_small(rational const& r, unsigned precision) {
  rational term = 1, sum = 0;
  unsigned i = 0;
  rational const tolerance = scaled(rational(1), -static_cast<int64_t>(precision));
  for (;; ++i) {
    sum += term;
    rational const next = term * r / (i + 1);  // r^(i+1) / (i+1)!
    if (2 * next <= tolerance) return {sum, sum + 2 * next};
    term = next;
  }
}

}  // namespace

enclosure exp_enclosure(rational const& x, unsigned precision) {
  if (x == 0) return {1, 1};
  // r = x / 2^j with |r| <= 1/2
  unsigned j = 0;
  rational r = x;
  while (abs(r) > rational(1, 2)) r /= 2, ++j;
  unsigned const bits = precision + j + 8;
  enclosure e = exp_small(abs(r), bits);
  if (r < 0) e = {1 / e.hi, 1 / e.lo};
  e = {round_dyadic(e.lo, bits, false), round_dyadic(e.hi, bits, true)};
  for (unsigned i = 0; i < j; ++i)
    e = {round_dyadic(e.lo * e.lo, bits, false), round_dyadic(e.hi * e.hi, bits, true)};
  return e;
}

namespace {

// the Taylor polynomial of sin (first = 1) or cos (first = 0) with its Lagrange remainder
enclosure trig_enclosure(rational const& x, unsigned precision, unsigned first) {
  rational const tolerance = scaled(rational(1), -static_cast<int64_t>(precision));
  rational const ax = abs(x);
  // the smallest N with |x|^(N+1) / (N+1)! <= tolerance
  unsigned N = 0;
  rational remainder = ax;  // |x|^(N+1) / (N+1)!
  while (remainder > tolerance) ++N, remainder = remainder * ax / (N + 1);
  rational const t = alternating_taylor(x, N, first);
  return {t - remainder, t + remainder};
}

}  // namespace

namespace {

// sin (first = 1) or cos (first = 0) of x: directly for |x| <= 2; otherwise x = k pi/2 + r with
// |r| <= 1 (about), r enclosed through an enclosure of pi, the Taylor enclosure at r's midpoint
// widened by r's half-width (both functions are 1-Lipschitz), and the quadrant's identity.
enclosure reduced_trig(rational const& x, unsigned precision, unsigned first) {
  if (abs(x) <= 2) return trig_enclosure(x, precision, first);
  unsigned const magnitude_bits = static_cast<unsigned>(floor_log2(abs(x))) + 1;
  auto const pi = pi_enclosure(precision + 2 * magnitude_bits + 8);
  rational const half_pi = (pi.lo + pi.hi) / 4;
  rational const units = x / half_pi;
  big_int k = numerator(units) / denominator(units);  // toward zero; |r| stays below pi/2 + 1
  rational const kq(k);
  // r = x - k pi/2 lies between these two
  rational const a = x - kq * pi.lo / 2, b = x - kq * pi.hi / 2;
  rational const mid = (a + b) / 2, half_width = abs(a - b) / 2;
  int const quadrant = static_cast<int>(((k % 4) + 4) % 4);
  // sin(k pi/2 + r): sin r, cos r, -sin r, -cos r; cos(k pi/2 + r): cos r, -sin r, -cos r, sin r
  int const shift = first == 1 ? quadrant : quadrant + 1;
  unsigned const base = shift % 2 == 0 ? 1 : 0;  // sin r (1) or cos r (0)
  bool const negate = (first == 1 ? quadrant >= 2 : (quadrant == 1 || quadrant == 2));
  auto e = mid == 0 ? enclosure{base == 1 ? rational(0) : rational(1),
                                base == 1 ? rational(0) : rational(1)}
                    : trig_enclosure(mid, precision + 2, base);
  e = {e.lo - half_width, e.hi + half_width};
  return negate ? enclosure{-e.hi, -e.lo} : e;
}

}  // namespace

enclosure sin_enclosure(rational const& x, unsigned precision) {
  if (x == 0) return {0, 0};
  return reduced_trig(x, precision, 1);
}

enclosure cos_enclosure(rational const& x, unsigned precision) {
  if (x == 0) return {1, 1};
  return reduced_trig(x, precision, 0);
}

enclosure sqrt_enclosure(rational const& x, unsigned precision) {
  if (x < 0) throw std::invalid_argument("sqrt_enclosure: negative argument");
  if (x == 0) return {0, 0};
  // j with x 4^j >= 4^(precision + 1): then s >= 2^(precision + 1), relative width <= 2^-precision
  int64_t const lg = floor_log2(x);
  int64_t j = static_cast<int64_t>(precision) + 2 - lg / 2;
  if (j < 0) j = 0;
  rational const scaled_x = scaled(x, 2 * j);
  big_int const fl = numerator(scaled_x) / denominator(scaled_x);
  big_int const s = boost::multiprecision::sqrt(fl);
  rational const lo = scaled(rational(s), -j);
  // exact when x 4^j is the integer s^2
  if (rational(fl) == scaled_x && s * s == fl) return {lo, lo};
  return {lo, scaled(rational(s + 1), -j)};
}

enclosure ln2_enclosure(unsigned precision) {
  rational sum = 0;
  for (unsigned k = 1; k <= precision + 1; ++k) sum += rational(1) / (k * rational(pow2(k)));
  unsigned const n = precision + 1;
  return {sum, sum + rational(1) / ((n + 1) * rational(pow2(n)))};
}

namespace {

// arctan(1/n) between two consecutive partial sums whose difference is below `tolerance`
enclosure arctan_reciprocal(unsigned n, rational const& tolerance) {
  rational sum = 0, power = rational(1) / n;  // 1 / n^(2k+1)
  for (unsigned k = 0;; ++k) {
    rational const term = power / (2 * k + 1);
    rational const next = sum + (k % 2 == 0 ? term : -term);
    if (term <= tolerance) return {std::min(sum, next), std::max(sum, next)};
    sum = next;
    power /= n * n;
  }
}

}  // namespace

enclosure pi_enclosure(unsigned precision) {
  rational const tolerance = scaled(rational(1), -static_cast<int64_t>(precision) - 5);
  auto const a = arctan_reciprocal(5, tolerance), b = arctan_reciprocal(239, tolerance);
  return {16 * a.lo - 4 * b.hi, 16 * a.hi - 4 * b.lo};
}

std::string approximate_decimal(rational const& q, int digits) {
  std::ostringstream out;
  out.precision(digits);
  out << q.convert_to<double>();
  return out.str();
}

rational factorial(unsigned n) {
  big_int f = 1;
  for (unsigned i = 2; i <= n; ++i) f *= i;
  return rational(f);
}

float_value round_root(float_format const& f, rational const& target, unsigned q) {
  if (q == 0 || target <= 0 || target > 1)
    throw std::invalid_argument("round_root: the target must lie in (0, 1] and q be positive");
  rational lo = 0, hi = 1;  // lo <= t <= hi, t the positive root of t^q = target
  for (int step = 0; step < 4096; ++step) {
    if (rational_power(lo, q) == target) return round_to_format(f, lo);
    if (rational_power(hi, q) == target) return round_to_format(f, hi);
    auto const a = round_to_format(f, lo);
    if (a == round_to_format(f, hi)) return a;
    rational const mid = (lo + hi) / 2;
    (rational_power(mid, q) <= target ? lo : hi) = mid;
  }
  throw std::logic_error("round_root: the bisection did not decide the rounding");
}

rational rational_power(rational const& x, unsigned n) {
  rational r = 1;
  for (unsigned i = 0; i < n; ++i) r *= x;
  return r;
}

big_int nearest_integer(rational const& x) {
  rational const shifted = x + rational(1, 2);
  big_int q = numerator(shifted) / denominator(shifted);
  if (rational(q) > shifted) --q;  // floor for negative values
  return q;
}

decision within_relative(rational const& r, enclosure const& e, unsigned p) {
  if (r == 0) {
    if (e.lo == 0 && e.hi == 0) return decision::yes;
    return e.contains(0) ? decision::undecided : decision::no;
  }
  rational const eps = scaled(rational(1), -static_cast<int64_t>(p));
  // the f with |r - f| <= eps |f| form the interval [r / (1 + eps), r / (1 - eps)] (r > 0), or
  // its mirror image (r < 0)
  rational good_lo = r / (1 + eps), good_hi = r / (1 - eps);
  if (r < 0) std::swap(good_lo, good_hi);
  if (good_lo <= e.lo && e.hi <= good_hi) return decision::yes;
  if (e.hi < good_lo || e.lo > good_hi) return decision::no;
  return decision::undecided;
}

decision within_relative(rational const& r, std::function<enclosure(unsigned)> const& f, unsigned p,
                         unsigned max_precision) {
  for (unsigned precision = 64; precision <= max_precision; precision *= 2) {
    auto const d = within_relative(r, f(precision), p);
    if (d != decision::undecided) return d;
  }
  return decision::undecided;
}

std::optional<float_value> rounded_true_value(float_format const& fmt,
                                              std::function<enclosure(unsigned)> const& f,
                                              unsigned max_precision) {
  for (unsigned precision = 64; precision <= max_precision; precision *= 2) {
    auto const e = f(precision);
    auto const lo = round_to_format(fmt, e.lo), hi = round_to_format(fmt, e.hi);
    if (lo == hi) return lo;
  }
  return std::nullopt;
}

}  // namespace tc0
