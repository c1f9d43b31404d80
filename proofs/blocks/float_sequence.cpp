#include "proofs/blocks/float_sequence.hpp"

#include <stdexcept>

#include "core/simulate.hpp"
#include "proofs/blocks/float_exp.hpp"
#include "proofs/blocks/float_maximum.hpp"
#include "proofs/blocks/float_product.hpp"
#include "proofs/blocks/float_quotient.hpp"
#include "proofs/blocks/float_root.hpp"
#include "proofs/blocks/float_sign.hpp"
#include "proofs/blocks/float_sum.hpp"
#include "proofs/blocks/float_trig.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

std::vector<float_bus> argument_buses(std::vector<float_bus> const& values,
                                      float_program::node const& n) {
  std::vector<float_bus> out;
  for (auto a : n.args) out.push_back(values.at(a));
  return out;
}

// The smallest K >= 1 with |x| <= 2^K: the trig block's domain for a constant angle.
unsigned trig_domain(float_value const& x) {
  unsigned K = 1;
  while (abs(to_rational(x)) > power_of_two(K)) ++K;
  return K;
}

// The block of a node over `args`, in `k`; `argument_facts`: the steps concluding the arguments
// (a division, a square root, a negation and a ReLU rest on their arguments being valid);
// `domain`: sin's and cos's K (the block is built for |x| <= 2^K and requires it).
rounded_float create_block(construction& k, float_format const& f, float_op op,
                           std::vector<float_bus> const& args, std::string const& prefix,
                           unsigned domain, std::vector<size_t> const& argument_facts = {}) {
  switch (op) {
    case float_op::mul:
      return create_float_product(k, f, args[0], args[1], prefix);
    case float_op::div:
      return create_float_quotient(k, f, args[0], args[1], prefix, argument_facts);
    case float_op::sum:
      return create_float_sum(k, f, args, prefix);
    case float_op::exp:
      return create_float_exp(k, f, args[0], prefix);
    case float_op::sqrt:
      return create_float_root(k, f, args[0], prefix, {}, argument_facts);
    case float_op::neg:
      return create_float_negation(k, f, args[0], prefix, argument_facts);
    case float_op::relu:
      return create_float_relu(k, f, args[0], prefix, argument_facts);
    case float_op::max:
      return create_float_maximum(k, f, args, prefix, argument_facts);
    case float_op::sin:
    case float_op::cos:
      if (domain == 0)
        throw std::invalid_argument("float program: " + to_string(op) +
                                    " of a non-constant angle needs its block's domain "
                                    "(float_program::add_angle_function)");
      return create_float_trig(k, *approximated(op), f, domain, args[0], prefix);
    default:
      throw std::invalid_argument("float program: no block for " + to_string(op) + " yet");
  }
}

// What node `n`'s block gives on constant arguments: the block built on input buses of a scratch
// circuit and simulated on them. A constant costs no gates in the lemma's circuit (it is wires to
// the constant node), but it is still the blocks' value, which the sequence step then compares
// with the program's.
float_value constant_value(float_format const& f, float_program::node const& n,
                           std::vector<float_value> const& args) {
  // a given constant, or a rounding no block need give (core/float_program.hpp): the program's
  if (n.op == float_op::constant || n.chosen) return *n.value;
  construction scratch;
  std::vector<float_bus> buses;
  for (size_t i = 0; i < args.size(); ++i)
    buses.push_back(create_float_input(scratch.c, "a" + std::to_string(i), f));
  bool const angle = n.op == float_op::sin || n.op == float_op::cos;
  auto const r = create_block(scratch, f, n.op, buses, "", angle ? trig_domain(args[0]) : 0);
  std::vector<bool> in(scratch.c.input_nodes().size());
  std::vector<int64_t> position(scratch.c.num_nodes(), -1);
  for (size_t i = 0; i < in.size(); ++i)
    position[scratch.c.input_nodes()[i]] = static_cast<int64_t>(i);
  for (size_t i = 0; i < args.size(); ++i) {
    auto const bits = buses[i].bits();
    auto const packed = pack(f, args[i]);
    for (size_t b = 0; b < bits.size(); ++b)
      in.at(static_cast<size_t>(position.at(bits[b].index()))) = bit_test(packed, b);
  }
  simulator const sim{scratch.c};
  auto const values = sim.run<bool>(in);
  big_int packed = 0;
  for (size_t b = 0; b < r.bits.size(); ++b)
    if (simulator::value(values, r.bits[b])) packed |= big_int{1} << b;
  return unpack(f, packed);
}

