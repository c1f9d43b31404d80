#include "proofs/blocks/mux.hpp"

namespace tc0 {

std::vector<signal> create_mux(circuit& c, signal a, std::vector<signal> const& x,
                               std::vector<signal> const& y) {
  std::vector<signal> out;
  for (size_t i = 0; i < x.size(); ++i)
    out.push_back(c.create_or({c.create_and({a, x[i]}), c.create_and({!a, y[i]})}));
  return out;
}

}  // namespace tc0
