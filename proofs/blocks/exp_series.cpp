#include "proofs/blocks/exp_series.hpp"

#include "core/approximation.hpp"
#include "core/enclosure.hpp"

namespace tc0 {
namespace {

constexpr unsigned constant_precision = 64;  // bits beyond the widest constant

// huge inputs (|x| >= 2^I) out of range on both sides, with the slack
std::optional<std::string> huge_failure(float_format const& f, unsigned I) {
  auto const slack = approximation_slack(f.p);
  rational const edge(pow2(I));
  if (exp_enclosure(edge, 64).lo * (1 - slack) <= largest_magnitude(f))
    return "e^(2^" + std::to_string(I) + ") is not beyond the largest float";
  if (exp_enclosure(-edge, 64).hi * (1 + slack) >= smallest_normal(f) / 2)
    return "e^(-2^" + std::to_string(I) + ") is not below half the smallest normal";
  return std::nullopt;
}

}  // namespace

int64_t exp_plan::u_huge() const {
  return static_cast<int64_t>(I) - static_cast<int64_t>(format.p) + 1 -
         format.e_min;  // exponent_at
}

int64_t exp_plan::offset() const {
  return -static_cast<int64_t>(pow2(wK - 1)) - static_cast<int64_t>(G2) -
         static_cast<int64_t>(N) * WF;
}

exp_plan plan_exp(float_format const& f, unsigned t) {
  exp_plan plan;
  plan.format = f;
  plan.t = t == 0 ? 2 * f.p + 1 : t;
  plan.I = 2;
  while (huge_failure(f, plan.I)) ++plan.I;
  plan.F = plan.t + 4;
  plan.WF = plan.t + 5;
  plan.G = plan.I + plan.t + 5;
  plan.wK = plan.I + 2;
  auto const ln2 = ln2_enclosure(plan.G + constant_precision);
  plan.L = nearest_integer(2 / (ln2.lo + ln2.hi) * rational(pow2(plan.G)));
  rational const tail_goal = power_of_two(-static_cast<int64_t>(plan.t) - 5);
  while (2 * rational_power(ln2.hi, plan.N + 1) / factorial(plan.N + 1) > tail_goal) ++plan.N;
  plan.G2 = plan.t + 5 + width_for(plan.N + 1);
  auto const ln2c = ln2_enclosure(plan.G2 + constant_precision);
  for (unsigned i = 0; i <= plan.N; ++i)
    plan.C.push_back(nearest_integer(rational_power((ln2c.lo + ln2c.hi) / 2, i) / factorial(i) *
                                     rational(pow2(plan.G2))));
  return plan;
}

exp_budget check_exp_budget(exp_plan const& plan) {
  exp_budget b;
  auto const& f = plan.format;
  auto const fail = [&](std::string what) {
    b.failure = std::move(what);
    return b;
  };
  if (plan.C.size() != plan.N + 1) return fail("the plan has no coefficient for every power");
  if (plan.wK < 2 || plan.F == 0 || plan.WF == 0) return fail("a width is zero");
  unsigned const precision = std::max({plan.G, plan.G2, plan.WF}) + constant_precision;
  auto const ln2 = ln2_enclosure(precision);
  // log2 e in [1 / ln2.hi, 1 / ln2.lo]
  rational const Lq = rational(plan.L) / rational(pow2(plan.G));
  rational const dL = std::max(abs(Lq - 1 / ln2.hi), abs(Lq - 1 / ln2.lo));
  b.delta_y = rational(pow2(plan.I)) * dL + power_of_two(-static_cast<int64_t>(plan.F)) * Lq +
              power_of_two(-static_cast<int64_t>(plan.WF));
  rational coefficient_error = 0;
  for (unsigned i = 0; i <= plan.N; ++i) {
    rational const Ci = rational(plan.C[i]) / rational(pow2(plan.G2));
    rational const lo = rational_power(ln2.lo, i) / factorial(i),
                   hi = rational_power(ln2.hi, i) / factorial(i);
    coefficient_error += std::max(abs(Ci - lo), abs(Ci - hi));
  }
  b.eps_s = coefficient_error + 2 * rational_power(ln2.hi, plan.N + 1) / factorial(plan.N + 1);
  if (b.eps_s >= 1) return fail("the series error bound is not below 1");
  b.tau = power_of_two(-static_cast<int64_t>(plan.G2)) / (1 - b.eps_s);
  auto const growth = exp_enclosure(b.delta_y * ln2.hi, 64).hi;  // >= 2^delta_y
  rational const above = (1 + b.eps_s) * growth - 1,
                 below = 1 - (1 - b.eps_s) * (1 - b.tau) / growth;
  b.total = std::max(above, below);
  if (auto const why = internal_accuracy_failure(f.p, b.total)) return fail(*why);
  // K = floor(+-T / 2^(F+G)) in [-2^(wK-1), 2^(wK-1)): |y^| <= 2^I L / 2^G
  if (rational(pow2(plan.I)) * Lq + 1 >= rational(pow2(plan.wK - 1)))
    return fail("K does not fit " + std::to_string(plan.wK) + " bits");
  if (plan.L >= pow2(plan.G + plan.wK - plan.I)) return fail("T = X L does not fit W bits");
  if (auto const h = huge_failure(f, plan.I)) return fail(*h);
  // huge x > 0: S = C_0 2^(N WF) and Kb = 2^wK - 1
  rational const saturated =
      rational(plan.C[0]) * power_of_two(static_cast<int64_t>(plan.N) * plan.WF + plan.offset() +
                                         static_cast<int64_t>(pow2(plan.wK)) - 1);
  if (saturated < largest_magnitude(f))
    return fail("a huge positive x does not saturate: K's largest value is too small");
  return b;
}

}  // namespace tc0
