// Lemma float.sqrt — the paper's square root (d_sqrt, used by LayerNorm), correctly rounded:
// r = round_p(sqrt x) (SPEC §2's round_p; NEXT-LAYER.md §2: sqrt can be exact).
//
// Claim: round_p(sqrt |x|) for valid p-bit floats has a threshold circuit of constant depth and
//   size polynomial in p and in the exponent width.
// Construction: the float root block (proofs/blocks/float_root.hpp): a power series in the low
//   bits of the significand (powers by the power block, the sum by column sums), an exact
//   correction by two squarings and comparisons, a sticky bit, one round_p.
// Specification: r = round_p(sqrt(|m| 2^(u + e_min))), relational (core/linear_spec.hpp,
//   rounds_to with square_root): no valid float is closer to the root. The sign bit is ignored:
//   a negative x has no real root and the model has no NaN, so sqrt(-y) is defined as sqrt(y).
//   Given x valid. sqrt never leaves the format's range for the paper's range; for reduced
//   ranges round_p saturates or underflows as it does everywhere.
// Obligations: the stages; exhaustive simulation against the exact specification (every input
//   of the format where there are at most 20 input bits: a proof at that size); S1 across p, S2.
#include "proofs/lemmas/float/float_sqrt.hpp"

#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

linear_spec spec_float_sqrt(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  auto const x = input_float(c, "x");
  linear_spec s;
  s.description = "r = round_p(sqrt |x|), " + f.describe();
  require_valid(s, x, f);
  s.clauses.push_back(float_root_clause("r", f, x, output_float(c, "r").bits()));
  return s;
}

}  // namespace

construction build_float_sqrt(parameters const& p, float_root_faults faults) {
  auto const f = format_of(p);
  construction k;
  auto const x = create_float_input(k.c, "x", f);
  auto const r = create_float_root(k, f, x, "", faults);
  add_float_output(k.c, "r", f, r.bits);
  k.output_hypotheses = {.steps = {r.conclusion}};
  return k;
}

lemma float_sqrt_lemma() {
  auto l = unary_float_lemma("float.sqrt", 16);
  l.title = "p-bit float square root, correctly rounded";
  l.paper_ref = "d_sqrt (LayerNorm), Lemma 4.x";
  l.paper_depth = "d_sqrt";
  l.claim = "r = round_p(sqrt |x|) for valid x, in constant depth and polynomial size";
  l.build = [](parameters const& p) { return build_float_sqrt(p, {}); };
  l.specification = spec_float_sqrt;
  l.depth_bound = 120;
  l.degree_bound = 8;
  l.monolithic_max_input_bits = 0;
  l.self_check_size = {{"p", 3}, {"k", 2}};
  // from p = 5 on the series has its powers and the depth its final value (81); p = 2..4 are
  // proved too (`tc0check check float.sqrt --p 2..8 --k 0`), with fewer stages
  l.default_sweeps = {sweep({{"k", 0}}, "p", {5, 6, 7})};
  l.measured_only["p"] = {8, 10, 12, 14, 16};
  return l;
}

}  // namespace tc0
