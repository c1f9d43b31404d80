// The validity of a float's bits (core/float_format.hpp) as linear conditions over the signals that
// carry them, each `expr >= 0`: the magnitude normalised or the float the canonical zero, the
// exponent in range. Lemmas require them of their inputs; a step that needs a computed value to be
// valid expects them stated, rebuilt here from the bits and the format.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/float_format.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

// Named after `name` ("x is normalised or zero", ...).
std::vector<std::pair<std::string, linear_expr>> float_validity(
    std::string const& name, float_format const& f, std::vector<signal> const& magnitude,
    std::vector<signal> const& exponent, signal sign);

}  // namespace tc0
