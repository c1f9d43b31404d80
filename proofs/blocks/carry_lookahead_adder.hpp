// Two-operand addition in depth 4 with small weights, as two layers that can be proved apart.
//
// Carries (depth 3): the carry into position k is
//   c_k = OR_(j<k) T_(k,j),   T_(k,j) = a_j b_j AND_(j<t<k) (a_t xor b_t),
// where "a_t xor b_t" enters T as the two literals !(a_t b_t) and (a_t or b_t), so T has depth 2
// over the inputs. Sum bits (depth 1): s_k = [a_k + b_k + c_k - 2 c_(k+1) >= 1], the parity of
// a_k + b_k + c_k because c_(k+1) = MAJ(a_k, b_k, c_k). Gates O(w^2), wires O(w^3).
//
// The specifications say the same thing locally, which is what keeps wide adders provable:
// every carry satisfies the ripple recurrence c_(k+1) = [a_k + b_k + c_k >= 2] (one small query
// per carry), and the sum bits, given that recurrence as a precondition, add a and b (a ripple
// adder, which bit-level solvers check at once). One query for a whole 64-bit lookahead adder
// against bvadd takes seconds; at 128 bits it does not finish in a minute.
#pragma once

#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

// c_1 .. c_width: the carries into positions 1..width of a + b (c_width is the carry out of the
// low `width` bits). Operands shorter than `width` are zero-extended, longer ones cut.
std::vector<signal> create_carries(circuit& c, std::vector<signal> a, std::vector<signal> b,
                                   unsigned width);

// The low |carries| bits of a + b from the operands and create_carries' output.
std::vector<signal> create_sum_bits(circuit& c, std::vector<signal> a, std::vector<signal> b,
                                    std::vector<signal> const& carries);

// Both layers: the low `width` bits of a + b.
std::vector<signal> create_carry_lookahead_sum(circuit& c, std::vector<signal> a,
                                               std::vector<signal> b, unsigned width);

// Clauses "c_(k+1) = [a_k + b_k + c_k - 2 >= 0]" (c_0 = 0), named prefix + "c<k+1>"; sets the
// spec's finite_domain_solver hint.
void add_carry_recurrence(linear_spec& s, std::string const& prefix, std::vector<signal> a,
                          std::vector<signal> b, std::vector<signal> const& carries);

// Preconditions "c_(k+1) = MAJ(a_k, b_k, c_k)", each as its two linear inequalities.
void require_carry_recurrence(linear_spec& s, std::string const& prefix, std::vector<signal> a,
                              std::vector<signal> b, std::vector<signal> const& carries);

}  // namespace tc0