// The constant signals of v's bits (float_bus::bits() order).
std::vector<signal> constant_bits(float_format const& f, float_value const& v) {
  auto const packed = pack(f, v);
  std::vector<signal> out;
  for (unsigned b = 0; b < f.total_bits(); ++b)
    out.push_back(bit_test(packed, b) ? const_true : const_false);
  return out;
}

// What the block of node `v` must conclude, rebuilt from the program and `values`: the lemma's
// operand buses, then the blocks' results.
spec_clause node_clause(float_program const& p, std::vector<float_bus> const& values, uint32_t v) {
  auto const& n = p.node_of(v);
  auto const args = argument_buses(values, n);
  auto const bits = values.at(v).bits();
  auto const name = "v" + std::to_string(v);
  switch (n.op) {
    case float_op::mul:
      return float_product_clause(name, p.format, args[0], args[1], bits);
    case float_op::div:
      return float_quotient_clause(name, p.format, args[0], args[1], bits);
    case float_op::sum:
      return float_sum_clause(name, p.format, args, bits);
    case float_op::exp:
      return float_exp_clause(name, p.format, args[0], bits);
    case float_op::sqrt:
      return float_root_clause(name, p.format, args[0], bits);
    case float_op::neg:
      return float_negation_clause(name, p.format, args[0], bits);
    case float_op::relu:
      return float_relu_clause(name, p.format, args[0], bits);
    case float_op::max:
      return float_maximum_clause(name, p.format, args, bits);
    case float_op::sin:
    case float_op::cos:
      return float_trig_clause(name, *approximated(n.op), p.format, args[0], bits);
    default:
      throw std::invalid_argument("float program: no block for " + to_string(n.op) + " yet");
  }
}

}  // namespace

program_circuit create_float_program(construction& k, float_program const& p,
                                     std::vector<float_bus> const& operands,
                                     std::function<std::string(uint32_t)> const& prefix_of) {
  if (operands.size() != p.operands)
    throw std::logic_error("create_float_program: operand count differs from the program's");
  program_circuit out;
  out.values = operands;
  for (uint32_t v = p.operands; v < p.values(); ++v) {
    auto const& n = p.node_of(v);
    if (p.is_constant(v)) {
      std::vector<float_value> args;
      for (auto a : n.args) args.push_back(out.constants.at(a));
      out.constants[v] = constant_value(p.format, n, args);
      out.values.push_back(
          split_float(prefix_of(v) + "const", p.format, constant_bits(p.format, out.constants[v])));
      out.conclusions.push_back(std::nullopt);
      continue;
    }
    auto const prefix = prefix_of(v);
    // the steps concluding the arguments that blocks compute: the exp block's operand stage and
    // the quotient's steps rest on their arguments being valid floats, which each argument's own
    // block's rounding clause says (naming those steps keeps the implications small)
    std::vector<size_t> argument_facts;
    for (auto a : n.args)
      if (a >= p.operands && out.conclusions.at(a - p.operands))
        argument_facts.push_back(*out.conclusions.at(a - p.operands));
    auto const r = create_block(k, p.format, n.op, argument_buses(out.values, n), prefix, n.domain,
                                argument_facts);
    // the operand stages' preconditions (a valid argument; for sin and cos |x| <= 2^K) follow
    // from the lemma's precondition and the arguments' own blocks: naming those keeps the
    // implications small
    if (n.op == float_op::exp)
      k.precondition_hypotheses[prefix + "exp_operands"] = {.steps = argument_facts};
    if (n.op == float_op::sin || n.op == float_op::cos)
      k.precondition_hypotheses[prefix + "trig_operands"] = {.steps = argument_facts};
    out.values.push_back(split_float(prefix + "result", p.format, r.bits));
    out.conclusions.push_back(r.conclusion);
  }
  return out;
}

