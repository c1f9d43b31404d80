#include "proofs/blocks/carry_lookahead_adder.hpp"

namespace tc0 {

std::vector<signal> create_carry_lookahead_sum(circuit& c, std::vector<signal> a,
                                               std::vector<signal> b, unsigned width) {
  a.resize(width, const_false);
  b.resize(width, const_false);
  std::vector<signal> generate(width), either(width);
  for (unsigned t = 0; t < width; ++t) {
    generate[t] = c.create_and({a[t], b[t]});
    either[t] = c.create_or({a[t], b[t]});
  }
  std::vector<signal> sum;
  for (unsigned k = 0; k < width; ++k) {
    std::vector<signal> y{a[k], b[k]};
    for (unsigned j = 0; j < k; ++j) {
      std::vector<signal> term{a[j], b[j]};
      for (unsigned t = j + 1; t < k; ++t) term.push_back(!generate[t]), term.push_back(either[t]);
      y.push_back(c.create_and(std::move(term)));
    }
    std::vector<big_int> ones(y.size(), 1);
    auto const at_least_two = c.create_threshold(y, ones, 2);
    auto parity_in = y;
    parity_in.push_back(at_least_two);
    ones.push_back(-2);
    sum.push_back(c.create_threshold(std::move(parity_in), std::move(ones), 1));
  }
  return sum;
}

}  // namespace tc0
