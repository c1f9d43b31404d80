// A float operand with its significand shifted up to the leading one (float addition at every
// exponent range: proofs/blocks/aligned_float_sum.hpp, clustered_float_sum.hpp):
//   M 2^j = m 2^(p-1) with M normal (M >= 2^(p-1)) or 0, and v = [m > 0] (u + j),
// so m 2^u = M 2^(v - (p - 1)): v orders the operands' scales, and every nonzero operand has
// M >= 2^(p-1). Depth 3 (blocks/leading_one.hpp) + 4 (lookahead adder u + j) + 1.
#pragma once

#include <string>
#include <vector>

#include "core/linear_spec.hpp"
#include "proofs/blocks/float_interface.hpp"

namespace tc0 {

struct normalised_operand {
  std::vector<signal> M, j, v;
  signal nonzero;
};

// v has v_width bits (at least width_for(2^E - 1 + p - 1))
normalised_operand create_normalised_operand(circuit& c, float_bus const& x, unsigned v_width);

// the width of v for a format
unsigned normalised_exponent_width(float_format const& f);

// The clauses above, named name + "_nonzero", "_M 2^j = m 2^(p-1)", "_v", "_M normal".
void add_normalised_clauses(linear_spec& s, std::string const& name, float_bus const& x,
                            normalised_operand const& n, unsigned p);

}  // namespace tc0
