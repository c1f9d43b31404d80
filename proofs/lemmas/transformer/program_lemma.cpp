#include "proofs/lemmas/transformer/program_lemma.hpp"

#include <stdexcept>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/float_sequence.hpp"
#include "proofs/lemmas/transformer/composite.hpp"

namespace tc0 {

uint32_t program_layout::input(std::string name) {
  if (!program->nodes.empty())
    throw std::logic_error("program_layout: input " + name + " declared after a node");
  inputs.push_back(std::move(name));
  program->operands = static_cast<uint32_t>(inputs.size());
  prefixes.resize(program->operands);
  return program->operands - 1;
}

value_matrix program_layout::input_matrix(std::string const& name, unsigned rows,
                                          unsigned columns) {
  value_matrix m(rows);
  for (unsigned r = 0; r < rows; ++r)
    for (unsigned c = 0; c < columns; ++c) m[r].push_back(input(matrix_entry(name, r, c)));
  return m;
}

void add_output_matrix(program_layout& l, std::string const& name, value_matrix const& m) {
  for (unsigned r = 0; r < m.size(); ++r)
    for (unsigned c = 0; c < m[r].size(); ++c)
      l.outputs.emplace_back(matrix_entry(name, r, c), m[r][c]);
}

uint32_t program_layout::add(float_op op, std::vector<uint32_t> args, std::string prefix) {
  auto const v = program->add(op, std::move(args));
  prefixes.resize(program->values());
  prefixes[v] = std::move(prefix);
  return v;
}

uint32_t program_layout::constant(float_value v, std::string prefix) {
  auto const c = program->constant(std::move(v));
  prefixes.resize(program->values());
  prefixes[c] = std::move(prefix);
  return c;
}

std::vector<bus_decl> program_interface(program_layout const& l) {
  std::vector<bus_decl> d;
  for (auto const& name : l.inputs)
    for (auto const& x : float_declarations(name, l.program->format, true)) d.push_back(x);
  for (auto const& [name, v] : l.outputs)
    for (auto const& x : float_declarations(name, l.program->format, false)) d.push_back(x);
  return d;
}

namespace {

std::vector<float_bus> input_buses(circuit const& c, program_layout const& l) {
  std::vector<float_bus> out;
  for (auto const& name : l.inputs) out.push_back(input_float(c, name));
  return out;
}

}  // namespace

linear_spec program_specification(circuit const& c, program_layout const& l,
                                  std::string const& description) {
  auto const inputs = input_buses(c, l);
  std::vector<program_operand> reads;
  for (auto const& x : inputs) reads.push_back(operand_of(x));
  linear_spec spec;
  spec.description = description + ", " + l.program->format.describe();
  for (auto const& [operand, K] : l.input_bounds) {
    auto [name, bound] =
        magnitude_at_most(l.inputs.at(operand), inputs.at(operand), l.program->format, K);
    spec.require(std::move(name), std::move(bound));
  }
  for (auto const& [name, v] : l.outputs)
    spec.computes(name, output_float(c, name).bits(), l.program, reads, v);
  return spec;
}

uint32_t program_layout::operand(std::string const& name) const {
  for (uint32_t i = 0; i < inputs.size(); ++i)
    if (inputs[i] == name) return i;
  throw std::invalid_argument("program_layout: no input " + name);
}

construction build_program_lemma(program_layout const& l, program_faults const& faults) {
  if (l.inputs.size() != l.program->operands)
    throw std::logic_error("build_program_lemma: one input per operand");
  auto const& f = l.program->format;
  construction k;
  for (auto const& name : l.inputs) create_float_input(k.c, name, f);
  auto const operands = input_buses(k.c, l);
  auto wired = operands;
  for (auto const& [from, to] : faults.rewired) wired.at(from) = operands.at(to);
  auto const& blocks = faults.blocks_from ? *faults.blocks_from : *l.program;
  auto const built =
      create_float_program(k, blocks, wired, [&](uint32_t v) { return l.prefixes.at(v); });
  for (auto const& [name, v] : l.outputs) add_float_output(k.c, name, f, built.values.at(v).bits());
  auto const spec = program_specification(k.c, l, "");
  k.output_hypotheses = {
      .steps = {add_program_sequence(k, "sequence", l.program, operands, built, spec.clauses)}};
  return k;
}

}  // namespace tc0
