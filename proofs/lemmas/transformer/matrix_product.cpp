// Lemma tf.matmul — the paper's matrix product (Lemma 4.2): C = A B for an n1 x d matrix A and a
// d x n2 matrix B of p-bit floats, in depth d_std + d_⊕.
//
// Claim: C_ij = round_p(sum_k round_p(A_ik B_kj)) (NEXT-LAYER.md §1.7: every product rounded,
//   then the d products summed exactly and rounded once; for d = 1, C_ij = round_p(A_i0 B_0j)),
//   for every input pattern (a float is read as the value of its bits), in constant depth and
//   size polynomial in n1, d, n2 and p.
// Construction: one float product block per (i, j, k) (proofs/blocks/float_product.hpp, depth
//   d_std) and one float sum block per (i, j) over its d products (proofs/blocks/float_sum.hpp,
//   depth d_⊕), built from the documented program (core/float_program.hpp) by
//   proofs/blocks/float_sequence.hpp. Nothing is shared between entries: A_ik B_kj is formed
//   once per (i, j) pair, as the program states.
// Specification: one computes clause per entry: C_ij is value (i, j) of the program over the
//   inputs A_<i>_<k> and B_<k>_<j>, judged by the Boost twin (no SMT encoding).
// Obligations: depth_formula (depth <= d_std + d_⊕, each measured on the standalone lemma);
//   every block's stages and steps (the n1 n2 d products and n1 n2 sums are identical
//   blocks over other buses: all but the first of each are proved by reference), the certified
//   step `sequence` (each block concludes its operation on the right buses; the lemma's clauses
//   are the program's), `composition` from it; random or exhaustive simulation against the
//   Boost twin; S1 over n1 and d, S2.
// Expected: all proved; depth = depth(float.mul) + depth(float.iterated_add at n = d).
#include "proofs/lemmas/transformer/matrix_product.hpp"

#include "core/metrics.hpp"
#include "proofs/blocks/float_sequence.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/composite.hpp"

