#include "proofs/steps/sticky_rounding.hpp"

#include <stdexcept>

#include "proofs/steps/rounding_congruence.hpp"

namespace tc0 {

size_t add_sticky_rounding(construction& k, std::string const& prefix,
                           spec_clause const& stage_clause, spec_clause const& lemma_clause,
                           sticky_quotient const& q, std::vector<size_t> const& stages,
                           std::vector<size_t> const& steps) {
  if (stage_clause.kind != clause_kind::rounds_to || lemma_clause.kind != clause_kind::rounds_to)
    throw std::logic_error("add_sticky_rounding: not rounding clauses");
  auto const st = *stage_clause.rounding;
  auto const lt = *lemma_clause.rounding;
  int64_t const g = lt.offset - st.offset;
  auto const p = st.format.p;

  composition_step arguments{.name = prefix + "arguments", .stages = stages, .steps = steps};
  arguments.goal.description =
      "the round stage's N = 2 Q + t brackets the lemma's quotient W' / D' at its scale";
  arguments.products_as_atoms = true;
  add_equation(arguments.goal, "sign", st.sign, lt.sign, big_int(2));
  add_equation(arguments.goal, "exponent", st.exponent, lt.exponent);
  add_equation(arguments.goal, "divisor", q.divisor, lt.divisor);
  add_equation(arguments.goal, "dividend", q.dividend,
               linear_expr{}.add(lemma_clause.rhs, pow2(static_cast<unsigned>(g < 0 ? 0 : g))));
  arguments.goal.constrain("D' >= 1", linear_expr{q.divisor}.add_constant(-1));
  linear_expr excess = q.dividend;  // W' - 2 Q D'
  excess.add_product(-2, {q.quotient, q.divisor});
  arguments.goal.constrain("2 Q D' <= W'", excess);
  linear_expr below_next = linear_expr{}.add(excess, -1).add(q.divisor, 2).add_constant(-1);
  arguments.goal.constrain("W' < (2 Q + 2) D'", std::move(below_next));
  arguments.goal.is_nonnegative("t", q.sticky, linear_expr{excess}.add_constant(-1));
  arguments.goal.constrain(
      "W' = 0 unless nonzero",
      linear_expr{}.add_term(q.dividend.max_value(), q.nonzero).add(q.dividend, -1));
  k.composition.push_back(std::move(arguments));

  composition_step large{.name = prefix + "large", .stages = stages, .steps = steps};
  large.goal.description = "Q >= 2^p where the quotient is nonzero";
  large.goal.constrain("Q >= 2^p nonzero", linear_expr{q.quotient}.add_term(-pow2(p), q.nonzero));
  large.bit_vectors_first = true;
  k.composition.push_back(std::move(large));

  composition_step sticky{.name = prefix + "sticky"};
  sticky.theorem =
      "with x = W' / D' at the round stage's scale (steps " + prefix + "arguments, " + prefix +
      "large): t = 0 gives x = N; t = 1 puts x and N = 2 Q + 1 in (2 Q, 2 Q + 2) with "
      "2 Q >= 2^(p+1), where every float and every midpoint at which round_p changes is a "
      "multiple of 2 (the ulp is at least 4 there), so round_p, monotone and constant between "
      "those points, rounds x and N alike; W' = 0 gives x = N = 0";
  auto const magnitude = linear_expr::of(q.sticky).add(q.quotient, 2);
  auto const same_outputs = stage_clause.out_bits == lemma_clause.out_bits;
  auto const stage_rhs = stage_clause.rhs;
  sticky.goal.description = "the lemma's rounding clause";
  sticky.goal.clauses.push_back(lemma_clause);
  sticky.check = [=]() -> std::optional<certified_failure> {
    if (auto f = format_mismatch(st.format, lt.format)) return f;
    if (!same_outputs)
      return certified_failure{"the round stage's outputs are not the lemma's", std::nullopt};
    if (canonical_key(st.divisor) != canonical_key(linear_expr{}.add_constant(1)))
      return certified_failure{"the round stage's divisor is not 1", std::nullopt};
    if (canonical_key(stage_rhs) != canonical_key(magnitude))
      return certified_failure{"the round stage's magnitude is not t + 2 Q", std::nullopt};
    if (g < 0)
      return certified_failure{
          "the lemma's offset is below the stage's (g = " + std::to_string(g) + ")", std::nullopt};
    return std::nullopt;
  };
  return k.add_step(std::move(sticky));
}

}  // namespace tc0
