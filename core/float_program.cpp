#include "core/float_program.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <stdexcept>
#include <tuple>

namespace tc0 {

std::string to_string(float_op op) {
  switch (op) {
    case float_op::mul:
      return "mul";
    case float_op::sum:
      return "sum";
    case float_op::max:
      return "max";
    case float_op::exp:
      return "exp";
    case float_op::sin:
      return "sin";
    case float_op::cos:
      return "cos";
    case float_op::div:
      return "div";
    case float_op::neg:
      return "neg";
    case float_op::sqrt:
      return "sqrt";
    case float_op::relu:
      return "relu";
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

// round_p(sqrt |a|), from rigorous enclosures of the root (core/enclosure.hpp), as float.sqrt's
// clause is judged. Always decided: a rounding point of round_p is a midpoint of two floats, whose
// square has more significant bits than a float, or half the smallest normal, whose square lies
// below it; neither is the square root of a float.
float_value rounded_root(float_format const& f, float_value const& a) {
  auto const r = rounded_true_value(
      f, [&](unsigned precision) { return sqrt_enclosure(abs(to_rational(a)), precision); });
  if (!r) throw std::logic_error("float program: sqrt(" + to_string(a) + ") not decided");
  return *r;
}

// round_p of a sum of floats, in integer arithmetic: every term shifted to the smallest exponent
// among them, so the sum is an integer times a power of two (no rationals, no gcd).
float_value rounded_sum(float_format const& f, std::vector<float_value> const& args) {
  int64_t low = args[0].exponent;
  for (auto const& a : args) low = std::min(low, a.exponent);
  big_int total = 0;
  for (auto const& a : args) {
    big_int const term = a.magnitude << static_cast<unsigned>(a.exponent - low);
    total += a.negative ? big_int(-term) : term;
  }
  bool const negative = total < 0;
  return round_to_format(f, negative ? big_int(-total) : total, 1, low, negative);
}

// The exact result of a deterministic operation on the values of its arguments, rounded once.
// Products and sums of floats are dyadic, so they are rounded in integer arithmetic
// (round_to_format's integer form, tested equal to its rational definition); the rest through
// exact rationals.
float_value apply(float_format const& f, float_op op, std::vector<float_value> const& args) {
  rational x = 0;
  switch (op) {
    case float_op::mul:
      return round_to_format(f, args[0].magnitude * args[1].magnitude, 1,
                             args[0].exponent + args[1].exponent,
                             args[0].negative != args[1].negative);
    case float_op::sum:
      return rounded_sum(f, args);
    case float_op::max:
      x = to_rational(args[0]);
      for (auto const& a : args) x = std::max(x, to_rational(a));
      break;
    case float_op::div:
      if (args[1].magnitude == 0) {
        // a / 0: beyond every float with a's sign (round_p saturates), 0 / 0 = 0
        if (args[0].magnitude == 0) return zero_of(f);
        x = 2 * largest_magnitude(f);
        if (args[0].negative) x = -x;
      } else {
        x = to_rational(args[0]) / to_rational(args[1]);
      }
      break;
    case float_op::neg:
      x = -to_rational(args[0]);
      break;
    case float_op::relu:
      x = std::max(rational(0), to_rational(args[0]));
      break;
    case float_op::sqrt:
      return rounded_root(f, args[0]);
    default:
      throw std::logic_error("float program: " + to_string(op) + " is not a rounded operation");
  }
  return round_to_format(f, x);
}

uint64_t next_serial() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

}  // namespace

uint32_t float_program::add(float_op op, std::vector<uint32_t> args) {
  auto const arity_ok = op == float_op::mul || op == float_op::div   ? args.size() == 2
                        : op == float_op::sum || op == float_op::max ? args.size() >= 2
                        : op == float_op::constant                   ? args.empty()
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
  serial = next_serial();
  return values() - 1;
}

uint32_t float_program::add_angle_function(float_op op, uint32_t angle, unsigned domain) {
  if (op != float_op::sin && op != float_op::cos)
    throw std::invalid_argument("float program: a domain is given for sin and cos only, not " +
                                to_string(op));
  if (domain == 0) throw std::invalid_argument("float program: the domain 2^K needs K >= 1");
  auto const v = add(op, {angle});
  nodes.back().domain = domain;
  return v;
}

uint32_t float_program::constant(float_value v) {
  if (!is_valid(format, v))
    throw std::invalid_argument("float program: constant " + to_string(v) +
                                " is not a valid float at " + format.describe());
  nodes.push_back({float_op::constant, {}, v});
  serial = next_serial();
  return values() - 1;
}

std::string float_program::text() const {
  std::string t = format.describe() + "; " + std::to_string(operands) + " operands";
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    t += "; v" + std::to_string(operands + i) + " = " + to_string(nodes[i].op) + "(";
    for (size_t a = 0; a < nodes[i].args.size(); ++a)
      t += (a ? ", v" : "v") + std::to_string(nodes[i].args[a]);
    if (nodes[i].op == float_op::constant) t += to_string(*nodes[i].value);
    if (nodes[i].domain != 0) t += "; block on |a| <= 2^" + std::to_string(nodes[i].domain);
    t += ")";
  }
  return t;
}

namespace {

size_t const choice_limit = 65536;

// approximation_candidates, remembered: a random simulation asks for the same few arguments (they
// are floats of one format) over and over, and each answer costs several enclosures. Per thread;
// emptied when it grows past 65536 entries.
std::vector<float_value> const& remembered_candidates(approximated_function f,
                                                      float_format const& format,
                                                      rational const& x) {
  using key = std::tuple<int, unsigned, int64_t, int64_t, rational>;
  thread_local std::map<key, std::vector<float_value>> known;
  key const k{static_cast<int>(f), format.p, format.e_min, format.e_max, x};
  if (auto it = known.find(k); it != known.end()) return it->second;
  if (known.size() >= 65536) known.clear();
  return known.emplace(k, approximation_candidates(f, format, x)).first->second;
}

// The values of `p`'s nodes that no choice changes, on `operands`, as far as computed: one program
// and operand list per thread (the last asked for), since a simulation asks for every output of a
// program on one pattern before it moves to the next. Constant nodes are read from the program.
std::vector<std::optional<float_value>>& shared_values(float_program const& p,
                                                       std::vector<float_value> const& operands) {
  struct memo {
    uint64_t serial = 0;
    float_format format;
    std::vector<float_value> operands;
    std::vector<std::optional<float_value>> values;
  };
  thread_local memo m;
  bool const same = p.serial != 0 && m.serial == p.serial && m.format.p == p.format.p &&
                    m.format.e_min == p.format.e_min && m.format.e_max == p.format.e_max &&
                    m.values.size() == p.values() && m.operands == operands;
  if (!same) {
    m.serial = p.serial;
    m.format = p.format;
    m.operands = operands;
    m.values.assign(p.values(), std::nullopt);
  }
  return m.values;
}

// The values of a program under one choice for its approximated nodes (core/float_program.hpp).
class choices {
 public:
  choices(float_program const& p, std::vector<float_value> const& operands, uint32_t output,
          bool only_reference)
      : p_{p},
        operands_{operands},
        output_{output},
        only_reference_{only_reference},
        known_(p.values()) {
    if (operands.size() != p.operands)
      throw std::invalid_argument("float program: " + std::to_string(operands.size()) +
                                  " operands given, " + std::to_string(p.operands) + " expected");
    if (output >= p.values()) throw std::invalid_argument("float program: no such value");
    // the non-constant nodes `output` reads, in program order
    std::vector<bool> needed(p.values());
    needed[output] = true;
    for (auto v = output + 1; v-- > p.operands;)
      if (needed[v] && !p.is_constant(v)) {
        cone_.push_back(v);
        for (auto a : p.node_of(v).args) needed[a] = true;
      }
    std::reverse(cone_.begin(), cone_.end());
    // the nodes no choice changes first (still in an order that reads only earlier values), so
    // that each choice re-evaluates only what depends on it
    std::vector<bool> chosen(p.values());
    for (auto v : cone_) {
      chosen[v] = approximated(p.node_of(v).op).has_value();
      for (auto a : p.node_of(v).args) chosen[v] = chosen[v] || chosen[a];
    }
    auto const first_chosen =
        std::stable_partition(cone_.begin(), cone_.end(), [&](uint32_t v) { return !chosen[v]; });
    // those are the same for every output of the program on these operands: evaluated once per
    // thread and operands (a layer's outputs share its scores), then only the chosen ones remain
    auto& memo = shared_values(p, operands);
    for (auto it = cone_.begin(); it != first_chosen; ++it) {
      if (!memo[*it]) {
        auto const& n = p.node_of(*it);
        std::vector<float_value> args;
        for (auto a : n.args)
          args.push_back(a < p.operands     ? operands[a]
                         : p.is_constant(a) ? *p.node_of(a).value
                                            : *memo[a]);
        memo[*it] = apply(p.format, n.op, args);
      }
      known_[*it] = memo[*it];
    }
    cone_.erase(cone_.begin(), first_chosen);
  }

