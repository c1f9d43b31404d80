// How iterated float addition by gap clustering (proofs/blocks/clustered_float_sum.hpp) reaches
// r = round_p(x_0 + ... + x_(n-1)) without writing the operands' values at a common scale (2^(p+1)
// bits at the paper's exponent range): narrow facts, each a stage clause or an implication proved
// against the circuit, and one certified theorem (../shared/NEXT-LAYER.md §3, made exact).
//
// The facts (rebuilt by the certified step from the buses and checked against their sources,
// proofs/steps/stated_facts.hpp), with c = p - 1, G = 2p + ceil(log2 n) + 3, n clusters:
//   normalise (stage), every i: m_i 2^u_i = M_i 2^(v_i - c) in the clauses of
//       blocks/normalised_operand.hpp
//   cluster (stage): every operand in exactly one cluster (member_ic one-hot in c); low_c is the
//       v of one member of cluster c (lowest_ic); members lie in [low_c, low_c + (n-1) G];
//       member_jc' with c < c' gives v_j + G + 1 <= low_c (a gap above G between clusters);
//       L_i = sum_c member_ic low_c, L_i <= v_i <= L_i + (n-1) G
//   offset_i (steps): d_i = v_i - L_i
//   align (stage): Y_i = M_i 2^(d_i mod 2^DW), requiring d_i <= (n-1) G < 2^DW (DW its width)
//   cluster<c>_mask (stages): R_ci = member_ic Y_i
//   cluster<c>_value (steps): (1 - 2 neg_c) S_c = sum_i (1 - 2 s_i) R_ci
//   select (stage): nz_c = [S_c >= 1]; first_c = the first nonzero cluster, second_c the next
//       nonzero one; S* = sum_c first_c S_c, neg*, low* likewise; t = sum_c second_c;
//       neg2 = sum_c second_c neg_c; down = t AND [neg2 != neg*]
//   sticky (stage): N = 2^(p+3) S* - 2 down + t
//   round (stage): r = round_p((-1)^neg* N 2^(low* + o)), o = e_min - 2p - 2
// The theorem (step <prefix>clustered_rounding, its conclusion float_sum_clause):
//   V = sum_i (1 - 2 s_i) m_i 2^u_i = sum_c 2^(low_c - c) (1 - 2 neg_c) S_c (normalise, one
//   cluster each, offsets, align and its precondition, masks, cluster values). No nonzero
//   cluster: V = 0 = N. Else c* the first: clusters before it add 0, and every operand j of a
//   later cluster has |x_j| < 2^p 2^(v_j - c) <= 2^(p + low* - G - 1 - c), so the later
//   clusters add rho 2^(low* - c) with |rho| < n 2^(p - G - 1) <= 2^(-p-4); by the same bound
//   one level down, rho is 0 if no later cluster is nonzero and has the sign of the next
//   nonzero one otherwise (S_c2 >= 1 outweighs what follows it). At the round stage's scale
//   2^(low* + o) the exact value is 2^(p+3) ((1 - 2 neg*) S* + rho): t = 0 gives (-1)^neg* N
//   exactly; t = 1 puts its magnitude strictly between 2^(p+3) S* and 2^(p+3) S* + 1
//   (down = 0) or 2^(p+3) S* - 1 and 2^(p+3) S* (down = 1), inside (2Q, 2Q + 2) with
//   N = 2Q + 1 and 2Q >= 2^(p+3) - 2 >= 2^(p+1), where round_p is constant
//   (proofs/steps/sticky_rounding.hpp). So round_p(V 2^e_min) is r.
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/normalised_operand.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct clustered_sum_buses {
  float_format f;
  unsigned G = 0;
  std::vector<float_bus> xs;
  std::vector<normalised_operand> ns;
  std::vector<std::vector<signal>> member, lowest;  // [i][c]
  std::vector<signal> nonempty;                     // [c]
  std::vector<std::vector<signal>> low;             // [c]
  std::vector<std::vector<signal>> chosen_low;      // [i]: L_i = sum_c member_ic low_c
  std::vector<std::vector<signal>> d, Y;            // [i]
  std::vector<std::vector<std::vector<signal>>> R;  // [c][i]
  std::vector<std::vector<signal>> S;               // [c]
  std::vector<signal> neg;                          // [c]
  std::vector<signal> nz, first, second;            // [c]
  std::vector<signal> S_star, low_star;
  signal neg_star, t, neg2, down;
  std::vector<signal> N, r;
};

// the gap G for n operands at precision p
unsigned cluster_gap(unsigned n, unsigned p);
int64_t clustered_sum_offset(float_format const& f);

linear_spec clustered_normalise_spec(clustered_sum_buses const& x);
linear_spec clustered_cluster_spec(clustered_sum_buses const& x);
linear_spec clustered_offset_goal(clustered_sum_buses const& x, size_t i);
linear_spec clustered_align_spec(clustered_sum_buses const& x);
linear_spec clustered_mask_spec(clustered_sum_buses const& x, size_t c);
linear_spec clustered_cluster_value_goal(clustered_sum_buses const& x, size_t c);
linear_spec clustered_select_spec(clustered_sum_buses const& x);
linear_spec clustered_sticky_spec(clustered_sum_buses const& x);
linear_spec clustered_round_spec(clustered_sum_buses const& x);

struct clustered_sum_sources {
  size_t normalise, cluster, align, select, sticky, round;
  std::vector<size_t> masks;                    // stages
  std::vector<size_t> offsets, cluster_values;  // steps
};

size_t add_clustered_sum_rounding(construction& k, std::string const& prefix,
                                  clustered_sum_buses const& x, clustered_sum_sources const& at);

}  // namespace tc0