size_t add_program_sequence(construction& k, std::string const& name,
                            std::shared_ptr<float_program const> const& p,
                            std::vector<float_bus> const& operands, program_circuit const& built,
                            std::vector<spec_clause> const& lemma_clauses) {
  if (operands.size() != p->operands || built.values.size() != p->values() ||
      built.conclusions.size() != p->nodes.size())
    throw std::logic_error("add_program_sequence: the built program does not fit the program");
  composition_step step{.name = name};
  for (auto const& c : built.conclusions)
    if (c) step.steps.push_back(*c);
  step.theorem =
      "every operation's block concludes that operation on its arguments' buses (each fact "
      "checked against the clause rebuilt from the program), every constant's bus is the "
      "constant wires of its value in the program, each rounded operation is a function of its "
      "arguments' values, each approximated node's bits meet its clause (so they are one of the "
      "floats the program lets that node stand for), and every lemma clause is this program over "
      "the operand buses with the bits of its value as outputs: so, in program order, every "
      "value's bits hold the program's value under the choice the approximated nodes' bits make, "
      "and the outputs are the documented sequence of float operations";
  step.goal.description = "the outputs are the documented sequence of float operations";
  // the operands are the lemma's (checked against its clauses below), not the buses the blocks
  // were given: a block wired to another bus concludes something else, and the check fails
  auto values = operands;
  values.insert(values.end(), built.values.begin() + p->operands, built.values.end());
  std::vector<expected_fact> expected;
  std::optional<std::string> mismatch;
  for (uint32_t v = p->operands; v < p->values(); ++v) {
    if (p->is_constant(v)) {
      auto const& want = *p->node_of(v).value;
      if (!mismatch && values.at(v).bits() != constant_bits(p->format, want))
        mismatch = "constant v" + std::to_string(v) + " (" + to_string(p->node_of(v).op) +
                   ") is not wired to the program's value " + to_string(want);
      continue;
    }
    auto const index = *built.conclusions.at(v - p->operands);
    expected.push_back(
        {"step " + k.composition.at(index).name, index, true, node_clause(*p, values, v)});
  }
  // the lemma's clauses: computes clauses of this program, over these operands, whose outputs are
  // the bits of their values (rebuilt and compared by canonical text)
  std::vector<program_operand> reads;
  for (auto const& x : operands) reads.push_back(operand_of(x));
  for (auto const& c : lemma_clauses) {
    if (mismatch) break;
    if (c.kind != clause_kind::computes || !c.program || c.program_output < p->operands ||
        c.program_output >= p->values()) {
      mismatch = "clause " + c.name + " is not a computed value of the program";
      break;
    }
    linear_spec rebuilt;
    rebuilt.computes(c.name, values.at(c.program_output).bits(), p, reads, c.program_output);
    if (canonical_key(rebuilt.clauses[0]) != canonical_key(c)) {
      mismatch = "clause " + c.name + " is not the program's value v" +
                 std::to_string(c.program_output) + " over the operand buses and its bits";
      break;
    }
  }
  step.goal.clauses = lemma_clauses;
  stated_facts const cited(k, std::move(expected));
  step.check = [cited, mismatch]() -> std::optional<certified_failure> {
    if (mismatch) return certified_failure{*mismatch, std::nullopt};
    if (auto const missing = cited.first_missing())
      return certified_failure{*missing, std::nullopt};
    return std::nullopt;
  };
  return k.add_step(std::move(step));
}

}  // namespace tc0