  float_value value(uint32_t v) const {
    if (v < p_.operands) return operands_[v];
    if (auto const& c = p_.node_of(v).value) return *c;
    return *known_[v];
  }

  // Calls `accept` once per choice until it returns true (whether one did). The output's own
  // approximation, if it is one, is left to `accept`, which reads its argument.
  bool any(std::function<bool(choices const&)> const& accept) { return from(0, accept); }

 private:
  bool from(size_t t, std::function<bool(choices const&)> const& accept) {
    for (; t < cone_.size(); ++t) {
      auto const v = cone_[t];
      auto const& n = p_.node_of(v);
      std::vector<float_value> args;
      for (auto a : n.args) args.push_back(value(a));
      auto const f = approximated(n.op);
      if (!f) {
        known_[v] = apply(p_.format, n.op, args);
        continue;
      }
      if (v == output_) break;
      auto const x = to_rational(args[0]);
      std::vector<float_value> options;
      if (!only_reference_) {
        options = remembered_candidates(*f, p_.format, x);
      } else if (auto const r = approximation_reference(*f, p_.format, x)) {
        options = {*r};
      }
      for (auto const& o : options) {
        known_[v] = o;
        if (from(t + 1, accept)) return true;
      }
      return false;
    }
    if (++leaves_ > choice_limit)
      throw std::runtime_error("float program: more than " + std::to_string(choice_limit) +
                               " choices of approximated values in the cone of v" +
                               std::to_string(output_) +
                               ": too many to judge it (core/float_program.hpp)");
    return accept(*this);
  }

  float_program const& p_;
  std::vector<float_value> const& operands_;
  uint32_t output_;
  bool only_reference_;
  std::vector<uint32_t> cone_;
  std::vector<std::optional<float_value>> known_;
  size_t leaves_ = 0;
};

}  // namespace

std::optional<float_value> evaluate(float_program const& p,
                                    std::vector<float_value> const& operands, uint32_t output) {
  choices c{p, operands, output, true};
  std::optional<float_value> out;
  c.any([&](choices const& at) {
    if (output >= p.operands)
      if (auto const f = approximated(p.node_of(output).op)) {
        out =
            approximation_reference(*f, p.format, to_rational(at.value(p.node_of(output).args[0])));
        return true;
      }
    out = at.value(output);
    return true;
  });
  return out;
}

bool program_holds(float_program const& p, std::vector<float_value> const& operands,
                   uint32_t output, float_value const& r) {
  choices c{p, operands, output, false};
  return c.any([&](choices const& at) {
    if (output >= p.operands)
      if (auto const f = approximated(p.node_of(output).op))
        return approximation_holds(*f, p.format, to_rational(at.value(p.node_of(output).args[0])),
                                   r) == decision::yes;
    return at.value(output) == r;
  });
}

}  // namespace tc0
