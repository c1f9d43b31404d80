// Inputs read only through one linear form: enumerate the form's values, not the inputs' patterns.
//
// A residue x mod q is computed from the thermometer [f >= a] of the small sum
// f = sum_j (2^j mod q) x_j (proofs/blocks/residue.hpp). When every gate that reads one of f's
// inputs is a threshold of f, every node of the circuit is a function of f's value and of the
// other inputs, not of f's inputs one by one. When moreover every expression of the clauses and
// preconditions reads f's inputs only as 0 or as f (in the rhs of a clause modulo M: congruent
// to f modulo M, coefficient by coefficient), each clause's truth depends on f's value the same
// way. Then one input pattern per value of f (a witness, found by subset sum) stands for all the
// patterns with that value, and checking the witnesses checks every pattern: int.div's A mod q
// at m = 12 is 2^24 patterns, but f takes at most 24 (q - 1) + 1 values.
//
// "Is a threshold of f" is checked gate by gate, using the circuit's own canonical form: the
// gate must be identical (kind, fan-ins, weights, threshold) to the gate that create_threshold
// makes of [f >= theta] for some integer theta, or to its complement. Canonicalisation preserves
// the function (tested in the circuit tests), so such a gate computes [f >= theta] or its
// negation: nothing about the construction is taken on trust, and a gate that reads f's inputs
// any other way makes the reduction refuse.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

struct linear_form_domain {
  std::vector<uint32_t> positions;  // f's inputs, as positions among the circuit's inputs
  // one pattern per value of f, as the j with positions[j] set
  std::vector<std::vector<uint32_t>> witnesses;
};

// The witnesses of `form` (a linear expression over input nodes of `c`) when the conditions
// above hold for `c` and every clause and precondition of `spec`; otherwise nullopt and the
// reason in *why. Refuses forms over more than 4096 inputs or whose value range exceeds 2^18.
std::optional<linear_form_domain> linear_form_domain_of(circuit const& c, linear_spec const& spec,
                                                        linear_expr const& form,
                                                        std::string* why = nullptr);

}  // namespace tc0
