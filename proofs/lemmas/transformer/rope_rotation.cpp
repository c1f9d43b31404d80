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

unsigned rope_angle_domain(unsigned n) {
  unsigned K = 1;
  while (n > 1 && (uint64_t{1} << K) < n - 1) ++K;
  return K;
}

std::optional<theta_inputs> declare_theta(program_layout& l, parameters const& p) {
  if (param_or(p, "theta", 0) == 0) return std::nullopt;
  theta_inputs angles{{}, rope_angle_domain(param(p, "n"))};
  for (unsigned k = 0; k < param(p, "d") / 2; ++k) {
    angles.theta.push_back(l.input("theta_" + std::to_string(k)));
    l.input_bounds[angles.theta.back()] = 0;  // |theta_k| <= 1
  }
  return angles;
}

std::vector<std::vector<uint32_t>> add_rotation(float_program& p, unsigned d, int64_t delta,
                                                bool half_split, theta_inputs const* inputs) {
  if (inputs && inputs->theta.size() != d / 2)
    throw std::invalid_argument("RoPE: " + std::to_string(inputs->theta.size()) +
                                " theta inputs for d = " + std::to_string(d));
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
    auto const theta = inputs ? inputs->theta[k] : p.constant(rope_theta(p.format, k, d));
    auto const phi = p.add(float_op::mul, {position, theta});
    auto const angle = [&](float_op f) {
      return inputs ? p.add_angle_function(f, phi, inputs->domain) : p.add(f, {phi});
    };
    auto const c = angle(float_op::cos);
    auto const s = angle(float_op::sin);
    auto const a = half_split ? k : 2 * k, b = rope_partner(a, d, half_split);
    r[a][a] = c;
    r[a][b] = p.add(float_op::neg, {s});
    r[b][a] = s;
    r[b][b] = c;
  }
  return r;
}

}  // namespace tc0
