// How a float lemma whose last stage rounds reaches the lemma's rounding specification.
// The round stage is proved against `round_p(stage arguments)` with its inputs free; the lemma
// says `round_p(lemma arguments)` over the circuit's inputs. Two steps connect them:
//   <prefix>arguments  (implication from the earlier stages): the exact value the round stage
//                      is given equals the lemma's, argument by argument (magnitude, exponent,
//                      divisor; the sign modulo 2) — integer arithmetic, products normalised;
//   <prefix>congruence (certified): both clauses round in the same format with the same offset,
//                      checked on the clauses themselves; then round_p is a function of the
//                      exact value (the tie rule makes the nearest float unique), so equal
//                      arguments give equal results.
#pragma once

#include <string>
#include <vector>

#include "proofs/lemma.hpp"

namespace tc0 {

void add_rounding_congruence(construction& k, std::string const& prefix,
                             spec_clause const& stage_clause, spec_clause const& lemma_clause,
                             std::vector<size_t> const& stages,
                             std::vector<size_t> const& steps = {});

// The same for lemmas whose exact value is a signed sum (float addition): the step arguments
// says the two signed values (-1)^sign rhs are equal (bit-vectors; shifted terms allowed);
// both clauses must have the same constant exponent and divisor (checked in the certified
// step), and the stage's sign a single literal.
void add_rounding_value_congruence(construction& k, std::string const& prefix,
                                   spec_clause const& stage_clause, spec_clause const& lemma_clause,
                                   std::vector<size_t> const& stages,
                                   std::vector<size_t> const& steps);

}  // namespace tc0
