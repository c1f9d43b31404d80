#include "proofs/blocks/leading_one.hpp"

#include "core/big_int.hpp"

namespace tc0 {

leading_one create_leading_one(circuit& c, std::vector<signal> const& N) {
  auto const w = static_cast<unsigned>(N.size());
  leading_one out;
  out.lead.resize(w);
  for (unsigned j = 0; j < w; ++j) {
    std::vector<signal> lits{N[j]};
    std::vector<big_int> weights{1};
    for (unsigned i = j + 1; i < w; ++i) lits.push_back(N[i]), weights.push_back(-1);
    out.lead[j] = c.create_threshold(std::move(lits), std::move(weights), 1);
  }
  out.nonzero = c.create_or(N);
  unsigned const J = width_for(big_int(w - 1));
  out.position.resize(J);
  for (unsigned k = 0; k < J; ++k) {
    std::vector<signal> terms;
    for (unsigned j = 0; j < w; ++j)
      if ((j >> k) & 1u) terms.push_back(out.lead[j]);
    out.position[k] = terms.empty() ? const_false : c.create_or(std::move(terms));
  }
  out.shifted.resize(w);
  for (unsigned i = 0; i < w; ++i) {
    std::vector<signal> terms;
    for (unsigned j = 0; j < w; ++j)
      if (i + j + 1 >= w) terms.push_back(c.create_and({out.lead[j], N[i + j + 1 - w]}));
    out.shifted[i] = c.create_or(std::move(terms));
  }
  return out;
}

}  // namespace tc0
