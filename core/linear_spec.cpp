#include "core/linear_spec.hpp"

#include <stdexcept>

namespace tc0 {

linear_expr linear_expr::value_of(std::vector<signal> const& bits, unsigned shift) {
  linear_expr e;
  for (size_t k = 0; k < bits.size(); ++k)
    e.add_term(pow2(static_cast<unsigned>(k) + shift), bits[k]);
  return e;
}

linear_expr& linear_expr::add(linear_expr const& other, big_int const& factor) {
  for (auto const& t : other.terms) add_term(t.coefficient * factor, t.literal);
  constant += other.constant * factor;
  return *this;
}

linear_expr& linear_expr::add_term(big_int coefficient, signal literal) {
  if (coefficient == 0) return *this;
  if (literal.index() == 0) {  // constants fold into the constant term
    if (literal.complemented()) constant += coefficient;
    return *this;
  }
  terms.push_back({std::move(coefficient), literal});
  return *this;
}

big_int linear_expr::min_value() const {
  big_int v = constant;
  for (auto const& t : terms)
    if (t.coefficient < 0) v += t.coefficient;
  return v;
}

big_int linear_expr::max_value() const {
  big_int v = constant;
  for (auto const& t : terms)
    if (t.coefficient > 0) v += t.coefficient;
  return v;
}

spec_clause& linear_spec::equals(std::string name, std::vector<signal> out_bits, linear_expr rhs,
                                 bool modular) {
  if (out_bits.empty()) throw std::invalid_argument("clause '" + name + "' has no output bits");
  clauses.push_back(
      {std::move(name), clause_kind::value_equals, std::move(out_bits), std::move(rhs), modular});
  return clauses.back();
}

spec_clause& linear_spec::is_nonnegative(std::string name, signal out_bit, linear_expr rhs) {
  clauses.push_back(
      {std::move(name), clause_kind::is_nonnegative, {out_bit}, std::move(rhs), false});
  return clauses.back();
}

void linear_spec::require(std::string name, linear_expr expr_nonnegative) {
  preconditions.emplace_back(std::move(name), std::move(expr_nonnegative));
}

big_int evaluate(linear_expr const& e, std::vector<bool> const& node_values) {
  big_int v = e.constant;
  for (auto const& t : e.terms)
    if (literal_value(node_values, t.literal)) v += t.coefficient;
  return v;
}

std::optional<big_int> expected_value(spec_clause const& c, std::vector<bool> const& node_values) {
  auto const v = evaluate(c.rhs, node_values);
  switch (c.kind) {
    case clause_kind::is_nonnegative:
      return big_int{v >= 0 ? 1 : 0};
    case clause_kind::value_equals: {
      auto const modulus = pow2(static_cast<unsigned>(c.out_bits.size()));
      if (c.modular) {
        big_int r = v % modulus;
        if (r < 0) r += modulus;
        return r;
      }
      if (v < 0 || v >= modulus) return std::nullopt;
      return v;
    }
  }
  return std::nullopt;
}

big_int actual_value(spec_clause const& c, std::vector<bool> const& node_values) {
  return bus_value(c.out_bits, node_values);
}

bool holds(spec_clause const& c, std::vector<bool> const& node_values) {
  auto const e = expected_value(c, node_values);
  return e && *e == actual_value(c, node_values);
}

bool preconditions_hold(linear_spec const& s, std::vector<bool> const& node_values) {
  for (auto const& [name, e] : s.preconditions)
    if (evaluate(e, node_values) < 0) return false;
  return true;
}

}  // namespace tc0
