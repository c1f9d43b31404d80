// Lemma int.compare — unsigned comparison a < b of m-bit integers.
//
// Claim: [a < b] has a threshold circuit of depth 3 with unit weights (part of d_std: float
//   comparison, alignment and rounding all compare integers).
// Construction: lt = OR_k ( !a_k b_k AND_(t>k) (a_t = b_t) ), where a_t = b_t enters as the two
//   depth-1 literals !(a_t !b_t) and !(!a_t b_t); one stage.
// Specification: lt = [b - a - 1 >= 0].
// Obligations: stage against the spec; composition; structural; exhaustive simulation at small
//   m; S1 depth 3; S2 size degree <= 3.
// Expected: all proved.
#include "proofs/lemmas.hpp"

namespace tc0 {
namespace {

linear_spec spec_comparison(circuit const& c, parameters const&) {
  linear_spec s;
  s.description = "lt = [a < b]";
  auto diff = linear_expr::value_of(input_bits(c, "b")).add(linear_expr::value_of(input_bits(c, "a")), -1);
  diff.add_constant(-1);
  s.is_nonnegative("lt", output_bits(c, "lt").at(0), std::move(diff));
  return s;
}

construction build_comparison(parameters const& p) {
  auto const m = param(p, "m");
  construction k;
  auto& c = k.c;
  auto const a = c.create_input_bus("a", m);
  auto const b = c.create_input_bus("b", m);
  c.begin_stage("first_difference", {a, b});
  std::vector<signal> a_greater(m), b_greater(m), terms;
  for (unsigned t = 0; t < m; ++t) {
    a_greater[t] = c.create_and({a.bits[t], !b.bits[t]});
    b_greater[t] = c.create_and({!a.bits[t], b.bits[t]});
  }
  for (unsigned k_ = 0; k_ < m; ++k_) {
    std::vector<signal> term{!a.bits[k_], b.bits[k_]};
    for (unsigned t = k_ + 1; t < m; ++t) term.push_back(!a_greater[t]), term.push_back(!b_greater[t]);
    terms.push_back(c.create_and(std::move(term)));
  }
  bus lt{"lt", {c.create_or(std::move(terms))}};
  c.end_stage({lt});
  c.add_output_bus("lt", lt.bits);
  k.stage_specs.push_back(spec_comparison(c, p));
  return k;
}

}  // namespace

lemma integer_comparison_lemma() {
  lemma l;
  l.name = "int.compare";
  l.title = "unsigned comparison of m-bit integers";
  l.paper_ref = "integer core of d_std (float comparison, Lemma 2.x)";
  l.claim = "lt = [a < b] in constant depth and polynomial size";
  l.parameter_names = {"m"};
  l.validate = [](parameters const& p) { require_range(p, "m", 1, 512); };
  l.interface = [](parameters const& p) {
    auto const m = param(p, "m");
    return std::vector<bus_decl>{{"a", m, true}, {"b", m, true}, {"lt", 1, false}};
  };
  l.build = build_comparison;
  l.specification = spec_comparison;
  l.depth_bound = 3;
  l.degree_bound = 3;
  l.default_sweeps.resize(1);
  for (unsigned m : {2u, 4u, 8u, 16u, 32u}) l.default_sweeps[0].push_back({{"m", m}});
  return l;
}

}  // namespace tc0
