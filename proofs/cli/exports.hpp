// The circuit export formats tc0check writes (export, build-model): netlist, dot, verilog, aag and
// aig.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "core/circuit.hpp"

namespace tc0::cli {

std::vector<std::string> const& export_formats();         // netlist, dot, verilog, aag, aig
std::string export_extension(std::string const& format);  // ".net", ".dot", ".v", ".aag", ".aig"

// `c` in `format` (one of export_formats(); std::invalid_argument otherwise), named `name` (a
// Verilog module tc0_<name>, the netlist's and AIGER's comment `title`).
void write_export(std::ostream& out, circuit const& c, std::string const& format,
                  std::string const& name, std::string const& title);

}  // namespace tc0::cli
