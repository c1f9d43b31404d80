#include "core/float_program.hpp"

#include <stdexcept>

namespace tc0 {

std::string to_string(float_op op) {
  switch (op) {
    case float_op::mul:
      return "mul";
    case float_op::sum:
      return "sum";
    case float_op::exp:
      return "exp";
    case float_op::sin:
      return "sin";
    case float_op::cos:
      return "cos";
  }
  return "?";
}

std::optional<approximated_function> approximated(float_op op) {
  switch (op) {
    case float_op::exp:
      return approximated_function::exp;
    case float_op::sin:
      return approximated_function::sin;
    case float_op::cos:
      return approximated_function::cos;
    default:
      return std::nullopt;
  }
}

uint32_t float_program::add(float_op op, std::vector<uint32_t> args) {
  auto const arity_ok = op == float_op::mul   ? args.size() == 2
                        : op == float_op::sum ? args.size() >= 2
                                              : args.size() == 1;
  if (!arity_ok)
    throw std::invalid_argument("float program: " + to_string(op) + " with " +
                                std::to_string(args.size()) + " argument(s)");
  for (auto a : args) {
    if (a >= values())
      throw std::invalid_argument("float program: " + to_string(op) + " reads v" +
                                  std::to_string(a) + ", which is not an earlier value");
    if (a >= operands && approximated(node_of(a).op))
      throw std::invalid_argument("float program: " + to_string(op) + " reads v" +
                                  std::to_string(a) + ", an approximated value (" +
                                  to_string(node_of(a).op) +
                                  "): not supported as an operand (core/float_program.hpp)");
  }
  nodes.push_back({op, std::move(args)});
  return values() - 1;
}

std::string float_program::text() const {
  std::string t = format.describe() + "; " + std::to_string(operands) + " operands";
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    t += "; v" + std::to_string(operands + i) + " = " + to_string(nodes[i].op) + "(";
    for (size_t a = 0; a < nodes[i].args.size(); ++a)
      t += (a ? ", v" : "v") + std::to_string(nodes[i].args[a]);
    t += ")";
  }
  return t;
}

namespace {

// The deterministic value of `v` (not an approximated node), memoised in `known`.
float_value value_of(float_program const& p, std::vector<float_value> const& operands, uint32_t v,
                     std::vector<std::optional<float_value>>& known) {
  if (v < p.operands) return operands.at(v);
  if (known[v]) return *known[v];
  auto const& n = p.node_of(v);
  rational x = 0;
  switch (n.op) {
    case float_op::mul:
      x = to_rational(value_of(p, operands, n.args[0], known)) *
          to_rational(value_of(p, operands, n.args[1], known));
      break;
    case float_op::sum:
      for (auto a : n.args) x += to_rational(value_of(p, operands, a, known));
      break;
    default:
      throw std::logic_error("float program: an approximated value read as an operand");
  }
  known[v] = round_to_format(p.format, x);
  return *known[v];
}

void check_operands(float_program const& p, std::vector<float_value> const& operands,
                    uint32_t output) {
  if (operands.size() != p.operands)
    throw std::invalid_argument("float program: " + std::to_string(operands.size()) +
                                " operands given, " + std::to_string(p.operands) + " expected");
  if (output >= p.values()) throw std::invalid_argument("float program: no such value");
}

}  // namespace

std::optional<float_value> evaluate(float_program const& p,
                                    std::vector<float_value> const& operands, uint32_t output) {
  check_operands(p, operands, output);
  std::vector<std::optional<float_value>> known(p.values());
  if (output >= p.operands)
    if (auto const f = approximated(p.node_of(output).op))
      return approximation_reference(
          *f, p.format, to_rational(value_of(p, operands, p.node_of(output).args[0], known)));
  return value_of(p, operands, output, known);
}

bool program_holds(float_program const& p, std::vector<float_value> const& operands,
                   uint32_t output, float_value const& r) {
  check_operands(p, operands, output);
  std::vector<std::optional<float_value>> known(p.values());
  if (output >= p.operands)
    if (auto const f = approximated(p.node_of(output).op))
      return approximation_holds(
                 *f, p.format, to_rational(value_of(p, operands, p.node_of(output).args[0], known)),
                 r) == decision::yes;
  return value_of(p, operands, output, known) == r;
}

}  // namespace tc0
