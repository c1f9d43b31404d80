#include "core/float_format.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace tc0 {

char const* const float_conventions =
    "floats <m, e> with |m| in [2^(p-1), 2^p) or the single zero <0, e_min> (sign +); bits: "
    "|m|, then u = e - e_min, then the sign; round_p = the nearest valid float, ties to the even "
    "significand (0 wins its tie with the smallest normal), saturating at the largest magnitude "
    "(no infinities), 0 or the smallest normal below it; every op is its exact result rounded "
    "once; x / 0 is the largest magnitude with the sign of x for x != 0, and 0 / 0 = 0 (no NaN); "
    "the exponent range is a parameter (k = 0: the paper's [-2^p, 2^p))";

float_format float_format::paper(unsigned p) {
  if (p < 2 || p > 24) throw std::invalid_argument("float precision p must be in 2..24");
  auto const r = int64_t{1} << p;
  return float_format{p, -r, r - 1};
}

float_format float_format::with_exponent_bits(unsigned p, unsigned k) {
  if (p < 2 || p > 24) throw std::invalid_argument("float precision p must be in 2..24");
  if (k < 1 || k > 30) throw std::invalid_argument("exponent bits must be in 1..30");
  auto const r = int64_t{1} << (k - 1);
  return float_format{p, -r, r - 1};
}

unsigned float_format::exponent_bits() const {
  return width_for(big_int(e_max - e_min));
}

std::string float_format::describe() const {
  return "p=" + std::to_string(p) + ", e in [" + std::to_string(e_min) + ", " +
         std::to_string(e_max) + "]";
}

bool is_valid(float_format const& f, float_value const& v) {
  if (v.magnitude == 0) return !v.negative && v.exponent == f.e_min;
  return v.magnitude >= pow2(f.p - 1) && v.magnitude < pow2(f.p) && v.exponent >= f.e_min &&
         v.exponent <= f.e_max;
}

float_value float_power_of_two(float_format const& f, int64_t e, bool negative) {
  return {negative, pow2(f.p - 1), e - static_cast<int64_t>(f.p - 1)};
}

float_value zero_of(float_format const& f) {
  return float_value{false, 0, f.e_min};
}

std::vector<float_value> valid_floats(float_format const& f) {
  std::vector<float_value> out{zero_of(f)};
  for (int64_t e = f.e_min; e <= f.e_max; ++e)
    for (big_int m = pow2(f.p - 1); m < pow2(f.p); ++m)
      for (bool negative : {false, true}) out.push_back({negative, m, e});
  return out;
}

namespace {

// The next magnitude above |v| (v valid and not zero), nullopt past the largest.
std::optional<float_value> larger_magnitude(float_format const& f, float_value const& v) {
  if (v.magnitude + 1 < pow2(f.p)) return float_value{v.negative, v.magnitude + 1, v.exponent};
  if (v.exponent < f.e_max) return float_value{v.negative, pow2(f.p - 1), v.exponent + 1};
  return std::nullopt;
}

// The next magnitude below |v| (v valid and not zero): the smallest normal's is the zero.
float_value smaller_magnitude(float_format const& f, float_value const& v) {
  if (v.magnitude - 1 >= pow2(f.p - 1)) return {v.negative, v.magnitude - 1, v.exponent};
  if (v.exponent > f.e_min) return {v.negative, pow2(f.p) - 1, v.exponent - 1};
  return zero_of(f);
}

}  // namespace

std::optional<float_value> adjacent_float(float_format const& f, float_value const& v, bool up) {
  if (v.magnitude == 0) return float_value{!up, pow2(f.p - 1), f.e_min};
  if (v.negative == up) return smaller_magnitude(f, v);  // toward 0
  return larger_magnitude(f, v);
}

rational to_rational(float_value const& v) {
  rational r{v.magnitude};
  if (v.exponent >= 0)
    r *= rational{pow2(static_cast<unsigned>(v.exponent))};
  else
    r /= rational{pow2(static_cast<unsigned>(-v.exponent))};
  return v.negative ? -r : r;
}

rational smallest_normal(float_format const& f) {
  return to_rational(float_value{false, pow2(f.p - 1), f.e_min});
}

rational largest_magnitude(float_format const& f) {
  return to_rational(float_value{false, pow2(f.p) - 1, f.e_max});
}

std::string to_string(float_value const& v) {
  return "<" + std::string(v.negative ? "-" : "") + v.magnitude.str() + ", " +
         std::to_string(v.exponent) + ">";
}

big_int pack(float_format const& f, float_value const& v) {
  big_int const u = big_int(v.exponent - f.e_min);
  return v.magnitude + (u << f.p) + (big_int(v.negative ? 1 : 0) << (f.p + f.exponent_bits()));
}

float_value unpack(float_format const& f, big_int const& bits) {
  auto const E = f.exponent_bits();
  float_value v;
  v.magnitude = bits & (pow2(f.p) - 1);
  v.exponent = static_cast<int64_t>((bits >> f.p) & (pow2(E) - 1)) + f.e_min;
  v.negative = ((bits >> (f.p + E)) & 1) != 0;
  return v;
}

