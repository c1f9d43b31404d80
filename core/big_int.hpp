// Arbitrary-precision integers (SPEC §1: threshold weights are integers of arbitrary precision).
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

namespace tc0 {

using big_int = boost::multiprecision::cpp_int;

// Number of bits of |v| (0 for v = 0).
inline unsigned bit_width(big_int const& v) {
  if (v == 0) return 0;
  return static_cast<unsigned>(boost::multiprecision::msb(boost::multiprecision::abs(v))) + 1;
}

inline big_int pow2(unsigned k) {
  return big_int{1} << k;
}

// Smallest w with 2^w > v, for v >= 0: the width of an unsigned field holding values 0..v.
inline unsigned width_for(big_int const& v) {
  return v <= 0 ? 1 : bit_width(v);
}

}  // namespace tc0
