// How float.sqrt's round stage reaches the lemma's correctly rounded square root
// (proofs/blocks/float_root.hpp).
//
// The round stage says r = round_p((2 s + t) 2^(Z + o')); the lemma says
// r = round_p(sqrt(|m| 2^(u + e_min))). The step <prefix>root_rounding (certified) checks on the
// clauses and the operands stage's specification: the same format and outputs, the stage's
// divisor 1 and magnitude t + 2 s, its exponent Z; the lemma's radicand |m| 2^(u + e_min); the
// operands' N' = |m| 2^(p+1+b) and Z = floor(u / 2) + c u_0 with b = u_0 XOR c and
// c = (e_min - p + 1) mod 2 recomputed from the format; and, for every u of the format,
// p + 3 + b + 2 Z + 2 o' = u + e_min, so that 2 sqrt(N') 2^(Z + o') is the lemma's root. With
// s = floor(sqrt(N')) and t = [N' > s^2] (the step root_isqrt): t = 0 gives 2 s = 2 sqrt(N');
// t = 1 puts 2 sqrt(N') and 2 s + 1 in (2 s, 2 s + 2) with 2 s >= 2^(p+1) (N' >= 2^(2p) for
// m != 0), where no point at which round_p changes lies (as for the sticky bit of division,
// proofs/steps/sticky_rounding.hpp); m = 0 gives 0 on both sides. The bound 2 s >= 2^(p+1)
// needs |m| >= 2^(p-1) for m != 0: x valid, which the cited step root_operand must state (the
// conditions rebuilt from m, u and the sign bit). Its conclusion (goal) is the
// lemma's clause; the function returns its index.
#pragma once

#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct root_rounding_facts {
  size_t operands_stage = 0;  // states N' and Z (clauses named "N'" and "Z")
  size_t isqrt_step = 0;      // s^2 <= N' < (s + 1)^2, t = [N' > s^2]
  size_t valid_step = 0;      // x is valid
  std::vector<signal> m, u;   // the operand's magnitude and biased exponent
  std::vector<signal> N, Z, s;
  signal t;
  signal sign;  // the operand's sign bit
};

size_t add_root_rounding(construction& k, std::string const& prefix,
                         spec_clause const& stage_clause, spec_clause const& lemma_clause,
                         root_rounding_facts const& facts);

}  // namespace tc0
