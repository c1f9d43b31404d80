#include "core/dot.hpp"

#include <ostream>
#include <sstream>

namespace tc0 {

void write_dot(std::ostream& out, circuit const& c) {
  out << "digraph tc0check {\n  rankdir=BT;\n  node [fontname=\"Helvetica\"];\n";
  for (auto const& b : c.input_buses())
    for (size_t i = 0; i < b.bits.size(); ++i)
      out << "  n" << b.bits[i].index() << " [shape=box,label=\"" << b.name << '[' << i
          << "]\"];\n";
  auto gate_line = [&](uint32_t n) {
    std::ostringstream label;
    auto const k = c.kind(n);
    label << info(k).name;
    if (k == gate_kind::threshold) {
      label << " >= " << c.threshold(n) << "\\n";
      for (uint32_t i = 0; i < c.fanins(n).size(); ++i) label << (i ? " " : "") << c.weight(n, i);
    }
    return "n" + std::to_string(n) + " [shape=ellipse,label=\"" + label.str() + "\"];";
  };
  for (uint32_t s = 0; s < c.stages().size(); ++s) {
    bool const cluster = s > 0;
    if (cluster)
      out << "  subgraph cluster_" << s << " {\n    label=\"" << c.stages()[s].name << "\";\n";
    for (uint32_t n = 0; n < c.num_nodes(); ++n)
      if (info(c.kind(n)).is_gate && c.stage_of(n) == s)
        out << (cluster ? "    " : "  ") << gate_line(n) << '\n';
    if (cluster) out << "  }\n";
  }
  bool constant_used = false;
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    if (!info(c.kind(n)).is_gate) continue;
    for (auto s : c.fanins(n)) {
      constant_used |= s.index() == 0;
      out << "  n" << s.index() << " -> n" << n << (s.complemented() ? " [style=dashed]" : "")
          << ";\n";
    }
  }
  for (auto const& b : c.output_buses())
    for (size_t i = 0; i < b.bits.size(); ++i) {
      out << "  out_" << b.name << '_' << i << " [shape=box,label=\"" << b.name << '[' << i
          << "]\"];\n";
      out << "  n" << b.bits[i].index() << " -> out_" << b.name << '_' << i
          << (b.bits[i].complemented() ? " [style=dashed]" : "") << ";\n";
      constant_used |= b.bits[i].index() == 0;
    }
  if (constant_used) out << "  n0 [shape=plaintext,label=\"0\"];\n";
  out << "}\n";
}

}  // namespace tc0
