// Unsigned multiplication in constant depth: partial products p_ij = a_i AND b_j (depth 1),
// added at position i + j by the column-sum block (proofs/blocks/column_sum.hpp): depth 9.
// Used by int.mul and by the float layer's significand products.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Appends the stages prefix + "partial_products" and the column-sum stages to `k`; returns the
// |a| + |b| bits of a * b.
std::vector<signal> create_multiplier(construction& k, std::string const& prefix, bus const& a,
                                      bus const& b);

// The same, and the step prefix + "value" (citing the multiplier's stages and its column sum's
// step) that states the product's value a b; returns the bits and the step.
std::pair<std::vector<signal>, size_t> create_product_with_value(construction& k,
                                                                 std::string const& prefix,
                                                                 bus const& a, bus const& b);

}  // namespace tc0
