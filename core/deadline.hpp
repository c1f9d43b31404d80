// Time limits that bound all of a piece of work, not only its solver calls (issue 23: a budget
// that ran 14.6 s for 5, a 1 s timeout that took 96 s while the formula was being built).
//
// A `deadline_scope` sets a deadline for the current thread for as long as it lives; nested
// scopes keep the earlier deadline. Long loops — building a circuit, encoding it for Z3,
// enumerating, simulating — call `poll_deadline()`, which throws `deadline_reached` once the
// deadline has passed; solver calls wait at most `time_left()`. Whoever opened the scope catches
// `deadline_reached` and reports the work as unfinished (never as done). Worker threads do not
// inherit a scope: they copy `current_deadline()` into one of their own.
#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace tc0 {

using steady_time = std::chrono::steady_clock::time_point;

// when: the point in time; why: what a user is told when it fires, e.g. "--timeout 1 s".
struct deadline {
  steady_time when;
  std::string why;
};

struct deadline_reached : std::runtime_error {
  explicit deadline_reached(std::string const& why) : std::runtime_error(why) {}
};

class deadline_scope {
 public:
  // No deadline (nullopt) leaves the enclosing one in force.
  explicit deadline_scope(std::optional<deadline> d);
  ~deadline_scope();
  deadline_scope(deadline_scope const&) = delete;
  deadline_scope& operator=(deadline_scope const&) = delete;

 private:
  std::optional<deadline> saved_;
};

// The deadline in force on this thread (the earliest of the open scopes), if any.
std::optional<deadline> current_deadline();

// True once the deadline in force has passed.
bool deadline_passed();

// Throws deadline_reached once the deadline in force has passed. Cheap enough for inner loops:
// it reads the clock on one call in 256.
void poll_deadline();

// Seconds from `start` to now, and a number of seconds as text ("1.25"): every time tc0check
// reports is measured and printed with these.
double seconds_since(steady_time start);
std::string seconds_text(double seconds);

// Milliseconds left before the deadline in force, at most `cap` (at least 1 while it has not
// passed, 0 after); `cap` when there is none.
unsigned time_left_ms(unsigned cap);

}  // namespace tc0
