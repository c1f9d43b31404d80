#include "proofs/cli/exports.hpp"

#include <stdexcept>

#include "core/aiger.hpp"
#include "core/dot.hpp"
#include "core/netlist.hpp"
#include "core/verilog.hpp"

namespace tc0::cli {

std::vector<std::string> const& export_formats() {
  static std::vector<std::string> const formats{"netlist", "dot", "verilog", "aag", "aig"};
  return formats;
}

std::string export_extension(std::string const& format) {
  if (format == "netlist") return ".net";
  if (format == "verilog") return ".v";
  return "." + format;
}

void write_export(std::ostream& out, circuit const& c, std::string const& format,
                  std::string const& name, std::string const& title) {
  if (format == "dot")
    write_dot(out, c);
  else if (format == "verilog")
    write_verilog(out, c, "tc0_" + verilog_port("", name).substr(1), title);
  else if (format == "aag" || format == "aig")
    write_aiger(out, lower_to_aig(c), title,
                format == "aig" ? aiger_mode::binary : aiger_mode::ascii);
  else if (format == "netlist") {
    out << "# " << title << "\n";
    write_netlist(out, c);
  } else
    throw std::invalid_argument("no export format '" + format + "'");
}

}  // namespace tc0::cli
