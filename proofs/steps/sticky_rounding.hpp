// How a float lemma whose exact value is a quotient reaches its rounding specification when the
// round stage is given a truncated quotient and a sticky bit (float division).
//
// The round stage says r = round_p((-1)^sign N 2^(E + o_s)) with N = 2 Q + t, t in {0, 1}; the
// lemma says r = round_p((-1)^sign' V / D 2^(E' + o_l)). With g = o_l - o_s >= 0 and the
// construction's W' (its value of V 2^g) and D' (its value of D), three steps connect them:
//   <prefix>arguments (implication; products read as atoms): sign = sign' mod 2, E = E',
//                     D' = D >= 1, W' = V 2^g; the bracket 2 Q D' <= W' < (2 Q + 2) D';
//                     t = [W' > 2 Q D']; and W' = 0 unless the literal `nonzero` is 1
//   <prefix>large     (implication; bit-vectors first): Q >= 2^p where `nonzero` is 1
//   <prefix>sticky    (certified): the clauses have the shapes above (same format and outputs,
//                     the stage's divisor 1, its magnitude t + 2 Q, g >= 0); then, with
//                     x = W' / D' (the lemma's value at the stage's scale): t = 0 gives x = N;
//                     t = 1 puts x and N in the open interval (2 Q, 2 Q + 2) with
//                     2 Q >= 2^(p+1), where every value round_p returns and every midpoint at
//                     which it changes is a multiple of 2 (ulp >= 4 there; the zero / smallest
//                     normal midpoint and the largest float are such points too when they lie
//                     that high), so round_p, monotone and constant between those points,
//                     gives both the same result. W' = 0 gives x = N = 0. Its conclusion
//                     (goal) is the lemma's clause; the function returns its index.
#pragma once

#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct sticky_quotient {
  linear_expr quotient;  // Q, never negative
  signal sticky;         // t
  linear_expr divisor;   // D', as the construction's quotient relation writes it
  linear_expr dividend;  // W', likewise
  signal nonzero;        // 0 only where W' = 0
};

size_t add_sticky_rounding(construction& k, std::string const& prefix,
                           spec_clause const& stage_clause, spec_clause const& lemma_clause,
                           sticky_quotient const& q, std::vector<size_t> const& stages,
                           std::vector<size_t> const& steps);

}  // namespace tc0
