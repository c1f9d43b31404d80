#include "proofs/lemmas/transformer/rope_rotation.hpp"

#include <stdexcept>

#include "core/enclosure.hpp"

namespace tc0 {

float_value rope_theta(float_format const& f, unsigned k, unsigned d) {
  if (d == 0 || d % 2 != 0 || k >= d / 2)
    throw std::invalid_argument("rope_theta: k must be below d / 2 for an even d");
  // t = 10^(-8k / d) is the one positive root of t^d = 10^(-8k); bisect on rationals until both
  // ends round alike (or an end is t itself, which happens when 8k / d is an integer)
  rational const target = 1 / rational_power(rational(10), 8 * k);
  auto const below = [&](rational const& x) { return rational_power(x, d) <= target; };
  rational lo = 0, hi = 1;  // lo <= t <= hi
  for (int step = 0; step < 4096; ++step) {
    if (rational_power(lo, d) == target) return round_to_format(f, lo);
    if (rational_power(hi, d) == target) return round_to_format(f, hi);
    auto const a = round_to_format(f, lo);
    if (a == round_to_format(f, hi)) return a;
    rational const mid = (lo + hi) / 2;
    (below(mid) ? lo : hi) = mid;
  }
  throw std::logic_error("rope_theta: the bisection did not decide the rounding");
}

std::vector<std::vector<uint32_t>> add_rotation(float_program& p, unsigned d, int64_t delta) {
  if (d == 0 || d % 2 != 0) throw std::invalid_argument("RoPE: d must be even");
  auto const exact = round_to_format(p.format, rational(delta));
  if (to_rational(exact) != rational(delta))
    throw std::invalid_argument("RoPE: j - i = " + std::to_string(delta) + " is not a float at " +
                                p.format.describe() +
                                " (it must be exact: a wider exponent range is needed)");
  auto const zero = p.constant(zero_of(p.format));
  auto const position = p.constant(exact);
  std::vector<std::vector<uint32_t>> r(d, std::vector<uint32_t>(d, zero));
  for (unsigned k = 0; k < d / 2; ++k) {
    auto const phi = p.add(float_op::mul, {position, p.constant(rope_theta(p.format, k, d))});
    auto const c = p.add(float_op::cos, {phi});
    auto const s = p.add(float_op::sin, {phi});
    r[2 * k][2 * k] = c;
    r[2 * k][2 * k + 1] = p.add(float_op::neg, {s});
    r[2 * k + 1][2 * k] = s;
    r[2 * k + 1][2 * k + 1] = c;
  }
  return r;
}

}  // namespace tc0
