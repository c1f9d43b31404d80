// The RoPE rotation R_(j-i) as part of a documented float program (NEXT-LAYER.md §1.5–1.6): the
// paper's interleaved 2x2 blocks [[cos phi_k, -sin phi_k], [sin phi_k, cos phi_k]] on the
// coordinates (2k, 2k + 1), k = 0 .. d/2 - 1 (the paper's k + 1), with
//   theta_k = round_p(10000^(-2k/d))  (a constant of the specification, rounded once: exact, by
//                                      comparing d-th powers of the rounding points with 10^(-8k))
//   phi_k   = round_p((j - i) theta_k)  (one float multiplication; j - i is a float exactly)
// and cos phi_k, sin phi_k, -sin phi_k the program's constant approximations (their determined
// roundings, core/float_program.hpp). With theta hard-wired and the positions i, j fixed by
// where a value sits in the circuit, every entry is a constant: R costs no gates. With theta as
// circuit inputs (an option), phi_k is one float product and its cos and sin are blocks.
#pragma once

#include <optional>
#include <vector>

#include "core/float_program.hpp"
#include "proofs/lemmas/transformer/program_lemma.hpp"

namespace tc0 {

// round_p(10000^(-2k/d)) at format f (k < d/2).
float_value rope_theta(float_format const& f, unsigned k, unsigned d);

// The coordinate paired with coordinate c: c's neighbour in the interleaved form (2k, 2k + 1), or
// with half_split the form real models often use, (k, k + d/2).
unsigned rope_partner(unsigned c, unsigned d, bool half_split);

// theta as circuit inputs (the option that makes them so): the values theta_0 .. theta_(d/2-1)
// of the program, and the sin and cos blocks' domain K. With |theta_k| <= 1 (the lemma's
// precondition) every angle |phi_k| <= |j - i| <= 2^K when K >= log2 (n - 1): one K for every
// j - i, so every sin (cos) block is the same circuit.
struct theta_inputs {
  std::vector<uint32_t> theta;
  unsigned domain = 0;
};

// The smallest K >= 1 with |j - i| <= 2^K for all positions below n.
unsigned rope_angle_domain(unsigned n);

// With the option theta (parameter `theta` 1), the inputs theta_0 .. theta_(d/2 - 1) of `l`,
// declared with the lemma's precondition |theta_k| <= 1, and the domain for positions below n
// (parameters d and n); nullopt with theta hard-wired.
std::optional<theta_inputs> declare_theta(program_layout& l, parameters const& p);

// The entries of R_(delta) (d even) appended to `p`: entry[r][c] is a value index; the entries
// off the 2x2 blocks (pair k: the coordinates rope_partner pairs, the lower one first) are one
// shared constant 0. With theta hard-wired (`inputs` null) every entry is a constant; with
// theta as inputs, phi_k = round_p((j - i) theta_k) and its cos and sin are computed. Throws
// std::invalid_argument when delta is not a float of p's format, or when a constant entry's
// rounding is not determined.
std::vector<std::vector<uint32_t>> add_rotation(float_program& p, unsigned d, int64_t delta,
                                                bool half_split = false,
                                                theta_inputs const* inputs = nullptr);

}  // namespace tc0
