// Reading a user's circuit from a file, in the format its name says: AIGER for .aag and .aig
// (core/aiger.hpp), the tc0check netlist otherwise (core/netlist.hpp). Errors name the file.
#pragma once

#include <iosfwd>
#include <string>

#include "core/circuit.hpp"

namespace tc0 {

bool is_aiger_path(std::string const& path);

// Throws netlist_error ("FILE:LINE: ...") for either format.
circuit read_circuit_file(std::string const& path);
// The same from a stream; `path` names the format (.aag, .aig: AIGER) and the messages.
circuit read_circuit(std::istream& in, std::string const& path);

}  // namespace tc0
