// round_p(a / b) for two p-bit floats on buses of any circuit (the construction of float.div, as
// a block a larger construction instantiates), m = p + 1:
//   <prefix>operands: z = [|m_b| = 0]; B = |m_b| + z (m bits; B = 1 for a zero divisor, so the
//      division block's B >= 1 holds everywhere); A = |m_a| 2^(p+1) (2m bits, constant zeros
//      below); Z = u_a + (2^E - 1 - u_b) (a lookahead adder on u_a and NOT u_b); s = s_a XOR s_b
//   the division block (proofs/blocks/division.hpp): Q = floor(A / B), R = A - Q B
//   <prefix>sticky: t = [R != 0] (one OR)
//   <prefix>round: round_p((-1)^s N 2^(Z' - (2^E - 1) - p - 2)) with N = 2 Q + t and
//      Z' = Z + z 2^(E+1) (proofs/blocks/round_to_format.hpp); for a zero divisor Z' lies beyond
//      every exponent, so a nonzero dividend saturates.
// Why the sticky bit is enough: for b != 0 and a != 0, A / B > 2^p, so Q >= 2^p and N has at
// least p + 2 bits; 2 A / B and N lie in the same open interval (2Q, 2Q + 2) unless both equal
// 2Q, and that interval contains no value at which round_p changes. The steps of
// proofs/steps/sticky_rounding.hpp check this: <prefix>quotient_arguments (the bracket and the
// sticky bit, from the quotient relation), <prefix>quotient_large (Q >= 2^p for a != 0) and the
// certified <prefix>quotient_sticky, which concludes float_quotient_clause.
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r = round_p((-1)^(s_a + s_b) |m_a| / (|m_b| + z) 2^(u_a - u_b + z K)) with
// z = 1 - (top bit of m_b) (for valid b: [b = 0]) and K = 2^(E+1): a / b exactly when b != 0;
// for b = 0 a value beyond the largest float when a != 0 (x / 0 saturates with the sign of a),
// 0 when a = 0. The clause float.div's specification is made of (with a and b valid).
spec_clause float_quotient_clause(std::string const& name, float_format const& f,
                                  float_bus const& a, float_bus const& b,
                                  std::vector<signal> const& r);

// The steps rest on a and b being normalised (a zero magnitude where the top bit is clear: the
// divisor's z is read from its top bit): the enclosing lemma's precondition where they are
// inputs, else the goals of `operand_facts`.
rounded_float create_float_quotient(construction& k, float_format const& f, float_bus const& a,
                                    float_bus const& b, std::string const& prefix = "",
                                    std::vector<size_t> const& operand_facts = {});

}  // namespace tc0
