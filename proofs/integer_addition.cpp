// Lemma int.add — two-operand addition of m-bit unsigned integers.
//
// Claim: a + b has a threshold circuit of constant depth and polynomial size with small
//   weights (the integer core of the paper's d_std; standard, e.g. Vollmer, Introduction to
//   Circuit Complexity, ch. 1).
// Construction: the carry-lookahead adder of proofs/blocks/carry_lookahead_adder.hpp, one stage.
// Specification: value(sum) = value(a) + value(b), sum has m + 1 bits (no overflow possible).
// Obligations: stage "carry_lookahead" against the spec; composition (trivial, one stage);
//   structural; exhaustive simulation at small m; S1 depth 4 at every m; S2 size degree <= 3.
// Expected: all proved.
#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/lemmas.hpp"

namespace tc0 {
namespace {

linear_spec spec_addition(circuit const& c, parameters const&) {
  linear_spec s;
  s.description = "sum = a + b";
  auto rhs = linear_expr::value_of(input_bits(c, "a")).add(linear_expr::value_of(input_bits(c, "b")));
  s.equals("sum", output_bits(c, "sum"), std::move(rhs));
  return s;
}

construction build_addition(parameters const& p) {
  auto const m = param(p, "m");
  construction k;
  auto& c = k.c;
  auto const a = c.create_input_bus("a", m);
  auto const b = c.create_input_bus("b", m);
  c.begin_stage("carry_lookahead", {a, b});
  bus sum{"sum", create_carry_lookahead_sum(c, a.bits, b.bits, m + 1)};
  c.end_stage({sum});
  c.add_output_bus("sum", sum.bits);
  k.stage_specs.push_back(spec_addition(c, p));
  return k;
}

}  // namespace

lemma integer_addition_lemma() {
  lemma l;
  l.name = "int.add";
  l.title = "two-operand addition of m-bit unsigned integers";
  l.paper_ref = "integer core of d_std (float add, Lemma 2.x)";
  l.claim = "sum = a + b exactly, in constant depth and polynomial size";
  l.parameter_names = {"m"};
  l.validate = [](parameters const& p) { require_range(p, "m", 1, 512); };
  l.interface = [](parameters const& p) {
    auto const m = param(p, "m");
    return std::vector<bus_decl>{{"a", m, true}, {"b", m, true}, {"sum", m + 1, false}};
  };
  l.build = build_addition;
  l.specification = spec_addition;
  l.depth_bound = 4;
  l.degree_bound = 3;
  l.default_sweeps.resize(1);
  for (unsigned m : {2u, 4u, 8u, 16u, 32u}) l.default_sweeps[0].push_back({{"m", m}});
  return l;
}

}  // namespace tc0
