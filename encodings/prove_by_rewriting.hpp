// Equations and congruences by rewriting and normalisation, without a solver (issue 3, SPEC §4:
// ring identities are proved by normalising integer polynomials, not by bit-blasting).
//
// A goal clause lhs = rhs mod M (0 <= lhs < M on every assignment, so the congruence is the
// clause) holds when D = lhs - rhs, rewritten with the hypotheses' equalities, normalises to a
// polynomial whose every coefficient is a multiple of M: such a polynomial takes only multiples
// of M on 0/1 values. An exact goal clause lhs = rhs holds when D normalises to the zero
// polynomial, using exact hypotheses only. The rewriting uses clauses value(out) = e (exact, or
// modulo a multiple of M): a one-bit exact clause o = e substitutes e for o everywhere
// (o e' = e e' for every monomial e'); a wider one is subtracted as lambda (value(out) - e)
// with an integer lambda that cancels the coefficient of one of its bits in D. Both keep D's
// value (modulo M) on every assignment that satisfies the hypotheses. Rewriting starts at the
// latest node (the highest index) and works towards the inputs.
//
// The method is incomplete by design: when D does not vanish it says nothing (neither a proof
// nor a counterexample), and the caller goes on to the solvers. Where it applies it is exact and
// fast: int.div's remainder R = A - Q B mod 2^m in milliseconds, which bit-blasted is a
// multiplier (10 s at m = 8, timeout at m = 10) and in linear arithmetic timed out at m = 8;
// the column-sum block's composition (the sum is the weighted count of its columns' bits, from
// the counters', block sums' and adder's equations): int.div's CRT sum at m = 11 in 0.4 s and
// at m = 14 in 1.7 s (in linear arithmetic 81-162 s already at m = 9). Each step finds the
// latest node and the monomials that mention it through an index, not by scanning D: with the
// scan, the same sums took 8 s and 119 s.
#pragma once

#include <string>
#include <vector>

#include "core/linear_spec.hpp"

namespace tc0 {

struct rewriting_outcome {
  bool proved = false;
  std::string note;  // proved: what was used; otherwise why the method stopped
};

// Every clause of `goal` must be a value_equals clause, exact or modular (and the goal must have
// no preconditions to prove); otherwise the method does not apply. The rewriting stops, not
// proved, after `max_seconds` (0: no limit).
rewriting_outcome prove_by_rewriting(std::vector<linear_spec const*> const& hypotheses,
                                     linear_spec const& goal, double max_seconds = 0);

}  // namespace tc0
