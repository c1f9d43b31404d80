// round_p as a circuit: from an exact value x = (-1)^s N 2^(Z + offset) (N and Z unsigned
// binary, any values) to the nearest valid float of a format (core/float_format.hpp: ties to
// even, saturation above the largest magnitude, 0 or the smallest normal below it), in
// constant depth.
//   1. leading one: lead_j = [N_j - sum_(i>j) N_i >= 1] (one threshold gate each); nonzero;
//      exact power of two [sum N_i <= 1]; j in binary (ORs of the leads)
//   2. normalise: Nn = N shifted so its leading one is at the top (AND-OR over the leads)
//   3. significand: keep the top p bits, guard g, sticky (OR below); inc = g AND (sticky OR
//      lsb); R = kept + inc by an incrementer; carry = inc AND all kept bits
//   4. exponent: u = Z + j + carry + c - K with c = offset - (p - 1) - e_min and K a multiple of
//      2^E large enough that every sum is non-negative (so u's bits are the sum's low E bits):
//      two lookahead adders and an increment by the carry
//   5. select: u >= 0 and in range: <R, u>; u > u_max: the largest float; u before the carry
//      = -1: the smallest normal unless x is exactly half of it (then 0, the tie rule);
//      lower: 0. The sign is s unless the result is 0.
// Depth does not depend on p or on the exponent range; the adders are O(E^2) gates and the
// normaliser O(w^2) for N of w bits.
#pragma once

#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/float_format.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// The float's bits in core/float_format.hpp order: magnitude (p), biased exponent (E), sign.
// Requires N to have at least p + 2 bits (pad with const_false below the value and lower the
// offset to round a narrower one).
std::vector<signal> create_round_to_format(circuit& c, float_format const& f,
                                           std::vector<signal> const& N,
                                           std::vector<signal> const& Z, signal s, int64_t offset);

// The round stage of a float construction: stage `name`, reading `inputs`, computes
// r = round_p((-1)^s N 2^(Z + offset)) as above, and its specification (rounds_to, exponent 0
// when Z is empty) is appended to k.stage_specs. Returns r.
std::vector<signal> create_round_stage(construction& k, std::string const& name,
                                       std::vector<bus> const& inputs, float_format const& f,
                                       std::vector<signal> const& N, std::vector<signal> const& Z,
                                       signal s, int64_t offset, std::string const& description);

// That stage's specification over its result bits r (for steps that cite it).
linear_spec round_stage_spec(float_format const& f, std::vector<signal> const& r,
                             std::vector<signal> const& N, std::vector<signal> const& Z, signal s,
                             int64_t offset, std::string const& description);

}  // namespace tc0
