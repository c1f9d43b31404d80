// Primality of small moduli (the Chinese-remainder plans, formulas modulo a prime), by trial
// division.
#pragma once

#include <cstdint>

namespace tc0 {

inline bool is_prime(uint64_t q) {
  if (q < 2) return false;
  for (uint64_t d = 2; d <= q / d; ++d)
    if (q % d == 0) return false;
  return true;
}

}  // namespace tc0
