#include "core/simulate.hpp"

#include <stdexcept>

namespace tc0 {

simulator::simulator(circuit const& c) : c_{c}, plan_of_(c.num_nodes(), -1) {
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    auto const k = c.kind(n);
    if (k != gate_kind::maj && k != gate_kind::threshold) continue;
    sum_plan p;
    big_int total = 0;
    auto const fanin = static_cast<uint32_t>(c.fanins(n).size());
    for (uint32_t i = 0; i < fanin; ++i) {
      p.bit_begin.push_back(static_cast<uint32_t>(p.bits.size()));
      auto const w = c.weight(n, i);
      total += w;
      for (unsigned b = 0; b < bit_width(w); ++b)
        if (boost::multiprecision::bit_test(w, b)) p.bits.push_back(static_cast<uint16_t>(b));
    }
    p.bit_begin.push_back(static_cast<uint32_t>(p.bits.size()));
    auto const t = c.threshold(n);
    p.planes = std::max(bit_width(total), bit_width(t));
    if (p.planes > 65535) throw std::length_error("threshold gate weights too wide to simulate");
    for (uint32_t q = 0; q < p.planes; ++q)
      p.threshold_bits.push_back(boost::multiprecision::bit_test(t, q));
    plan_of_[n] = static_cast<int32_t>(plans_.size());
    plans_.push_back(std::move(p));
  }
}

}  // namespace tc0
