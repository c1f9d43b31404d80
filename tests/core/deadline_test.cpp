#include "core/deadline.hpp"

#include <doctest/doctest.h>

#include "core/circuit.hpp"

using namespace tc0;

namespace {

steady_time in(int ms) {
  return std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
}

}  // namespace

TEST_CASE("the earliest of nested deadlines is in force, and each scope restores the last") {
  CHECK_FALSE(current_deadline().has_value());
  CHECK(time_left_ms(5000) == 5000);
  {
    deadline_scope outer{deadline{in(60000), "outer"}};
    CHECK(current_deadline()->why == "outer");
    {
      deadline_scope later{deadline{in(120000), "later"}};
      CHECK(current_deadline()->why == "outer");  // a later one does not extend it
      deadline_scope none{std::nullopt};
      CHECK(current_deadline()->why == "outer");
    }
    {
      deadline_scope earlier{deadline{in(-1), "earlier"}};
      CHECK(current_deadline()->why == "earlier");
      CHECK(deadline_passed());
      CHECK(time_left_ms(5000) == 0);
    }
    CHECK(current_deadline()->why == "outer");
    CHECK_FALSE(deadline_passed());
    auto const left = time_left_ms(5000);
    CHECK((left > 4000 && left <= 5000));
  }
  CHECK_FALSE(current_deadline().has_value());
}

TEST_CASE("building a circuit stops once the deadline has passed") {
  circuit c;
  auto const& x = c.create_input_bus("x", 2);
  deadline_scope limit{deadline{in(-1), "spent"}};
  signal y = x.bits[0];
  CHECK_THROWS_WITH_AS(
      [&] {
        for (int k = 0; k < 100000; ++k) y = c.create_xor(y, x.bits[k % 2]);
      }(),
      "spent", deadline_reached);
}
