#include "proofs/blocks/trig_series.hpp"

#include <boost/multiprecision/integer.hpp>

#include "core/enclosure.hpp"

namespace tc0 {
namespace {

constexpr unsigned constant_precision = 64;  // bits beyond the widest constant

// the largest e with 2^e <= q (q > 0)
int64_t binade_of(rational const& q) {
  int64_t e = 0;
  while (power_of_two(e) > q) --e;
  while (power_of_two(e + 1) <= q) ++e;
  return e;
}

// The largest positive float <= q and the smallest float >= q (q > 0), if any.
std::optional<float_value> float_at_most(float_format const& f, rational const& q) {
  if (q < smallest_normal(f)) return std::nullopt;
  int64_t ee = binade_of(q) - static_cast<int64_t>(f.p) + 1;
  if (ee > f.e_max) return float_value{false, pow2(f.p) - 1, f.e_max};
  rational const units = q / power_of_two(ee);
  big_int const m = boost::multiprecision::numerator(units) /
                    boost::multiprecision::denominator(units);  // floor, q > 0
  return float_value{false, m, ee};
}
std::optional<float_value> float_at_least(float_format const& f, rational const& q) {
  if (q <= smallest_normal(f)) return float_value{false, pow2(f.p - 1), f.e_min};
  int64_t ee = binade_of(q) - static_cast<int64_t>(f.p) + 1;
  if (ee > f.e_max) return std::nullopt;
  rational const units = q / power_of_two(ee);
  big_int m = boost::multiprecision::numerator(units) / boost::multiprecision::denominator(units);
  if (rational(m) < units) ++m;
  if (m == pow2(f.p)) m = pow2(f.p - 1), ++ee;
  if (ee > f.e_max) return std::nullopt;
  return float_value{false, m, ee};
}

// a_j = (pi/2)^(2j+1) / (2j+1)! at the ends of a pi enclosure
enclosure coefficient(unsigned j, enclosure const& pi) {
  return {rational_power(pi.lo / 2, 2 * j + 1) / factorial(2 * j + 1),
          rational_power(pi.hi / 2, 2 * j + 1) / factorial(2 * j + 1)};
}

// x's value in units of 2^-S, rounded down (up) for a float below (above) a point
big_int units_of(float_value const& x, unsigned S, bool up) {
  rational const v = to_rational(x) * rational(pow2(S));
  big_int q = boost::multiprecision::numerator(v) / boost::multiprecision::denominator(v);
  if (up && rational(q) != v) ++q;
  return q;
}

// The gap with pi enclosed in [Pl, Ph] / 2^precision, so that the zero z = k pi/2 lies in
// [k Pl, k Ph] / 2^S (S = precision + 1): integers throughout, so that the 2^K / pi zeros of a
// large domain stay cheap. nullopt: a float inside some zero's enclosure (refine).
std::optional<zero_gap> gap_at(approximated_function fn, float_format const& f, unsigned K,
                               unsigned precision) {
  auto const pi = pi_enclosure(precision);
  unsigned const S = precision + 1;
  rational const scale(pow2(precision));
  big_int const Pl = nearest_integer(pi.lo * scale) - 1, Ph = nearest_integer(pi.hi * scale) + 1;
  zero_gap best;
  big_int best_units;
  bool found = false;
  auto const consider = [&](big_int const& d, float_value const& x, unsigned long long k) {
    if (!found || d < best_units) best_units = d, best = {0, x, k}, found = true;
  };
  if (fn == approximated_function::sin) {
    // the zero at 0: the path starts at |x| >= 2^-p
    if (auto const x = float_at_least(f, power_of_two(-static_cast<int64_t>(f.p))))
      if (to_rational(*x) <= rational(pow2(K))) consider(units_of(*x, S, false), *x, 0);
  }
  auto const top = float_at_most(f, rational(pow2(K)));  // the domain's largest float
  if (!top) {
    if (!found) return std::nullopt;
    best.gap = rational(best_units) / rational(pow2(S));
    return best;
  }
  big_int const top_units = units_of(*top, S, false);
  for (unsigned long long k = fn == approximated_function::sin ? 2 : 1;; k += 2) {
    big_int const Zl = Pl * k, Zh = Ph * k;
    if (Zl > top_units) {  // the domain's largest float is the last neighbour below
      consider(Zl - units_of(*top, S, true), *top, k);
      break;
    }
    auto const width = bit_width(Zl);
    int64_t const ee = static_cast<int64_t>(width) - 1 - S - f.p + 1;  // z's float grid 2^ee
    if (width == bit_width(Zh) && ee >= f.e_min && ee <= f.e_max && ee + S >= 0) {
      auto const sh = static_cast<unsigned>(ee + S);
      big_int const g = Zl >> sh;
      if ((Zh >> sh) != g) return std::nullopt;  // a float inside the enclosure
      big_int const below = g << sh, above = (g + 1) << sh;
      consider(Zl - below, float_value{false, g, ee}, k);
      if (above > top_units) break;  // no float of the domain above z
      float_value const up = g + 1 == pow2(f.p) ? float_value{false, pow2(f.p - 1), ee + 1}
                                                : float_value{false, g + 1, ee};
      consider(above - Zh, up, k);
      continue;
    }
    // the zero is at a power of two's edge or outside the format's binades: floats directly
    rational const lo = rational(Zl) / rational(pow2(S)), hi = rational(Zh) / rational(pow2(S));
    if (auto const below = float_at_most(f, lo)) {
      if (auto const inside = float_at_most(f, hi); inside && to_rational(*inside) > lo)
        return std::nullopt;
      consider(Zl - units_of(*below, S, true), *below, k);
    } else if (fn == approximated_function::cos) {
      consider(Zl, zero_of(f), k);  // below the smallest normal: 0 is the neighbour below
    }
    if (auto const above = float_at_least(f, hi); above && to_rational(*above) <= rational(pow2(K)))
      consider(units_of(*above, S, false) - Zh, *above, k);
    if (Zh > top_units) break;
  }
  best.gap = rational(best_units) / rational(pow2(S));
  return best;
}

}  // namespace

zero_gap trig_zero_gap(approximated_function fn, float_format const& f, unsigned K) {
  if (fn == approximated_function::exp) throw std::logic_error("trig_zero_gap: not sin or cos");
  for (unsigned precision = 256; precision <= 8192; precision *= 2)
    if (auto const g = gap_at(fn, f, K, precision)) return *g;
  throw std::runtime_error("trig_zero_gap: a float within 2^-8192 of a multiple of pi/2");
}

trig_plan plan_trig(approximated_function fn, float_format const& f, unsigned K,
                    trig_faults const& faults) {
  trig_plan plan;
  plan.format = f;
  plan.function = fn;
  plan.K = K;
  unsigned const K_pi = faults.pi_bits_for_K.value_or(K);
  plan.gap = trig_zero_gap(fn, f, K_pi).gap;
  rational const share = power_of_two(-2 * static_cast<int64_t>(f.p) - 4);
  // 2^-Q <= share gap (2/5) <= share gap 4 / pi^2: delta below 2^-Q keeps e_red below share
  unsigned Q = 0;
  while (power_of_two(-static_cast<int64_t>(Q)) > share * plan.gap * rational(2, 5)) ++Q;
  plan.F = Q + 1;
  plan.WF = Q + 2;
  plan.G = Q + K_pi + 2;
  auto const pi = pi_enclosure(plan.G + constant_precision);
  plan.L = nearest_integer(4 / (pi.lo + pi.hi) * rational(pow2(plan.G)));
  while (coefficient(plan.N + 1, pi).hi > share / 4) ++plan.N;
  plan.G2 = 2 * f.p + 6 + width_for(plan.N + 2);
  plan.c = plan.G2;
  plan.b.assign(plan.N + 1, 0);
  for (unsigned j = 1; j <= plan.N; ++j) {
    rational const goal = share / (4 * plan.N);
    unsigned b = 1;
    while (coefficient(j, pi).hi * (2 * j) * power_of_two(-static_cast<int64_t>(b)) > goal) ++b;
    plan.b[j] = std::min(b, plan.WF);
  }
  auto const pic = pi_enclosure(plan.G2 + constant_precision);
  for (unsigned j = 0; j <= plan.N; ++j) {
    auto const a = coefficient(j, pic);
    plan.A.push_back(nearest_integer((a.lo + a.hi) / 2 * rational(pow2(plan.G2))));
  }
  // 2^DR <= share m 2^(WF + G2) / 2, m = (2/pi) gap
  rational const room = share * 2 / pi.hi * plan.gap * rational(pow2(plan.WF + plan.G2)) / 2;
  while (rational(pow2(plan.DR + 1)) <= room) ++plan.DR;
  if (faults.pi_bit_flipped) {
    // a bit whose weight in y^ at |x| near 2^K is about 2^(2 - p)
    int64_t const bit = static_cast<int64_t>(plan.G) - K - f.p + 2;
    boost::multiprecision::bit_flip(plan.L, static_cast<unsigned>(std::max<int64_t>(bit, 0)));
  }
  if (faults.missing_term && *faults.missing_term < plan.A.size()) plan.A[*faults.missing_term] = 0;
  return plan;
}

trig_budget check_trig_budget(trig_plan const& plan) {
  trig_budget b;
  auto const& f = plan.format;
  auto const fail = [&](std::string what) {
    b.failure = std::move(what);
    return b;
  };
  if (plan.function == approximated_function::exp) return fail("the plan is not for sin or cos");
  if (plan.A.size() != plan.N + 1 || plan.b.size() != plan.N + 1)
    return fail("the plan has no coefficient or width for every term");
  if (plan.F == 0 || plan.WF == 0 || plan.G == 0) return fail("a width is zero");
  for (unsigned j = 1; j <= plan.N; ++j)
    if (plan.b[j] == 0 || plan.b[j] > plan.WF) return fail("a term's width is not in 1..WF");
  // the gap of the lemma's domain, recomputed (not the plan's)
  rational const gap = trig_zero_gap(plan.function, f, plan.K).gap;
  unsigned const precision = std::max({plan.G, plan.G2, plan.WF, plan.c}) + constant_precision;
  auto const pi = pi_enclosure(precision);
  rational const Lq = rational(plan.L) / rational(pow2(plan.G));
  rational const dL = std::max(abs(Lq - 2 / pi.lo), abs(Lq - 2 / pi.hi));
  b.delta = power_of_two(-static_cast<int64_t>(plan.F)) * Lq + rational(pow2(plan.K)) * dL +
            power_of_two(-static_cast<int64_t>(plan.WF));
  b.m = 2 / pi.hi * gap;
  b.e_red = pi.hi / 2 * b.delta / b.m;
  if (b.e_red >= 1) return fail("the reduction's relative error bound is not below 1");
  rational const G2q = rational(pow2(plan.G2));
  b.e_h = coefficient(plan.N + 1, pi).hi + 1 / G2q;
  for (unsigned j = 0; j <= plan.N; ++j) {
    auto const a = coefficient(j, pi);
    rational const Aq = rational(plan.A[j]) / G2q;
    b.e_h += std::max(abs(Aq - a.lo), abs(Aq - a.hi));
    if (j > 0) {
      rational truncation = 2 * j * power_of_two(-static_cast<int64_t>(plan.b[j]));
      if (plan.shift(j) > 0) truncation += power_of_two(-static_cast<int64_t>(plan.c));
      b.e_h += Aq * truncation;
    }
  }
  if (b.e_h >= 1) return fail("h's error bound is not below 1");
  if (pi.hi / 2 + b.e_h >= 4) return fail("Hbig may not fit G2 + c + 2 bits");
  b.tau = rational(pow2(plan.DR)) /
          ((1 - b.e_red) * (1 - b.e_h) * b.m * rational(pow2(plan.WF + plan.G2)));
  rational const above = (1 + b.e_red) * (1 + b.e_h) - 1,
                 below = 1 - (1 - b.e_red) * (1 - b.e_h) * (1 - b.tau);
  b.total = std::max(above, below);
  if (auto const why = internal_accuracy_failure(f.p, b.total)) return fail(*why);
  auto const slack = approximation_slack(f.p);
  if (plan.bypass()) {
    rational const cube = power_of_two(-2 * static_cast<int64_t>(f.p)) / 6;
    if (cube / (1 - cube) > slack) return fail("r = x is not close enough below 2^-p");
  }
  return b;
}

}  // namespace tc0
