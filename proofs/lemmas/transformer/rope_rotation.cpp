#include "proofs/lemmas/transformer/rope_rotation.hpp"

#include <stdexcept>

#include "core/enclosure.hpp"

namespace tc0 {

float_value rope_theta(float_format const& f, unsigned k, unsigned d) {
  if (d == 0 || d % 2 != 0 || k >= d / 2)
    throw std::invalid_argument("rope_theta: k must be below d / 2 for an even d");
  // 10^(-8k / d): the positive root of t^d = 10^(-8k)
  return round_root(f, 1 / rational_power(rational(10), 8 * k), d);
}

unsigned rope_partner(unsigned c, unsigned d, bool half_split) {
  if (half_split) return c < d / 2 ? c + d / 2 : c - d / 2;
  return c % 2 == 0 ? c + 1 : c - 1;
}

std::vector<std::vector<uint32_t>> add_rotation(float_program& p, unsigned d, int64_t delta,
                                                bool half_split) {
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
    auto const a = half_split ? k : 2 * k, b = rope_partner(a, d, half_split);
    r[a][a] = c;
    r[a][b] = p.add(float_op::neg, {s});
    r[b][a] = s;
    r[b][b] = c;
  }
  return r;
}

}  // namespace tc0
