// The leading one of a binary number and the number shifted so that it sits at the top, in depth
// 3 (round_to_format's first two steps, and the operands of float addition):
//   lead_j = [N_j - sum_(i>j) N_i >= 1] (one threshold gate each); position j in binary (ORs of
//   the leads); shifted_i = N_(i - (w - 1 - j)) (AND-OR over the leads); nonzero = OR of N.
// For N = 0 every lead, the position and the shifted bits are 0.
#pragma once

#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

struct leading_one {
  std::vector<signal> lead;      // one-hot (or all 0 for N = 0), w bits
  std::vector<signal> position;  // j, width_for(w - 1) bits
  std::vector<signal> shifted;   // N 2^(w - 1 - j), w bits
  signal nonzero;
};

leading_one create_leading_one(circuit& c, std::vector<signal> const& N);

}  // namespace tc0