rational power_of_two(int64_t k) {
  return k >= 0 ? rational{pow2(static_cast<unsigned>(k))}
                : rational{big_int{1}, pow2(static_cast<unsigned>(-k))};
}

namespace {

// floor(log2 a) for a > 0.
int64_t floor_log2(rational const& a) {
  auto const num = numerator(a), den = denominator(a);
  int64_t k = static_cast<int64_t>(bit_width(num)) - static_cast<int64_t>(bit_width(den));
  // now 2^(k-1) < a < 2^(k+1); settle which side of 2^k
  return a >= power_of_two(k) ? k : k - 1;
}

}  // namespace

float_value round_to_format(float_format const& f, rational const& x) {
  if (x == 0) return zero_of(f);
  rational const a = x < 0 ? rational{-x} : x;
  // Every valid float that can be nearest: 0, the smallest and largest magnitudes, and the two
  // neighbours of a in its binade when that binade is in range.
  std::vector<float_value> candidates{
      zero_of(f), {false, pow2(f.p - 1), f.e_min}, {false, pow2(f.p) - 1, f.e_max}};
  int64_t const e = floor_log2(a) - static_cast<int64_t>(f.p - 1);
  if (e >= f.e_min && e <= f.e_max) {
    rational const scaled = a / power_of_two(e);  // in [2^(p-1), 2^p)
    big_int const lo = numerator(scaled) / denominator(scaled);
    candidates.push_back({false, lo, e});
    if (lo + 1 < pow2(f.p))
      candidates.push_back({false, lo + 1, e});
    else if (e + 1 <= f.e_max)
      candidates.push_back({false, pow2(f.p - 1), e + 1});
  }
  float_value best = candidates[0];
  rational best_distance = a;
  for (auto const& c : candidates) {
    rational d = to_rational(c) - a;
    if (d < 0) d = -d;
    bool const c_even = (c.magnitude & 1) == 0, best_even = (best.magnitude & 1) == 0;
    bool const better =
        d < best_distance ||
        (d == best_distance &&
         ((c_even && !best_even) || (c_even && best_even && c.magnitude < best.magnitude)));
    if (better) best = c, best_distance = d;
  }
  if (best.magnitude != 0) best.negative = x < 0;
  return best;
}

float_value round_to_format(float_format const& f, big_int const& v, big_int const& d,
                            int64_t shift, bool negative) {
  if (v < 0 || d <= 0) throw std::invalid_argument("round_to_format: needs v >= 0 and d > 0");
  if (v == 0) return zero_of(f);
  // v / d * 2^k compared with c * 2^j, exactly: both sides scaled to integers
  auto const compare = [](big_int const& lhs, int64_t lhs_shift, big_int const& rhs,
                          int64_t rhs_shift) {
    int64_t const low = std::min(lhs_shift, rhs_shift);
    big_int const l = lhs << static_cast<unsigned>(lhs_shift - low);
    big_int const r = rhs << static_cast<unsigned>(rhs_shift - low);
    return l < r ? -1 : (l > r ? 1 : 0);
  };
  // floor(log2 (v / d)): 2^(k-1) < v / d < 2^(k+1) for k = width(v) - width(d)
  int64_t k = static_cast<int64_t>(bit_width(v)) - static_cast<int64_t>(bit_width(d));
  if (compare(v, 0, d, k) < 0) --k;
  int64_t const e = k + shift - static_cast<int64_t>(f.p - 1);
  float_value r{negative, 0, 0};
  if (e < f.e_min) {
    // below the smallest normal 2^(p-1+e_min): 0 unless x is past the midpoint (0 wins the tie)
    if (compare(v, shift + 1, d, static_cast<int64_t>(f.p - 1) + f.e_min) <= 0) return zero_of(f);
    r.magnitude = pow2(f.p - 1), r.exponent = f.e_min;
    return r;
  }
  if (e > f.e_max) {  // at or beyond 2^(p + e_max): the largest magnitude is nearest
    r.magnitude = pow2(f.p) - 1, r.exponent = f.e_max;
    return r;
  }
  // x / 2^e = num / den in [2^(p-1), 2^p): the neighbours are lo and lo + 1 (times 2^e)
  int64_t const s = shift - e;
  big_int const num = s >= 0 ? big_int(v << static_cast<unsigned>(s)) : v;
  big_int const den = s >= 0 ? d : big_int(d << static_cast<unsigned>(-s));
  big_int lo = num / den;
  big_int const twice_rem = 2 * (num - lo * den);
  bool const up = twice_rem > den || (twice_rem == den && (lo & 1) != 0);
  r.magnitude = up ? big_int(lo + 1) : lo;
  r.exponent = e;
  if (r.magnitude == pow2(f.p)) {  // the binade wraps: 2^p 2^e = 2^(p-1) 2^(e+1)
    if (e + 1 > f.e_max) {
      r.magnitude = pow2(f.p) - 1;
      return r;
    }
    r.magnitude = pow2(f.p - 1), r.exponent = e + 1;
  }
  return r;
}

}  // namespace tc0
