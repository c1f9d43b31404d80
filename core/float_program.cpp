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
    case float_op::neg:
      return "neg";
    case float_op::constant:
      return "const";
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

namespace {

// The exact result of a deterministic operation on the values of its arguments, rounded once.
float_value apply(float_format const& f, float_op op, std::vector<float_value> const& args) {
  rational x = 0;
  switch (op) {
    case float_op::mul:
      x = to_rational(args[0]) * to_rational(args[1]);
      break;
    case float_op::sum:
      for (auto const& a : args) x += to_rational(a);
      break;
    case float_op::neg:
      x = -to_rational(args[0]);
      break;
    default:
      throw std::logic_error("float program: " + to_string(op) + " is not a rounded operation");
  }
  return round_to_format(f, x);
}

}  // namespace

uint32_t float_program::add(float_op op, std::vector<uint32_t> args) {
  auto const arity_ok = op == float_op::mul        ? args.size() == 2
                        : op == float_op::sum      ? args.size() >= 2
                        : op == float_op::constant ? args.empty()
                                                   : args.size() == 1;
  if (!arity_ok)
    throw std::invalid_argument("float program: " + to_string(op) + " with " +
                                std::to_string(args.size()) + " argument(s)");
  if (op == float_op::constant)
    throw std::invalid_argument("float program: a constant is added by constant(value)");
  bool all_constant = true;
  for (auto a : args) {
    if (a >= values())
      throw std::invalid_argument("float program: " + to_string(op) + " reads v" +
                                  std::to_string(a) + ", which is not an earlier value");
    all_constant = all_constant && is_constant(a);
    if (a >= operands && approximated(node_of(a).op) && !is_constant(a))
      throw std::invalid_argument("float program: " + to_string(op) + " reads v" +
                                  std::to_string(a) + ", an approximated value (" +
                                  to_string(node_of(a).op) +
                                  ") of a non-constant argument: not supported as an operand "
                                  "(core/float_program.hpp)");
  }
  node n{op, std::move(args), std::nullopt};
  if (all_constant) {
    std::vector<float_value> known;
    for (auto a : n.args) known.push_back(*node_of(a).value);
    if (auto const f = approximated(op)) {
      n.value = determined_approximation(*f, format, to_rational(known[0]));
      if (!n.value) {
        n.value = approximation_reference(*f, format, to_rational(known[0]));
        n.chosen = true;
      }
      if (!n.value)
        throw std::invalid_argument("float program: " + to_string(op) + "(" + to_string(known[0]) +
                                    ") is not decided by enclosures at " + format.describe());
    } else {
      n.value = apply(format, op, known);
    }
  }
  nodes.push_back(std::move(n));
  return values() - 1;
}

uint32_t float_program::constant(float_value v) {
  if (!is_valid(format, v))
    throw std::invalid_argument("float program: constant " + to_string(v) +
                                " is not a valid float at " + format.describe());
  nodes.push_back({float_op::constant, {}, v});
  return values() - 1;
}

std::string float_program::text() const {
  std::string t = format.describe() + "; " + std::to_string(operands) + " operands";
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    t += "; v" + std::to_string(operands + i) + " = " + to_string(nodes[i].op) + "(";
    for (size_t a = 0; a < nodes[i].args.size(); ++a)
      t += (a ? ", v" : "v") + std::to_string(nodes[i].args[a]);
    if (nodes[i].op == float_op::constant) t += to_string(*nodes[i].value);
    t += ")";
  }
  return t;
}

namespace {

// The deterministic value of `v` (not a non-constant approximated node), memoised in `known`.
float_value value_of(float_program const& p, std::vector<float_value> const& operands, uint32_t v,
                     std::vector<std::optional<float_value>>& known) {
  if (v < p.operands) return operands.at(v);
  auto const& n = p.node_of(v);
  if (n.value) return *n.value;
  if (known[v]) return *known[v];
  if (approximated(n.op))
    throw std::logic_error("float program: a non-constant approximated value read as an operand");
  std::vector<float_value> args;
  for (auto a : n.args) args.push_back(value_of(p, operands, a, known));
  known[v] = apply(p.format, n.op, args);
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
