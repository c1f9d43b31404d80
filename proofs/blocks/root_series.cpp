#include "proofs/blocks/root_series.hpp"

#include "core/enclosure.hpp"

namespace tc0 {
namespace {

rational binomial_half(unsigned i) {  // binom(1/2, i)
  rational r = 1;
  for (unsigned k = 0; k < i; ++k) r = r * (rational(1, 2) - k) / (k + 1);
  return r;
}

// kappa_i as an enclosure (sqrt(c 2^b) enclosed, the rest exact)
enclosure kappa(unsigned p, unsigned b, bool upper, unsigned i, unsigned precision) {
  auto const c = root_centre(p, upper);
  auto const root = sqrt_enclosure(c * (b ? 2 : 1), precision);
  rational const factor = binomial_half(i) * rational_power(upper ? rational(1) : rational(-1), i) /
                          rational_power(c, i);
  enclosure e{root.lo * factor, root.hi * factor};
  if (e.lo > e.hi) std::swap(e.lo, e.hi);
  return e;
}

}  // namespace

rational root_centre(unsigned p, bool upper) {
  if (upper) return rational(3, 2);
  return rational(3 * pow2(p - 2) - 1) / rational(pow2(p - 1));
}

rational root_series_error_bound(root_series_plan const& plan) {
  auto const p = plan.p;
  // Y / 2^(p-1) <= y_max < 1/2 (Y < 2^(p-2); no bits at all at p = 2)
  rational const y_max = rational(pow2(p - 2) - 1) / rational(pow2(p - 1));
  rational worst = 0;
  for (unsigned b = 0; b < 2; ++b)
    for (bool upper : {false, true}) {
      rational const scale = rational(pow2(p)) / rational(pow2(plan.G));  // 2^(p - G)
      rational bound = 0;
      auto const& C = plan.coefficient[b][upper];
      for (unsigned i = 0; i <= plan.N; ++i) {
        auto const k = kappa(p, b, upper, i, plan.G + 64);
        rational const lo = k.lo * rational(pow2(plan.G)), hi = k.hi * rational(pow2(plan.G));
        rational const Ci = rational(C.at(i));
        rational const err = std::max(abs(Ci - lo), abs(Ci - hi));
        bound += scale * err * rational_power(y_max, i);
      }
      // the tail: |binom(1/2, i)| does not grow for i >= 1, so sum_(i>N) |kappa_i| 2^-i is at
      // most sqrt(c 2^b) |binom(1/2, N+1)| r^(N+1) / (1 - r) with r = y_max / c < 1
      auto const c = root_centre(p, upper);
      rational const r = y_max / c;
      auto const root = sqrt_enclosure(c * (b ? 2 : 1), 64);
      bound += rational(pow2(p)) * root.hi * abs(binomial_half(plan.N + 1)) *
               rational_power(r, plan.N + 1) / (1 - r);
      bound += 1 / rational(pow2(plan.shift()));
      worst = std::max(worst, bound);
    }
  return worst;
}

root_series_plan plan_root_series(unsigned p) {
  root_series_plan plan;
  plan.p = p;
  plan.G = p + 6;
  for (plan.N = 0;; ++plan.N) {
    for (unsigned b = 0; b < 2; ++b)
      for (bool upper : {false, true}) {
        auto& C = plan.coefficient[b][upper];
        C.clear();
        for (unsigned i = 0; i <= plan.N; ++i) {
          auto const k = kappa(p, b, upper, i, plan.G + 64);
          C.push_back(nearest_integer((k.lo + k.hi) / 2 * rational(pow2(plan.G))));
        }
      }
    if (root_series_error_bound(plan) <= rational(1, 2)) return plan;
  }
}

}  // namespace tc0
