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
// The same neighbour form with x and every float brought to one exact integer scale (as wide as
// the exponent range); the default form above compares at r's scale in p + 8 bits where x is a
// magnitude without shifts times 2^(exponent + offset) (encodings/encode_rounding.cpp). Tests
// prove the two equivalent for whole formats.
z3::expr encode_rounding_violated_at_exact_scale(z3::context& ctx, spec_clause const& c,
                                                 literal_encoder const& lit);
// The definition itself: the result is invalid, or some valid float, given by fresh constants
// (an existential witness: assert it positively only), beats it.
z3::expr encode_rounding_violated_by_witness(z3::context& ctx, spec_clause const& c,
                                             literal_encoder const& lit);

}  // namespace tc0
