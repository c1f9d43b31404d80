// A clause about two OR-of-AND nodes, one a factor of the other, checked with the smaller one
// cut free.
//
// Read a node o as the OR of its terms (the fan-ins of an OR gate, or o alone) and a term as
// the AND of its literals (the fan-ins of an AND gate, or the term alone). When another node o'
// of the same clause has terms s_1..s_r and there is a set X of literals such that every
// s_i + X (as sets) is a term of o, then, by distributivity,
//
//     o = OR(o's other terms) OR (AND(X) AND o'),
//
// for every input, because the AND of a union is the AND of the parts and an OR may repeat a
// disjunct. The sets are compared literally, on the circuit's canonical gates: nothing about the
// construction is taken on trust. The clause is then checked on a residual circuit where o is
// rebuilt from that formula and o' is a free input: every behaviour of the original is one of
// the residual's (o' taking its original value), so a proof of the residual is a proof of the
// clause. A residual that fails proves nothing (o' may be unable to take the value it needed);
// the caller then goes on to the solver. The residual is checked by enumeration only.
//
// This is the shape of every carry of a carry-lookahead adder (proofs/blocks/
// carry_lookahead_adder.hpp): c_(k+1)'s terms are c_k's terms extended by !g_k and a_k OR b_k,
// plus the new term a_k b_k; the clause c_(k+1) = MAJ(a_k, b_k, c_k) is then a question about
// three free bits, where bit-blasting the two cones asked Z3 about ~k^2 literals per carry
// (int.div at m = 15: 491 carries a stage, 573 s and 828 s).
#pragma once

#include <optional>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"
#include "encodings/prove.hpp"

namespace tc0 {

// proved, or nullopt when no factoring of the clause's nodes applies or its residual is not
// proved by enumerating its inputs (no solver: a residual as hard as the clause must not cost a
// second time limit).
std::optional<query_outcome> prove_by_factoring(circuit const& c, linear_spec const& spec,
                                                size_t clause);

}  // namespace tc0
