// Lemma float.add — the paper's two-operand float addition (d_std): round_p(a + b), the exact
// sum rounded once (SPEC §2; conventions in core/float_format.hpp).
//
// Claim: round_p(a + b) has a threshold circuit of constant depth and polynomial size.
// Construction (exact alignment):
//   1. align:     Y_a = |m_a| 2^(u_a), Y_b = |m_b| 2^(u_b) (one-hot exponent decoders, AND-OR
//                 shifters), so a + b = ((1 - 2 s_a) Y_a + (1 - 2 s_b) Y_b) 2^e_min exactly
//   2. order:     g = [Y_a > Y_b]; big, small = the larger and the smaller of the two
//   3-6.  sum_*:        Y_a + Y_b (column-sum block)
//   7-10. difference_*: big + NOT small + 1 = big - small + 2^W (column-sum block)
//   11. select:   equal signs: N = Y_a + Y_b, sign s_a; different: N = big - small, the sign of
//                 the larger operand
//   12. round:    round_p((-1)^sign N 2^e_min) (proofs/blocks/round_to_format.hpp)
// Size: the shifters and the adders are as wide as the exponent range, W = p + 2^E - 1 bits, so
//   the size is polynomial in p and in the range 2^E: polynomial in p for ranges polynomial in
//   p, but exponential in p for the paper's range [-2^p, 2^p) (W = p + 2^(p+1) - 1). A
//   construction polynomial in p for that range (align to the larger exponent, keep guard bits
//   and a sticky bit) is not built yet.
// Specification: r = round_p(((1 - 2 s_a) |m_a| 2^(u_a) + (1 - 2 s_b) |m_b| 2^(u_b)) 2^e_min)
//   for every input pattern (each input read as the value of its bits; no precondition).
// Obligations: the stages; steps sum_value and difference_value (the column sums' totals, in
//   linear arithmetic); the step arguments ((1 - 2 sign) N = the exact sum, bit-vectors, from
//   the align, order and select stages and those two steps) and the certified congruence
//   (proofs/rounding_congruence.hpp); monolithic miter at small p; exhaustive simulation against
//   the Boost reference; S1, S2.
// Expected: all proved.
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/float_interface.hpp"
#include "proofs/lemmas.hpp"
#include "proofs/rounding_congruence.hpp"

