// How a float lemma whose last stage rounds reaches the lemma's rounding specification.
// The round stage is proved against `round_p(stage arguments)` with its inputs free; the lemma
// says `round_p(lemma arguments)` over the circuit's inputs. Two steps connect them:
//   <prefix>arguments  (implication from the earlier stages): the exact value the round stage
//                      is given equals the lemma's, argument by argument (magnitude, exponent,
//                      divisor; the sign modulo 2) — integer arithmetic, products normalised;
//   <prefix>congruence (certified): both clauses round in the same format with the same offset,
//                      checked on the clauses themselves; then round_p is a function of the
//                      exact value (the tie rule makes the nearest float unique), so equal
//                      arguments give equal results: its conclusion (goal) is the lemma's
//                      clause, and the function returns its index for the lemma's obligation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// The goal clause lhs = rhs [mod modulus], whose bits are lhs's literals (the constant 1 when
// it has none): how the steps here state that two expressions agree.
void add_equation(linear_spec& goal, std::string const& name, linear_expr const& lhs,
                  linear_expr const& rhs, std::optional<big_int> modulus = std::nullopt);

// The certified steps' first check: the round stage and the lemma round in the same format.
std::optional<certified_failure> format_mismatch(float_format const& stage,
                                                 float_format const& lemma);

size_t add_rounding_congruence(construction& k, std::string const& prefix,
                               spec_clause const& stage_clause, spec_clause const& lemma_clause,
                               std::vector<size_t> const& stages,
                               std::vector<size_t> const& steps = {});

// The same for lemmas whose exact value is a signed sum (float addition): the step arguments
// says the two signed values (-1)^sign rhs are equal (bit-vectors; shifted terms allowed);
// both clauses must have the same constant exponent and divisor (checked in the certified
// step), and the stage's sign a single literal.
size_t add_rounding_value_congruence(construction& k, std::string const& prefix,
                                     spec_clause const& stage_clause,
                                     spec_clause const& lemma_clause,
                                     std::vector<size_t> const& stages,
                                     std::vector<size_t> const& steps);

}  // namespace tc0
