#include "proofs/lemmas/paper_gaps.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/approximation.hpp"
#include "core/netlist.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/lemmas/float/float_exp.hpp"
#include "proofs/lemmas/float/float_trig.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/attention_program.hpp"

namespace tc0 {
namespace {

// A construction that misses the lemma's specification, exported as a netlist and refuted by
// exhaustive simulation; the counterexample file goes beside the netlist, under the gap's name.
paper_gap refuted_netlist(std::string const& dir, check_params cp, paper_gap g,
                          std::string const& lemma_name, parameters const& p, construction const& k,
                          std::string const& file) {
  auto const& l = find_lemma(lemma_name);
  std::filesystem::create_directories(dir + "/gaps");
  auto const path = dir + "/gaps/" + file;
  {
    std::ofstream out(path);
    write_netlist(out, k.c);
    out.flush();
    if (!out) throw std::runtime_error(path + ": cannot write the netlist");
  }
  cp.monolithic = false;
  cp.random_patterns = 0;
  auto const r = check_circuit(l, p, k.c, path, cp);
  g.shown.detail = "no exhaustive simulation ran";
  for (auto const& o : r.obligations)
    if (o.how == method::exhaustive_simulation) g.shown = o;
  g.shown.id = "paper gap/" + g.id;
  if (!g.shown.cex_file.empty()) {
    auto const moved = dir + "/gaps/" + g.id + ".json";
    std::filesystem::rename(g.shown.cex_file, moved);
    if (auto at = g.shown.detail.find(g.shown.cex_file); at != std::string::npos)
      g.shown.detail.replace(at, g.shown.cex_file.size(), moved);
    g.shown.cex_file = moved;
  }
  return g;
}

paper_gap p_plus_3_bits(std::string const& dir, check_params const& cp) {
  parameters const p{{"p", 6}, {"k", 0}};
  return refuted_netlist(
      dir, cp,
      {"exp_p_plus_3_bits",
       "exp computed with p + 3 fraction bits (\"p plus a few guard bits\") and rounded "
       "once misses 2^-p: 2p + 1 bits are needed (NEXT-LAYER.md §2)",
       {}},
      "float.exp", p, build_float_exp(p, {.internal_bits = 5}),
      "float.exp_p6_p_plus_3_fraction_bits.net");
}

paper_gap sin_large_exponent(std::string const& dir, check_params const& cp) {
  parameters const p{{"p", 6}, {"k", 0}, {"K", 20}};
  return refuted_netlist(
      dir, cp,
      {"sin_large_exponent",
       "sin with the widths made for |x| <= 2^4, applied to larger exponents (the paper's "
       "\"every p-bit float\"), misses 2^-p: the reduction needs bits of pi growing with the "
       "exponent, so the lemma needs a bounded domain",
       {}},
      "float.sin", p, build_float_trig(approximated_function::sin, p, {.pi_bits_for_K = 4}),
      "float.sin_p6_widths_for_2^4_on_2^20.net");
}

paper_gap overflow() {
  paper_gap g{"exp_overflow",
              "the paper's exp bound for every p-bit float cannot hold at its exponent range: e^x "
              "leaves the format for x > ln(largest float); tc0check's float.exp states the "
              "saturation instead",
              {}};
  parameters const p{{"p", 6}, {"k", 0}};
  auto const f = float_format::paper(6);
  auto const k = find_lemma("float.exp").build(p);
  float_value const x{false, 32, 1};  // 64
  auto const result = simulate_unary(k.c, f, x);
  auto const r = to_rational(result);
  auto const e = exp_enclosure(to_rational(x), 64);
  rational const relative = 1 - r / e.lo;  // at least this: e^64 >= e.lo
  bool const shown = relative > power_of_two(-6);
  g.shown.id = "paper gap/" + g.id;
  g.shown.lemma = "float.exp";
  g.shown.params = p;
  g.shown.how = method::chosen_input;
  g.shown.result = shown ? verdict::refuted : verdict::unknown;
  g.shown.detail = "x = " + to_string(x) +
                   " = 64 simulated at p = 6, k = 0: r = " + to_string(result) + " ~ " +
                   approximate_decimal(r, 4) + ", e^64 >= " + approximate_decimal(e.lo, 4) +
                   " (exact enclosure): relative error >= " + approximate_decimal(relative, 8) +
                   (shown ? " > 2^-6" : ", not above 2^-6");
  return g;
}

// tf.attention's circuit (the paper's form, no max-subtraction) at n = 2, d = 2, p = 2, k = 2
// on X = [[3, 0], [2, 0]], W_Q = W_K = W_V = e_0 e_0^T: the scores of row 0 are s_00 = round(9)
// = 6 (the largest float) and s_01 = 3, both beyond ln 6, so both exps saturate to 6 and the
// row is an average; softmax attention on those very scores weights the first row e^3 times
// more. The max-subtracted circuit (option maxsub) on the same input is simulated beside it.
paper_gap softmax_overflow() {
  paper_gap g{"softmax_overflow",
              "the paper's attention exponentiates raw scores: a score beyond ln(largest float) "
              "saturates exp, and the layer is then far from softmax attention; subtracting "
              "each row's maximum first (real implementations) avoids it",
              {}};
  parameters const p{{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}};
  auto const f = format_of(p);
  float_value const one{false, 2, -1}, two{false, 2, 0}, three{false, 3, 0};
  std::map<std::string, float_value> const in{
      {"X_0_0", three}, {"X_1_0", two}, {"WQ_0_0", one}, {"WK_0_0", one}, {"WV_0_0", one}};
  auto const y =
      simulate_floats(find_lemma("tf.attention").build(p).c, f, in, {"Y_0_0"}).at("Y_0_0");
  // the program's operands in its order (X, W_Q, W_K, W_V row by row), the rest 0
  auto const paper = attention_program_of(p, attention_part::layer);
  std::vector<float_value> operands(paper.program->operands, zero_of(f));
  operands[0] = three;
  operands[2] = two;
  operands[4] = operands[8] = operands[12] = one;
  auto const s0 = *evaluate(*paper.program, operands, paper.scores[0][0]);
  auto const s1 = *evaluate(*paper.program, operands, paper.scores[0][1]);
  // softmax attention on those scores, v = (3, 2): Y* = (e^s0 3 + e^s1 2) / (e^s0 + e^s1),
  // enclosed from exact enclosures of both exponentials (every term positive)
  auto const e0 = exp_enclosure(to_rational(s0), 64), e1 = exp_enclosure(to_rational(s1), 64);
  rational const lo = (3 * e0.lo + 2 * e1.lo) / (e0.hi + e1.hi);
  rational const hi = (3 * e0.hi + 2 * e1.hi) / (e0.lo + e1.lo);
  auto const error_at_least = [&](float_value const& v) {
    rational const r = to_rational(v);
    rational gap = 0;
    if (r < lo) gap = lo - r;
    if (r > hi) gap = r - hi;
    return rational(gap / hi);  // relative to the largest Y* can be
  };
  // the same input on the max-subtracted circuit (option maxsub: float.max, negation, shift)
  auto q = p;
  q["maxsub"] = 1;
  auto const ys =
      simulate_floats(find_lemma("tf.attention").build(q).c, f, in, {"Y_0_0"}).at("Y_0_0");
  auto const paper_error = error_at_least(y);
  // the largest relative distance from the max-subtracted result to any value Y* can take
  rational const subtracted_error =
      rational(std::max(rational(abs(to_rational(ys) - lo)), rational(abs(hi - to_rational(ys))))) /
      lo;
  // shown: the paper's form is far off and the max-subtracted form is not
  bool const shown = paper_error > rational(1, 2) && subtracted_error <= rational(1, 4);
  g.shown.id = "paper gap/" + g.id;
  g.shown.lemma = "tf.attention";
  g.shown.params = p;
  g.shown.how = method::chosen_input;
  g.shown.result = shown ? verdict::refuted : verdict::unknown;
  g.shown.detail =
      "X = [[3, 0], [2, 0]], W_Q = W_K = W_V = e_0 e_0^T simulated at n = 2, d = 2, p = 2, k = 2 "
      "(largest float 6): scores s_00 = " +
      approximate_decimal(to_rational(s0), 3) +
      ", s_01 = " + approximate_decimal(to_rational(s1), 3) +
      " (both beyond ln 6); the circuit gives Y_0_0 = " + approximate_decimal(to_rational(y), 4) +
      ", softmax attention on those scores is in [" + approximate_decimal(lo, 4) + ", " +
      approximate_decimal(hi, 4) +
      "] (exact enclosures): relative error >= " + approximate_decimal(paper_error, 4) +
      (shown ? " > 1/2" : ", not above 1/2") +
      ". The max-subtracted circuit (--maxsub 1: each row's maximum subtracted before exp) on "
      "the same input gives " +
      approximate_decimal(to_rational(ys), 4) +
      ", relative error <= " + approximate_decimal(subtracted_error, 4) +
      (subtracted_error <= rational(1, 4) ? " (at most 1/4)" : ", above 1/4: not shown");
  return g;
}

// tf.layernorm's circuit (the paper's form, no epsilon) at n = 1, d = 2, p = 4, k = 3 on the row
// (1.5, 0.5): mu = 1, c = (0.5, -0.5), and c^2 = 0.25 is half the smallest normal float (0.5), so
// it rounds to 0 (the tie goes to 0); sigma^2 = 0 and c / 0 saturates. Exact LayerNorm gives
// (1, -1). The same row with eps = the smallest normal is shown beside it.
paper_gap layernorm_zero_variance() {
  paper_gap g{"layernorm_zero_variance",
              "the paper's LayerNorm divides by sqrt(sigma^2) with no epsilon: where the squared "
              "deviations underflow, sigma^2 rounds to 0 and the outputs saturate although the "
              "row is not constant; an epsilon under the root keeps them bounded",
              {}};
  parameters p{{"n", 1}, {"d", 2}, {"p", 4}, {"k", 3}};
  auto const f = format_of(p);
  std::vector<rational> const row{rational(3, 2), rational(1, 2)};
  std::map<std::string, float_value> in;
  for (unsigned c = 0; c < 2; ++c) in["X_0_" + std::to_string(c)] = round_to_format(f, row[c]);
  auto const& l = find_lemma("tf.layernorm");
  auto const y = simulate_floats(l.build(p).c, f, in, {"Y_0_0"}).at("Y_0_0");
  p["eps"] = 1;
  auto const with_eps = simulate_floats(l.build(p).c, f, in, {"Y_0_0"}).at("Y_0_0");
  // exact LayerNorm: (x_0 - mu) / sqrt(sigma^2), enclosed (the root by exact enclosures)
  rational const mu = (row[0] + row[1]) / 2;
  rational const var = ((row[0] - mu) * (row[0] - mu) + (row[1] - mu) * (row[1] - mu)) / 2;
  auto const root = sqrt_enclosure(var, 64);
  rational const lo = (row[0] - mu) / root.hi, hi = (row[0] - mu) / root.lo;
  rational const error =
      (abs(to_rational(y) - lo) > abs(to_rational(y) - hi) ? abs(to_rational(y) - hi)
                                                           : abs(to_rational(y) - lo)) /
      hi;
  bool const shown = error > rational(1, 2);
  g.shown.id = "paper gap/" + g.id;
  g.shown.lemma = "tf.layernorm";
  g.shown.params = {{"n", 1}, {"d", 2}, {"p", 4}, {"k", 3}};
  g.shown.how = method::chosen_input;
  g.shown.result = shown ? verdict::refuted : verdict::unknown;
  g.shown.detail =
      "the row (1.5, 0.5) simulated at n = 1, d = 2, p = 4, k = 3 (floats from 0.5 to 120): c = "
      "(0.5, -0.5), each square 0.25 rounds to 0, sigma^2 = 0; the circuit gives Y_0_0 = " +
      approximate_decimal(to_rational(y), 4) + ", exact LayerNorm gives " +
      approximate_decimal(lo, 4) + ": relative error >= " + approximate_decimal(error, 4) +
      (shown ? " > 1/2" : ", not above 1/2") +
      ". With eps (the smallest normal) the circuit gives " +
      approximate_decimal(to_rational(with_eps), 4) + ".";
  return g;
}

}  // namespace

std::vector<paper_gap> demonstrate_paper_gaps(std::string const& dir, check_params cp) {
  return {p_plus_3_bits(dir, cp), overflow(), sin_large_exponent(dir, cp), softmax_overflow(),
          layernorm_zero_variance()};
}

}  // namespace tc0
