// A goal "e >= 0" proved by a lower bound on e, without a solver.
//
// First the hypotheses' exact equalities value(out) = r are substituted where e reads value(out)
// as a whole (e's coefficients on out's bits are lambda 2^k for one integer lambda: e becomes
// e - lambda value(out) + lambda r, the same value on every assignment that satisfies the
// hypotheses). Then e, a linear form in 0/1 literals, is bounded below: each group of literals
// that a hypothesis makes exactly one (sum x_i = 1) contributes its least coefficient, each
// group made at most one (1 - sum x_i >= 0) the least of 0 and its coefficients, every other
// literal the least of 0 and its coefficient (groups used are disjoint; an unused fact only
// weakens the bound). A bound >= 0 proves the goal on every assignment that satisfies the
// hypotheses. Otherwise the method says nothing, and the caller goes on to the solvers.
//
// It is the closed form of the linear program Z3 solved for the CRT reconstruction's
// "T <= max_T" (T = sum_q sum_v ((c_q v) mod M) P_q[v], every P_q one-hot): 276 s at int.div's
// m = 15, over the reals with ~15000 literals and 500-bit coefficients.
#pragma once

#include <string>
#include <vector>

#include "core/linear_spec.hpp"

namespace tc0 {

struct bounds_outcome {
  bool proved = false;
  std::string note;  // proved: the substitutions, the groups and the bound; else why not
};

// Applies to a goal with one linear precondition and no clauses.
bounds_outcome prove_by_bounds(std::vector<linear_spec const*> const& hypotheses,
                               linear_spec const& goal);

}  // namespace tc0
