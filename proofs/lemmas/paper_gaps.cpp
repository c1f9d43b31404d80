#include "proofs/lemmas/paper_gaps.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/approximation.hpp"
#include "core/netlist.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/lemmas/float/float_exp.hpp"
#include "proofs/lemmas/float/float_trig.hpp"
#include "proofs/lemmas/registry.hpp"

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

}  // namespace

std::vector<paper_gap> demonstrate_paper_gaps(std::string const& dir, check_params cp) {
  return {p_plus_3_bits(dir, cp), overflow(), sin_large_exponent(dir, cp)};
}

}  // namespace tc0
