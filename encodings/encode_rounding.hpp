// round_p as a relation in bit-vectors, for rounds_to clauses (core/linear_spec.hpp).
#pragma once

#include <z3++.h>

#include "encodings/encode_linear.hpp"

namespace tc0 {

// The clause holds / fails: the result is valid and neither valid neighbour of it (the next
// float above, the next below) beats it, or not. Quantifier-free.
z3::expr encode_rounding_holds(z3::context& ctx, spec_clause const& c, literal_encoder const& lit);
z3::expr encode_rounding_violated(z3::context& ctx, spec_clause const& c,
                                  literal_encoder const& lit);
// The definition itself: the result is invalid, or some valid float, given by fresh constants
// (an existential witness: assert it positively only), beats it.
z3::expr encode_rounding_violated_by_witness(z3::context& ctx, spec_clause const& c,
                                             literal_encoder const& lit);

}  // namespace tc0
