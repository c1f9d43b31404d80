#include "core/precision_rule.hpp"

#include <stdexcept>

namespace tc0 {

std::optional<unsigned long long> precision_rule_failure(unsigned p, rational const& eps) {
  if (p < 1 || p > 40) throw std::invalid_argument("precision_rule_failure: p must be in 1..40");
  if (eps < 0 || eps >= 1) throw std::invalid_argument("precision_rule_failure: eps in [0, 1)");
  rational const u = rational(1) / rational(pow2(p));  // 2^-p
  auto const first = 1ull << (p - 1), end = 1ull << p;
  for (auto M = first; M < end; ++M) {
    rational const m(static_cast<long long>(M));
    rational const below = M == first ? rational(1, 4) : rational(1, 2);
    bool const low_ok = (m - below) / (1 + eps) >= m / (1 + u);
    bool const high_ok = (m + rational(1, 2)) / (1 - eps) <= m / (1 - u);
    if (!low_ok || !high_ok) return M;
  }
  return std::nullopt;
}

}  // namespace tc0
