// The binary value of a small weighted sum, in depth 2 (the workhorse of iterated addition).
//
// Layer 1 is the thermometer code G_t = [sum_i w_i l_i >= t] for t = 1..T (T = sum of the
// weights). Layer 2 writes bit r of the sum as one threshold gate over the thermometer:
// bit r is set exactly when the sum lies in some [a 2^(r+1) + 2^r, (a+1) 2^(r+1)), and because
// G is monotone, sum_a (G_(a 2^(r+1) + 2^r) - G_((a+1) 2^(r+1))) is 1 inside such an interval and
// 0 outside, so bit r = [that sum >= 1]. Size O(T) gates of fan-in k; weights stay as small as
// the inputs' (no exponential weights), which is why T must be polynomial.
#pragma once

#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

// Throws std::invalid_argument if the weights are not positive or their sum exceeds 2^20.
std::vector<signal> create_weighted_counter(circuit& c, std::vector<signal> const& literals,
                                            std::vector<big_int> const& weights);

}  // namespace tc0
