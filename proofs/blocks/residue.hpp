// A small weighted sum reduced modulo q, as a one-hot code, in depth 3.
//
// s = sum_i w_i l_i with small non-negative weights (for x mod q: w_j = 2^j mod q, so s < m q).
// With the thermometer G_a = [s >= a], "s = a" is G_a AND NOT G_(a+1), and
//   o_v = OR_(t >= 0) [s = t q + v]                                   (v = 0..q-1)
// is 1 exactly when s mod q = v. Threshold, AND, OR: depth 3; about s_max gates. Used for the
// residues of the inputs and for discrete logarithms summed modulo q - 1.
#pragma once

#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

// One-hot bits o_0..o_(q-1) of (sum_i w_i l_i) mod q; weights >= 0, their sum at most 2^20.
std::vector<signal> create_residue_one_hot(circuit& c, std::vector<signal> const& literals,
                                           std::vector<big_int> const& weights, unsigned q);

// The one-hot residue of the binary number `bits` modulo q (weights 2^j mod q), with its
// specification appended to `spec` as the clauses "<label> mod q", and the small sum
// sum_j (2^j mod q) bits_j as a linear-form hint (enumeration then covers its values only).
std::vector<signal> create_binary_residue(circuit& c, linear_spec& spec,
                                          std::vector<signal> const& bits, unsigned q,
                                          std::string const& label);

}  // namespace tc0
