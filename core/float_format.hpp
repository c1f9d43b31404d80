// The paper's p-bit floating-point model (SPEC §2, after Chiang 2024) as data, with an exact
// reference for rounding and the operations (Boost rationals; never a hardware double).
//
// A float is <m, e>: m in (-2^p, -2^(p-1)] ∪ {0} ∪ [2^(p-1), 2^p), e in [e_min, e_max]; value
// m 2^e. The paper's range is e in [-2^p, 2^p); tc0check takes the range as a parameter and says
// which was used. Conventions the paper leaves open, fixed here:
//   - bits: magnitude |m| (p bits), then the exponent stored as u = e - e_min (unsigned, E bits),
//     then the sign (1 = negative). In this order they make one binary value (pack/unpack).
//   - zero: exactly one encoding, <0, e_min>, sign 0 (so 0 never has the larger exponent when
//     operands are aligned; see the printed-definition discrepancy in issue 4).
//   - validity: |m| = 0 with u = 0 and sign 0, or |m| >= 2^(p-1); u <= e_max - e_min.
//   - round_p(x): the nearest valid float to the exact x. The valid floats are a finite set, so
//     values beyond the largest magnitude round to it (saturation, no infinity), and values
//     below the smallest normal round to it or to 0. Ties go to the even significand; the one
//     tie between two even significands (0 and the smallest normal 2^(p-1) 2^e_min) goes to 0.
//   - division by zero (float.div): x / 0 is the largest magnitude with the sign of x (the sign
//     bits' XOR; the zero's is +) for x != 0, as the limit x / eps saturates; 0 / 0 = 0. There is
//     no NaN or infinity in the model.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/big_int.hpp"

namespace tc0 {

using rational = boost::multiprecision::cpp_rational;

// The conventions above in one sentence, for reports and `tc0check check`.
extern char const* const float_conventions;

struct float_format {
  unsigned p = 4;
  int64_t e_min = -16, e_max = 15;

  // The paper's range [-2^p, 2^p) for precision p.
  static float_format paper(unsigned p);
  // [-2^(k-1), 2^(k-1)) for an exponent field of k bits (reduced ranges for big sweeps).
  static float_format with_exponent_bits(unsigned p, unsigned k);

  unsigned exponent_bits() const;  // E = width_for(e_max - e_min)
  unsigned total_bits() const { return p + exponent_bits() + 1; }
  std::string describe() const;  // "p=4, e in [-16, 15]"
};

struct float_value {
  bool negative = false;
  big_int magnitude = 0;  // |m|
  int64_t exponent = 0;   // e (not biased)

  bool operator==(float_value const&) const = default;
};

bool is_valid(float_format const& f, float_value const& v);
float_value zero_of(float_format const& f);
// 2^k as an exact rational, any sign of k.
rational power_of_two(int64_t k);
// The float (-1)^negative 2^e, magnitude 2^(p-1) (valid when e is in the format's range).
float_value float_power_of_two(float_format const& f, int64_t e, bool negative = false);
// Every valid float of the format: the zero first, then by exponent, magnitude and sign
// (2 (e_max - e_min + 1) 2^(p-1) + 1 of them).
std::vector<float_value> valid_floats(float_format const& f);
rational to_rational(float_value const& v);
// The ends of the normal range: 2^(p-1) 2^e_min and (2^p - 1) 2^e_max.
rational smallest_normal(float_format const& f);
rational largest_magnitude(float_format const& f);
std::string to_string(float_value const& v);  // "<-12, 3>"
// The valid float next to v above it (`up`) or below it; nullopt beyond the largest magnitude.
std::optional<float_value> adjacent_float(float_format const& f, float_value const& v, bool up);

// The bit layout above as one binary value, and back (unpack does not check validity).
big_int pack(float_format const& f, float_value const& v);
float_value unpack(float_format const& f, big_int const& bits);

// round_p with the conventions above.
float_value round_to_format(float_format const& f, rational const& x);
// The same for x = (-1)^negative v / d 2^shift (v >= 0, d > 0), in integer arithmetic: the
// nearest neighbour from one division with remainder, no rationals (several times faster;
// tested equal to the rational definition above).
float_value round_to_format(float_format const& f, big_int const& v, big_int const& d,
                            int64_t shift, bool negative);

}  // namespace tc0
