// A documented order of float operations (NEXT-LAYER.md §1.7): the specification of a composite
// lemma (a matrix product, the RoPE rotation, attention) is the straight-line program it
// computes, each operation exact and then rounded once (core/float_format.hpp), or for exp, sin
// and cos approximated (core/approximation.hpp). In exact arithmetic the order would not matter;
// in floats it does (rotating q and k separately rounds differently from forming R_(j-i) once),
// so the order is part of what is proved, and the Boost twin evaluates the same order.
//
// Values 0 .. operands - 1 are the program's operands (floats read as the values of their bits,
// as the float blocks' clauses read them); node i is value operands + i. Each output of a
// composite lemma is one clause (core/linear_spec.hpp, kind `computes`) naming the program, its
// operand buses and the value it equals.
//
// Constants (the RoPE angles' θ_k, the relative position j - i) are nodes too; a node all of whose
// arguments are constants is constant, its value fixed when the program is built.
//
// An approximated value (exp, sin, cos) may be an output; as an operand of a later operation it
// must be constant, and it is then read as its determined rounding (determined_approximation in
// core/approximation.hpp: the one float every construction that carries the internal accuracy
// gives). Where f(x) lies so close to a rounding point that no rounding is determined (two
// correct constructions may differ: sin 7 at p = 4), the program fixes round_p(f(x)), the
// correctly rounded value, and says so (node::chosen); a construction must then wire that
// constant. Where enclosures cannot decide even that, `add` refuses. A non-constant approximated
// operand is refused: several floats approximate it, and which one the circuit chose changes
// everything computed from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/approximation.hpp"
#include "core/float_format.hpp"

namespace tc0 {

enum class float_op {
  mul,       // round_p(a b)
  sum,       // round_p(a_1 + ... + a_n), n >= 2, the exact sum rounded once
  exp,       // approximates e^a
  sin,       // approximates sin a
  cos,       // approximates cos a
  neg,       // -a, exact (0 stays 0)
  constant,  // a given float, no arguments
};

std::string to_string(float_op op);  // "mul", "sum", ...
std::optional<approximated_function> approximated(float_op op);

struct float_program {
  struct node {
    float_op op;
    std::vector<uint32_t> args;  // value indices, each earlier than the node
    // a constant node's value (an approximated one: its determined rounding, or round_p(f(x))
    // where none is determined, and then `chosen`); nullopt otherwise
    std::optional<float_value> value;
    bool chosen = false;
  };
  float_format format;
  uint32_t operands = 0;
  std::vector<node> nodes;

  // Appends a node and returns its value index; throws std::invalid_argument for a wrong number
  // of arguments, an argument that is not an earlier value, or an approximated argument.
  uint32_t add(float_op op, std::vector<uint32_t> args);
  // Appends a constant; throws std::invalid_argument for a float that is not valid in `format`.
  uint32_t constant(float_value v);
  // Whether value v depends on no operand (its value is then node_of(v).value).
  bool is_constant(uint32_t v) const { return v >= operands && node_of(v).value.has_value(); }
  uint32_t values() const { return operands + static_cast<uint32_t>(nodes.size()); }
  node const& node_of(uint32_t value) const { return nodes.at(value - operands); }
  // "v8 = mul(v0, v4); v9 = const(<12, -3>); ..." with the format: equal texts, equal programs.
  std::string text() const;
};

// The value of `output` on the operands: every deterministic operation exact and rounded once.
// For an approximated output: round_p(f(x)) where enclosures decide it (a reference to show;
// several floats meet the clause), nullopt where they do not.
std::optional<float_value> evaluate(float_program const& p,
                                    std::vector<float_value> const& operands, uint32_t output);
// Whether r is the program's value at `output`: equal to it, or for an approximated output,
// an approximation of f at its argument (core/approximation.hpp).
bool program_holds(float_program const& p, std::vector<float_value> const& operands,
                   uint32_t output, float_value const& r);

}  // namespace tc0
