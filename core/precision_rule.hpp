// NEXT-LAYER.md §2's precision rule, checked in exact rationals: an internal value v with
// |v - f| <= eps |f|, rounded once to p bits, is within 2^-p |f| of f — for every f in the
// format's normal range — exactly when eps passes the check below. The approximation lemmas'
// error budgets (exp, sin, cos) end in this step.
//
// Why a finite check decides it: relative errors are scale-free, so one binade of integer
// significands M in [2^(p-1), 2^p) stands for all. round_p(v) = M (as a float) exactly for v
// between M's lower and upper midpoints, M - d and M + 1/2 (d = 1/2, or 1/4 at M = 2^(p-1),
// where the spacing below halves). The f that such a v can be eps-close to lie in
// [(M - d) / (1 + eps), (M + 1/2) / (1 - eps)]; the f within 2^-p of M lie in
// [M / (1 + 2^-p), M / (1 - 2^-p)]. The rule holds iff the first interval lies in the second for
// every M. (At the range's ends round_p saturates or rounds to the smallest normal; f there is
// at least the smallest normal and at most the largest float, which only narrows the first
// interval.)
#pragma once

#include <optional>

#include "core/float_format.hpp"

namespace tc0 {

// The first significand M at which rounding an eps-close value can miss 2^-p, or nullopt when
// the rule holds for p and eps.
std::optional<unsigned long long> precision_rule_failure(unsigned p, rational const& eps);

}  // namespace tc0
