#include "core/metrics.hpp"

#include <algorithm>

namespace tc0 {

std::vector<uint32_t> levels(circuit const& c) {
  std::vector<uint32_t> level(c.num_nodes(), 0);
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    if (!info(c.kind(n)).is_gate) continue;
    uint32_t l = 0;
    for (auto s : c.fanins(n)) l = std::max(l, level[s.index()]);
    level[n] = l + 1;
  }
  return level;
}

uint32_t depth_of(circuit const&, std::vector<uint32_t> const& node_levels,
                  std::vector<bus> const& buses) {
  uint32_t d = 0;
  for (auto const& b : buses)
    for (auto s : b.bits) d = std::max(d, node_levels[s.index()]);
  return d;
}

circuit_metrics measure(circuit const& c) {
  circuit_metrics m;
  m.depth = depth_of(c, levels(c), c.output_buses());
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    auto const k = c.kind(n);
    switch (k) {
      case gate_kind::constant:
      case gate_kind::input:
        continue;
      case gate_kind::and_:
        ++m.and_gates;
        break;
      case gate_kind::or_:
        ++m.or_gates;
        break;
      case gate_kind::maj:
        ++m.maj_gates;
        break;
      case gate_kind::threshold:
        ++m.threshold_gates;
        break;
    }
    ++m.size;
    auto const fanin = static_cast<uint32_t>(c.fanins(n).size());
    m.wires += fanin;
    m.max_fanin = std::max(m.max_fanin, fanin);
    auto const w = c.explicit_weights(n);
    if (w.empty()) {
      m.maj_size += fanin;
      m.max_weight_bits = std::max(m.max_weight_bits, 1u);
    } else {
      for (auto const& x : w) {
        m.maj_size += x;
        m.max_weight_bits = std::max(m.max_weight_bits, bit_width(x));
      }
      m.max_weight_bits = std::max(m.max_weight_bits, bit_width(c.threshold(n)));
    }
  }
  return m;
}

uint64_t cone_wires(circuit const& c, std::vector<uint32_t> const& roots) {
  std::vector<bool> seen(c.num_nodes(), false);
  std::vector<uint32_t> stack = roots;
  uint64_t wires = 0;
  while (!stack.empty()) {
    auto const n = stack.back();
    stack.pop_back();
    if (seen[n]) continue;
    seen[n] = true;
    wires += c.fanins(n).size();
    for (auto s : c.fanins(n))
      if (!seen[s.index()]) stack.push_back(s.index());
  }
  return wires;
}

}  // namespace tc0
