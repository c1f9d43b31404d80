// The three-valued result of every check (SPEC §4). `unknown` is a resource limit or an
// inconsistency found on replay; it is never shown as proved.
#pragma once

#include <string_view>

namespace tc0 {

enum class verdict { proved, refuted, unknown };

constexpr std::string_view to_string(verdict v) {
  switch (v) {
    case verdict::proved:
      return "proved";
    case verdict::refuted:
      return "refuted";
    case verdict::unknown:
      return "unknown";
  }
  return "?";
}

// Combining sub-results: refuted wins, then unknown, and only all-proved is proved.
constexpr verdict combine(verdict a, verdict b) {
  if (a == verdict::refuted || b == verdict::refuted) return verdict::refuted;
  if (a == verdict::unknown || b == verdict::unknown) return verdict::unknown;
  return verdict::proved;
}

}  // namespace tc0
