#include "proofs/blocks/exact_float_sum.hpp"

#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/mux.hpp"

namespace tc0 {
namespace {

// x << u for x of p bits and u of E bits, cut to `width` bits
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

}  // namespace

linear_expr exact_sum_value(std::vector<float_bus> const& inputs) {
  linear_expr v;
  for (auto const& x : inputs) v.add(scaled_value(x));
  return v;
}

exact_float_sum create_exact_float_sum(construction& k, float_format const& f,
                                       std::vector<float_bus> const& inputs,
                                       std::string const& prefix) {
  auto& c = k.c;
  auto const E = f.exponent_bits();
  unsigned const W = f.p + (1u << E) - 1;

  std::vector<bus> align_inputs, Y;
  for (auto const& x : inputs)
    align_inputs.push_back(x.magnitude), align_inputs.push_back(x.exponent);
  c.begin_stage(prefix + "align", align_inputs);
  linear_spec align_spec;
  align_spec.description = "Y_i = |m_i| 2^(u_i)";
  for (size_t i = 0; i < inputs.size(); ++i) {
    Y.push_back(bus{"Y" + std::to_string(i),
                    create_shifter(c, inputs[i].magnitude.bits, inputs[i].exponent.bits, W)});
    linear_expr shifted;
    shifted.add_shifted(1, linear_expr::value_of(inputs[i].magnitude.bits),
                        linear_expr::value_of(inputs[i].exponent.bits));
    align_spec.equals(Y.back().name, Y.back().bits, std::move(shifted));
  }
  c.end_stage(Y);
  auto const align_stage = k.add_stage_spec(std::move(align_spec));
  std::vector<signal> signs;
  for (auto const& x : inputs) signs.push_back(x.sign.bits.at(0));
  auto out = create_signed_row_sum(k, Y, signs, prefix);
  out.stages = {align_stage};  // Y_i = |m_i| 2^(u_i)
  return out;
}

exact_float_sum create_signed_row_sum(construction& k, std::vector<bus> const& Y,
                                      std::vector<signal> const& signs, std::string const& prefix) {
  auto& c = k.c;
  auto const W = static_cast<unsigned>(Y.at(0).bits.size());
  exact_float_sum out;
  std::vector<bus> split_inputs = Y, P, Q;
  for (size_t i = 0; i < signs.size(); ++i)
    split_inputs.push_back(bus{"s" + std::to_string(i), {signs[i]}});
  c.begin_stage(prefix + "split", split_inputs);
  linear_spec split_spec;
  split_spec.description = "P_i = Y_i if s_i = 0, Q_i = Y_i if s_i = 1 (else 0)";
  std::vector<std::vector<signal>> pos_columns(W), neg_columns(W);
  for (size_t i = 0; i < Y.size(); ++i) {
    auto const s = signs[i];
    bus p{"P" + std::to_string(i), {}}, q{"Q" + std::to_string(i), {}};
    for (unsigned j = 0; j < W; ++j) {
      p.bits.push_back(c.create_and({!s, Y[i].bits[j]}));
      q.bits.push_back(c.create_and({s, Y[i].bits[j]}));
      pos_columns[j].push_back(p.bits.back());
      neg_columns[j].push_back(q.bits.back());
    }
    auto const y = linear_expr::value_of(Y[i].bits);
    split_spec.equals(p.name, p.bits, linear_expr{}.add_product(1, {linear_expr::of(!s), y}));
    split_spec.equals(q.name, q.bits, linear_expr{}.add_product(1, {linear_expr::of(s), y}));
    P.push_back(std::move(p)), Q.push_back(std::move(q));
  }
  std::vector<bus> split_outputs = P;
  split_outputs.insert(split_outputs.end(), Q.begin(), Q.end());
  c.end_stage(split_outputs);
  out.stages.push_back(k.stage_specs.size());
  k.stage_specs.push_back(std::move(split_spec));

  // a column sum and the step for its total
  auto total = [&](std::string const& prefix, std::vector<bus> const& in,
                   std::vector<std::vector<signal>> const& columns, linear_expr value) {
    auto const first = k.stage_specs.size();
    auto bits = create_column_sum(k, prefix, in, columns);
    std::vector<size_t> stages;
    for (auto s = first; s < k.stage_specs.size(); ++s) stages.push_back(s);
    composition_step step{.name = prefix + "value", .stages = stages};
    step.goal.description = "the column sum's total";
    step.goal.equals(prefix + "total", bits, std::move(value));
    out.steps.push_back(k.composition.size());
    k.composition.push_back(std::move(step));
    return bits;
  };
  linear_expr pos_value, neg_value;
  for (auto const& b : P) pos_value.add(linear_expr::value_of(b.bits));
  for (auto const& b : Q) neg_value.add(linear_expr::value_of(b.bits));
  auto pos = total(prefix + "positive_", P, pos_columns, pos_value);
  auto neg = total(prefix + "negative_", Q, neg_columns, neg_value);
  auto const S = static_cast<unsigned>(std::max(pos.size(), neg.size()));
  pos.resize(S, const_false), neg.resize(S, const_false);
  bus const Sp{"S+", pos}, Sn{"S-", neg};

  c.begin_stage(prefix + "order", {Sp, Sn});
  auto const g = create_less_than(c, neg, pos);
  bus const big{"big", create_mux(c, g, pos, neg)};
  bus const small{"small", create_mux(c, g, neg, pos)};
  c.end_stage({bus{"g", {g}}, big, small});
  linear_spec order_spec;
  order_spec.description = "g = [S+ > S-], big = max, small = min";
  auto const vp = linear_expr::value_of(pos), vn = linear_expr::value_of(neg);
  order_spec.is_nonnegative("g", g, linear_expr{vp}.add(vn, -1).add_constant(-1));
  order_spec.equals("big", big.bits, choose(g, vp, vn));
  order_spec.equals("small", small.bits, choose(g, vn, vp));
  out.stages.push_back(k.stage_specs.size());
  k.stage_specs.push_back(std::move(order_spec));

  std::vector<std::vector<signal>> difference_columns(S);
  linear_expr complement = linear_expr{}.add_constant(1);
  for (unsigned i = 0; i < S; ++i) {
    difference_columns[i] = {big.bits[i], !small.bits[i]};
    complement.add_term(pow2(i), !small.bits[i]);
  }
  difference_columns[0].push_back(const_true);
  auto const difference = total(prefix + "difference_", {big, small}, difference_columns,
                                linear_expr::value_of(big.bits).add(complement));
  // big - small < 2^S: the low S bits of the difference sum are N; `negative` is NOT g
  out.magnitude.assign(difference.begin(), difference.begin() + S);
  out.negative = !g;

  // Two linear steps, so that the bit-vector step that follows (arguments, with the shifts)
  // only has to combine them with the align stage: at n = 4 it timed out from the stages.
  auto const split_stage = out.stages[0], order_stage = out.stages[1];
  composition_step signed_total{.name = prefix + "signed_total",
                                .stages = {split_stage},
                                .steps = {out.steps[0], out.steps[1]}};
  signed_total.goal.description = "S+ - S- = sum_i (1 - 2 s_i) Y_i";
  linear_expr e = linear_expr{vp}.add(vn, -1);
  for (size_t i = 0; i < Y.size(); ++i) {
    auto const y = linear_expr::value_of(Y[i].bits);
    e.add(y, -1);
    e.add_product(2, {linear_expr::of(signs[i]), y});
  }
  signed_total.goal.constrain_zero("S+ - S-", e);
  auto const signed_step = k.composition.size();
  k.composition.push_back(std::move(signed_total));

  composition_step magnitude{
      .name = prefix + "sum_magnitude", .stages = {order_stage}, .steps = {out.steps[2]}};
  magnitude.goal.description = "(1 - 2 negative) N = S+ - S-";
  auto const n_value = linear_expr::value_of(out.magnitude);
  linear_expr m = n_value;
  m.add_product(-2, {linear_expr::of(out.negative), n_value});
  m.add(vp, -1).add(vn);
  magnitude.goal.constrain_zero("(1 - 2 negative) N", m);
  auto const magnitude_step = k.composition.size();
  k.composition.push_back(std::move(magnitude));

  out.stages.clear();
  out.steps = {signed_step, magnitude_step};
  return out;
}

}  // namespace tc0
