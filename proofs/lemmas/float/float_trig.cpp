// Lemmas float.sin and float.cos — the paper's rotation angles (d_trig, used by RoPE; Lemma
// 4.1): r within 2^-p of sin x (cos x), relative, for |x| <= 2^K.
//
// Claim: for valid p-bit floats x with |x| <= 2^K, r with |r - f(x)| <= 2^-p |f(x)| where |f(x)|
//   is in the normal range, and r = round_p(v) for a v within 2^(-2p-1) of f(x) elsewhere (0
//   only for sin 0), has a threshold circuit of constant depth and size polynomial in p and K.
// Construction: the float trig block (proofs/blocks/float_trig.hpp): reduction by pi/2 (a
//   constant multiplication by column sum), the quadrant from two bits, psi or 1 - psi, the
//   series of sin(pi/2 psi) / psi in psi^2 (powers by the power block, two column sums), one
//   multiplication by psi, one round_p; sin returns x itself below 2^-p. Its widths grow with
//   how close a float of the domain comes to a zero of f (trig_zero_gap), which is why the
//   domain is a parameter: beyond 2^K nothing is claimed (the paper's "every p-bit float" would
//   need about 2^(exponent) bits of pi; see the report's paper gaps).
// Specification: the approximation clause (core/approximation.hpp), judged on exact enclosures;
//   no SMT encoding, so `composition` takes it from the certified budget (trig_budget), and
//   exhaustive simulation over every valid input of the domain (at most 20 input bits) is an
//   independent complete check at that size.
// Given x valid and |x| <= 2^K (m 2^u <= 2^(K - e_min)).
#include "proofs/lemmas/float/float_trig.hpp"

#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

unsigned domain_of(parameters const& p) {
  return p.at("K");
}

lemma trig_lemma(approximated_function fn) {
  auto const name = to_string(fn);
  auto l = unary_float_lemma("float." + name, 16);
  l.parameter_table.push_back({"K", 1, 20});
  l.title = "p-bit float " + name + " on |x| <= 2^K, within 2^-p relative";
  l.paper_ref = "d_trig (RoPE angles), Lemma 4.1";
  l.paper_depth = "d_trig";
  l.claim = "|r - " + name + " x| <= 2^-p |" + name +
            " x| where it is in the normal range (round_p of a value within 2^(-2p-1) beyond), "
            "for valid x with |x| <= 2^K, in constant depth and polynomial size";
  l.build = [fn](parameters const& p) { return build_float_trig(fn, p, {}); };
  l.specification = [fn](circuit const& c, parameters const& p) {
    return float_trig_specification(fn, c, p);
  };
  l.depth_bound = 120;
  l.degree_bound = 8;
  l.monolithic_max_input_bits = 0;
  l.self_check_size = {{"p", 2}, {"k", 2}, {"K", 2}};
  // p = 2 proved (every input simulated too); 7, 8, 10, 14 built and measured for S1 and S2 (the
  // top factor-2 range must hold one depth: 69 for sin, 67 for cos from p = 7 to 16; sin is 70 at
  // p = 5, cos 68 at p = 5, 6, small sizes folding differently). `tc0check check float.sin --p 2..6
  // --k 0 --K 4` proves more, and benchmarks/README.md has the longer sweeps.
  l.default_sweeps = {sweep({{"k", 0}, {"K", 4}}, "p", {2})};
  l.measured_only["p"] = {7, 8, 10, 14};
  return l;
}

}  // namespace

linear_spec float_trig_specification(approximated_function fn, circuit const& c,
                                     parameters const& p) {
  auto const f = format_of(p);
  auto const K = domain_of(p);
  auto const x = input_float(c, "x");
  linear_spec s;
  s.description = "r approximates " + to_string(fn) + " x (2^-p relative in range, round_p " +
                  "beyond) for |x| <= 2^" + std::to_string(K) + ", " + f.describe();
  require_valid(s, x, f);
  auto [name, bound] = magnitude_at_most("x", x, f, K);
  s.require(std::move(name), std::move(bound));
  s.clauses.push_back(float_trig_clause("r", fn, f, x, output_float(c, "r").bits()));
  return s;
}

construction build_float_trig(approximated_function fn, parameters const& p,
                              trig_faults const& faults) {
  auto const f = format_of(p);
  construction k;
  auto const x = create_float_input(k.c, "x", f);
  auto const r = create_float_trig(k, fn, f, domain_of(p), x, "", faults);
  add_float_output(k.c, "r", f, r.bits);
  k.output_hypotheses = {.steps = {r.conclusion}};
  return k;
}

lemma float_sin_lemma() {
  return trig_lemma(approximated_function::sin);
}

lemma float_cos_lemma() {
  return trig_lemma(approximated_function::cos);
}

}  // namespace tc0
