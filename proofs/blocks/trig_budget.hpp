// How float.sin's and float.cos's stages reach the lemma's approximation clause
// (proofs/blocks/float_trig.hpp), and the definitions the construction and this step share: each
// derives its bits from the plan and the buses it is given, never from the construction's own
// slices.
//
// The step <prefix>trig_budget (certified) checks that the facts it cites say what the error
// budget assumes (proofs/steps/stated_facts.hpp), each rebuilt here:
//   trig_operands:       requires |x| <= 2^K (a precondition: proved as an implication wherever
//                        the block is built, from the lemma's precondition in float.sin and
//                        float.cos, from the blocks that compute the angle in a composite);
//                        huge = [|x| >= 2^(K+1)], (sin) big = [|x| >= 2^-p]
//   trig_fixed_point:    X = floor(|x| 2^F) unless huge
//   trig_scale_value:    T = L X
//   trig_reduce:         Psi = Phi + sel (2^WF - 2 Phi), sigma = a + b - 2 a b (T's bits by the
//                        plan: Phi = bits qb - WF .. qb - 1, q_0 = bit qb, q_1 = bit qb + 1)
//   the power steps:     value(P_j) = Psi_j^(2j), Psi_j = Psi's bits WF - b_j .. WF
//   trig_pos_value, trig_neg_value: P and Q as the rows' weighted sums (trig_row)
//   trig_difference:     D = P + 2^W - 1 - Q, W >= G2 + c + 2
//   trig_product_value:  R = Psi H, H = D's bits c .. W - 1
//   round:               r' = round_p((-1)^sigma value(R's bits from DR) 2^(DR - WF - G2))
//   trig_select (sin):   r = (1 - big) x + big r' (as bit-vectors)
// and then the budget (check_trig_budget) for the domain K in exact rationals. Its conclusion
// (goal) is the lemma's clause, for |x| <= 2^K (the operands stage's precondition).
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/trig_series.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Row j of h's sum: the power's top bits from shift(j) (all of them where shift(j) <= 0), and the
// column it starts at (-shift(j) where positive, else 0).
std::vector<signal> trig_row(trig_plan const& plan, unsigned j, std::vector<signal> const& power);
unsigned trig_row_scale(trig_plan const& plan, unsigned j);
// W: the difference's width, at least G2 + c + 2 and the sums' widths.
unsigned trig_difference_width(trig_plan const& plan, size_t P_bits, size_t Q_bits);
// The reduce stage's specification over T's bits (padded to qb + 2), the sign s, Psi and sigma.
linear_spec trig_reduce_spec(trig_plan const& plan, std::vector<signal> const& T, signal s,
                             std::vector<signal> const& Psi, signal sigma);
// The select stage's specification: r = (1 - big) x + big r' as bit-vectors.
linear_spec trig_select_spec(float_bus const& x, signal big, std::vector<signal> const& rounded,
                             std::vector<signal> const& r);

struct trig_budget_facts {
  size_t operands_stage = 0, reduce_stage = 0, difference_stage = 0, round_stage = 0;
  size_t select_stage = 0;  // sin only
  size_t fixed_point_step = 0, scale_step = 0, pos_step = 0, neg_step = 0, product_step = 0;
  std::vector<size_t> power_steps;  // for j = 1..N where A_j != 0, in order
  std::vector<signal> m, u;         // the operand's magnitude and biased exponent
  signal s, huge, big, sigma;       // big: sin only
  std::vector<signal> X, T, Psi, P, Q, D, R, rounded, selected;
  std::vector<std::vector<signal>> powers;  // powers[j]: Psi_j^(2j)'s bits
  unsigned W = 0;
};

// `domain_K`: the K of the operands stage's precondition |x| <= 2^K, for which the budget is
// checked.
size_t add_trig_budget(construction& k, std::string const& prefix, trig_plan const& plan,
                       unsigned domain_K, spec_clause const& lemma_clause,
                       trig_budget_facts const& facts);

}  // namespace tc0
