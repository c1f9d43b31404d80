// The one-stage blocks whose result is an exact function of valid float operands (negation,
// ReLU, the maximum): the stage `<prefix><stage>` ends with the result bits r, its specification
// is "every operand valid, then `clause`", its precondition rests on `operand_facts` (the steps
// concluding operands that blocks computed; an input operand's validity is the lemma's
// precondition), and the step `<prefix><step>` states the clause as the block's conclusion (an
// implication from the stage and the operand facts), the fact a float program's sequence step
// cites. With state_result_valid, the stage and the step also state that r is a valid float
// (a clause that does not imply it by itself needs it: the maximum's, which says r is one
// operand's bits; a rounding clause does).
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

rounded_float end_exact_float_stage(construction& k, float_format const& f,
                                    std::vector<float_bus> const& operands,
                                    std::string const& prefix, std::string const& stage,
                                    std::string const& step, std::string const& description,
                                    std::vector<signal> const& r, spec_clause const& clause,
                                    std::vector<size_t> const& operand_facts,
                                    bool state_result_valid = false);

}  // namespace tc0
