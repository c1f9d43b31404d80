// How two-operand float addition with a sticky-bit alignment (proofs/blocks/aligned_float_sum.hpp)
// reaches r = round_p(a + b) without ever writing the operands' values at a common scale (which
// takes 2^(p+1) bits at the paper's exponent range): narrow facts, each a stage clause or an
// implication proved against the circuit, and one certified theorem that combines them.
//
// The facts (the spec builders below; the certified step rebuilds each from the buses and
// checks that its source states it, proofs/steps/stated_facts.hpp):
//   normalise (stage), for x = a, b with m its magnitude, u its exponent field, c = p - 1:
//       nz_x = [m >= 1];  M_x 2^(j_x) = m 2^c;  v_x = nz_x (u + j_x);  M_x >= 2^c nz_x
//   select (stage): g = [v_a >= v_b]; (M_A, v_A, s_A) = g ? a's : b's, (M_B, v_B, s_B) the other
//   exponent_difference (step): d = v_A - v_B
//   align (stage), with the cut C = L + p:
//       far = [d >= C];  dd = far ? C : d;  T 2^dd + R = M_B 2^L;  R <= 2^dd - 1;  t = [R >= 1]
//   signed_value (step): (1 - 2 negative) N = (1 - 2 s_A) 2^(L+1) M_A + (1 - 2 s_B)(2 T + t)
//   large (step): N >= (2^(p+1) + 1) t
//   round (stage): r = round_p((-1)^negative N 2^(v_A + o)),  o = e_min - c - L - 1
// The theorem (step <prefix>aligned_rounding, its conclusion float_sum_clause over a and b):
//   m_x 2^u_x = M_x 2^(v_x - c) (nz_x = 1: M_x = m_x 2^(c - j_x) and v_x = u_x + j_x; nz_x = 0:
//   m_x = 0 and M_x = 0). {A, B} is {a, b}, so with d = v_A - v_B >= 0 the exact sum is
//   V = 2^(v_A - c - L) (s(A) M_A 2^L + s(B) M_B 2^(L - d)), s(X) = 1 - 2 s_X. If far = 0, dd = d
//   and M_B 2^(L-d) = T + R 2^-d; if far = 1, dd = C <= d, T 2^C <= M_B 2^L < 2^C gives T = 0 and
//   M_B 2^(L-d) = R 2^-d < 2^(C-d) <= 1. Either way M_B 2^(L-d) = T + rho, 0 <= rho < 1, rho > 0
//   exactly when t = 1. So V 2^e_min = 2^(v_A + o) y with y = 2 s(A) M_A 2^L + s(B)(2 T + 2 rho)
//   = (1 - 2 negative) N + s(B)(2 rho - t) (signed_value). t = 0: y is (-1)^negative N exactly.
//   t = 1: N is odd (the right side of signed_value is even plus t), N >= 2^(p+1) + 1 (large),
//   and |y - (-1)^negative N| = |2 rho - 1| < 1: y and (-1)^negative N lie in the same open
//   interval (2Q, 2Q + 2) (or its mirror), 2Q = N - 1 >= 2^(p+1), where round_p is constant at
//   any scale 2^(v_A + o): every float and every midpoint at which it changes is a multiple of 2
//   there (proofs/steps/sticky_rounding.hpp). So round_p(V 2^e_min) is the stage's r.
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/normalised_operand.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct aligned_sum_buses {
  float_format f;
  unsigned L = 3;  // guard positions below M_A
  float_bus a, b;
  normalised_operand na, nb;
  signal g;
  std::vector<signal> MA, MB, vA, vB;
  signal sA, sB;
  std::vector<signal> d;
  signal far;
  std::vector<signal> dd, T, R;
  signal t;
  std::vector<signal> N;
  signal negative;
  std::vector<signal> r;
};

// the round stage's offset o
int64_t aligned_sum_offset(float_format const& f, unsigned L);

linear_spec aligned_normalise_spec(aligned_sum_buses const& x);
linear_spec aligned_select_spec(aligned_sum_buses const& x);
linear_spec aligned_difference_goal(aligned_sum_buses const& x);
linear_spec aligned_align_spec(aligned_sum_buses const& x);
linear_spec aligned_signed_value_goal(aligned_sum_buses const& x);
linear_spec aligned_large_goal(aligned_sum_buses const& x);
linear_spec aligned_round_spec(aligned_sum_buses const& x);

// where each fact is stated: stage_specs and composition indices
struct aligned_sum_sources {
  size_t normalise, select, align, round;
  size_t difference, signed_value, large;
};

// The certified step; returns its index. Its goal is float_sum_clause(prefix + "r", f, {a, b}, r).
size_t add_aligned_sum_rounding(construction& k, std::string const& prefix,
                                aligned_sum_buses const& x, aligned_sum_sources const& at);

}  // namespace tc0
