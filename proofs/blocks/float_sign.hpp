// The exact float operations that only touch the sign, on buses of any circuit: negation (the
// centring x - mu of LayerNorm, as a sum with -mu) and ReLU (the MLP's optional activation).
// Each is one stage of depth 1 and one step:
//   <prefix>negate: r = (|m|, u, NOT s AND top), top the magnitude's highest bit (zero stays the
//                   canonical +0); clause r = round_p(-x)
//   <prefix>relu:   r = (|m| AND NOT s, u AND NOT s, 0); clause r = round_p(max(x, 0))
// Both clauses are rounds_to clauses (core/linear_spec.hpp) with the exact value of x, so the
// stage's SMT proof shows the bits are that value rounded, which for a valid x is the value
// itself. The stage rests on x being valid: the enclosing lemma's precondition where x is an
// input, else the goals of `operand_facts` (the blocks that computed x).
//   <prefix>sign_result: the stage's clause as the block's conclusion (an implication from the
//                   stage and the operand facts), the fact a float program's sequence step cites.
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r = round_p(-x) = -x: magnitude |m|, exponent u + e_min, sign s + 1.
spec_clause float_negation_clause(std::string const& name, float_format const& f,
                                  float_bus const& x, std::vector<signal> const& r);
// r = round_p(max(x, 0)): magnitude |m| (1 - s), exponent u + e_min, sign 0.
spec_clause float_relu_clause(std::string const& name, float_format const& f, float_bus const& x,
                              std::vector<signal> const& r);

rounded_float create_float_negation(construction& k, float_format const& f, float_bus const& x,
                                    std::string const& prefix = "",
                                    std::vector<size_t> const& operand_facts = {});
rounded_float create_float_relu(construction& k, float_format const& f, float_bus const& x,
                                std::string const& prefix = "",
                                std::vector<size_t> const& operand_facts = {});

}  // namespace tc0