namespace tc0 {
namespace {

linear_spec spec_float_add(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  auto const a = input_float(c, "a"), b = input_float(c, "b");
  linear_spec s;
  s.description = "r = round_p(a + b), " + f.describe();
  s.rounds_to("r", output_float(c, "r").bits(), scaled_value(a).add(scaled_value(b)),
              {f, linear_expr{}, linear_expr{}, linear_expr{}.add_constant(1), f.e_min});
  return s;
}

// x << u for x of p bits and u of E bits, as wide as the largest result
std::vector<signal> create_shifter(circuit& c, std::vector<signal> const& x,
                                   std::vector<signal> const& u, unsigned width) {
  std::vector<signal> decoded(size_t{1} << u.size());
  for (size_t t = 0; t < decoded.size(); ++t) {
    std::vector<signal> lits;
    for (size_t k = 0; k < u.size(); ++k) lits.push_back(((t >> k) & 1u) ? u[k] : !u[k]);
    decoded[t] = c.create_and(std::move(lits));
  }
  std::vector<signal> out(width, const_false);
  for (unsigned i = 0; i < width; ++i) {
    std::vector<signal> terms;
    for (size_t t = 0; t <= i && t < decoded.size(); ++t)
      if (i - t < x.size()) terms.push_back(c.create_and({decoded[t], x[i - t]}));
    if (!terms.empty()) out[i] = c.create_or(std::move(terms));
  }
  return out;
}

// a ? x : y, bit by bit
std::vector<signal> create_mux(circuit& c, signal a, std::vector<signal> const& x,
                               std::vector<signal> const& y) {
  std::vector<signal> out;
  for (size_t i = 0; i < x.size(); ++i)
    out.push_back(c.create_or({c.create_and({a, x[i]}), c.create_and({!a, y[i]})}));
  return out;
}

linear_expr choose(signal a, linear_expr const& x, linear_expr const& y) {
  linear_expr e;
  e.add_product(1, {linear_expr::of(a), x});
  e.add_product(1, {linear_expr::of(!a), y});
  return e;
}

construction build_float_add(parameters const& p) {
  auto const f = format_of(p);
  auto const E = f.exponent_bits();
  unsigned const W = f.p + (1u << E) - 1;
  construction k;
  auto& c = k.c;
  auto const a = create_float_input(c, "a", f);
  auto const b = create_float_input(c, "b", f);
  auto const sa = a.sign.bits[0], sb = b.sign.bits[0];

  c.begin_stage("align", {a.magnitude, a.exponent, b.magnitude, b.exponent});
  bus const Ya{"Ya", create_shifter(c, a.magnitude.bits, a.exponent.bits, W)};
  bus const Yb{"Yb", create_shifter(c, b.magnitude.bits, b.exponent.bits, W)};
  c.end_stage({Ya, Yb});
  linear_spec align_spec;
  align_spec.description = "Y_a = |m_a| 2^(u_a), Y_b = |m_b| 2^(u_b)";
  for (auto const* x : {&a, &b}) {
    linear_expr shifted;
    shifted.add_shifted(1, linear_expr::value_of(x->magnitude.bits),
                        linear_expr::value_of(x->exponent.bits));
    align_spec.equals(x == &a ? "Ya" : "Yb", x == &a ? Ya.bits : Yb.bits, std::move(shifted));
  }
  k.stage_specs.push_back(std::move(align_spec));
  size_t const align_stage = k.stage_specs.size() - 1;

  c.begin_stage("order", {Ya, Yb});
  auto const g = create_less_than(c, Yb.bits, Ya.bits);
  bus const big{"big", create_mux(c, g, Ya.bits, Yb.bits)};
  bus const small{"small", create_mux(c, g, Yb.bits, Ya.bits)};
  c.end_stage({bus{"g", {g}}, big, small});
  linear_spec order_spec;
  order_spec.description = "g = [Y_a > Y_b], big = max, small = min";
  auto const va = linear_expr::value_of(Ya.bits), vb = linear_expr::value_of(Yb.bits);
  order_spec.is_nonnegative("g", g, linear_expr{va}.add(vb, -1).add_constant(-1));
  order_spec.equals("big", big.bits, choose(g, va, vb));
  order_spec.equals("small", small.bits, choose(g, vb, va));
  k.stage_specs.push_back(std::move(order_spec));
  size_t const order_stage = k.stage_specs.size() - 1;

  // the two column sums, and a step each for their totals
  auto add_total = [&](std::string const& prefix, std::vector<bus> const& inputs,
                       std::vector<std::vector<signal>> const& columns, linear_expr total) {
    auto const first = k.stage_specs.size();
    auto bits = create_column_sum(k, prefix, inputs, columns);
    std::vector<size_t> stages;
    for (auto s = first; s < k.stage_specs.size(); ++s) stages.push_back(s);
    composition_step step{prefix + "value", stages, {}, {}, {}, {}};
    step.goal.description = "the column sum's total";
    step.goal.equals(prefix + "total", bits, std::move(total));
    k.composition.push_back(std::move(step));
    return std::make_pair(bits, k.composition.size() - 1);
  };
  std::vector<std::vector<signal>> sum_columns(W), difference_columns(W);
  linear_expr complement = linear_expr{}.add_constant(1);
  for (unsigned i = 0; i < W; ++i) {
    sum_columns[i] = {Ya.bits[i], Yb.bits[i]};
    difference_columns[i] = {big.bits[i], !small.bits[i]};
    complement.add_term(pow2(i), !small.bits[i]);
  }
  difference_columns[0].push_back(const_true);
  auto const [sum, sum_step] = add_total("sum_", {Ya, Yb}, sum_columns, linear_expr{va}.add(vb));
  auto const [difference, difference_step] = add_total(
      "difference_", {big, small}, difference_columns,
      linear_expr::value_of(big.bits).add(complement));

  c.begin_stage("select", {bus{"sum", sum}, bus{"difference", difference}, bus{"g", {g}},
                           a.sign, b.sign});
  auto const same = !c.create_xor(sa, sb);
  std::vector<signal> diff_low(difference.begin(), difference.begin() + W);
  diff_low.push_back(const_false);
  std::vector<signal> sum_bits = sum;
  sum_bits.resize(W + 1, const_false);
  bus const N{"N", create_mux(c, same, sum_bits, diff_low)};
  signal const sign =
      c.create_or({c.create_and({same, sa}), c.create_and({!same, g, sa}),
                   c.create_and({!same, !g, sb})});
  c.end_stage({N, bus{"sign", {sign}}, bus{"same", {same}}});
  linear_spec select_spec;
  select_spec.description =
      "same = [s_a = s_b], N = |signed sum of Y_a, Y_b|, sign = the sign of the result";
  select_spec.relate("same", {same}, linear_expr::of(same),
                     linear_expr::of(sa).add(linear_expr::of(sb)).add_constant(1), big_int(2));
  select_spec.equals("N", N.bits,
                     choose(same, linear_expr::value_of(sum_bits), linear_expr::value_of(diff_low)));
  linear_expr sign_rhs;
  sign_rhs.add_product(1, {linear_expr::of(same), linear_expr::of(sa)});
  sign_rhs.add_product(1, {linear_expr::of(!same), linear_expr::of(g), linear_expr::of(sa)});
  sign_rhs.add_product(1, {linear_expr::of(!same), linear_expr::of(!g), linear_expr::of(sb)});
  select_spec.equals("sign", {sign}, std::move(sign_rhs));
  k.stage_specs.push_back(std::move(select_spec));
  size_t const select_stage = k.stage_specs.size() - 1;

  c.begin_stage("round", {N, bus{"sign", {sign}}});
  auto const r = create_round_to_format(c, f, N.bits, {const_false}, sign, f.e_min);
  c.end_stage({bus{"r", r}});
  linear_spec round_spec;
  round_spec.description = "r = round_p((-1)^sign N 2^e_min)";
  round_spec.rounds_to("r", r, linear_expr::value_of(N.bits),
                       {f, linear_expr::of(sign), linear_expr{}, linear_expr{}.add_constant(1),
                        f.e_min});
  k.stage_specs.push_back(std::move(round_spec));
  add_float_output(c, "r", f, r);

  k.compose_all_stages = false;
  add_rounding_value_congruence(k, "", k.stage_specs.back().clauses.at(0),
                                spec_float_add(c, p).clauses.at(0),
                                {align_stage, order_stage, select_stage},
                                {sum_step, difference_step});
  return k;
}

}  // namespace

lemma float_addition_lemma() {
  lemma l;
  l.name = "float.add";
  l.title = "p-bit float addition, exact sum rounded once (exact alignment)";
  l.paper_ref = "d_std (float addition), SPEC §2";
  l.claim = "r = round_p(a + b) for all inputs, in constant depth";
  l.paper_depth = "d_std";
  l.parameter_names = {"p", "k"};
  l.validate = [](parameters const& p) { validate_float_parameters(p, 12); };
  l.interface = [](parameters const& p) {
    auto const f = format_of(p);
    auto d = float_declarations("a", f, true);
    for (auto const& x : float_declarations("b", f, true)) d.push_back(x);
    for (auto const& x : float_declarations("r", f, false)) d.push_back(x);
    return d;
  };
  l.build = build_float_add;
  l.specification = spec_float_add;
  l.depth_bound = 40;
  l.degree_bound = 3;
  l.monolithic_max_input_bits = 12;
  l.default_sweeps.resize(1);
  // k = 4 (e in [-8, 7]): over the paper's range the alignment grows like 2^p (file comment)
  for (unsigned p : {4u, 5u, 6u, 8u}) l.default_sweeps[0].push_back({{"p", p}, {"k", 4}});
  return l;
}

}  // namespace tc0
