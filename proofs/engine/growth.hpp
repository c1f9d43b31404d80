// S1 and S2 of SPEC §1: the evidence, at bounded sizes, for "constant depth, polynomial size".
// Neither alone is evidence: a lookup table has depth 2 and exponential size (S2 catches it);
// a tree of adders has polynomial size and logarithmic depth (S1 catches it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "encodings/verdict.hpp"

namespace tc0 {

struct growth_point {
  double x;      // the swept parameter
  double value;  // depth, gate count or MAJ-normalised size
  // depth points of staged constructions: each stage's depth alone, in stage order
  std::vector<std::pair<std::string, uint32_t>> stage_depths = {};
};

// Least-squares slope of log(value) against log(x) over the upper half of the points (at least
// three): the empirical degree of polynomial growth. A polynomial of degree d gives about d; an
// exponential gives a slope that keeps rising with x. nullopt with fewer than three points.
std::optional<double> fitted_degree(std::vector<growth_point> points);

struct growth_verdict {
  verdict result;
  std::string detail;
};

// S1: proved iff every depth is at most `bound` and the depth is one value across the top
// factor-2 range of the sweep (x >= max x / 2). Refuted when a depth exceeds the bound; unknown
// when the depth still changes in the top factor-2 range (a log-depth construction gains a level
// at every doubling, so it never passes) or the sweep spans less than a factor 2.
// Smaller depths at the small end are allowed (constants fold gates away at tiny sizes) and the
// detail says whether the depth was identical everywhere.
// Staged constructions have a second way to pass: every path crosses the stages in order, so
// the depth is at most the sum of the stages' own depths. When every point has the same stages
// with the same depths (each stage's depth identical across the whole sweep) and the depth never
// exceeds that sum, the depth is bounded by one constant across the sweep even where the
// critical paths of neighbouring stages line up at some sizes and not at others; the detail
// says so. A stage whose depth grows (a tree) or a stage count that grows defeats it.
growth_verdict check_constant_depth(std::vector<growth_point> depths, unsigned bound);
// S2: proved iff the fitted degree of every series is at most `bound`; unknown when the sweep is
// too short to fit.
growth_verdict check_polynomial_size(
    std::vector<std::pair<std::string, std::vector<growth_point>>> const& series, double bound);

}  // namespace tc0
