#include "proofs/blocks/crt_reconstruction.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"

namespace tc0 {
namespace {

std::string qname(crt_plan const& plan, size_t a) {
  return std::to_string(plan.primes[a].q);
}

// crt_select's outputs: X_q, the columns of their sum, T's value as the CRT sum over the P_q,
// and the largest T (one term per prime, as P_q is one-hot).
struct selected_terms {
  std::vector<bus> X;
  std::vector<std::vector<signal>> columns;
  linear_expr crt_value;
  big_int max_T = 0;
  size_t stage = 0;
};

// crt_select: X_q = the CRT term of prime q's residue, bit j = OR of the P_q[v] whose term has
// bit j (P_q has at most one bit set). Then one number per prime, so the column sum's columns
// are at most #primes high; summing the one-hot bits directly made them as high as all (q, v)
// terms together, and the block sums' counters too big for the solver at m = 6.
selected_terms create_select_stage(construction& k, std::string const& prefix, crt_plan const& plan,
                                   std::vector<bus> const& P,
                                   std::vector<size_t> const& one_hot_stages) {
  auto& c = k.c;
  selected_terms out;
  c.begin_stage(prefix + "crt_select", P);
  linear_spec spec;
  spec.description = "X_q = ((c_q v) mod M) for the v with P_q[v] = 1, bit by bit";
  for (size_t a = 0; a < plan.primes.size(); ++a) {
    big_int largest = 0;
    std::vector<std::vector<signal>> bit_sources;
    for (unsigned v = 1; v < plan.primes[a].q; ++v) {
      auto const K = crt_term(plan, a, v);
      largest = std::max(largest, K);
      out.crt_value.add_term(K, P[a].bits[v]);
      if (bit_sources.size() < bit_width(K)) bit_sources.resize(bit_width(K));
      for (unsigned j = 0; j < bit_width(K); ++j)
        if (boost::multiprecision::bit_test(K, j)) bit_sources[j].push_back(P[a].bits[v]);
    }
    out.max_T += largest;
    bus x{prefix + "X" + qname(plan, a), {}};
    for (unsigned j = 0; j < bit_sources.size(); ++j) {
      auto const bit = bit_sources[j].empty() ? const_false : c.create_or(bit_sources[j]);
      x.bits.push_back(bit);
      if (bit_sources[j].empty()) continue;
      if (out.columns.size() <= j) out.columns.resize(j + 1);
      out.columns[j].push_back(bit);
      linear_expr sources;
      for (auto s : bit_sources[j]) sources.add_term(1, s);
      spec.equals(x.name + "[" + std::to_string(j) + "]", {bit}, std::move(sources));
    }
    spec.require_at_most_one("P" + qname(plan, a), {P[a].bits.begin() + 1, P[a].bits.end()});
    out.X.push_back(std::move(x));
  }
  c.end_stage(out.X);
  k.precondition_hypotheses[prefix + "crt_select"] = {one_hot_stages, {}};
  out.stage = k.add_stage_spec(std::move(spec));
  return out;
}

// The reduction T -> T - sM, s = #{t >= 1 : T >= t M}: its signals and stage handles. With
// t_max = 0 (T <= max_T < M already) there are no stages and Y is T's low bits.
struct reduction {
  unsigned t_max = 0;
  std::vector<signal> g;  // g[t] = [T >= t M] for t = 0..t_max (g[0] true)
  signal carry_out = const_false;
  std::vector<signal> S, Y;
  size_t compare = 0, offset = 0, carries = 0, sum = 0;  // stage specifications
};

// reduce_compare, reduce_offset, reduce_carries, reduce_sum
reduction create_reduce_stages(construction& k, std::string const& prefix, crt_plan const& plan,
                               std::vector<signal> const& T, big_int const& max_T) {
  auto& c = k.c;
  auto const& M = plan.modulus;
  auto const WT = static_cast<unsigned>(T.size());
  unsigned const WY = width_for(M - 1);
  bus const Tbus{prefix + "T", T};
  reduction r;
  r.t_max = static_cast<unsigned>(big_int(max_T / M));
  r.g.assign(r.t_max + 1, const_false);
  r.g[0] = const_true;
  if (r.t_max == 0) {
    r.Y.assign(T.begin(), T.begin() + std::min(WT, WY));
    return r;
  }
  auto const& g = r.g;

  c.begin_stage(prefix + "reduce_compare", {Tbus});
  linear_spec compare_spec;
  compare_spec.description = "g_t = [T >= t M]";
  bus gbus{prefix + "g", {}};
  for (unsigned t = 1; t <= r.t_max; ++t) {
    r.g[t] = !create_less_than(c, T, constant_bits(t * M, WT));
    compare_spec.is_nonnegative("g" + std::to_string(t), g[t],
                                linear_expr::value_of(T).add_constant(-(t * M)));
    gbus.bits.push_back(g[t]);
  }
  c.end_stage({gbus});
  r.compare = k.add_stage_spec(std::move(compare_spec));

  // reduce_offset: K = (2^WT - sM) mod 2^WT for the s = g_1 + ... + g_tmax the comparisons
  // found. With g monotone, sum_t g_t (bit_b(K_t) - bit_b(K_(t-1))) telescopes to bit_b(K_s):
  // one threshold gate per bit.
  c.begin_stage(prefix + "reduce_offset", {gbus});
  auto const offset = [&](unsigned t) { return t == 0 ? big_int(0) : pow2(WT) - t * M; };
  std::vector<signal> K;
  for (unsigned b = 0; b < WT; ++b) {
    std::vector<signal> lits;
    std::vector<big_int> weights;
    for (unsigned t = 1; t <= r.t_max; ++t) {
      using boost::multiprecision::bit_test;
      int const step = int(bit_test(offset(t), b)) - int(bit_test(offset(t - 1), b));
      if (step != 0) lits.push_back(g[t]), weights.push_back(step);
    }
    K.push_back(c.create_threshold(std::move(lits), std::move(weights), 1));
  }
  bus const Kbus{prefix + "K", K};
  c.end_stage({Kbus});
  linear_spec offset_spec;
  offset_spec.description = "K = 2^WT g_1 - M (g_1 + ... + g_tmax), given g monotone";
  auto multiples = linear_expr{};
  for (unsigned t = 1; t <= r.t_max; ++t) multiples.add_term(M, g[t]);
  for (unsigned t = 1; t < r.t_max; ++t)
    offset_spec.require("g" + std::to_string(t + 1) + " <= g" + std::to_string(t),
                        linear_expr::of(g[t]).add(linear_expr::of(g[t + 1]), -1));
  offset_spec.equals("K", K, linear_expr{}.add_term(pow2(WT), g[1]).add(multiples, -1));
  r.offset = k.add_stage_spec(std::move(offset_spec));

  // reduce_carries, reduce_sum: S = T + K mod 2^WT, which is T - sM; Y = its low bits.
  c.begin_stage(prefix + "reduce_carries", {Tbus, Kbus});
  bus const carries{prefix + "carry", create_carries(c, T, K, WT)};
  c.end_stage({carries});
  r.carry_out = carries.bits.back();
  linear_spec carry_spec;
  carry_spec.description = "every carry of T + K obeys the ripple recurrence";
  add_carry_recurrence(carry_spec, "", T, K, carries.bits);
  r.carries = k.add_stage_spec(std::move(carry_spec));

  c.begin_stage(prefix + "reduce_sum", {Tbus, Kbus, carries});
  r.S = create_sum_bits(c, T, K, carries.bits);
  c.end_stage({bus{prefix + "S", r.S}});
  linear_spec sum_spec;
  sum_spec.description = "S = T + K - 2^WT c_WT (the carry out), given the carry recurrence";
  require_carry_recurrence(sum_spec, "", T, K, carries.bits);
  sum_spec.equals("S", r.S,
                  linear_expr::value_of(T)
                      .add(linear_expr::value_of(K))
                      .add_term(-pow2(WT), carries.bits.back()));
  r.sum = k.add_stage_spec(std::move(sum_spec));
  k.precondition_hypotheses[prefix + "reduce_offset"] = {{r.compare}, {}};
  k.precondition_hypotheses[prefix + "reduce_sum"] = {{r.carries}, {}};
  r.Y.assign(r.S.begin(), r.S.begin() + std::min(WT, WY));
  return r;
}

// T - M (g_1 + ... + g_tmax)
linear_expr reduced_value(crt_plan const& plan, std::vector<signal> const& T, reduction const& r) {
  auto v = linear_expr::value_of(T);
  for (unsigned t = 1; t <= r.t_max; ++t) v.add_term(-plan.modulus, r.g[t]);
  return v;
}

// Y = T - M (g_1 + ... + g_tmax) where T is reduced: the comparisons place T in [sM, (s + 1)M)
// (T <= max_T rests on `known`: T's sum and the one-hot residues), so T + K = T + 2^WT - sM
// wraps to T - sM, below M. Returns the steps reduced_in_range and reduction.
std::pair<size_t, size_t> add_reduction_steps(construction& k, std::string const& prefix,
                                              crt_plan const& plan, std::vector<signal> const& T,
                                              big_int const& max_T, reduction const& r,
                                              std::vector<size_t> const& known) {
  auto const& M = plan.modulus;
  auto const reduced = reduced_value(plan, T, r);
  composition_step bound{.name = prefix + "T_at_most_max", .steps = known};
  bound.goal.description = "T <= max_T (one term per prime)";
  bound.goal.require("T <= max_T",
                     linear_expr{}.add_constant(max_T).add(linear_expr::value_of(T), -1));
  auto const bound_step = k.add_step(std::move(bound));
  // First where T - sM lies (the comparisons), then what the offset and the adder make of it:
  // two small integer problems where one was too big for the solver at 60-bit T.
  composition_step in_range{
      .name = prefix + "reduced_in_range", .stages = {r.compare}, .steps = {bound_step}};
  in_range.goal.description = "0 <= T - M (g_1 + ... + g_tmax) < M";
  in_range.goal.require("T - M sum g >= 0", reduced);
  in_range.goal.require("T - M sum g < M", linear_expr{}.add_constant(M - 1).add(reduced, -1));
  auto const in_range_step = k.add_step(std::move(in_range));
  // the carry out is g_1 (both cases of c != g_1 put S outside [0, 2^WT)), then Y is T - sM:
  // one query for both timed out at m = 8 (120 s; 288 s alone)
  composition_step carry_step{
      .name = prefix + "reduce_carry_out", .stages = {r.offset, r.sum}, .steps = {in_range_step}};
  carry_step.goal.description = "the carry out of T + K is g_1";
  carry_step.goal.equals("carry out", {r.carry_out}, linear_expr::of(r.g[1]));
  carry_step.bit_vectors_first = true;
  auto const carry_out_step = k.add_step(std::move(carry_step));
  composition_step sum_value{
      .name = prefix + "reduced_sum", .stages = {r.offset, r.sum}, .steps = {carry_out_step}};
  sum_value.goal.description = "S = T - M (g_1 + ... + g_tmax)";
  sum_value.goal.equals("S", r.S, reduced);
  auto const sum_step = k.add_step(std::move(sum_value));
  // Y is S's low bits: S < M <= 2^|Y| (arithmetic), so they have one value (bits), so Y is
  // T - sM. As one step this took 38 s in linear arithmetic at m = 5 for int.div (and timed
  // out at m = 8); split, every part is small.
  composition_step below{.name = prefix + "reduced_sum_below_M",
                         .steps = {in_range_step, sum_step}};
  below.goal.description = "S < M";
  below.goal.require("S < M",
                     linear_expr{}.add_constant(M - 1).add(linear_expr::value_of(r.S), -1));
  auto const below_step = k.add_step(std::move(below));
  composition_step low{.name = prefix + "reduced_low_bits", .steps = {below_step}};
  low.goal.description = "Y = S (S is below 2^|Y|)";
  low.goal.equals("Y", r.Y, linear_expr::value_of(r.S));
  low.bit_vectors_first = true;
  auto const low_step = k.add_step(std::move(low));
  composition_step reduction_step{.name = prefix + "reduction", .steps = {sum_step, low_step}};
  reduction_step.goal.description = "Y = T - M (g_1 + ... + g_tmax)";
  reduction_step.goal.equals("Y", r.Y, reduced);
  return {in_range_step, k.add_step(std::move(reduction_step))};
}

// Y = sum_v v P_q[v] + q W with W an explicit integer combination of the bits: every CRT term
// of prime q is v plus a multiple of q, every other prime's term and M are multiples of q (if
// the constants are right; if not, the identity fails and the step is not proved). Stated so,
// the congruence is a linear identity rather than a `mod` for the solver to reason through.
void add_congruence_steps(construction& k, std::string const& prefix, crt_plan const& plan,
                          std::vector<bus> const& P, reduction const& r,
                          std::vector<size_t> const& range_steps) {
  auto const& primes = plan.primes;
  for (size_t a = 0; a < primes.size(); ++a) {
    big_int const q = primes[a].q;
    linear_expr W;
    for (size_t b = 0; b < primes.size(); ++b)
      for (unsigned v = 1; v < primes[b].q; ++v)
        W.add_term((crt_term(plan, b, v) - (a == b ? v : 0)) / q, P[b].bits[v]);
    for (unsigned t = 1; t <= r.t_max; ++t) W.add_term(-(plan.modulus / q), r.g[t]);
    composition_step congruence{.name = prefix + "Y_mod_" + qname(plan, a), .steps = range_steps};
    congruence.goal.description = "sum_v v P_q[v] = Y - q W, so Y = sum_v v P_q[v] mod q";
    linear_expr residue;
    for (unsigned v = 1; v < primes[a].q; ++v) residue.add_term(v, P[a].bits[v]);
    congruence.goal.relate("P" + qname(plan, a) + " = Y mod " + qname(plan, a), P[a].bits, residue,
                           linear_expr::value_of(r.Y).add(W, -q), std::nullopt);
    k.add_step(std::move(congruence));
  }
}

// The certified step: the primes, M > the target's largest value, the CRT coefficients.
size_t add_chinese_remainder_step(construction& k, std::string const& prefix, crt_plan const& plan,
                                  std::vector<signal> const& Y, std::string const& residue_step,
                                  size_t input_count, crt_target const& target) {
  composition_step crt{.name = prefix + "chinese_remainder"};
  crt.theorem =
      "Y and the value both lie in [0, M) and agree modulo every prime q (steps Y_mod_q and " +
      residue_step + "), so they are equal by the Chinese remainder theorem";
  if (target.value && target.value->min_value() < 0)
    throw std::logic_error("create_crt_reconstruction: the value can be negative");
  big_int const largest = target.value ? target.value->max_value() : target.largest;
  crt.check = [plan, input_count, largest]() -> std::optional<certified_failure> {
    auto f = check_primes(plan, largest);
    if (!f) f = check_crt_coefficients(plan);
    if (!f) return std::nullopt;
    // all inputs 1 give the largest value, the first one M cannot hold
    return certified_failure{*f, std::vector<bool>(input_count, true)};
  };
  if (target.value) {
    crt.goal.description = "Y = the value whose residues P_q are";
    crt.goal.equals("Y", Y, *target.value);
  }
  return k.add_step(std::move(crt));
}

}  // namespace

block_output create_crt_reconstruction(construction& k, std::string const& prefix,
                                       crt_plan const& plan, std::vector<bus> const& P,
                                       std::vector<size_t> const& one_hot_stages,
                                       size_t residue_step, size_t input_count,
                                       crt_target const& target) {
  auto const terms = create_select_stage(k, prefix, plan, P, one_hot_stages);
  // the Chinese-remainder sum T = sum_q X_q (four stages of the column-sum block)
  std::vector<size_t> sum_stages{terms.stage};
  auto const T = create_column_sum(k, prefix + "crt_", terms.X, terms.columns);
  while (sum_stages.back() + 1 < k.stage_specs.size()) sum_stages.push_back(sum_stages.back() + 1);
  auto const r = create_reduce_stages(k, prefix, plan, T, terms.max_T);

  composition_step sum_step{.name = prefix + "crt_sum", .stages = sum_stages};
  sum_step.goal.description = "T = sum_(q,v) ((c_q v) mod M) P_q[v]";
  sum_step.goal.equals("T", T, terms.crt_value);
  auto const crt_sum = k.add_step(std::move(sum_step));

  composition_step one_hot_step{.name = prefix + "residues_one_hot", .stages = one_hot_stages};
  one_hot_step.goal.description = "every P_q is one-hot";
  for (size_t a = 0; a < plan.primes.size(); ++a) {
    linear_expr count;
    for (auto s : P[a].bits) count.add_term(1, s);
    one_hot_step.goal.relate("P" + qname(plan, a) + " one-hot", P[a].bits, count,
                             linear_expr{}.add_constant(1), std::nullopt);
  }
  auto const one_hot = k.add_step(std::move(one_hot_step));

  std::vector<size_t> range_steps{crt_sum, one_hot};
  // Y < M: from the range and the reduction (two linear facts) where T is reduced; else from
  // T's sum and bound
  auto range_hypotheses = range_steps;
  if (r.t_max > 0) {
    auto const [in_range, reduced] =
        add_reduction_steps(k, prefix, plan, T, terms.max_T, r, {crt_sum, one_hot});
    range_steps.push_back(reduced);
    range_hypotheses = {in_range, reduced};
  }
  composition_step below{.name = prefix + "Y_below_M", .steps = range_hypotheses};
  below.goal.description = "Y < M";
  below.goal.require(
      "Y < M", linear_expr{}.add_constant(plan.modulus - 1).add(linear_expr::value_of(r.Y), -1));
  k.add_step(std::move(below));

  add_congruence_steps(k, prefix, plan, P, r, range_steps);
  auto const conclusion = add_chinese_remainder_step(
      k, prefix, plan, r.Y, k.composition.at(residue_step).name, input_count, target);
  return {r.Y, conclusion};
}

}  // namespace tc0
