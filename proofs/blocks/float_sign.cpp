#include "proofs/blocks/float_sign.hpp"

#include "proofs/blocks/exact_float_stage.hpp"

namespace tc0 {
namespace {

spec_clause exact_clause(std::string const& name, float_format const& f, float_bus const& x,
                         std::vector<signal> const& r, linear_expr magnitude, linear_expr sign) {
  rounding_target t{f, std::move(sign), linear_expr::value_of(x.exponent.bits),
                    linear_expr{}.add_constant(1), f.e_min};
  linear_spec s;
  s.rounds_to(name, r, std::move(magnitude), std::move(t));
  return s.clauses.at(0);
}

std::vector<signal> joined(std::vector<signal> a, std::vector<signal> const& b, signal s) {
  a.insert(a.end(), b.begin(), b.end());
  a.push_back(s);
  return a;
}

}  // namespace

spec_clause float_negation_clause(std::string const& name, float_format const& f,
                                  float_bus const& x, std::vector<signal> const& r) {
  return exact_clause(name, f, x, r, linear_expr::value_of(x.magnitude.bits),
                      linear_expr::of(x.sign.bits[0]).add_constant(1));
}

spec_clause float_relu_clause(std::string const& name, float_format const& f, float_bus const& x,
                              std::vector<signal> const& r) {
  linear_expr magnitude;
  magnitude.add_product(1,
                        {linear_expr::value_of(x.magnitude.bits),
                         linear_expr{}.add_constant(1).add(linear_expr::of(x.sign.bits[0]), -1)});
  return exact_clause(name, f, x, r, std::move(magnitude), linear_expr{});
}

rounded_float create_float_negation(construction& k, float_format const& f, float_bus const& x,
                                    std::string const& prefix,
                                    std::vector<size_t> const& operand_facts) {
  auto& c = k.c;
  c.begin_stage(prefix + "negate", {x.magnitude, x.exponent, x.sign});
  auto const s = c.create_and({!x.sign.bits[0], x.magnitude.bits.back()});
  auto const r = joined(x.magnitude.bits, x.exponent.bits, s);
  return end_exact_float_stage(k, f, {x}, prefix, "negate", "sign_result", "r = -x", r,
                               float_negation_clause(prefix + "r", f, x, r), operand_facts);
}

rounded_float create_float_relu(construction& k, float_format const& f, float_bus const& x,
                                std::string const& prefix,
                                std::vector<size_t> const& operand_facts) {
  auto& c = k.c;
  c.begin_stage(prefix + "relu", {x.magnitude, x.exponent, x.sign});
  auto const positive = !x.sign.bits[0];
  std::vector<signal> magnitude, exponent;
  for (auto b : x.magnitude.bits) magnitude.push_back(c.create_and({b, positive}));
  for (auto b : x.exponent.bits) exponent.push_back(c.create_and({b, positive}));
  auto const r = joined(magnitude, exponent, const_false);
  return end_exact_float_stage(k, f, {x}, prefix, "relu", "sign_result", "r = max(x, 0)", r,
                               float_relu_clause(prefix + "r", f, x, r), operand_facts);
}

}  // namespace tc0
