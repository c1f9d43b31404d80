// The largest of m valid floats, exact (a max-subtracted softmax's row maximum), on buses of any
// circuit, in constant depth: one stage <prefix>maximum of depth 7,
//   lt_ji = [x_j < x_i] for every j < i (proofs/blocks/float_less.hpp: m (m - 1) / 2 of them),
//   x_i wins when it is above every earlier operand and not below any later one (exactly one
//   wins: the first largest), and r_b = OR_i (x_i wins AND x_i,b), one AND per operand and bit
//   over the comparisons, then one OR per bit;
// specification: every operand valid, then r = max_i x_i (a maximum clause, core/linear_spec.hpp:
// proved in bit-vectors with the values compared exactly) and r valid. The step
// <prefix>maximum_result states both as the block's conclusion
// (proofs/blocks/exact_float_stage.hpp), so a block reading r needs no other fact for r's validity.
// m = 1: r is x_0's bits, no gates.
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r = max_i x_i over the operand buses, r's bits in float_bus::bits() order.
spec_clause float_maximum_clause(std::string const& name, float_format const& f,
                                 std::vector<float_bus> const& x, std::vector<signal> const& r);

rounded_float create_float_maximum(construction& k, float_format const& f,
                                   std::vector<float_bus> const& x, std::string const& prefix = "",
                                   std::vector<size_t> const& operand_facts = {});

}  // namespace tc0
