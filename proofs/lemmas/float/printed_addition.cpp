#include "proofs/lemmas/float/printed_addition.hpp"

#include <vector>

namespace tc0 {

float_value printed_add(float_format const& f, float_value const& a, float_value const& b) {
  auto const& big = a.exponent >= b.exponent ? a : b;
  auto const& small = a.exponent >= b.exponent ? b : a;
  auto const d = static_cast<unsigned>(big.exponent - small.exponent);
  constexpr unsigned guard = 3;  // two guard bits and the sticky position
  big_int const A = big.magnitude << guard;
  big_int const B_full = small.magnitude << guard;
  big_int B = B_full >> d;
  if ((B << d) != B_full) B |= 1;  // sticky: some bit was shifted out
  big_int const S = (big.negative ? -A : A) + (small.negative ? -B : B);
  auto const e = big.exponent - static_cast<int64_t>(guard);
  rational x{S};
  x = e >= 0 ? x * rational{pow2(static_cast<unsigned>(e))}
             : x / rational{pow2(static_cast<unsigned>(-e))};
  return round_to_format(f, x);
}

printed_add_survey survey_printed_add(float_format const& f, int64_t zero_exponent) {
  auto floats = valid_floats(f);
  floats.front().exponent = zero_exponent;
  printed_add_survey out;
  for (auto const& a : floats)
    for (auto const& b : floats) {
      ++out.pairs;
      auto const exact = round_to_format(f, to_rational(a) + to_rational(b));
      if (printed_add(f, a, b) == exact) continue;
      if (!out.first) out.first = std::make_pair(a, b);
      ++out.disagreements;
    }
  return out;
}

}  // namespace tc0
