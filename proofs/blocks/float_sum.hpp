// round_p(x_0 + ... + x_(n-1)), the exact sum of n p-bit floats rounded once, on buses of any
// circuit (the construction of float.add and float.iterated_add, as a block):
//   the exact sum as a sign and a magnitude N (blocks/exact_float_sum.hpp, depth 25), then
//   <prefix>round: r = round_p((-1)^negative N 2^e_min) (blocks/round_to_format.hpp)
// and the steps <prefix>arguments and <prefix>congruence (proofs/steps/rounding_congruence.hpp, the
// value form), the latter concluding float_sum_clause: r = round_p(sum_i x_i).
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r = round_p(sum_i x_i), every input pattern read as the value of its bits (relational).
spec_clause float_sum_clause(std::string const& name, float_format const& f,
                             std::vector<float_bus> const& xs, std::vector<signal> const& r);

rounded_float create_float_sum(construction& k, float_format const& f,
                               std::vector<float_bus> const& xs, std::string const& prefix = "");

}  // namespace tc0
