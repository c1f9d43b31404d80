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
// An approximated value (exp, sin, cos) may be an output or an operand of a later operation.
//   - Constant, it is read as its determined rounding (determined_approximation in
//     core/approximation.hpp: the one float every construction that carries the internal accuracy
//     gives). Where f(x) lies so close to a rounding point that no rounding is determined (two
//     correct constructions may differ: sin 7 at p = 4), the program fixes round_p(f(x)), the
//     correctly rounded value, and says so (node::chosen); a construction must then wire that
//     constant. Where enclosures cannot decide even that, `add` refuses.
//   - Not constant (attention's exp(s_ij), summed and divided), it stands for any float that meets
//     its approximation clause (approximation_candidates: one to three floats), since that is all
//     its block promises. A value computed from such nodes is the program under one choice of
//     those floats, one per node: program_holds asks whether some choice gives r (depth first
//     over the choices in the output's cone, so a node read twice, by a sum and a division, takes
//     one float for both). The choices of different outputs are not tied together by their
//     clauses; in a circuit each node is one block, which every output reads.
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
  max,       // the largest of a_1 .. a_n, n >= 2 (exact: round_p of a float's value is itself)
  exp,       // approximates e^a
  sin,       // approximates sin a
  cos,       // approximates cos a
  div,       // round_p(a / b); a / 0 saturates with a's sign, 0 / 0 = 0 (core/float_format.hpp)
  neg,       // -a, exact (0 stays 0)
  sqrt,      // round_p(sqrt |a|), correctly rounded (float.sqrt's reading: the sign is ignored)
  relu,      // max(a, 0), exact
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
    // sin and cos of a non-constant angle: the K for which the construction builds its block
    // (proofs/blocks/float_trig.hpp), |a| <= 2^K. The block's first stage requires that bound, so
    // wherever the block is embedded the circuit must establish it (an implication obligation);
    // the program's meaning does not depend on it. 0 where not given.
    unsigned domain = 0;
  };
  float_format format;
  uint32_t operands = 0;
  std::vector<node> nodes;
  // Renewed by every add and constant (from a process-wide counter): two programs with the same
  // non-zero serial are copies of one program, which lets an evaluation reuse what it computed
  // for another output of the same program on the same operands.
  uint64_t serial = 0;

  // Appends a node and returns its value index; throws std::invalid_argument for a wrong number
  // of arguments or an argument that is not an earlier value.
  uint32_t add(float_op op, std::vector<uint32_t> args);
  // Appends sin or cos of `angle` with the block's domain K >= 1 (node::domain).
  uint32_t add_angle_function(float_op op, uint32_t angle, unsigned domain);
  // Appends a constant; throws std::invalid_argument for a float that is not valid in `format`.
  uint32_t constant(float_value v);
  // Whether value v depends on no operand (its value is then node_of(v).value).
  bool is_constant(uint32_t v) const { return v >= operands && node_of(v).value.has_value(); }
  uint32_t values() const { return operands + static_cast<uint32_t>(nodes.size()); }
  node const& node_of(uint32_t value) const { return nodes.at(value - operands); }
  // "v8 = mul(v0, v4); v9 = const(<12, -3>); ..." with the format: equal texts, equal programs.
  std::string text() const;
};

// The value of `output` on the operands, every approximated node read as round_p(f(x)) (a
// reference to show: several floats meet an approximation); nullopt where enclosures do not decide
// one of those roundings.
std::optional<float_value> evaluate(float_program const& p,
                                    std::vector<float_value> const& operands, uint32_t output);
// Whether r is the program's value at `output` under some choice for its approximated nodes (see
// above); for an approximated output, whether r meets its clause. Throws std::runtime_error past
// 65536 choices (the output's cone then has too many approximated nodes to enumerate).
bool program_holds(float_program const& p, std::vector<float_value> const& operands,
                   uint32_t output, float_value const& r);

}  // namespace tc0
