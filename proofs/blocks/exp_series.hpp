// The constants of float.exp's fixed-point algorithm (proofs/blocks/float_exp.hpp) and its error
// budget, in exact rationals.
//
// For a float x that is not huge (|x| < 2^I): X = floor(|x| 2^F); T = X L with
// L ~ log2(e) 2^G; V = T, or 2^W - T for negative x (two's complement, W = wK + F + G bits), so
// that V / 2^(F+G) is y^ = +-T / 2^(F+G) ~ x log2(e) modulo 2^wK; K = its top wK bits (two's
// complement: floor(y^)), Phi = the WF bits below (phi = Phi / 2^WF, the fraction truncated);
// S = sum_(i<=N) C_i Phi^i 2^((N-i) WF) with C_i ~ (ln 2)^i / i! 2^G2, so that
// S / 2^(G2 + N WF) ~ 2^phi; the result is round_p(S 2^(K - G2 - N WF)) ~ 2^(K + phi) ~ e^x.
// Huge x (|x| >= 2^I) is out of the format's range on either side: the largest float for
// x > 0 (K forced to its maximum), 0 for x < 0 (S forced to 0).
//
// The internal accuracy t (bits) sets F = t + 4, WF = t + 5, G = I + t + 5, G2 = t + 5 +
// width(N + 1) and N (the smallest with 2 (ln 2)^(N+1) / (N+1)! <= 2^-(t+5)); t = 2p + 1 is
// what NEXT-LAYER.md §2 asks for; a smaller t is the paper gap "p plus guard bits".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/float_format.hpp"

namespace tc0 {

struct exp_plan {
  float_format format;
  unsigned t = 0;          // internal accuracy in bits
  unsigned I = 0;          // not huge: |x| < 2^I
  unsigned F = 0;          // X = floor(|x| 2^F)
  unsigned G = 0;          // L's fraction bits
  big_int L;               // ~ log2(e) 2^G
  unsigned wK = 0;         // K's bits, two's complement
  unsigned WF = 0;         // Phi's bits
  unsigned N = 0;          // the last power
  unsigned G2 = 0;         // the coefficients' fraction bits
  std::vector<big_int> C;  // C_i ~ (ln 2)^i / i! 2^G2, i = 0..N

  unsigned W() const { return wK + F + G; }
  unsigned X_bits() const { return I + F; }
  // huge = nonzero AND u >= u_huge (u the biased exponent), i.e. |x| >= 2^I; may be <= 0
  int64_t u_huge() const;
  // the round stage's exponent offset: S 2^(Kb + offset) with Kb = K + 2^(wK-1)
  int64_t offset() const;
  // the low bits of S the round stage does not read (S' = floor(S / 2^D))
  unsigned dropped_bits() const { return N * WF; }
};

// The plan for internal accuracy t (0: 2p + 1) and the smallest I for which huge inputs are out
// of range (checked as in exp_budget_failure).
exp_plan plan_exp(float_format const& f, unsigned t = 0);

// What the budget establishes, and the first thing that fails, if any. From the plan's constants
// and exact enclosures of ln 2 and exp (core/enclosure.hpp):
//   delta_y = 2^I |L / 2^G - log2 e| + 2^-F L / 2^G + 2^-WF   (|x log2 e - (K + phi)|)
//   eps_s   = sum_i |C_i / 2^G2 - (ln 2)^i / i!| + 2 (ln 2)^(N+1) / (N+1)!   (series, phi < 1)
//   tau     = 2^-G2 / (1 - eps_s)   (S' = floor(S / 2^D), D = N WF, and S >= 2^(G2 + D) (1 -
//   eps_s)) total   = max((1 + eps_s) e^(delta_y ln 2) - 1, 1 - (1 - eps_s)(1 - tau) e^(-delta_y ln
//   2))
//             (relative error of S' 2^(K - G2))
// must be at most 2^(-2p-1), and the precision rule (core/precision_rule.hpp) must hold for it;
// K must fit its wK bits and T its W bits; huge x > 0 must give round_p >= the largest float and
// e^x (1 - 2^(-2p-1)) above it; huge x < 0 must have e^x (1 + 2^(-2p-1)) below half the smallest
// normal.
struct exp_budget {
  rational delta_y, eps_s, tau, total;
  std::optional<std::string> failure;
};
exp_budget check_exp_budget(exp_plan const& plan);

}  // namespace tc0
