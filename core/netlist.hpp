// The tc0check netlist format: a documented, line-based text form of a circuit, so that users
// can bring their own constructions (SPEC §4) and tc0check can export its own.
//
//   # a comment; everything after '#' on a line is ignored
//   tc0check-netlist 1                  the first line that is not blank or a comment
//   input NAME WIDTH                    an input bus; its bits are NAME[0] (LSB) .. NAME[WIDTH-1]
//   NAME = and SIG SIG ...              AND of one or more signals
//   NAME = or SIG SIG ...               OR
//   NAME = maj SIG SIG ...              strict majority: more than half of the signals are 1
//   NAME = thr T W*SIG W*SIG ...        [sum W*SIG >= T], at least one weighted signal;
//                                       integers of either sign, at most 4096 bits each
//   output NAME = SIG SIG ...           an output bus, least significant bit first
//
// A signal SIG is a gate NAME, an input bit NAME[i], the constant 0 or 1, and may carry a
// leading '!' for its complement. Names are [A-Za-z_][A-Za-z0-9_.]* and are defined once;
// a gate may only read signals defined on earlier lines. Gates go through the builder, so
// they are canonicalised (constants folded, weights normalised) exactly like constructed ones.
// Limits, checked as the file is read (netlist_limits): gates, bus widths, fan-in, weight bits
// and input bits in all.
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>

#include "core/circuit.hpp"

namespace tc0 {

// "FILE:LINE: what was expected"
struct netlist_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct netlist_limits {
  uint64_t max_gates = 10'000'000;
  uint32_t max_bus_width = 1u << 16;
  uint32_t max_fanin = 1u << 20;
  unsigned max_weight_bits = 4096;
  uint64_t max_input_bits = 1u << 20;  // all input buses together
};

circuit read_netlist(std::istream& in, std::string const& file_name,
                     netlist_limits const& limits = {});
circuit read_netlist_file(std::string const& path, netlist_limits const& limits = {});

// Gates are named g<index>; the stage of each gate is written as a comment line.
void write_netlist(std::ostream& out, circuit const& c);

}  // namespace tc0
