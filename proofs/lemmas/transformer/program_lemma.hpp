// A composite lemma whose circuit is one documented float program (core/float_program.hpp) over
// named input floats, with named float outputs: its interface, its specification (one computes
// clause per output) and its construction (the program's blocks and the certified `sequence`
// step, proofs/blocks/float_sequence.hpp). tf.mlp and tf.layernorm are each a program_layout and
// little else.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/float_program.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// A matrix of program values, [row][column].
using value_matrix = std::vector<std::vector<uint32_t>>;

struct program_layout {
  std::shared_ptr<float_program> program = std::make_shared<float_program>();
  std::vector<std::string> inputs;                        // one input float per operand, in order
  std::vector<std::pair<std::string, uint32_t>> outputs;  // an output float and its value
  std::vector<std::string> prefixes;  // per value: its block's prefix (operands' unused)
  // operand -> K: the lemma's precondition |input| <= 2^K (RoPE's theta as inputs: K = 0)
  std::map<uint32_t, int64_t> input_bounds;

  // Declares the next operand, the input float `name` (before any node); returns its value.
  uint32_t input(std::string name);
  // The inputs <name>_<r>_<c>, row by row.
  value_matrix input_matrix(std::string const& name, unsigned rows, unsigned columns);
  // Appends node `op(args)` with block prefix `prefix`; returns its value.
  uint32_t add(float_op op, std::vector<uint32_t> args, std::string prefix);
  uint32_t constant(float_value v, std::string prefix);
  // The operand of input `name`; throws std::invalid_argument when there is none.
  uint32_t operand(std::string const& name) const;
};

// The outputs <name>_<r>_<c> = m[r][c], row by row.
void add_output_matrix(program_layout& l, std::string const& name, value_matrix const& m);

// The inputs (p-bit floats, the layout's format), then the outputs.
std::vector<bus_decl> program_interface(program_layout const& l);

// One computes clause per output over c's input buses, and the inputs' bounds as preconditions;
// `description` says what they state (the format is added).
linear_spec program_specification(circuit const& c, program_layout const& l,
                                  std::string const& description);

// Wiring faults for the tests: the blocks read operand `to`'s bus where the program says `from`
// (rewired[from] = to), or are built from another program (same values, other arguments), while
// the specification and the sequence step keep the layout's program.
struct program_faults {
  std::map<uint32_t, uint32_t> rewired;
  std::shared_ptr<float_program const> blocks_from;
};

// The blocks of the program over the input buses and the `sequence` step.
construction build_program_lemma(program_layout const& l, program_faults const& faults = {});

}  // namespace tc0
