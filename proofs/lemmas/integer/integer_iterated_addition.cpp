// Lemma int.iterated_add — iterated addition of n m-bit unsigned integers in constant depth.
//
// Claim: sum_i x_i (n summands of m bits) has a threshold circuit of constant depth and
//   polynomial size with polynomially bounded weights (inside the paper's d_⊕; the classical
//   TC0 construction, e.g. Vollmer, Introduction to Circuit Complexity, Thm 1.37 / ch. 4).
// Construction: column j holds bit j of every summand; the column-sum block
//   (proofs/blocks/column_sum.hpp) adds them in four stages, column_counts -> block_sums ->
//   carries -> sum_bits, depth 2 + 2 + 3 + 1 = 8 whatever n and m are. Not a tree of adders.
// Specification: value(sum) = sum_i value(x_i), sum has width(n (2^m - 1)) bits.
// Obligations: each stage against its spec (per column / per block / the adder), the adder's
//   precondition u + v < 2^W from the earlier stages, the composition identity (linear integer
//   arithmetic), structural wiring, the monolithic miter at small sizes, simulation; S1 depth 8
//   across sweeps of n and of m; S2 size degree <= 3 in each.
// Expected: all proved.
#include <algorithm>

#include "proofs/blocks/column_sum.hpp"
#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

std::string summand(unsigned i) {
  return "x" + std::to_string(i);
}

unsigned sum_width(unsigned n, unsigned m) {
  return width_for(big_int(n) * (pow2(m) - 1));
}

linear_spec spec_iterated_addition(circuit const& c, parameters const& p) {
  linear_spec s;
  s.description = "sum = x0 + ... + x(n-1)";
  linear_expr rhs;
  for (unsigned i = 0; i < param(p, "n"); ++i)
    rhs.add(linear_expr::value_of(input_bits(c, summand(i))));
  s.equals("sum", output_bits(c, "sum"), std::move(rhs));
  return s;
}

construction build_iterated_addition(parameters const& p) {
  auto const n = param(p, "n"), m = param(p, "m");
  construction k;
  std::vector<bus> x;
  for (unsigned i = 0; i < n; ++i) x.push_back(k.c.create_input_bus(summand(i), m));
  std::vector<std::vector<signal>> columns(m);
  for (unsigned j = 0; j < m; ++j)
    for (unsigned i = 0; i < n; ++i) columns[j].push_back(x[i].bits[j]);
  k.c.add_output_bus("sum", create_column_sum(k, "", x, columns));
  return k;
}

}  // namespace

lemma integer_iterated_addition_lemma() {
  lemma l;
  l.name = "int.iterated_add";
  l.title = "iterated addition of n m-bit unsigned integers";
  l.paper_ref = "integer core of d_⊕ (float iterated addition, Lemma 2.x)";
  l.claim = "sum = x0 + ... + x(n-1) exactly, in constant depth and polynomial size";
  l.parameter_table = {{"n", 1, 1024}, {"m", 1, 256}};
  l.interface = [](parameters const& p) {
    auto const n = param(p, "n"), m = param(p, "m");
    std::vector<bus_decl> d;
    for (unsigned i = 0; i < n; ++i) d.push_back({summand(i), m, true});
    d.push_back({"sum", sum_width(n, m), false});
    return d;
  };
  l.build = build_iterated_addition;
  l.specification = spec_iterated_addition;
  l.depth_bound = 8;
  l.degree_bound = 3;
  l.default_sweeps = {sweep({{"m", 4}}, "n", {2, 4, 8, 16, 32, 64}),
                      sweep({{"n", 16}}, "m", {2, 3, 4, 5, 6, 7, 8})};
  l.self_check_size = {{"n", 3}, {"m", 3}};
  return l;
}

}  // namespace tc0
