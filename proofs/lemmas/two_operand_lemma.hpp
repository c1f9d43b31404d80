// The shape the two-operand integer lemmas share: inputs a and b of m bits, one stage that
// computes one output bus, and the lemma's specification doubling as the stage's.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct two_operand_shape {
  std::string name, title, paper_ref, claim;
  std::string stage;   // name of the single stage
  std::string output;  // name of the output bus
  std::function<unsigned(unsigned m)> output_width;
  std::function<std::vector<signal>(circuit&, std::vector<signal> const& a,
                                    std::vector<signal> const& b)>
      body;
  std::function<linear_spec(circuit const&, parameters const&)> specification;
  unsigned depth_bound = 0;
  double degree_bound = 0;
};

lemma make_two_operand_lemma(two_operand_shape shape);

}  // namespace tc0
