// A documented program of float operations (core/float_program.hpp) built from the float blocks,
// and the certified step that ties the blocks' own conclusions to the lemma's computes clauses:
// how the paper's composite lemmas (matrix products, RoPE, attention) are constructed and proved.
//   one block per program node, in program order: mul -> the float product
//     (blocks/float_product.hpp), div -> the float quotient (blocks/float_quotient.hpp, its
//     operands' validity from their own blocks), sum -> the float sum
//     (blocks/float_sum.hpp), exp -> the float exp (blocks/float_exp.hpp), sqrt -> the float
//     root (blocks/float_root.hpp), neg and relu -> the sign blocks (blocks/float_sign.hpp),
//     sin and cos of a computed angle -> the trig block (blocks/float_trig.hpp) on the node's
//     domain |x| <= 2^K, which its first stage requires (proved from the lemma's precondition and
//     the angle's own block); a value that several outputs read is built once and shared
//   a constant node (a given float, or an operation on constants: RoPE's angles and their cos and
//     sin) costs no gates: its bus is wires to the constant node, carrying what the node's block
//     gives on the constant arguments (the block built on its own and simulated; sin and cos
//     with the domain 2^K just above the angle)
//   <prefix>sequence (certified): every node's block concludes, as its goal, the node's own
//     operation on the buses of its arguments (the clause rebuilt from the program and the
//     buses, compared by canonical text: proofs/steps/stated_facts.hpp), every constant node's bus
//     is the constant wires of the program's value (a constant approximation: its determined
//     rounding, core/float_program.hpp), and every clause of the
//     lemma is a computes clause of this very program over the operand buses, its out_bits the
//     bits of its value. Then, in program order, each value's bits hold what the program gives
//     (each rounded operation is a function of its arguments' values: round_p is; an
//     approximated node's bits meet its clause, so they are one of the floats the program lets
//     it stand for, and later values are the program under that choice), so every output clause
//     holds: its conclusion is the lemma's clauses, verbatim.
// Each block is proved like any other (stages, steps); the many identical instances of one
// block are proved once and the rest by reference (proofs/engine/proof_reference.hpp).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/float_program.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct program_circuit {
  std::vector<float_bus> values;  // every value's bus: the operands', then each node's result
  // per node: the composition step stating its result; none for a constant node
  std::vector<std::optional<size_t>> conclusions;
  std::map<uint32_t, float_value> constants;  // what the blocks give at the constant nodes
};

// The blocks of `p` over `operands` (one bus per operand); `prefix_of(v)` names value v's block
// ("c_0_1_" ...), distinct per node.
program_circuit create_float_program(construction& k, float_program const& p,
                                     std::vector<float_bus> const& operands,
                                     std::function<std::string(uint32_t)> const& prefix_of);

// The certified step `name`: the lemma's clauses (built by the lemma file over its output buses,
// each a computes clause of `p`) from the blocks' conclusions. Returns its index, for
// construction::output_hypotheses.
size_t add_program_sequence(construction& k, std::string const& name,
                            std::shared_ptr<float_program const> const& p,
                            std::vector<float_bus> const& operands, program_circuit const& built,
                            std::vector<spec_clause> const& lemma_clauses);

}  // namespace tc0
