#include "proofs/blocks/multiplier.hpp"

#include "proofs/blocks/column_sum.hpp"

namespace tc0 {

std::vector<signal> create_multiplier(construction& k, std::string const& prefix, bus const& a,
                                      bus const& b) {
  auto& c = k.c;
  auto const ma = a.bits.size(), mb = b.bits.size();
  c.begin_stage(prefix + "partial_products", {a, b});
  linear_spec pp_spec;
  pp_spec.description = "p_ij = a_i * b_j";
  std::vector<std::vector<signal>> columns(ma + mb);
  bus pp{"p", {}};
  for (size_t i = 0; i < ma; ++i)
    for (size_t j = 0; j < mb; ++j) {
      auto const g = c.create_and({a.bits[i], b.bits[j]});
      linear_expr rhs;
      rhs.add_product(1, {linear_expr::of(a.bits[i]), linear_expr::of(b.bits[j])});
      pp_spec.equals("p" + std::to_string(i) + "_" + std::to_string(j), {g}, std::move(rhs));
      columns[i + j].push_back(g);
      pp.bits.push_back(g);
    }
  c.end_stage({pp});
  k.stage_specs.push_back(std::move(pp_spec));

  auto sum = create_column_sum(k, prefix, {pp}, columns);
  sum.resize(ma + mb, const_false);  // a * b < 2^(|a| + |b|): a wider sum's top bits are zero
  return sum;
}

std::pair<std::vector<signal>, size_t> create_product_with_value(construction& k,
                                                                 std::string const& prefix,
                                                                 bus const& a, bus const& b) {
  auto const first = k.stage_specs.size();
  auto bits = create_multiplier(k, prefix, a, b);
  composition_step value{.name = prefix + "value"};
  for (auto i = first; i < k.stage_specs.size(); ++i) value.stages.push_back(i);
  value.steps.push_back(k.composition.size() - 1);  // the column sum's own step
  value.goal.description = a.name + " " + b.name + " from the partial products and their sum";
  value.goal.equals(
      a.name + " " + b.name, bits,
      linear_expr{}.add_product(1, {linear_expr::value_of(a.bits), linear_expr::value_of(b.bits)}));
  auto const step = k.add_step(std::move(value));
  return {std::move(bits), step};
}

}  // namespace tc0
