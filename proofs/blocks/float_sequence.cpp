#include "proofs/blocks/float_sequence.hpp"

#include <stdexcept>

#include "proofs/blocks/float_product.hpp"
#include "proofs/blocks/float_sum.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

std::vector<float_bus> argument_buses(std::vector<float_bus> const& values,
                                      float_program::node const& n) {
  std::vector<float_bus> out;
  for (auto a : n.args) out.push_back(values.at(a));
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
    case float_op::sum:
      return float_sum_clause(name, p.format, args, bits);
    default:
      throw std::invalid_argument("float program: no block for " + to_string(n.op) + " yet");
  }
}

}  // namespace

program_operand operand_of(float_bus const& x) {
  return {linear_expr::value_of(x.magnitude.bits), linear_expr::value_of(x.exponent.bits),
          linear_expr::value_of(x.sign.bits)};
}

program_circuit create_float_program(construction& k, float_program const& p,
                                     std::vector<float_bus> const& operands,
                                     std::function<std::string(uint32_t)> const& prefix_of) {
  if (operands.size() != p.operands)
    throw std::logic_error("create_float_program: operand count differs from the program's");
  program_circuit out;
  out.values = operands;
  for (uint32_t v = p.operands; v < p.values(); ++v) {
    auto const& n = p.node_of(v);
    auto const args = argument_buses(out.values, n);
    auto const prefix = prefix_of(v);
    rounded_float r;
    switch (n.op) {
      case float_op::mul:
        r = create_float_product(k, p.format, args[0], args[1], prefix);
        break;
      case float_op::sum:
        r = create_float_sum(k, p.format, args, prefix);
        break;
      default:
        throw std::invalid_argument("float program: no block for " + to_string(n.op) + " yet");
    }
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
  composition_step step{.name = name, .steps = built.conclusions};
  step.theorem =
      "every operation's block concludes that operation on its arguments' buses (each fact "
      "checked against the clause rebuilt from the program), each operation is a function of its "
      "arguments' values, and every lemma clause is this program over the operand buses with the "
      "bits of its value as outputs: so, in program order, every value's bits hold the program's "
      "value, and the outputs are the documented sequence of float operations";
  step.goal.description = "the outputs are the documented sequence of float operations";
  // the operands are the lemma's (checked against its clauses below), not the buses the blocks
  // were given: a block wired to another bus concludes something else, and the check fails
  auto values = operands;
  values.insert(values.end(), built.values.begin() + p->operands, built.values.end());
  std::vector<expected_fact> expected;
  for (uint32_t v = p->operands; v < p->values(); ++v) {
    auto const index = built.conclusions.at(v - p->operands);
    expected.push_back(
        {"step " + k.composition.at(index).name, index, true, node_clause(*p, values, v)});
  }
  // the lemma's clauses: computes clauses of this program, over these operands, whose outputs are
  // the bits of their values (rebuilt and compared by canonical text)
  std::vector<program_operand> reads;
  for (auto const& x : operands) reads.push_back(operand_of(x));
  std::optional<std::string> mismatch;
  for (auto const& c : lemma_clauses) {
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
