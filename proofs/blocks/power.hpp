// x^k for an unsigned integer x in constant depth (the special case of iterated multiplication
// the series for exp, sin, cos need), with primes from proofs/blocks/crt_plan.hpp whose product
// exceeds (2^m - 1)^k:
//   <prefix>residues:      one-hot h_q = x mod q (depth 3)
//   <prefix>power_tables:  one-hot P_q[w] = OR of h_q[v] over the v with v^k = w mod q (wiring
//                          plus one OR layer; no discrete logarithms needed; depth 1)
//   the Chinese-remainder reconstruction (proofs/blocks/crt_reconstruction.hpp, depth 17)
// Depth 3 + 1 + 17 = 21 whatever k and m are. Steps: the certified step power_tables (every
// table entry checked against v^k mod q computed by k multiplications; x = v mod q implies
// x^k = v^k mod q), the reconstruction's, and chinese_remainder concluding value(Y) = x^k.
#pragma once

#include <cstddef>
#include <string>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Y = x^k (width of the CRT modulus; the top bits may be zero) and the step concluding it;
// `input_count`: the construction's input bits (the witness input when the modulus is too
// small is all ones). Stages, buses and steps are named `prefix` + the names above.
block_output create_power(construction& k, std::string const& prefix, bus const& x,
                          unsigned exponent, size_t input_count);

}  // namespace tc0
