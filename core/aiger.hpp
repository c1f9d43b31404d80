// AIGER interchange (ASCII "aag" and binary "aig", combinational): threshold circuits lowered to
// AND/NOT graphs for tools that speak AIGER (ABC, model checkers), and AIGER files read back as
// circuits.
//
// Lowering: AND and OR gates become AND trees (OR by De Morgan); a MAJ or threshold gate
// [sum_i w_i l_i >= t] (canonical form: w_i > 0, literals possibly complemented) becomes a
// ripple-carry accumulation of the weighted literals in binary, then a comparison with the
// constant t. The result has polynomial size but not constant depth: AIGER is for exchange and
// equivalence checking, not a statement about TC0.
//
// Symbols name every input and output bit "BUS[i]", so reading the file back regroups the bits
// into the original buses; a file without symbols gets buses "i" and "o" of one bit per line.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

// An and-inverter graph in AIGER's numbering: literal 2v (+1 for the complement); variable 0 is
// false, variables 1..num_inputs are the inputs, then one per AND in `ands` (topological).
struct aig {
  uint32_t num_inputs = 0;
  std::vector<std::pair<uint32_t, uint32_t>> ands;     // fan-in literals of AND number k
  std::vector<uint32_t> outputs;                       // output literals
  std::vector<std::string> input_names, output_names;  // "BUS[i]"
};

aig lower_to_aig(circuit const& c);

enum class aiger_mode { ascii, binary };

// `comment` goes into AIGER's comment section (one line, e.g. the lemma and its parameters).
void write_aiger(std::ostream& out, aig const& g, std::string const& comment,
                 aiger_mode mode = aiger_mode::ascii);

// Either mode, told apart by the header ("aag" or "aig"). Throws std::runtime_error
// "FILE:LINE: ..." on malformed input (latches are not supported).
aig read_aiger(std::istream& in, std::string const& file_name);

// The graph as a circuit of 2-input AND gates with buses regrouped from the symbol names.
circuit to_circuit(aig const& g);

}  // namespace tc0
