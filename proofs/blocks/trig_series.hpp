// The constants of float.sin's and float.cos's fixed-point algorithm (proofs/blocks/float_trig.hpp)
// and their error budget, in exact rationals.
//
// On the domain |x| <= 2^K: X = floor(|x| 2^F); T = X L with L ~ (2/pi) 2^G, so that
// y^ = T / 2^(F+G) ~ y = |x| 2/pi; q = floor(y^) mod 4 (T's bits F+G, F+G+1) and Phi the WF
// bits below (phi = Phi / 2^WF, the fraction truncated). With the quadrant q' = q (sin) or q + 1
// (cos), f(|x|) = (-1)^(q'_1) sin(pi/2 psi) for psi = phi (q' even) or 1 - phi (q' odd), up to
// the reduction error; Psi = psi 2^WF (WF + 1 bits).
//   sin(pi/2 psi) = psi h(psi^2), h(z) = sum_j (-1)^j a_j z^j, a_j = (pi/2)^(2j+1) / (2j+1)!,
// and h is in [1, pi/2] on [0, 1]: so h needs only absolute accuracy, while the relative error
// of psi (the reduction) is what the zeros of f make hard. h's terms: Psi_j = psi truncated to
// b_j fraction bits (Psi's top b_j + 1 bits), R_j = floor(Psi_j^(2j) / 2^(2j b_j - c)) (the
// power's top bits), Hbig = sum_j (-1)^j A_j R_j (A_j ~ a_j 2^G2; R_0 = 2^c),
// H = floor(Hbig / 2^c) ~ h(psi^2) 2^G2; R = Psi H ~ sin(pi/2 psi) 2^(WF+G2); the result is
// round_p((-1)^sigma floor(R / 2^DR) 2^(DR - WF - G2)) with sigma = s XOR q_1 (sin) or
// q_0 XOR q_1 (cos).
// sin only: |x| < 2^-p gives r = x (|x - sin x| <= |x|^3 / 6 is below 2^(-2p-1) |sin x| there).
//
// How close x comes to a zero of f on the computed path (the worst cancellation, which fixes
// how many bits of 2/pi the reduction needs): zero_gap(), from the floats adjacent to each zero
// k pi (sin, k >= 1; and 2^-p for the zero at 0) or (k + 1/2) pi (cos) up to 2^K. Then
// |f(x)| >= (2/pi) gap on the path, and the reduction must be accurate to that relative.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/approximation.hpp"
#include "core/float_format.hpp"

namespace tc0 {

// The closest a float of the domain comes to a zero of f (sin: |x| >= 2^-p; cos: every x),
// |x| <= 2^K: a lower bound `gap` on |x - z| and the float `worst` (positive) where it is
// attained (gap is within 2^-200 of the true distance there), and the zero's multiple of pi/2.
struct zero_gap {
  rational gap;
  float_value worst;
  unsigned long long multiple = 0;  // z = multiple pi / 2
};
zero_gap trig_zero_gap(approximated_function f, float_format const& fmt, unsigned K);

struct trig_plan {
  float_format format;
  approximated_function function = approximated_function::sin;
  unsigned K = 0;           // the domain |x| <= 2^K
  rational gap;             // trig_zero_gap's, what the widths were chosen for
  unsigned F = 0, G = 0;    // X = floor(|x| 2^F); L's fraction bits
  big_int L;                // ~ (2/pi) 2^G
  unsigned WF = 0;          // Phi's bits
  unsigned N = 0;           // the last term of h
  std::vector<unsigned> b;  // b[j]: Psi_j's fraction bits, j = 1..N (b[0] unused)
  unsigned c = 0;           // the rows' fraction bits
  unsigned G2 = 0;          // the coefficients' fraction bits
  std::vector<big_int> A;   // A_j ~ a_j 2^G2, j = 0..N
  unsigned DR = 0;          // the low bits of R the round stage does not read

  bool bypass() const { return function == approximated_function::sin; }
  unsigned I() const { return K + 1; }  // huge = |x| >= 2^(K+1): beyond the domain
  unsigned X_bits() const { return I() + F; }
  unsigned q_bit() const { return F + G; }  // q_0 = T's bit F + G, q_1 = T's bit F + G + 1
  int64_t round_offset() const {
    return static_cast<int64_t>(DR) - static_cast<int64_t>(WF) - static_cast<int64_t>(G2);
  }
  // R_j = Psi_j^(2j) / 2^shift(j) (shift < 0: R_j = Psi_j^(2j) 2^-shift, no truncation)
  int64_t shift(unsigned j) const {
    return 2 * static_cast<int64_t>(j) * b.at(j) - static_cast<int64_t>(c);
  }
};

// Deliberate faults for the tests and the paper gap: a bit of L (2/pi) flipped, a term of h left
// out, or L's precision chosen for a smaller domain 2^K_pi (the same construction applied beyond
// the domain it was made for: the paper's "every p-bit float").
struct trig_faults {
  bool pi_bit_flipped = false;
  std::optional<unsigned> missing_term;
  std::optional<unsigned> pi_bits_for_K;
};

trig_plan plan_trig(approximated_function f, float_format const& fmt, unsigned K,
                    trig_faults const& faults = {});

// The budget, from the plan's constants and exact enclosures of pi (core/enclosure.hpp), with
// the gap recomputed from the format and K (not taken from the plan):
//   delta = 2^-F L / 2^G + 2^K |L / 2^G - 2/pi| + 2^-WF   (|psi - psi_true|)
//   e_red = (pi/2) delta / m, m = (2/pi) gap   (relative error of sin(pi/2 psi): |f(x)| >= m)
//   e_h   = sum_j (|A_j / 2^G2 - a_j| + A_j / 2^G2 (2j 2^-b_j + 2^-c)) + a_(N+1) + 2^-G2
//           (absolute, and relative since h >= 1)
//   tau   = 2^DR / ((1 - e_red)(1 - e_h) m 2^(WF+G2))   (R's dropped bits)
//   total = max((1 + e_red)(1 + e_h) - 1, 1 - (1 - e_red)(1 - e_h)(1 - tau))
// must be at most 2^(-2p-1) (with the precision rule, core/precision_rule.hpp); also
// Hbig in [0, 2^W) for W = G2 + c + 2, and (sin) (2^-2p / 6) / (1 - 2^-2p / 6) <= 2^(-2p-1) for
// the bypass.
struct trig_budget {
  rational delta, e_red, e_h, tau, total, m;
  std::optional<std::string> failure;
};
trig_budget check_trig_budget(trig_plan const& plan);

}  // namespace tc0
