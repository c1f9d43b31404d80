// Structural Verilog export: one module, a port per bus, one continuous assignment per gate.
// AND, OR and MAJ are written as Boolean and counting expressions, a threshold gate as the
// comparison of a weighted sum with its threshold, in widths large enough that the sum cannot
// overflow. NOT stays free: complemented fan-ins are written with '~'. Ports are named
// in_BUS / out_BUS (bus names with other characters than [A-Za-z0-9_] are mapped to '_').
#pragma once

#include <iosfwd>
#include <string>

#include "core/circuit.hpp"

namespace tc0 {

// The port name of a bus in the exported module ("in_a", "out_sum").
std::string verilog_port(std::string const& prefix, std::string const& bus_name);

void write_verilog(std::ostream& out, circuit const& c, std::string const& module_name,
                   std::string const& comment);

}  // namespace tc0
