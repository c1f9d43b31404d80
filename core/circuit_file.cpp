#include "core/circuit_file.hpp"

#include <fstream>
#include <new>

#include "core/aiger.hpp"
#include "core/netlist.hpp"
#include "core/printable.hpp"

namespace tc0 {

bool is_aiger_path(std::string const& path) {
  return path.ends_with(".aag") || path.ends_with(".aig");
}

circuit read_circuit_file(std::string const& path) {
  if (!is_aiger_path(path)) return read_netlist_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw netlist_error(path + ": cannot open the file");
  return read_circuit(in, path);
}

circuit read_circuit(std::istream& in, std::string const& path) {
  if (!is_aiger_path(path)) return read_netlist(in, path);
  aig g;
  try {
    g = read_aiger(in, path);  // its messages name the file and line
  } catch (netlist_error const&) {
    throw;
  } catch (std::runtime_error const& e) {
    throw netlist_error(e.what());
  }
  try {
    return to_circuit(g);
  } catch (std::bad_alloc const&) {
    throw;
  } catch (std::exception const& e) {  // the symbol table's, and the circuit's (a bus twice)
    throw netlist_error(path + ": the symbol table: " + printable(e.what()));
  }
}

}  // namespace tc0
