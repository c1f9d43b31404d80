// round_p as a relation in bit-vectors, for rounds_to clauses (core/linear_spec.hpp).
#pragma once

#include <z3++.h>

#include "encodings/encode_linear.hpp"

namespace tc0 {

// The clause holds: the result is valid and no valid float beats it (a universal quantifier).
z3::expr encode_rounding_holds(z3::context& ctx, spec_clause const& c, literal_encoder const& lit);
// The clause fails: the result is invalid, or a valid float given by fresh constants beats it.
// Only correct where the formula is asserted positively (the negated clause of a miter).
z3::expr encode_rounding_violated(z3::context& ctx, spec_clause const& c,
                                  literal_encoder const& lit);

}  // namespace tc0
