#include "proofs/blocks/truth_table.hpp"

#include <stdexcept>

namespace tc0 {

std::vector<signal> create_truth_table(circuit& c, std::vector<signal> const& inputs,
                                       unsigned width,
                                       std::function<std::optional<uint64_t>(uint64_t)> const& f) {
  if (inputs.size() > 16)
    throw std::invalid_argument("truth table: " + std::to_string(inputs.size()) +
                                " inputs, at most 16");
  std::vector<std::vector<signal>> ones(width);
  for (uint64_t pattern = 0; pattern < (uint64_t{1} << inputs.size()); ++pattern) {
    auto const value = f(pattern);
    if (!value || *value == 0) continue;
    std::vector<signal> literals;
    for (size_t i = 0; i < inputs.size(); ++i)
      literals.push_back((pattern >> i) & 1 ? inputs[i] : !inputs[i]);
    auto const minterm = c.create_and(std::move(literals));
    for (unsigned b = 0; b < width; ++b)
      if ((*value >> b) & 1) ones[b].push_back(minterm);
  }
  std::vector<signal> out;
  for (auto& terms : ones) out.push_back(c.create_or(std::move(terms)));
  return out;
}

}  // namespace tc0
