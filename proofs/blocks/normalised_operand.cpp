#include "proofs/blocks/normalised_operand.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/leading_one.hpp"

namespace tc0 {

normalised_operand create_normalised_operand(circuit& c, float_bus const& x, unsigned v_width) {
  auto const leading = create_leading_one(c, x.magnitude.bits);
  normalised_operand o{leading.shifted, leading.position, {}, leading.nonzero};
  for (auto const s : create_carry_lookahead_sum(c, x.exponent.bits, leading.position, v_width))
    o.v.push_back(c.create_and({leading.nonzero, s}));
  return o;
}

unsigned normalised_exponent_width(float_format const& f) {
  return width_for(pow2(f.exponent_bits()) - 1 + (f.p - 1));
}

void add_normalised_clauses(linear_spec& s, std::string const& name, float_bus const& x,
                            normalised_operand const& n, unsigned p) {
  auto const value = [](std::vector<signal> const& bits) { return linear_expr::value_of(bits); };
  auto const m = value(x.magnitude.bits);
  s.is_nonnegative(name + "_nonzero", n.nonzero, linear_expr{m}.add_constant(-1));
  linear_expr shifted;
  shifted.add_shifted(1, value(n.M), value(n.j));
  auto outputs = n.M;
  outputs.insert(outputs.end(), n.j.begin(), n.j.end());
  s.relate(name + "_M 2^j = m 2^(p-1)", outputs, std::move(shifted),
           linear_expr{}.add(m, pow2(p - 1)), std::nullopt);
  s.equals(name + "_v", n.v,
           linear_expr{}.add_product(
               1, {linear_expr::of(n.nonzero), value(x.exponent.bits).add(value(n.j))}));
  s.constrain(name + "_M normal", value(n.M).add_term(-pow2(p - 1), n.nonzero));
}

}  // namespace tc0
