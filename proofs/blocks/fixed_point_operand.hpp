// |x| as a fixed-point integer, the first stage of the approximation blocks (float.exp,
// float.sin, float.cos): for a p-bit float x = (-1)^s |m| 2^(u + e_min) on buses of any circuit,
//   huge = [|x| >= 2^I] (nonzero AND u >= exponent_at(I): depth 2, unit weights);
//   X = floor(|x| 2^F) where not huge, 0 where huge (I + F bits): bit j of X ORs the m_i of the
//       exponents e = j - F - i below 2^I, each ANDed with the exponent's indicator [u = e -
//       e_min] (depth 3);
// in one stage, with the caller's own flags beside them, and a step (bit-vectors first) that
// turns the bits' definitions into the floor:
//   X 2^A <= |m| 2^(u + B') < (X + 1) 2^A unless huge, X = 0 where huge
// (A - B' = -e_min - F, both non-negative).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// The biased exponent from which |x| >= 2^e for every non-zero x (may be negative or beyond the
// format: then the flag is every non-zero x, or constant 0).
int64_t exponent_at(float_format const& f, int64_t e);

// [x != 0 AND u >= max(u_min, 0)] in depth 2 over u and m's top bit (unit weights), and its clause
// `name` in `s` (u_min beyond u_max gives a gate that is never 1).
signal create_exponent_at_least(circuit& c, linear_spec& s, std::string const& name,
                                float_format const& f, float_bus const& x, int64_t u_min);
// The same clause for a given output bit (what a certified step expects).
void exponent_at_least_clause(linear_spec& s, std::string const& name, float_format const& f,
                              std::vector<signal> const& m, std::vector<signal> const& u,
                              signal out, int64_t u_min);

// The fixed-point step's three clauses over X, huge and x's buses.
void fixed_point_clauses(linear_spec& s, float_format const& f, unsigned F,
                         std::vector<signal> const& m, std::vector<signal> const& u,
                         std::vector<signal> const& X, signal huge);

struct fixed_point_operand {
  bus X, huge;
  std::vector<bus> flags;  // what the caller's `flags` added, in its order
  size_t stage = 0;        // the stage
  size_t fixed_point = 0;  // the step: X = floor(|x| 2^F) unless huge, X = 0 where huge
};

// Adds the caller's flags to the stage: gates (over x's buses and huge) with their clauses.
using operand_flags = std::function<std::vector<bus>(circuit&, linear_spec&, signal huge)>;

// Stage prefix + stage, step prefix + step_name; buses prefix + "X", prefix + "huge".
fixed_point_operand create_fixed_point_operand(construction& k, std::string const& prefix,
                                               std::string const& stage,
                                               std::string const& step_name, float_format const& f,
                                               float_bus const& x, unsigned I, unsigned F,
                                               operand_flags const& flags = {});

}  // namespace tc0
