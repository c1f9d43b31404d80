// round_p(a b) for two p-bit floats on buses of any circuit (the construction of float.mul, as a
// block a larger construction instantiates):
//   <prefix>significand_*: P = |m_a| |m_b| (the multiplier block, depth 9)
//   <prefix>exponents:     Z = u_a + u_b (a lookahead adder), s = s_a XOR s_b
//   <prefix>round:         r = round_p((-1)^s P 2^(Z + 2 e_min)) (blocks/round_to_format.hpp)
// and the steps <prefix>arguments and <prefix>congruence (proofs/steps/rounding_congruence.hpp),
// the latter concluding float_product_clause: r = round_p(a b), because a b = (-1)^(s_a + s_b)
// |m_a| |m_b| 2^(u_a + u_b + 2 e_min).
#pragma once

#include <string>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r = round_p(a b), relational (core/linear_spec.hpp rounds_to), every input pattern read as the
// value of its bits: the clause float.mul's specification is made of.
spec_clause float_product_clause(std::string const& name, float_format const& f, float_bus const& a,
                                 float_bus const& b, std::vector<signal> const& r);

// `offset_shift`: a deliberate fault for the tests (the round stage built for the exponent
// offset 2 e_min + offset_shift, its specification alike); 0 otherwise.
rounded_float create_float_product(construction& k, float_format const& f, float_bus const& a,
                                   float_bus const& b, std::string const& prefix = "",
                                   int64_t offset_shift = 0);

}  // namespace tc0
