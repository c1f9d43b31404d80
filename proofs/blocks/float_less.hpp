// [a < b] for two valid floats, exact, in depth 5 (float.compare's construction): for valid
// floats the magnitude order is the order of the keys (u, |m|) read as one unsigned number (the
// canonical zero <0, e_min> has the smallest key), so
//   a < b = (s_a AND NOT s_b) OR (neither negative AND key_a < key_b)
//           OR (both negative AND key_b < key_a),
// with two comparators (proofs/blocks/comparator.hpp). No stage of its own: the stage that holds
// it states what it concludes (float.compare's, the maximum's).
#pragma once

#include "core/circuit.hpp"
#include "proofs/blocks/float_interface.hpp"

namespace tc0 {

signal create_float_less(circuit& c, float_bus const& a, float_bus const& b);

}  // namespace tc0
