#include "proofs/steps/rounding_congruence.hpp"

#include <stdexcept>

namespace tc0 {

void add_equation(linear_spec& goal, std::string const& name, linear_expr const& lhs,
                  linear_expr const& rhs, std::optional<big_int> modulus) {
  std::vector<signal> bits;
  lhs.for_each_literal([&](signal s) { bits.push_back(s); });
  if (bits.empty()) bits.push_back(const_true);
  goal.relate(name, std::move(bits), lhs, rhs, std::move(modulus));
}

std::optional<certified_failure> format_mismatch(float_format const& stage,
                                                 float_format const& lemma) {
  if (stage.p == lemma.p && stage.e_min == lemma.e_min && stage.e_max == lemma.e_max)
    return std::nullopt;
  return certified_failure{
      "the round stage uses " + stage.describe() + ", the lemma " + lemma.describe(), std::nullopt};
}

namespace {

// The certified step: same format, offset and outputs (and, for value congruence, the same
// constant exponent and divisor), then round_p is a function of the exact value.
composition_step congruence_step(std::string const& prefix, spec_clause const& stage_clause,
                                 spec_clause const& lemma_clause, bool constant_scale) {
  composition_step congruence{.name = prefix + "congruence"};
  congruence.theorem =
      "round_p is a function of the exact value (nearest valid float, ties to even: unique), so "
      "the stage's result, on an exact value equal to the lemma's (step " +
      prefix + "arguments), is the lemma's";
  auto const stage_target = *stage_clause.rounding;
  auto const lemma_target = *lemma_clause.rounding;
  auto const same_outputs = stage_clause.out_bits == lemma_clause.out_bits;
  congruence.goal.description = "the lemma's rounding clause";
  congruence.goal.clauses.push_back(lemma_clause);
  congruence.check = [=]() -> std::optional<certified_failure> {
    if (auto f = format_mismatch(stage_target.format, lemma_target.format)) return f;
    if (stage_target.offset != lemma_target.offset)
      return certified_failure{"exponent offsets differ: " + std::to_string(stage_target.offset) +
                                   " vs " + std::to_string(lemma_target.offset),
                               std::nullopt};
    if (!same_outputs)
      return certified_failure{"the round stage's outputs are not the lemma's", std::nullopt};
    if (constant_scale) {
      for (auto const* t : {&stage_target, &lemma_target})
        if (!t->exponent.terms.empty() || !t->exponent.is_linear() || !t->divisor.terms.empty() ||
            !t->divisor.is_linear())
          return certified_failure{"exponent or divisor not constant", std::nullopt};
      if (stage_target.exponent.constant != lemma_target.exponent.constant ||
          stage_target.divisor.constant != lemma_target.divisor.constant)
        return certified_failure{"exponents or divisors differ", std::nullopt};
    }
    return std::nullopt;
  };
  return congruence;
}

// (-1)^sign rhs, for a sign that is 0 or one literal
linear_expr signed_value(spec_clause const& c) {
  auto const& sign = c.rounding->sign;
  if (sign.terms.empty() && sign.is_linear() && sign.constant == 0) return c.rhs;
  if (sign.terms.size() != 1 || !sign.is_linear() || sign.constant != 0 ||
      sign.terms[0].coefficient != 1)
    throw std::logic_error("add_rounding_value_congruence: the sign must be one literal");
  linear_expr v = c.rhs;
  v.add_product(-2, {sign, c.rhs});
  return v;
}

}  // namespace

size_t add_rounding_congruence(construction& k, std::string const& prefix,
                               spec_clause const& stage_clause, spec_clause const& lemma_clause,
                               std::vector<size_t> const& stages,
                               std::vector<size_t> const& steps) {
  if (stage_clause.kind != clause_kind::rounds_to || lemma_clause.kind != clause_kind::rounds_to)
    throw std::logic_error("add_rounding_congruence: not rounding clauses");
  auto const& st = *stage_clause.rounding;
  auto const& lt = *lemma_clause.rounding;
  composition_step arguments{.name = prefix + "arguments", .stages = stages, .steps = steps};
  arguments.goal.description = "the round stage is given the lemma's exact value";
  add_equation(arguments.goal, "magnitude", stage_clause.rhs, lemma_clause.rhs);
  add_equation(arguments.goal, "exponent", st.exponent, lt.exponent);
  add_equation(arguments.goal, "divisor", st.divisor, lt.divisor);
  add_equation(arguments.goal, "sign", st.sign, lt.sign, big_int(2));
  k.composition.push_back(std::move(arguments));

  return k.add_step(congruence_step(prefix, stage_clause, lemma_clause, false));
}

size_t add_rounding_value_congruence(construction& k, std::string const& prefix,
                                     spec_clause const& stage_clause,
                                     spec_clause const& lemma_clause,
                                     std::vector<size_t> const& stages,
                                     std::vector<size_t> const& steps) {
  if (stage_clause.kind != clause_kind::rounds_to || lemma_clause.kind != clause_kind::rounds_to)
    throw std::logic_error("add_rounding_value_congruence: not rounding clauses");
  composition_step arguments{.name = prefix + "arguments", .stages = stages, .steps = steps};
  arguments.goal.description = "the round stage is given the lemma's exact value";
  auto difference = signed_value(stage_clause).add(signed_value(lemma_clause), -1);
  arguments.goal.constrain("value >= lemma's", difference);
  arguments.goal.constrain("value <= lemma's", linear_expr{}.add(difference, -1));
  k.composition.push_back(std::move(arguments));
  return k.add_step(congruence_step(prefix, stage_clause, lemma_clause, true));
}

}  // namespace tc0
