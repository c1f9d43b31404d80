#include "proofs/blocks/round_to_format.hpp"

#include <stdexcept>

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/leading_one.hpp"

namespace tc0 {
namespace {

// [value(bits) >= t]: unit weights (the widths here are exponent widths, p + 1 bits and more at
// the paper's range, so weights 2^i would be exponential in p)
signal at_least(circuit& c, std::vector<signal> const& bits, big_int const& t) {
  return create_at_least_constant(c, bits, t);
}

}  // namespace

std::vector<signal> create_round_to_format(circuit& c, float_format const& f,
                                           std::vector<signal> const& N,
                                           std::vector<signal> const& Z, signal s, int64_t offset) {
  auto const p = f.p, E = f.exponent_bits();
  auto const w = static_cast<unsigned>(N.size());
  if (w < p + 2) throw std::invalid_argument("round_to_format: N needs at least p + 2 bits");

  // 1. leading one, 2. normalise: Nn = N shifted so its leading one is at the top
  auto const leading = create_leading_one(c, N);
  auto const& nonzero = leading.nonzero;
  auto const& jb = leading.position;
  auto const& Nn = leading.shifted;
  auto const power_of_two = c.create_threshold(N, std::vector<big_int>(w, -1), -1);

  // 3. significand, rounded to nearest even
  std::vector<signal> kept(Nn.begin() + (w - p), Nn.end());
  auto const guard = Nn[w - p - 1];
  auto const sticky = c.create_or(std::vector<signal>(Nn.begin(), Nn.begin() + (w - p - 1)));
  auto const inc = c.create_and({guard, c.create_or({sticky, kept[0]})});
  std::vector<signal> magnitude(p);
  std::vector<signal> prefix{inc};
  for (unsigned l = 0; l < p; ++l) {
    magnitude[l] = c.create_xor(kept[l], prefix.back());
    std::vector<signal> all{inc};
    all.insert(all.end(), kept.begin(), kept.begin() + l + 1);
    prefix.push_back(c.create_and(std::move(all)));
  }
  auto const carry = prefix.back();  // R = 2^p: the magnitude becomes 2^(p-1), u one more
  magnitude[p - 1] = c.create_or({magnitude[p - 1], carry});

  // 4. exponent
  int64_t const cexp = offset - static_cast<int64_t>(p - 1) - f.e_min;
  big_int K = big_int(std::max<int64_t>(0, -cexp) + 2);
  K = ((K + pow2(E) - 1) / pow2(E)) * pow2(E);
  big_int const C = cexp + K;
  big_int const u_max = f.e_max - f.e_min;
  unsigned const UW = width_for((pow2(static_cast<unsigned>(Z.size())) - 1) + (w - 1) + C + 1);
  auto const U0 = create_carry_lookahead_sum(c, Z, constant_bits(C, UW), UW);
  auto const U = create_carry_lookahead_sum(c, U0, jb, UW);
  auto const Uc = create_carry_lookahead_sum(c, U, {carry}, UW);
  auto const in_range_before = at_least(c, U, K);  // u before the carry >= 0
  auto const minus_one = c.create_and({at_least(c, U, K - 1), !in_range_before});
  auto const overflow = at_least(c, Uc, K + u_max + 1);

  // 5. select
  auto const normal = c.create_and({nonzero, in_range_before, !overflow});
  auto const saturate = c.create_and({nonzero, in_range_before, overflow});
  auto const smallest = c.create_and({nonzero, minus_one, !power_of_two});
  std::vector<signal> out;
  for (unsigned l = 0; l < p; ++l) {
    std::vector<signal> terms{c.create_and({normal, magnitude[l]}), saturate};
    if (l == p - 1) terms.push_back(smallest);
    out.push_back(c.create_or(std::move(terms)));
  }
  for (unsigned k = 0; k < E; ++k) {
    std::vector<signal> terms{c.create_and({normal, Uc[k]})};
    if (boost::multiprecision::bit_test(u_max, k)) terms.push_back(saturate);
    out.push_back(c.create_or(std::move(terms)));
  }
  out.push_back(c.create_and({s, c.create_or({normal, saturate, smallest})}));
  return out;
}

std::vector<signal> create_round_stage(construction& k, std::string const& name,
                                       std::vector<bus> const& inputs, float_format const& f,
                                       std::vector<signal> const& N, std::vector<signal> const& Z,
                                       signal s, int64_t offset, std::string const& description) {
  k.c.begin_stage(name, inputs);
  auto const r =
      create_round_to_format(k.c, f, N, Z.empty() ? std::vector{const_false} : Z, s, offset);
  k.c.end_stage({bus{"r", r}});
  k.stage_specs.push_back(round_stage_spec(f, r, N, Z, s, offset, description));
  return r;
}

linear_spec round_stage_spec(float_format const& f, std::vector<signal> const& r,
                             std::vector<signal> const& N, std::vector<signal> const& Z, signal s,
                             int64_t offset, std::string const& description) {
  linear_spec spec;
  spec.description = description;
  spec.rounds_to("r", r, linear_expr::value_of(N),
                 {f, linear_expr::of(s), Z.empty() ? linear_expr{} : linear_expr::value_of(Z),
                  linear_expr{}.add_constant(1), offset});
  return spec;
}

}  // namespace tc0
