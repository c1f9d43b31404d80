// Graphviz DOT export, for pictures of small circuits: one node per gate labelled with its kind
// (and weights and threshold), dashed edges for complemented inputs, stages as clusters.
#pragma once

#include <iosfwd>

#include "core/circuit.hpp"

namespace tc0 {

void write_dot(std::ostream& out, circuit const& c);

}  // namespace tc0
