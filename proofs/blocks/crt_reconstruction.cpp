#include "proofs/blocks/crt_reconstruction.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"

namespace tc0 {
std::vector<signal> create_crt_reconstruction(construction& k, crt_plan const& plan,
                                              std::vector<bus> const& P,
                                              std::vector<size_t> const& one_hot_stages,
                                              std::string const& residue_step, size_t input_count,
                                              crt_target const& target) {
  auto& c = k.c;
  auto const& primes = plan.primes;
  auto const qname = [&](size_t a) { return std::to_string(primes[a].q); };

  // crt_select: X_q = the CRT term of prime q's residue, bit j = OR of the P_q[v] whose term
  // has bit j (P_q has at most one bit set). Then one number per prime, so the column sum's
  // columns are at most #primes high; summing the one-hot bits directly made them as high as
  // all (q, v) terms together, and the block sums' counters too big for the solver at m = 6.
  c.begin_stage("crt_select", P);
  linear_spec select_spec;
  select_spec.description = "X_q = ((c_q v) mod M) for the v with P_q[v] = 1, bit by bit";
  std::vector<bus> X;
  std::vector<std::vector<signal>> columns;
  linear_expr crt_value;
  big_int max_T = 0;
  for (size_t a = 0; a < primes.size(); ++a) {
    big_int largest = 0;
    std::vector<std::vector<signal>> bit_sources;
    for (unsigned v = 1; v < primes[a].q; ++v) {
      auto const K = crt_term(plan, a, v);
      largest = std::max(largest, K);
      crt_value.add_term(K, P[a].bits[v]);
      if (bit_sources.size() < bit_width(K)) bit_sources.resize(bit_width(K));
      for (unsigned j = 0; j < bit_width(K); ++j)
        if (boost::multiprecision::bit_test(K, j)) bit_sources[j].push_back(P[a].bits[v]);
    }
    max_T += largest;  // P_q is one-hot: one term per prime
    bus x{"X" + qname(a), {}};
    for (unsigned j = 0; j < bit_sources.size(); ++j) {
      auto const bit = bit_sources[j].empty() ? const_false : c.create_or(bit_sources[j]);
      x.bits.push_back(bit);
      if (bit_sources[j].empty()) continue;
      if (columns.size() <= j) columns.resize(j + 1);
      columns[j].push_back(bit);
      linear_expr sources;
      for (auto s : bit_sources[j]) sources.add_term(1, s);
      select_spec.equals(x.name + "[" + std::to_string(j) + "]", {bit}, std::move(sources));
    }
    select_spec.require_at_most_one("P" + qname(a), {P[a].bits.begin() + 1, P[a].bits.end()});
    X.push_back(std::move(x));
  }
  c.end_stage(X);
  k.precondition_hypotheses["crt_select"] = {one_hot_stages, {}};
  std::vector<size_t> crt_stages{k.stage_specs.size()};
  k.stage_specs.push_back(std::move(select_spec));

  // 4-6. the Chinese-remainder sum T = sum_q X_q
  auto const T = create_column_sum(k, "crt_", X, columns);
  while (crt_stages.back() + 1 < k.stage_specs.size()) crt_stages.push_back(crt_stages.back() + 1);
  auto const WT = static_cast<unsigned>(T.size());
  bus const Tbus{"T", T};

  // 7. reduce_compare
  auto const& M = plan.modulus;
  unsigned const t_max = static_cast<unsigned>(big_int(max_T / M));
  unsigned const WY = width_for(M - 1);
  std::vector<signal> Y;
  std::vector<signal> g(t_max + 2, const_false);  // g[t] = [T >= t M]; g[0] true
  signal carry_out = const_false;                 // of T + K
  std::vector<signal> reduced_sum;                // S = T + K mod 2^WT
  g[0] = const_true;
  if (t_max == 0) {
    Y.assign(T.begin(), T.begin() + std::min(WT, WY));  // T <= max_T < M already
  } else {
    c.begin_stage("reduce_compare", {Tbus});
    linear_spec compare_spec;
    compare_spec.description = "g_t = [T >= t M]";
    bus gbus{"g", {}};
    for (unsigned t = 1; t <= t_max; ++t) {
      g[t] = !create_less_than(c, T, constant_bits(t * M, WT));
      compare_spec.is_nonnegative("g" + std::to_string(t), g[t],
                                  linear_expr::value_of(T).add_constant(-(t * M)));
      gbus.bits.push_back(g[t]);
    }
    c.end_stage({gbus});
    k.stage_specs.push_back(std::move(compare_spec));

    // reduce_offset: K = (2^WT - sM) mod 2^WT for the s = g_1 + ... + g_tmax the comparisons
    // found. With g monotone, sum_t g_t (bit_b(K_t) - bit_b(K_(t-1))) telescopes to bit_b(K_s):
    // one threshold gate per bit.
    c.begin_stage("reduce_offset", {gbus});
    auto const offset = [&](unsigned t) { return t == 0 ? big_int(0) : pow2(WT) - t * M; };
    std::vector<signal> K;
    for (unsigned b = 0; b < WT; ++b) {
      std::vector<signal> lits;
      std::vector<big_int> weights;
      for (unsigned t = 1; t <= t_max; ++t) {
        using boost::multiprecision::bit_test;
        int const step = int(bit_test(offset(t), b)) - int(bit_test(offset(t - 1), b));
        if (step != 0) lits.push_back(g[t]), weights.push_back(step);
      }
      K.push_back(c.create_threshold(std::move(lits), std::move(weights), 1));
    }
    bus const Kbus{"K", K};
    c.end_stage({Kbus});
    linear_spec offset_spec;
    offset_spec.description = "K = 2^WT g_1 - M (g_1 + ... + g_tmax), given g monotone";
    auto multiples = linear_expr{};
    for (unsigned t = 1; t <= t_max; ++t) multiples.add_term(M, g[t]);
    for (unsigned t = 1; t < t_max; ++t)
      offset_spec.require("g" + std::to_string(t + 1) + " <= g" + std::to_string(t),
                          linear_expr::of(g[t]).add(linear_expr::of(g[t + 1]), -1));
    offset_spec.equals("K", K, linear_expr{}.add_term(pow2(WT), g[1]).add(multiples, -1));
    k.stage_specs.push_back(std::move(offset_spec));

    // reduce_carries, reduce_sum: S = T + K mod 2^WT, which is T - sM; Y = its low bits.
    c.begin_stage("reduce_carries", {Tbus, Kbus});
    bus const carries{"carry", create_carries(c, T, K, WT)};
    c.end_stage({carries});
    carry_out = carries.bits.back();
    linear_spec carry_spec;
    carry_spec.description = "every carry of T + K obeys the ripple recurrence";
    add_carry_recurrence(carry_spec, "", T, K, carries.bits);
    k.stage_specs.push_back(std::move(carry_spec));

    c.begin_stage("reduce_sum", {Tbus, Kbus, carries});
    auto const S = create_sum_bits(c, T, K, carries.bits);
    reduced_sum = S;
    c.end_stage({bus{"S", S}});
    linear_spec sum_spec;
    sum_spec.description = "S = T + K - 2^WT c_WT (the carry out), given the carry recurrence";
    require_carry_recurrence(sum_spec, "", T, K, carries.bits);
    sum_spec.equals("S", S,
                    linear_expr::value_of(T)
                        .add(linear_expr::value_of(K))
                        .add_term(-pow2(WT), carries.bits.back()));
    k.stage_specs.push_back(std::move(sum_spec));
    k.precondition_hypotheses["reduce_offset"] = {{k.stage_specs.size() - 4}, {}};
    k.precondition_hypotheses["reduce_sum"] = {{k.stage_specs.size() - 2}, {}};
    Y.assign(S.begin(), S.begin() + std::min(WT, WY));
  }
  // The composition argument, in steps numbered from `first` on.
  size_t const first = k.composition.size();
  bool const reduced_stages = t_max > 0;
  auto const compare_stage = crt_stages.back() + 1;
  composition_step sum_step{.name = "crt_sum", .stages = crt_stages};
  sum_step.goal.description = "T = sum_(q,v) ((c_q v) mod M) P_q[v]";
  sum_step.goal.equals("T", T, crt_value);
  k.composition.push_back(std::move(sum_step));

  composition_step one_hot_step{.name = "residues_one_hot", .stages = one_hot_stages};
  one_hot_step.goal.description = "every P_q is one-hot";
  for (size_t a = 0; a < primes.size(); ++a) {
    linear_expr count;
    for (auto s : P[a].bits) count.add_term(1, s);
    one_hot_step.goal.relate("P" + qname(a) + " one-hot", P[a].bits, count,
                             linear_expr{}.add_constant(1), std::nullopt);
  }
  k.composition.push_back(std::move(one_hot_step));

  // Y = T - M (g_1 + ... + g_tmax): the comparisons place T in [sM, (s + 1)M) (T <= max_T
  // rests on the two steps above), so T + K = T + 2^WT - sM wraps to T - sM, below M.
  std::vector<size_t> range_steps{first, first + 1};
  size_t in_range_index = 0;  // the step reduced_in_range, where T is reduced
  auto reduced = linear_expr::value_of(T);
  for (unsigned t = 1; t <= t_max; ++t) reduced.add_term(-M, g[t]);
  if (reduced_stages) {
    composition_step bound{.name = "T_at_most_max", .steps = {first, first + 1}};
    bound.goal.description = "T <= max_T (one term per prime)";
    bound.goal.require("T <= max_T",
                       linear_expr{}.add_constant(max_T).add(linear_expr::value_of(T), -1));
    auto const bound_step = k.add_step(std::move(bound));
    // First where T - sM lies (the comparisons), then what the offset and the adder make of it:
    // two small integer problems where one was too big for the solver at 60-bit T.
    composition_step in_range{
        .name = "reduced_in_range", .stages = {compare_stage}, .steps = {bound_step}};
    in_range.goal.description = "0 <= T - M (g_1 + ... + g_tmax) < M";
    in_range.goal.require("T - M sum g >= 0", reduced);
    in_range.goal.require("T - M sum g < M", linear_expr{}.add_constant(M - 1).add(reduced, -1));
    auto const in_range_step = k.add_step(std::move(in_range));
    in_range_index = in_range_step;
    // the carry out is g_1 (both cases of c != g_1 put S outside [0, 2^WT)), then Y is T - sM:
    // one query for both timed out at m = 8 (120 s; 288 s alone)
    composition_step carry_step{.name = "reduce_carry_out",
                                .stages = {compare_stage + 1, compare_stage + 3},
                                .steps = {in_range_step}};
    carry_step.goal.description = "the carry out of T + K is g_1";
    carry_step.goal.equals("carry out", {carry_out}, linear_expr::of(g[1]));
    carry_step.bit_vectors_first = true;
    auto const carry_out_step = k.add_step(std::move(carry_step));
    composition_step sum_value{.name = "reduced_sum",
                               .stages = {compare_stage + 1, compare_stage + 3},
                               .steps = {carry_out_step}};
    sum_value.goal.description = "S = T - M (g_1 + ... + g_tmax)";
    sum_value.goal.equals("S", reduced_sum, reduced);
    auto const sum_step_index = k.add_step(std::move(sum_value));
    // Y is S's low bits: S < M <= 2^|Y| (arithmetic), so they have one value (bits), so Y is
    // T - sM. As one step this took 38 s in linear arithmetic at m = 5 for int.div (and timed
    // out at m = 8); split, every part is small.
    composition_step below{.name = "reduced_sum_below_M", .steps = {in_range_step, sum_step_index}};
    below.goal.description = "S < M";
    below.goal.require(
        "S < M", linear_expr{}.add_constant(M - 1).add(linear_expr::value_of(reduced_sum), -1));
    auto const below_step = k.add_step(std::move(below));
    composition_step low{.name = "reduced_low_bits", .steps = {below_step}};
    low.goal.description = "Y = S (S is below 2^|Y|)";
    low.goal.equals("Y", Y, linear_expr::value_of(reduced_sum));
    low.bit_vectors_first = true;
    auto const low_step = k.add_step(std::move(low));
    composition_step reduction{.name = "reduction", .steps = {sum_step_index, low_step}};
    reduction.goal.description = "Y = T - M (g_1 + ... + g_tmax)";
    reduction.goal.equals("Y", Y, reduced);
    range_steps.push_back(k.add_step(std::move(reduction)));
  }
  // Y < M: from the range and the reduction (two linear facts) where T is reduced; else from
  // T's sum and bound
  std::vector<size_t> range_hypotheses = range_steps;
  if (reduced_stages) range_hypotheses = {in_range_index, range_steps.back()};
  composition_step range_step{.name = "Y_below_M", .steps = range_hypotheses};
  range_step.goal.description = "Y < M";
  range_step.goal.require("Y < M",
                          linear_expr{}.add_constant(M - 1).add(linear_expr::value_of(Y), -1));
  k.composition.push_back(std::move(range_step));

  // Y = sum_v v P_q[v] + q W with W an explicit integer combination of the bits: every CRT
  // term of prime q is v plus a multiple of q, every other prime's term and M are multiples of
  // q (if the constants are right; if not, the identity fails and the step is not proved).
  // Stated so, the congruence is a linear identity rather than a `mod` for the solver to
  // reason through.
  for (size_t a = 0; a < primes.size(); ++a) {
    big_int const q = primes[a].q;
    linear_expr W;
    for (size_t b = 0; b < primes.size(); ++b)
      for (unsigned v = 1; v < primes[b].q; ++v)
        W.add_term((crt_term(plan, b, v) - (a == b ? v : 0)) / q, P[b].bits[v]);
    for (unsigned t = 1; t <= t_max; ++t) W.add_term(-(M / q), g[t]);
    composition_step congruence{.name = "Y_mod_" + qname(a), .steps = range_steps};
    congruence.goal.description = "sum_v v P_q[v] = Y - q W, so Y = sum_v v P_q[v] mod q";
    linear_expr residue;
    for (unsigned v = 1; v < primes[a].q; ++v) residue.add_term(v, P[a].bits[v]);
    congruence.goal.relate("P" + qname(a) + " = Y mod " + qname(a), P[a].bits, residue,
                           linear_expr::value_of(Y).add(W, -q), std::nullopt);
    k.composition.push_back(std::move(congruence));
  }

  composition_step crt{.name = "chinese_remainder"};
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
  k.composition.push_back(std::move(crt));
  return Y;
}

}  // namespace tc0
