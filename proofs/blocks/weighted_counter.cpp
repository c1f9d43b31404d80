#include "proofs/blocks/weighted_counter.hpp"

#include <stdexcept>

namespace tc0 {

std::vector<signal> create_weighted_counter(circuit& c, std::vector<signal> const& literals,
                                            std::vector<big_int> const& weights) {
  big_int total = 0;
  for (auto const& w : weights) {
    if (w <= 0) throw std::invalid_argument("weighted counter: weights must be positive");
    total += w;
  }
  if (total > pow2(20)) throw std::invalid_argument("weighted counter: sum of weights above 2^20");
  auto const T = static_cast<uint64_t>(total);
  std::vector<signal> thermometer(T + 1, const_true);  // thermometer[t] = [sum >= t]; [0] is true
  for (uint64_t t = 1; t <= T; ++t)
    thermometer[t] = c.create_threshold(literals, weights, big_int(t));
  auto const width = width_for(total);
  std::vector<signal> bits;
  for (unsigned r = 0; r < width; ++r) {
    uint64_t const period = uint64_t{1} << (r + 1), half = uint64_t{1} << r;
    std::vector<signal> g;
    std::vector<big_int> w;
    for (uint64_t start = half; start <= T; start += period) {
      g.push_back(thermometer[start]);
      w.push_back(1);
      if (start + half <= T) g.push_back(thermometer[start + half]), w.push_back(-1);
    }
    bits.push_back(c.create_threshold(std::move(g), std::move(w), 1));
  }
  return bits;
}

}  // namespace tc0
