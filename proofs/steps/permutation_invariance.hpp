// Permutation invariance of an iterated operation (issue 4: iterated float addition and
// multiplication): r(x_s(0), ..., x_s(n-1)) = r(x_0, ..., x_(n-1)) for every permutation s.
//
// The certified step `permutation_invariance` checks that the lemma's specification is the
// same specification after swapping the first two operands and after rotating all of them by
// one (the two permutations generate the symmetric group): every clause's expressions and every
// precondition compared as canonical texts (core/linear_spec.hpp canonical_key), which are
// equal only for the same function of the bits. The circuit meets the specification (the
// stages and steps prove it), so its output is invariant too. A specification written
// asymmetrically (an operand weighted differently, a clause on one operand) fails the check.
#pragma once

#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// `operands`: each operand's input bits, all in the same layout.
void add_permutation_invariance(construction& k, linear_spec const& lemma_spec,
                                std::vector<std::vector<signal>> const& operands);

// The check itself: nullopt when the spec is invariant, else what differs.
std::optional<std::string> spec_permutation_difference(
    linear_spec const& spec, std::vector<std::vector<signal>> const& operands);

}  // namespace tc0
