// Lemma tf.rope — the RoPE rotation R_(j-i) of the paper's attention (Lemma 4.3's ingredient;
// its d_trig stage), with theta hard-wired (NEXT-LAYER.md §1.5–1.6).
//
// Claim: for positions i, j < n and even d, the d x d matrix R_(j-i) with the interleaved 2x2
//   blocks [[cos phi_k, -sin phi_k], [sin phi_k, cos phi_k]], phi_k = round_p((j - i) theta_k),
//   theta_k = round_p(10000^(-2k/d)), each cos and sin within 2^-p of the true value (the
//   approximation clause of core/approximation.hpp), 0 off the blocks.
// Construction: the program of proofs/lemmas/transformer/rope_rotation.hpp. Every entry depends
//   only on the positions and the constants theta, so each is a constant: the float product
//   and trig blocks are evaluated on the constants when the circuit is built (simulated, the
//   trig block on the domain 2^K just above the angle) and the outputs are wires to the
//   constant node. Depth 0, no gates: in the attention lemmas R_(j-i) costs nothing at run time,
//   and what the circuit computes with it are float products by these constants.
// Specification: one computes clause per entry (the program's value; cos and sin entries judged
//   by the approximation clause on exact enclosures).
// Obligations: `sequence` (every constant output is the wires of the program's value: for cos
//   and sin their determined rounding, which the blocks must have given, or where none is
//   determined the correctly rounded value, which the construction wires instead of its block's),
//   `composition`, exhaustive simulation (one pattern: there are no inputs).
// Expected: proved; depth 0, size 0.
#include "core/metrics.hpp"
#include "proofs/blocks/float_sequence.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/transformer/composite.hpp"
#include "proofs/lemmas/transformer/rope_rotation.hpp"

namespace tc0 {
namespace {

std::string entry(unsigned r, unsigned c) {
  return matrix_entry("R", r, c);
}

struct rotation_program {
  std::shared_ptr<float_program> program = std::make_shared<float_program>();
  std::vector<std::vector<uint32_t>> entry;
};

rotation_program program_of(parameters const& p) {
  rotation_program r;
  r.program->format = format_of(p);
  r.entry = add_rotation(*r.program, param(p, "d"),
                         static_cast<int64_t>(param(p, "j")) - static_cast<int64_t>(param(p, "i")));
  return r;
}

linear_spec rotation_specification(circuit const& c, parameters const& p) {
  auto const r = program_of(p);
  auto const d = param(p, "d");
  linear_spec spec;
  spec.description =
      "R_(j-i), j - i = " +
      std::to_string(static_cast<int64_t>(param(p, "j")) - static_cast<int64_t>(param(p, "i"))) +
      ", theta hard-wired, interleaved pairs, " + r.program->format.describe();
  for (unsigned row = 0; row < d; ++row)
    for (unsigned col = 0; col < d; ++col)
      spec.computes(entry(row, col), output_float(c, entry(row, col)).bits(), r.program, {},
                    r.entry[row][col]);
  return spec;
}

construction build_rotation(parameters const& p) {
  auto const r = program_of(p);
  auto const d = param(p, "d");
  construction k;
  auto const built = create_float_program(k, *r.program, {},
                                          [](uint32_t v) { return "v" + std::to_string(v) + "_"; });
  for (unsigned row = 0; row < d; ++row)
    for (unsigned col = 0; col < d; ++col)
      add_float_output(k.c, entry(row, col), r.program->format,
                       built.values.at(r.entry[row][col]).bits());
  auto const spec = rotation_specification(k.c, p);
  k.output_hypotheses = {
      .steps = {add_program_sequence(k, "sequence", r.program, {}, built, spec.clauses)}};
  return k;
}

}  // namespace

lemma rotation_matrix_lemma() {
  lemma l;
  l.name = "tf.rope";
  l.title = "the RoPE rotation R_(j-i) with theta hard-wired: constant entries, no gates";
  l.paper_ref = "Lemma 4.3 (R_(j-i) in the RoPE attention matrix)";
  l.paper_depth = "d_trig (here 0: the angles are constants)";
  l.uses = {"float.mul", "float.sin", "float.cos"};
  l.claim =
      "R_(j-i)'s entries are cos and sin of round_p((j - i) theta_k) within 2^-p, -sin above "
      "the diagonal of each 2x2 block, 0 elsewhere";
  l.parameter_table = {{"n", 1, 64}, {"d", 2, 16}, {"i", 0, 63}, {"j", 0, 63}};
  for (auto const& r : float_parameters(8)) l.parameter_table.push_back(r);
  l.constraints = [](parameters const& p) {
    if (param(p, "d") % 2 != 0) throw std::invalid_argument("tf.rope: d must be even");
    if (param(p, "i") >= param(p, "n") || param(p, "j") >= param(p, "n"))
      throw std::invalid_argument("tf.rope: the positions i and j must be below n");
  };
  l.interface = [](parameters const& p) {
    std::vector<bus_decl> out;
    for (unsigned r = 0; r < param(p, "d"); ++r)
      for (unsigned c = 0; c < param(p, "d"); ++c)
        for (auto const& x : float_declarations(entry(r, c), format_of(p), false)) out.push_back(x);
    return out;
  };
  l.build = build_rotation;
  l.specification = rotation_specification;
  l.depth_bound = 0;
  // sin and cos are degree 8 in p; the rotation's size is linear in d
  l.degree_bound = 8;
  l.degree_bound_along = {{"n", 1}, {"d", 1}};
  l.monolithic_max_input_bits = 0;  // the specification has no SMT encoding
  l.self_check_size = {{"n", 2}, {"d", 2}, {"i", 0}, {"j", 1}, {"p", 3}, {"k", 3}};
  l.default_sweeps = {sweep({{"n", 4}, {"i", 0}, {"j", 3}, {"p", 4}, {"k", 3}}, "d", {2, 4, 8})};
  return l;
}

}  // namespace tc0
