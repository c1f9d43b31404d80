#include "core/approximation.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/precision_rule.hpp"

namespace tc0 {
namespace {

constexpr unsigned max_precision = 8192;

// exp far beyond the format's range, where no enclosure is needed (or could be afforded: x may
// be 2^(2^p)): +1 when x >= e_max + p + 1 (e^x >= 2^x >= 2 2^(p + e_max) > 2 M_max), -1 when
// x < 0 and x <= e_min + p - 4 (e^x <= 2^x <= N_min / 8), else 0.
int exp_far_beyond(float_format const& fmt, rational const& x) {
  if (x > 0 && x >= rational(fmt.e_max + static_cast<int64_t>(fmt.p) + 1)) return 1;
  if (x < 0 && x <= rational(fmt.e_min + static_cast<int64_t>(fmt.p) - 4)) return -1;
  return 0;
}

enclosure enclose(approximated_function f, rational const& x, unsigned precision) {
  switch (f) {
    case approximated_function::exp:
      return exp_enclosure(x, precision);
    case approximated_function::sin:
      return sin_enclosure(x, precision);
    case approximated_function::cos:
      return cos_enclosure(x, precision);
  }
  throw std::logic_error("enclose: unknown function");
}

void require_affordable(approximated_function f, rational const& x) {
  // sin and cos are lemmas on a bounded domain; an argument this large is outside any of them
  if (f != approximated_function::exp && abs(x) > rational(pow2(24)))
    throw std::length_error("approximation: " + to_string(f) + " argument beyond 2^24");
}

// v - eps |v| and v + eps |v|: the ends of the values within eps of v (both increasing in v)
rational lower_end(rational const& v, rational const& eps) {
  return v - eps * abs(v);
}
rational upper_end(rational const& v, rational const& eps) {
  return v + eps * abs(v);
}

}  // namespace

std::string to_string(approximated_function f) {
  switch (f) {
    case approximated_function::exp:
      return "exp";
    case approximated_function::sin:
      return "sin";
    case approximated_function::cos:
      return "cos";
  }
  return "?";
}

rational approximation_slack(unsigned p) {
  return power_of_two(-2 * static_cast<int64_t>(p) - 1);
}

std::optional<std::string> internal_accuracy_failure(unsigned p, rational const& total) {
  auto const slack = approximation_slack(p);
  if (total > slack)
    return "the internal relative error bound " + total.str() +
           " exceeds 2^(-2p-1) = " + slack.str();
  if (auto const m = precision_rule_failure(p, slack))
    return "the precision rule fails at significand " + std::to_string(*m);
  return std::nullopt;
}

decision approximation_holds(approximated_function f, float_format const& fmt, rational const& x,
                             float_value const& r) {
  if (!is_valid(fmt, r)) return decision::no;
  auto const rv = to_rational(r);
  auto const eps = approximation_slack(fmt.p);
  auto const in_set = [&](rational const& lo, rational const& hi) {
    // r = round_p(v) for some v in [lower_end(f), upper_end(f)], for every f in [lo, hi] (yes)
    // or for none (no); the rounded ends are monotone in f
    auto const first_all = to_rational(round_to_format(fmt, lower_end(hi, eps)));
    auto const last_all = to_rational(round_to_format(fmt, upper_end(lo, eps)));
    if (first_all <= rv && rv <= last_all) return decision::yes;
    auto const first_any = to_rational(round_to_format(fmt, lower_end(lo, eps)));
    auto const last_any = to_rational(round_to_format(fmt, upper_end(hi, eps)));
    if (rv < first_any || rv > last_any) return decision::no;
    return decision::undecided;
  };
  if (f == approximated_function::exp)
    if (int const beyond = exp_far_beyond(fmt, x); beyond != 0) {
      // every f there is out of range on the same side, and every v within eps rounds alike
      auto const expected =
          beyond > 0 ? to_rational(round_to_format(fmt, largest_magnitude(fmt))) : rational(0);
      return rv == expected ? decision::yes : decision::no;
    }
  require_affordable(f, x);
  auto const lo_normal = smallest_normal(fmt), hi_normal = largest_magnitude(fmt);
  for (unsigned precision = 64; precision <= max_precision; precision *= 2) {
    auto const e = enclose(f, x, precision);
    // |f| in [N_min, M_max] for every f of the enclosure, or for none
    bool const all_in =
        (e.lo >= lo_normal && e.hi <= hi_normal) || (e.hi <= -lo_normal && e.lo >= -hi_normal);
    bool const none_in =
        (e.lo > hi_normal) || (e.hi < -hi_normal) || (e.lo > -lo_normal && e.hi < lo_normal);
    decision d = decision::undecided;
    if (all_in) d = within_relative(rv, e, fmt.p);
    if (none_in) d = in_set(e.lo, e.hi);
    if (d != decision::undecided) return d;
  }
  return decision::undecided;
}

std::optional<float_value> approximation_reference(approximated_function f, float_format const& fmt,
                                                   rational const& x) {
  if (f == approximated_function::exp)
    if (int const beyond = exp_far_beyond(fmt, x); beyond != 0)
      return round_to_format(fmt, beyond > 0 ? largest_magnitude(fmt) : rational(0));
  require_affordable(f, x);
  return rounded_true_value(
      fmt, [&](unsigned precision) { return enclose(f, x, precision); }, max_precision);
}

std::vector<float_value> approximation_candidates(approximated_function f, float_format const& fmt,
                                                  rational const& x) {
  auto const reference = approximation_reference(f, fmt, x);
  if (!reference) return {};
  std::vector<float_value> near{*reference};
  for (bool const up : {false, true}) {
    auto v = *reference;
    for (int step = 0; step < 3; ++step) {
      auto const next = adjacent_float(fmt, v, up);
      if (!next) break;
      v = *next;
      near.push_back(v);
    }
  }
  std::sort(near.begin(), near.end(), [](float_value const& a, float_value const& b) {
    return to_rational(a) < to_rational(b);
  });
  std::vector<float_value> out;
  for (auto const& r : near)
    if (approximation_holds(f, fmt, x, r) == decision::yes) out.push_back(r);
  return out;
}

std::optional<float_value> determined_approximation(approximated_function f,
                                                    float_format const& fmt, rational const& x) {
  if (f == approximated_function::exp)
    if (int const beyond = exp_far_beyond(fmt, x); beyond != 0)
      return round_to_format(fmt, beyond > 0 ? largest_magnitude(fmt) : rational(0));
  require_affordable(f, x);
  auto const eps = approximation_slack(fmt.p);
  for (unsigned precision = 64; precision <= max_precision; precision *= 2) {
    auto const e = enclose(f, x, precision);
    // every v within eps of some f of the enclosure rounds alike (lower_end and upper_end are
    // increasing): determined
    auto const first = round_to_format(fmt, lower_end(e.lo, eps));
    if (first == round_to_format(fmt, upper_end(e.hi, eps))) return first;
    // the values within eps of every f of the enclosure already round two ways: not determined
    // (the set does not narrow with more precision, so do not wait for it)
    if (lower_end(e.hi, eps) <= upper_end(e.lo, eps) &&
        round_to_format(fmt, lower_end(e.hi, eps)) != round_to_format(fmt, upper_end(e.lo, eps)))
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace tc0