namespace tc0 {
namespace {

std::string entry(char const* matrix, unsigned r, unsigned c) {
  return matrix_entry(matrix, r, c);
}

struct shape {
  unsigned n1, d, n2;
  explicit shape(parameters const& p) : n1{param(p, "n1")}, d{param(p, "d")}, n2{param(p, "n2")} {}
  // operands: A row by row, then B row by row
  uint32_t a(unsigned i, unsigned k) const { return i * d + k; }
  uint32_t b(unsigned k, unsigned j) const { return n1 * d + k * n2 + j; }
};

// The documented order: per entry (i, j), d products then one sum; the value of C_ij is
// output(i, j).
struct matmul_program {
  std::shared_ptr<float_program> program = std::make_shared<float_program>();
  std::vector<std::vector<uint32_t>> output;  // [i][j]
};

matmul_program program_of(parameters const& p) {
  shape const s{p};
  matmul_program m;
  m.program->format = format_of(p);
  m.program->operands = s.n1 * s.d + s.d * s.n2;
  m.output.assign(s.n1, std::vector<uint32_t>(s.n2));
  for (unsigned i = 0; i < s.n1; ++i)
    for (unsigned j = 0; j < s.n2; ++j) {
      std::vector<uint32_t> products;
      for (unsigned k = 0; k < s.d; ++k)
        products.push_back(m.program->add(float_op::mul, {s.a(i, k), s.b(k, j)}));
      m.output[i][j] = s.d == 1 ? products[0] : m.program->add(float_op::sum, products);
    }
  return m;
}

std::vector<float_bus> operand_buses(circuit const& c, parameters const& p) {
  shape const s{p};
  std::vector<float_bus> out;
  for (unsigned i = 0; i < s.n1; ++i)
    for (unsigned k = 0; k < s.d; ++k) out.push_back(input_float(c, entry("A", i, k)));
  for (unsigned k = 0; k < s.d; ++k)
    for (unsigned j = 0; j < s.n2; ++j) out.push_back(input_float(c, entry("B", k, j)));
  return out;
}

linear_spec matmul_specification(circuit const& c, parameters const& p) {
  shape const s{p};
  auto const m = program_of(p);
  std::vector<program_operand> reads;
  for (auto const& x : operand_buses(c, p)) reads.push_back(operand_of(x));
  linear_spec spec;
  spec.description = "C_ij = round_p(sum_k round_p(A_ik B_kj)), " + m.program->format.describe();
  for (unsigned i = 0; i < s.n1; ++i)
    for (unsigned j = 0; j < s.n2; ++j) {
      auto const name = entry("C", i, j);
      spec.computes(name, output_float(c, name).bits(), m.program, reads, m.output[i][j]);
    }
  return spec;
}

// d_std + d_⊕: the depths of float.mul and (for d > 1) float.iterated_add over d terms, each
// built on its own at this format.
std::vector<depth_term> matmul_depth(parameters const& p) {
  std::vector<depth_term> terms{measured_depth(p, "d_std", "float.mul")};
  if (param(p, "d") > 1)
    terms.push_back(measured_depth(p, "d_⊕", "float.iterated_add", {{"n", param(p, "d")}}));
  return terms;
}

}  // namespace

construction build_matmul(parameters const& p, matmul_faults faults) {
  shape const s{p};
  if (faults.transposed_b && s.d != s.n2)
    throw std::invalid_argument("build_matmul: a transposed B needs d = n2");
  auto const f = format_of(p);
  auto const m = program_of(p);
  construction k;
  for (unsigned i = 0; i < s.n1; ++i)
    for (unsigned c = 0; c < s.d; ++c) create_float_input(k.c, entry("A", i, c), f);
  for (unsigned r = 0; r < s.d; ++r)
    for (unsigned j = 0; j < s.n2; ++j) create_float_input(k.c, entry("B", r, j), f);
  auto const operands = operand_buses(k.c, p);
  auto wired = operands;
  if (faults.transposed_b)
    for (unsigned r = 0; r < s.d; ++r)
      for (unsigned j = 0; j < s.n2; ++j) wired[s.b(r, j)] = operands[s.b(j, r)];
  // block names: "mul_i_j_k_" for a product, "sum_i_j_" for an entry's sum
  std::vector<std::string> names(m.program->values());
  for (unsigned i = 0; i < s.n1; ++i)
    for (unsigned j = 0; j < s.n2; ++j) {
      auto const& sum = m.program->node_of(m.output[i][j]);
      if (s.d > 1) names[m.output[i][j]] = entry("sum", i, j) + "_";
      auto const& products = s.d > 1 ? sum.args : std::vector<uint32_t>{m.output[i][j]};
      for (unsigned c = 0; c < s.d; ++c)
        names[products[c]] = entry("mul", i, j) + "_" + std::to_string(c) + "_";
    }
  auto const built =
      create_float_program(k, *m.program, wired, [&](uint32_t v) { return names.at(v); });
  for (unsigned i = 0; i < s.n1; ++i)
    for (unsigned j = 0; j < s.n2; ++j)
      add_float_output(k.c, entry("C", i, j), f, built.values.at(m.output[i][j]).bits());
  auto const spec = matmul_specification(k.c, p);
  k.output_hypotheses = {
      .steps = {add_program_sequence(k, "sequence", m.program, operands, built, spec.clauses)}};
  return k;
}

lemma matrix_product_lemma() {
  lemma l;
  l.name = "tf.matmul";
  l.title = "matrix product of p-bit floats, each entry a rounded sum of rounded products";
  l.paper_ref = "Lemma 4.2 (matrix multiplication)";
  l.paper_depth = "d_std + d_⊕";
  l.claim =
      "C_ij = round_p(sum_k round_p(A_ik B_kj)) for all inputs, in constant depth and "
      "polynomial size";
  l.parameter_table = {{"n1", 1, 64}, {"d", 1, 64}, {"n2", 1, 64}};
  for (auto const& r : float_parameters(8)) l.parameter_table.push_back(r);
  l.interface = [](parameters const& p) {
    shape const s{p};
    auto const f = format_of(p);
    std::vector<bus_decl> d;
    auto const add = [&](std::string const& name, bool input) {
      for (auto const& x : float_declarations(name, f, input)) d.push_back(x);
    };
    for (unsigned i = 0; i < s.n1; ++i)
      for (unsigned c = 0; c < s.d; ++c) add(entry("A", i, c), true);
    for (unsigned r = 0; r < s.d; ++r)
      for (unsigned j = 0; j < s.n2; ++j) add(entry("B", r, j), true);
    for (unsigned i = 0; i < s.n1; ++i)
      for (unsigned j = 0; j < s.n2; ++j) add(entry("C", i, j), false);
    return d;
  };
  l.build = [](parameters const& p) { return build_matmul(p, {}); };
  l.specification = matmul_specification;
  l.depth_bound = 80;
  l.depth_formula = matmul_depth;
  l.degree_bound = 4;
  l.monolithic_max_input_bits = 0;  // the specification has no SMT encoding
  l.self_check_size = {{"n1", 1}, {"d", 2}, {"n2", 1}, {"p", 2}, {"k", 1}};
  // proved at n1 = 1, 2 (d = n2 = 2); n1 = 4..16 and d = 3..8 built and measured for S1 and S2
  // (a parameter with measured-only values is swept from every proved size)
  l.default_sweeps = {sweep({{"d", 2}, {"n2", 2}, {"p", 3}, {"k", 2}}, "n1", {1, 2})};
  l.measured_only["n1"] = {4, 8, 16};
  l.measured_only["d"] = {3, 4, 8};
  return l;
}

}  // namespace tc0
