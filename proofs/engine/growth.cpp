#include "proofs/engine/growth.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tc0 {
namespace {

std::string fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

// The sum of the stage depths when every point has the same stages with the same depths.
std::optional<uint64_t> common_stage_depth_sum(std::vector<growth_point> const& depths) {
  auto const& first = depths.front().stage_depths;
  if (first.empty()) return std::nullopt;
  for (auto const& p : depths)
    if (p.stage_depths != first) return std::nullopt;
  uint64_t sum = 0;
  for (auto const& [name, d] : first) sum += d;
  return sum;
}

}  // namespace

std::optional<double> fitted_degree(std::vector<growth_point> points) {
  std::sort(points.begin(), points.end(), [](auto const& a, auto const& b) { return a.x < b.x; });
  if (points.size() < 3) return std::nullopt;
  auto const keep = std::max<size_t>(3, (points.size() + 1) / 2);
  points.erase(points.begin(), points.end() - static_cast<long>(keep));
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (auto const& p : points) {
    double const lx = std::log(p.x), ly = std::log(std::max(p.value, 1.0));
    sx += lx, sy += ly, sxx += lx * lx, sxy += lx * ly;
  }
  double const k = static_cast<double>(points.size());
  double const denom = k * sxx - sx * sx;
  if (denom <= 0) return std::nullopt;
  return (k * sxy - sx * sy) / denom;
}

growth_verdict check_constant_depth(std::vector<growth_point> depths, unsigned bound) {
  std::sort(depths.begin(), depths.end(), [](auto const& a, auto const& b) { return a.x < b.x; });
  std::string listing;
  double lo = 1e300, hi = -1;
  for (auto const& p : depths) {
    listing += (listing.empty() ? "" : ", ") + fmt(p.x) + ":" + fmt(p.value);
    lo = std::min(lo, p.value), hi = std::max(hi, p.value);
  }
  if (depths.size() < 2 || depths.front().x * 2 > depths.back().x)
    return {verdict::unknown,
            "the sweep must span at least a factor 2 in its parameter (" + listing + ")"};
  if (hi > bound)
    return {verdict::refuted, "depth " + fmt(hi) + " exceeds the declared bound " +
                                  std::to_string(bound) + " (" + listing + ")"};
  // The top factor-2 range of the sweep must have one depth: a log-depth construction gains a
  // level every time its parameter doubles, so it cannot pass this.
  auto const top = depths.back().x / 2;
  for (auto const& p : depths)
    if (p.x >= top && p.value != depths.back().value) {
      if (auto const sum = common_stage_depth_sum(depths); sum && hi <= *sum)
        return {verdict::proved,
                "depth varies (" + listing + ") but never exceeds " + std::to_string(*sum) +
                    ", the sum of the " + std::to_string(depths.front().stage_depths.size()) +
                    " stages' own depths, each identical at every size of the sweep (a path "
                    "crosses the stages in order); declared bound " +
                    std::to_string(bound)};
      return {verdict::unknown, "depth still changes within the top factor-2 range of the sweep (" +
                                    listing +
                                    "): not evidence of constant depth; extend the sweep"};
    }
  // below the top range a tiny size may fold gates away (shallower) or keep a level the larger
  // sizes do not need (deeper, never above the bound); the depth reported is the top range's
  double const settled = depths.back().value;
  std::string const shape =
      lo == hi ? "identical at every size"
               : "constant from " + fmt(top) + " on, " +
                     (hi > settled ? "at most " + fmt(hi) + " below" : "smaller below") +
                     " (gates fold differently at tiny sizes)";
  return {verdict::proved, "depth " + fmt(settled) + ", " + shape + " (" + listing +
                               "); declared bound " + std::to_string(bound)};
}

growth_verdict check_polynomial_size(
    std::vector<std::pair<std::string, std::vector<growth_point>>> const& series, double bound) {
  std::string detail;
  verdict v = verdict::proved;
  for (auto const& [name, points] : series) {
    auto const d = fitted_degree(points);
    if (!d) {
      v = combine(v, verdict::unknown);
      detail += (detail.empty() ? "" : "; ") + name + ": too few sizes to fit (need 3)";
      continue;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", *d);
    detail += (detail.empty() ? "" : "; ") + name + " degree " + buf;
    if (*d > bound) v = combine(v, verdict::refuted);
  }
  detail += " (declared bound " + fmt(bound) + ")";
  return {v, detail};
}

}  // namespace tc0
