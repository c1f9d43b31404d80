#include "core/verilog.hpp"

#include <cctype>
#include <ostream>

namespace tc0 {

std::string verilog_port(std::string const& prefix, std::string const& bus_name) {
  std::string r = prefix + "_";
  for (char ch : bus_name) r += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return r;
}

void write_verilog(std::ostream& out, circuit const& c, std::string const& module_name,
                   std::string const& comment) {
  std::vector<std::string> name(c.num_nodes());
  name[0] = "1'b0";
  out << "// " << comment << "\n// exported by tc0check: threshold gates as comparisons of "
      << "weighted sums\nmodule " << module_name << " (";
  std::string sep;
  for (auto const& b : c.input_buses()) {
    out << sep << "\n  input wire [" << b.bits.size() - 1 << ":0] " << verilog_port("in", b.name);
    sep = ",";
    for (size_t i = 0; i < b.bits.size(); ++i)
      name[b.bits[i].index()] = verilog_port("in", b.name) + "[" + std::to_string(i) + "]";
  }
  for (auto const& b : c.output_buses()) {
    out << sep << "\n  output wire [" << b.bits.size() - 1 << ":0] " << verilog_port("out", b.name);
    sep = ",";
  }
  out << "\n);\n";
  auto lit = [&](signal s) { return (s.complemented() ? "~" : "") + name[s.index()]; };
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    auto const k = c.kind(n);
    if (!info(k).is_gate) continue;
    name[n] = "n" + std::to_string(n);
    out << "  wire " << name[n] << " = ";
    auto const f = c.fanins(n);
    switch (k) {
      case gate_kind::constant:
      case gate_kind::input:
        break;
      case gate_kind::and_:
      case gate_kind::or_:
        for (size_t i = 0; i < f.size(); ++i)
          out << (i ? (k == gate_kind::and_ ? " & " : " | ") : "") << lit(f[i]);
        break;
      case gate_kind::maj:
      case gate_kind::threshold: {
        big_int total = 0;
        for (uint32_t i = 0; i < f.size(); ++i) total += c.weight(n, i);
        auto const t = c.threshold(n);
        if (t <= 0 || t > total) {
          out << (t <= 0 ? "1'b1" : "1'b0");
          break;
        }
        auto const width = std::to_string(width_for(total) + 1) + "'d";
        out << "(";
        for (uint32_t i = 0; i < f.size(); ++i)
          out << (i ? " + " : "") << "(" << lit(f[i]) << " ? " << width << c.weight(n, i) << " : "
              << width << "0)";
        out << ") >= " << width << t;
        break;
      }
    }
    out << ";\n";
  }
  for (auto const& b : c.output_buses())
    for (size_t i = 0; i < b.bits.size(); ++i)
      out << "  assign " << verilog_port("out", b.name) << "[" << i << "] = " << lit(b.bits[i])
          << ";\n";
  out << "endmodule\n";
}

}  // namespace tc0
