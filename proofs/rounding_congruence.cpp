#include "proofs/rounding_congruence.hpp"

#include <stdexcept>

namespace tc0 {
namespace {

// lhs = rhs [mod modulus], with lhs's own literals as the clause's bits
void equate(linear_spec& goal, std::string const& name, linear_expr const& lhs,
            linear_expr const& rhs, std::optional<big_int> modulus = std::nullopt) {
  std::vector<signal> bits;
  lhs.for_each_literal([&](signal s) { bits.push_back(s); });
  if (bits.empty()) bits.push_back(const_true);
  goal.relate(name, std::move(bits), lhs, rhs, std::move(modulus));
}

}  // namespace

void add_rounding_congruence(construction& k, std::string const& prefix,
                             spec_clause const& stage_clause, spec_clause const& lemma_clause,
                             std::vector<size_t> const& stages) {
  if (stage_clause.kind != clause_kind::rounds_to || lemma_clause.kind != clause_kind::rounds_to)
    throw std::logic_error("add_rounding_congruence: not rounding clauses");
  auto const& st = *stage_clause.rounding;
  auto const& lt = *lemma_clause.rounding;
  composition_step arguments{prefix + "arguments", stages, {}, {}, {}, {}};
  arguments.goal.description = "the round stage is given the lemma's exact value";
  equate(arguments.goal, "magnitude", stage_clause.rhs, lemma_clause.rhs);
  equate(arguments.goal, "exponent", st.exponent, lt.exponent);
  equate(arguments.goal, "divisor", st.divisor, lt.divisor);
  equate(arguments.goal, "sign", st.sign, lt.sign, big_int(2));
  k.composition.push_back(std::move(arguments));

  composition_step congruence{prefix + "congruence", {}, {}, {}, {}, {}};
  congruence.theorem =
      "round_p is a function of the exact value (nearest valid float, ties to even: unique), so "
      "the stage's result, on arguments equal to the lemma's (step " + prefix +
      "arguments), is the lemma's";
  auto const stage_target = st;
  auto const lemma_target = lt;
  auto const same_outputs = stage_clause.out_bits == lemma_clause.out_bits;
  congruence.check = [=]() -> std::optional<certified_failure> {
    auto const& a = stage_target.format;
    auto const& b = lemma_target.format;
    if (a.p != b.p || a.e_min != b.e_min || a.e_max != b.e_max)
      return certified_failure{"the round stage uses " + a.describe() + ", the lemma " +
                                   b.describe(),
                               std::nullopt};
    if (stage_target.offset != lemma_target.offset)
      return certified_failure{"exponent offsets differ: " + std::to_string(stage_target.offset) +
                                   " vs " + std::to_string(lemma_target.offset),
                               std::nullopt};
    if (!same_outputs)
      return certified_failure{"the round stage's outputs are not the lemma's", std::nullopt};
    return std::nullopt;
  };
  k.composition.push_back(std::move(congruence));
}

}  // namespace tc0
