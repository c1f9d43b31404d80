#include "core/deadline.hpp"

#include <algorithm>
#include <cstdio>

namespace tc0 {
namespace {

thread_local std::optional<deadline> in_force;
thread_local unsigned polls = 0;

}  // namespace

deadline_scope::deadline_scope(std::optional<deadline> d) : saved_{in_force} {
  if (d && (!in_force || d->when < in_force->when)) in_force = std::move(d);
}

deadline_scope::~deadline_scope() {
  in_force = std::move(saved_);
}

std::optional<deadline> current_deadline() {
  return in_force;
}

bool deadline_passed() {
  return in_force && std::chrono::steady_clock::now() >= in_force->when;
}

void poll_deadline() {
  if (!in_force || ++polls % 256 != 0) return;
  if (deadline_passed()) throw deadline_reached(in_force->why);
}

double seconds_since(steady_time start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", seconds);
  return text;
}

unsigned time_left_ms(unsigned cap) {
  if (!in_force) return cap;
  auto const left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        in_force->when - std::chrono::steady_clock::now())
                        .count();
  if (left <= 0) return deadline_passed() ? 0 : 1;
  return static_cast<unsigned>(std::clamp<long long>(left, 1, cap));
}

}  // namespace tc0
