// Lemma float.exp — the paper's exponential (d_exp, used by softmax; Lemma 4.1): r within 2^-p
// of e^x, relative, wherever e^x lies in the format's normal range.
//
// Claim: for valid p-bit floats x, r with |r - e^x| <= 2^-p e^x where e^x is in
//   [smallest normal, largest float], and r = round_p(v) for a v within 2^(-2p-1) of e^x
//   elsewhere (the largest float on overflow; 0 or the smallest normal on underflow), has a
//   threshold circuit of constant depth and size polynomial in p and the exponent width.
// Construction: the float exp block (proofs/blocks/float_exp.hpp): range reduction by log2(e)
//   (a constant multiplication by column sum), two's complement for x < 0, a truncated series of
//   2^phi (powers by the power block, one column sum), internal accuracy 2p + 1 bits plus
//   guard bits, one round_p.
// Specification: the approximation clause (core/approximation.hpp) for f = exp, judged on exact
//   enclosures of e^x; it has no SMT encoding, so the lemma's `composition` obligation takes it
//   from the certified error budget (exp_budget), and exhaustive simulation over every valid
//   input (at most 20 input bits) is an independent complete check at that size.
// Given x valid. e^x is never below 0; correctly rounded results are not claimed (2p + 6
//   internal bits cannot decide every rounding boundary).
#include "proofs/lemmas/float/float_exp.hpp"

#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

linear_spec spec_float_exp(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  auto const x = input_float(c, "x");
  linear_spec s;
  s.description = "r approximates e^x (2^-p relative in range, round_p beyond), " + f.describe();
  require_valid(s, x, f);
  s.clauses.push_back(float_exp_clause("r", f, x, output_float(c, "r").bits()));
  return s;
}

}  // namespace

construction build_float_exp(parameters const& p, float_exp_faults faults) {
  auto const f = format_of(p);
  construction k;
  auto const x = create_float_input(k.c, "x", f);
  auto const r = create_float_exp(k, f, x, "", faults);
  add_float_output(k.c, "r", f, r.bits);
  k.output_hypotheses = {.steps = {r.conclusion}};
  return k;
}

lemma float_exp_lemma() {
  auto l = unary_float_lemma("float.exp", 16);
  l.title = "p-bit float exponential, within 2^-p relative in the format's range";
  l.paper_ref = "d_exp (softmax), Lemma 4.1";
  l.paper_depth = "d_exp";
  l.claim =
      "|r - e^x| <= 2^-p e^x where e^x is in the normal range, r = round_p(e^x (1 +- 2^(-2p-1))) "
      "beyond it, for valid x, in constant depth and polynomial size";
  l.build = [](parameters const& p) { return build_float_exp(p, {}); };
  l.specification = spec_float_exp;
  l.depth_bound = 120;
  l.degree_bound = 8;
  l.monolithic_max_input_bits = 0;
  l.self_check_size = {{"p", 2}, {"k", 2}};
  // p = 2 proved (every input simulated too), 3..8 built and measured for S1 and S2: the default
  // report has a 5-minute budget (p = 3 proved adds 43 s; p = 12 takes 29 s and 2.3 GB to build,
  // p = 14 62 s and 4.6 GB). `tc0check check float.exp --p 2..5 --k 0` proves more, and
  // benchmarks/README.md has the longer sweep.
  l.default_sweeps = {sweep({{"k", 0}}, "p", {2})};
  l.measured_only["p"] = {3, 4, 6, 8};
  return l;
}

}  // namespace tc0
