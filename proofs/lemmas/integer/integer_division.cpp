// Lemma int.div — the quotient and remainder of a 2m-bit by an m-bit unsigned integer in constant
// depth (the integer engine of the paper's float division and sqrt).
//
// Claim: floor(A / B) and A - floor(A / B) B for B >= 1 have a threshold circuit of constant
//   depth and polynomial size in m with small weights.
// Construction: the division block (proofs/blocks/division.hpp: a truncated reciprocal series
//   evaluated through Chinese remainders, the remainder from the quotient's low products); its
//   file comment has the series' error argument and the stage depths.
// Specification: Q B <= A < (Q + 1) B and R = A - Q B, given B >= 1 (products stated as
//   products).
// Obligations: the block's stages and steps (the two certified ones check every table entry and
//   the series' constants), the monolithic miter at small m, exhaustive simulation up to 20
//   input bits, S1 and S2.
// Expected: all proved.
#include "proofs/lemmas/integer/integer_division.hpp"

#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {

construction build_division(parameters const& p, division_faults faults) {
  unsigned const m = param(p, "m");
  construction k;
  auto const a = k.c.create_input_bus("a", 2 * m);  // copies: creating b may move a
  auto const b = k.c.create_input_bus("b", m);
  auto const d = create_division(k, a, b, std::nullopt, faults);  // B >= 1: the precondition
  k.output_hypotheses = {.steps = {d.quotient_step, d.remainder_step}};
  k.c.add_output_bus("quotient", d.quotient);
  k.c.add_output_bus("remainder", d.remainder);
  return k;
}

namespace {

linear_spec spec_division(circuit const& c, parameters const&) {
  linear_spec s;
  s.description = "Q B <= A < (Q + 1) B and R = A - Q B, given B >= 1";
  auto const A = linear_expr::value_of(input_bits(c, "a"));
  auto const B = linear_expr::value_of(input_bits(c, "b"));
  auto const Q = linear_expr::value_of(output_bits(c, "quotient"));
  s.require("b >= 1", linear_expr{B}.add_constant(-1));
  add_quotient_relation(s, A, B, Q);
  s.equals("remainder", output_bits(c, "remainder"), remainder_value(A, B, Q));
  return s;
}

}  // namespace

lemma integer_division_lemma() {
  lemma l;
  l.name = "int.div";
  l.title =
      "quotient and remainder of a 2m-bit by an m-bit unsigned integer (reciprocal series, "
      "CRT)";
  l.paper_ref = "integer core of float division and sqrt";
  l.claim =
      "quotient = floor(a / b) and remainder = a - quotient b for b >= 1, in constant depth and "
      "polynomial size";
  l.parameter_table = {{"m", 1, 16}};
  l.interface = [](parameters const& p) {
    auto const m = param(p, "m");
    return std::vector<bus_decl>{
        {"a", 2 * m, true}, {"b", m, true}, {"quotient", 2 * m, false}, {"remainder", m, false}};
  };
  l.build = [](parameters const& p) { return build_division(p, {}); };
  l.specification = spec_division;
  l.depth_bound = 38;  // 29 for the quotient (file comment), + 1 + 8 for the remainder
  // O(m^2) primes of size O(m^2) (W has 2m^2 + 2m bits): the reconstruction's column counts
  // are O((m^2)^5) in MAJ size at most, as in int.iterated_mul with n m ~ m^2.
  l.degree_bound = 10;
  // the miter (bvmul of the quotient by b) finishes at m = 3 in seconds and not at m = 4 in 60 s
  l.monolithic_max_input_bits = 9;
  l.self_check_size = {{"m", 3}};
  // m = 2 folds a stage (remainder carries of depth 1); from m = 3 on every stage has its final
  // depth, so S1 sees one stage profile (the total depth is 35 here and 37 from m = 7 on)
  // proofs at m = 6 take 24 s of the quick start's report (2026-12-04) and at m = 8 half an hour;
  // S1/S2 see the circuits up to m = 12 (25 s, 0.9 GB)
  l.default_sweeps = {sweep({}, "m", {3, 4})};
  l.measured_only["m"] = {6, 8, 10, 12};
  return l;
}

}  // namespace tc0
