// Lemma int.iterated_add — iterated addition of n m-bit unsigned integers in constant depth.
//
// Claim: sum_i x_i (n summands of m bits) has a threshold circuit of constant depth and
//   polynomial size with polynomially bounded weights (inside the paper's d_⊕; the classical
//   TC0 construction, e.g. Vollmer, Introduction to Circuit Complexity, Thm 1.37 / ch. 4).
// Construction, three stages, depth 2 + 2 + 4 = 8 whatever n and m are:
//   1. column_counts: c_j = sum_i x_i[j] for every column j, by a weighted counter (depth 2).
//      This turns n rows into L = width(n) rows: row k holds bit k of every c_j, at j + k.
//   2. block_sums: cut the positions into blocks of l = width(L - 1) bits. The L rows' parts
//      in block B add up to R_B < L 2^l <= 2^(2l), computed by a weighted counter (weights 2^q
//      <= 2^(l-1) < L: small). Its low l bits go to row u at block B, its high bits to row v
//      at block B + 1; the blocks of u (and of v) do not overlap, so two rows remain.
//   3. final_adder: sum = u + v by the carry-lookahead adder (depth 4).
//   No step is repeated a number of times that depends on n or m: this is not a tree of adders.
// Specification: value(sum) = sum_i value(x_i), sum has width(n (2^m - 1)) bits.
// Obligations: each stage against its spec (per column / per block / the adder), the adder's
//   precondition u + v < 2^W from the earlier stages, the composition identity (linear integer
//   arithmetic), structural wiring, the monolithic miter at small sizes, simulation; S1 depth 8
//   across sweeps of n and of m; S2 size degree <= 3 in each.
// Expected: all proved.
#include <algorithm>

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/weighted_counter.hpp"
#include "proofs/lemmas.hpp"

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
  auto const W = sum_width(n, m);
  construction k;
  auto& c = k.c;
  std::vector<bus> x;
  for (unsigned i = 0; i < n; ++i) x.push_back(c.create_input_bus(summand(i), m));

  // Stage 1: column counts.
  c.begin_stage("column_counts", x);
  linear_spec column_spec;
  column_spec.description = "c_j = sum_i x_i[j]";
  std::vector<bus> counts;
  for (unsigned j = 0; j < m; ++j) {
    std::vector<signal> column;
    for (unsigned i = 0; i < n; ++i) column.push_back(x[i].bits[j]);
    auto bits = create_weighted_counter(c, column, std::vector<big_int>(n, 1));
    linear_expr rhs;
    for (auto s : column) rhs.add_term(1, s);
    column_spec.equals("c" + std::to_string(j), bits, std::move(rhs));
    counts.push_back(bus{"c" + std::to_string(j), std::move(bits)});
  }
  c.end_stage(counts);
  k.stage_specs.push_back(std::move(column_spec));

  // Stage 2: block sums. rows[k][pos] = bit k of c_(pos - k).
  unsigned const L = width_for(n);
  unsigned const block = std::max(1u, width_for(L - 1));
  unsigned const positions = m + L - 1;
  unsigned const blocks = (positions + block - 1) / block;
  unsigned const row_width = (blocks + 1) * block + block;  // room for the top block's high part
  c.begin_stage("block_sums", counts);
  linear_spec block_spec;
  block_spec.description = "u_B + 2^l v_(B+1) = sum of the rows' parts in block B";
  std::vector<signal> u(row_width, const_false), v(row_width, const_false);
  for (unsigned B = 0; B < blocks; ++B) {
    std::vector<signal> lits;
    std::vector<big_int> weights;
    for (unsigned q = 0; q < block; ++q) {
      auto const pos = B * block + q;
      for (unsigned row = 0; row < L && row <= pos; ++row) {
        auto const j = pos - row;
        if (j < m && row < counts[j].bits.size())
          lits.push_back(counts[j].bits[row]), weights.push_back(pow2(q));
      }
    }
    if (lits.empty()) continue;
    auto bits = create_weighted_counter(c, lits, weights);
    linear_expr rhs;
    for (size_t i = 0; i < lits.size(); ++i) rhs.add_term(weights[i], lits[i]);
    for (size_t q = 0; q < bits.size(); ++q)
      (q < block ? u[B * block + q] : v[B * block + q]) = bits[q];
    block_spec.equals("R" + std::to_string(B), bits, std::move(rhs));
  }
  bus ubus{"u", u}, vbus{"v", v};
  c.end_stage({ubus, vbus});
  k.stage_specs.push_back(std::move(block_spec));

  // Stage 3: the final two-operand addition.
  c.begin_stage("final_adder", {ubus, vbus});
  bus sum{"sum", create_carry_lookahead_sum(c, u, v, W)};
  c.end_stage({sum});
  linear_spec adder_spec;
  adder_spec.description = "sum = u + v, given u + v < 2^W";
  auto uv = linear_expr::value_of(u).add(linear_expr::value_of(v));
  adder_spec.require("u + v < 2^W", linear_expr{}.add_constant(pow2(W) - 1).add(uv, -1));
  adder_spec.equals("sum", sum.bits, uv);
  k.stage_specs.push_back(std::move(adder_spec));

  c.add_output_bus("sum", sum.bits);
  return k;
}

}  // namespace

lemma integer_iterated_addition_lemma() {
  lemma l;
  l.name = "int.iterated_add";
  l.title = "iterated addition of n m-bit unsigned integers";
  l.paper_ref = "integer core of d_⊕ (float iterated addition, Lemma 2.x)";
  l.claim = "sum = x0 + ... + x(n-1) exactly, in constant depth and polynomial size";
  l.parameter_names = {"n", "m"};
  l.validate = [](parameters const& p) {
    require_range(p, "n", 1, 1024);
    require_range(p, "m", 1, 256);
  };
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
  l.default_sweeps.resize(2);
  for (unsigned n : {2u, 4u, 8u, 16u, 32u, 64u})
    l.default_sweeps[0].push_back({{"n", n}, {"m", 4}});
  for (unsigned m = 2; m <= 8; ++m) l.default_sweeps[1].push_back({{"n", 16}, {"m", m}});
  return l;
}

}  // namespace tc0
