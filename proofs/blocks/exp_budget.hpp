// How float.exp's stages reach the lemma's approximation clause (proofs/blocks/float_exp.hpp).
//
// The step <prefix>exp_budget (certified) checks that the facts it cites say what the error
// budget assumes — each compared, as canonical text, with its definition rebuilt here from the
// plan's constants and the buses (K and Phi taken from V's bits by the plan's widths):
//   exp_operands:     huge = [u + 2^E nz >= 2^E + max(u_huge, 0)], hp = huge AND NOT s,
//                     hn = huge AND s
//   exp_fixed_point:  X 2^A <= |m| 2^(u + B') < (X + 1) 2^A unless huge, X = 0 where huge
//   exp_scale_value:  T = L X
//   exp_reduce:       V = T + s 2^W - 2 s T mod 2^W
//   the power steps:  value(P_i) = Phi^i
//   exp_rows:         value(row_i) = (1 - hn) value(P_i), row_0 = 1 - hn
//   exp_sum_value:    S = sum_i C_i 2^((N-i) WF) value(row_i)
//   exp_exponent:     Kb = hp (2^wK - 1) + (1 - hp)(K mod 2^(wK-1) + 2^(wK-1) (1 - K_top))
//   round:            r = round_p(value(S's bits from D) 2^(Kb + offset + D)), sign 0
// and then the budget itself (check_exp_budget, proofs/blocks/exp_series.hpp) in exact
// rationals. Its conclusion (goal) is the lemma's clause.
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/exp_series.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct exp_budget_facts {
  size_t operands_stage = 0, reduce_stage = 0, exponent_stage = 0, round_stage = 0;
  size_t fixed_point_step = 0, scale_step = 0, rows_step = 0, sum_step = 0;
  std::vector<size_t> power_steps;  // for i = 2..N where C_i != 0, in order
  std::vector<signal> m, u;         // the operand's magnitude and biased exponent
  signal s, huge, hp, hn;
  std::vector<signal> X, T, V, S, Kb;
  std::vector<std::vector<signal>> powers;  // powers[i]: P_i's bits (powers[1] = Phi)
  std::vector<std::vector<signal>> rows;    // rows[i]: row i's bits (empty where C_i = 0)
};

size_t add_exp_budget(construction& k, std::string const& prefix, exp_plan const& plan,
                      spec_clause const& lemma_clause, exp_budget_facts const& facts);

}  // namespace tc0
