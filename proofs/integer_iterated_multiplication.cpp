// Lemma int.iterated_mul — the product of n m-bit unsigned integers in constant depth, by the
// Chinese remainder theorem (Hesse, Allender and Barrington, JCSS 65 (2002); SPEC §3: genuine
// TC0, not a tree of multipliers).
//
// Claim: x_0 * ... * x_(n-1) has a threshold circuit of constant depth and polynomial size with
//   small weights (the integer engine under the paper's d_⊗ and, through powers, exp/sin/cos).
// Construction (proofs/blocks/crt_plan.hpp chooses the primes q with product M > (2^m - 1)^n):
//   1. residues:    one-hot h_(i,q) = x_i mod q, from sum_j (2^j mod q) x_ij (depth 3)
//   2. log_tables:  z_q = [some h_(i,q) is 0]; l_(i,q) = log_g(h_(i,q)) in binary (an OR per
//                   bit over the one-hot residue: the table is wiring; depth 1)
//   3. log_sums:    one-hot E_q = sum_i l_(i,q) mod (q - 1) (depth 3)
//   4. exp_tables:  one-hot P_q = product residue: P_q[0] = z_q, P_q[g^w] = E_q[w] AND NOT z_q
//                   (the exponentiation table is wiring; depth 1)
//   5-8. crt_*:     T = sum_(q,v) ((c_q v) mod M) P_q[v] by the column-sum block (depth 8)
//   9. reduce_compare:  g_t = [T >= t M] for t = 1..t_max (depth 3)
//  10. reduce_offset:   K = 2^WT - sM for s = sum_t g_t, one threshold gate per bit (depth 1)
//  11-12. reduce_carries, reduce_sum: S = T + K mod 2^WT = T - sM, Y its low bits (depth 3 + 1)
//   Depth 3 + 1 + 3 + 1 + 8 + 8 = 24 whatever n and m are; size polynomial in n m because every
//   prime is O(n m) (the residues' sums stay below m q, the logs' below n q).
// Specification: value(product) = x_0 * ... * x_(n-1), stated as a product (never expanded).
// Obligations: every stage against its own specification (residue = x mod q; the log table
//   lookups and the zero flags; the log sum mod q - 1; the exponentiation table; the column sum;
//   the comparisons; the offset; the carries' recurrence; the sum) and the implications between
//   them; composition in steps: (a) T = sum of the CRT terms (linear), (a') Y = T - M sum_t g_t,
//   (b) Y < M, (c) P_q one-hot, (d) for every q, Y = sum_v v P_q[v]
//   mod q (linear integer arithmetic with the actual constants), (e) the discrete-log tables
//   (checked on every entry) with Fermat's little theorem give P_q = prod_i x_i mod q, (f) the
//   primes with M > (2^m - 1)^n (checked) and the Chinese remainder theorem give Y = the product.
//   Monolithic miter at small sizes; simulation; S1 across n and m; S2 with degree <= 6
//   (derivation at degree_bound below).
// Expected: all proved; with a prime dropped, (f) is refuted with the all-ones input; with a
//   wrong log entry, stage log_tables is refuted.
#include "proofs/integer_iterated_multiplication.hpp"

#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/comparator.hpp"
#include "proofs/blocks/crt_plan.hpp"
#include "proofs/blocks/residue.hpp"
#include "proofs/lemmas.hpp"

namespace tc0 {
namespace {

std::string factor(unsigned i) {
  return "x" + std::to_string(i);
}

unsigned product_width(unsigned n, unsigned m) {
  return width_for(boost::multiprecision::pow(pow2(m) - 1, n));
}

linear_expr bit(signal s) {
  return linear_expr{}.add_term(1, s);
}

linear_spec spec_iterated_multiplication(circuit const& c, parameters const& p) {
  linear_spec s;
  s.description = "product = x0 * ... * x(n-1)";
  std::vector<linear_expr> factors;
  for (unsigned i = 0; i < param(p, "n"); ++i)
    factors.push_back(linear_expr::value_of(input_bits(c, factor(i))));
  linear_expr rhs;
  rhs.add_product(1, std::move(factors));
  s.equals("product", output_bits(c, "product"), std::move(rhs));
  return s;
}

}  // namespace

construction build_iterated_multiplication(parameters const& p, crt_faults const& faults) {
  auto const n = param(p, "n"), m = param(p, "m");
  auto const plan = plan_crt(n, m, faults.drop_primes);
  auto const& primes = plan.primes;
  construction k;
  auto& c = k.c;
  std::vector<bus> x;
  for (unsigned i = 0; i < n; ++i) x.push_back(c.create_input_bus(factor(i), m));
  auto const qname = [&](size_t a) { return std::to_string(primes[a].q); };

  // 1. residues
  c.begin_stage("residues", x);
  linear_spec residue_spec;
  residue_spec.description = "h_(i,q) one-hot at x_i mod q";
  std::vector<std::vector<bus>> h(primes.size());  // h[a][i]
  for (size_t a = 0; a < primes.size(); ++a)
    for (unsigned i = 0; i < n; ++i) {
      auto const q = primes[a].q;
      std::vector<big_int> w;
      for (unsigned j = 0; j < m; ++j) w.push_back(pow2(j) % q);
      auto bits = create_residue_one_hot(c, x[i].bits, w, q);
      residue_spec.one_hot_residue(factor(i) + " mod " + qname(a), bits,
                                   linear_expr::value_of(x[i].bits));
      h[a].push_back(bus{"h" + std::to_string(i) + "_" + qname(a), std::move(bits)});
    }
  std::vector<bus> all_h;
  for (auto const& hs : h) all_h.insert(all_h.end(), hs.begin(), hs.end());
  c.end_stage(all_h);
  k.stage_specs.push_back(std::move(residue_spec));

  // 2. log_tables: the zero flags, and each residue's discrete log in binary (an OR per bit
  // over the one-hot residue: the table is wiring plus one OR layer)
  c.begin_stage("log_tables", all_h);
  linear_spec table_spec;
  table_spec.description = "z_q = [some residue is 0], l_(i,q) = log_g(h_(i,q)) in binary";
  for (size_t a = 0; a < primes.size(); ++a)
    for (unsigned i = 0; i < n; ++i) {
      linear_expr at_most_one = linear_expr{}.add_constant(1);
      for (auto s : h[a][i].bits) at_most_one.add_term(-1, s);
      table_spec.require("h" + std::to_string(i) + "_" + qname(a) + " has at most one bit set",
                         at_most_one);
    }
  std::vector<signal> zero(primes.size());
  std::vector<std::vector<bus>> logs(primes.size());
  std::vector<bus> table_outputs;
  for (size_t a = 0; a < primes.size(); ++a) {
    auto const& pr = primes[a];
    unsigned const width = width_for(pr.q > 2 ? pr.q - 2 : 0);
    std::vector<signal> zeros;
    linear_expr zero_count = linear_expr{}.add_constant(-1);
    for (unsigned i = 0; i < n; ++i) {
      zeros.push_back(h[a][i].bits[0]);
      zero_count.add_term(1, h[a][i].bits[0]);
      std::vector<signal> bits;
      linear_expr log_value;
      for (unsigned b = 0; b < width; ++b) {
        std::vector<signal> with_bit;
        for (unsigned u = 1; u < pr.q; ++u) {
          bool const broken = faults.wrong_log_entry && a + 1 == primes.size() && u == 2;
          auto const entry = broken ? (pr.log[u] + 1) % (pr.q - 1) : pr.log[u];
          if ((entry >> b) & 1u) with_bit.push_back(h[a][i].bits[u]);
        }
        bits.push_back(c.create_or(std::move(with_bit)));
      }
      for (unsigned u = 1; u < pr.q; ++u) log_value.add_term(pr.log[u], h[a][i].bits[u]);
      auto const name = "l" + std::to_string(i) + "_" + qname(a);
      table_spec.equals(name, bits, std::move(log_value));
      logs[a].push_back(bus{name, bits});
      table_outputs.push_back(logs[a].back());
    }
    zero[a] = c.create_or(zeros);
    table_spec.is_nonnegative("zero " + qname(a), zero[a], zero_count);
    table_outputs.push_back(bus{"z" + qname(a), {zero[a]}});
  }
  c.end_stage(table_outputs);
  k.stage_specs.push_back(std::move(table_spec));

  // 3. log_sums: E_q one-hot at the sum of the logs modulo q - 1
  std::vector<bus> log_buses;
  for (auto const& ls : logs) log_buses.insert(log_buses.end(), ls.begin(), ls.end());
  c.begin_stage("log_sums", log_buses);
  linear_spec log_spec;
  log_spec.description = "E_q one-hot at (sum_i l_(i,q)) mod (q - 1)";
  std::vector<bus> E(primes.size());
  for (size_t a = 0; a < primes.size(); ++a) {
    std::vector<signal> lits;
    std::vector<big_int> weights;
    linear_expr log_sum;
    for (auto const& l : logs[a]) {
      for (unsigned b = 0; b < l.bits.size(); ++b)
        lits.push_back(l.bits[b]), weights.push_back(pow2(b));
      log_sum.add(linear_expr::value_of(l.bits));
    }
    E[a] = bus{"E" + qname(a), create_residue_one_hot(c, lits, weights, primes[a].q - 1)};
    log_spec.one_hot_residue("log " + qname(a), E[a].bits, log_sum);
  }
  c.end_stage(E);
  k.stage_specs.push_back(std::move(log_spec));
  std::vector<bus> log_outputs = E;
  for (size_t a = 0; a < primes.size(); ++a) log_outputs.push_back(bus{"z" + qname(a), {zero[a]}});

  // 3. exp_tables
  c.begin_stage("exp_tables", log_outputs);
  linear_spec exp_spec;
  exp_spec.description = "P_q[v] = E_q[log v] AND NOT z_q, P_q[0] = z_q";
  std::vector<bus> P(primes.size());
  for (size_t a = 0; a < primes.size(); ++a) {
    auto const& pr = primes[a];
    P[a] = bus{"P" + qname(a), {zero[a]}};
    for (unsigned v = 1; v < pr.q; ++v) {
      auto const e = E[a].bits[pr.log[v]];
      P[a].bits.push_back(c.create_and({e, !zero[a]}));
      exp_spec.is_nonnegative("P" + qname(a) + "[" + std::to_string(v) + "]", P[a].bits.back(),
                              bit(e).add(bit(!zero[a])).add_constant(-2));
    }
  }
  c.end_stage(P);
  k.stage_specs.push_back(std::move(exp_spec));

  // 4-6. the Chinese-remainder sum T
  std::vector<std::vector<signal>> columns;
  linear_expr crt_value;
  big_int max_T = 0;
  for (size_t a = 0; a < primes.size(); ++a) {
    big_int largest = 0;
    for (unsigned v = 1; v < primes[a].q; ++v) {
      auto const K = crt_term(plan, a, v);
      largest = std::max(largest, K);
      crt_value.add_term(K, P[a].bits[v]);
      for (unsigned j = 0; j < bit_width(K); ++j)
        if (boost::multiprecision::bit_test(K, j)) {
          if (columns.size() <= j) columns.resize(j + 1);
          columns[j].push_back(P[a].bits[v]);
        }
    }
    max_T += largest;  // P_q is one-hot: one term per prime
  }
  std::vector<size_t> crt_stages{k.stage_specs.size()};
  auto const T = create_column_sum(k, "crt_", P, columns);
  while (crt_stages.back() + 1 < k.stage_specs.size()) crt_stages.push_back(crt_stages.back() + 1);
  auto const WT = static_cast<unsigned>(T.size());
  bus const Tbus{"T", T};

  // 7. reduce_compare
  auto const& M = plan.modulus;
  unsigned const t_max = static_cast<unsigned>(big_int(max_T / M));
  unsigned const WY = width_for(M - 1);
  std::vector<signal> Y;
  std::vector<signal> g(t_max + 2, const_false);  // g[t] = [T >= t M]; g[0] true
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
                          bit(g[t]).add(bit(g[t + 1]), -1));
    offset_spec.equals("K", K, linear_expr{}.add_term(pow2(WT), g[1]).add(multiples, -1));
    k.stage_specs.push_back(std::move(offset_spec));

    // reduce_carries, reduce_sum: S = T + K mod 2^WT, which is T - sM; Y = its low bits.
    c.begin_stage("reduce_carries", {Tbus, Kbus});
    bus const carries{"carry", create_carries(c, T, K, WT)};
    c.end_stage({carries});
    linear_spec carry_spec;
    carry_spec.description = "every carry of T + K obeys the ripple recurrence";
    add_carry_recurrence(carry_spec, "", T, K, carries.bits);
    k.stage_specs.push_back(std::move(carry_spec));

    c.begin_stage("reduce_sum", {Tbus, Kbus, carries});
    auto const S = create_sum_bits(c, T, K, carries.bits);
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
  auto out = Y;
  out.resize(product_width(n, m), const_false);
  c.add_output_bus("product", out);

  // The composition argument. Stage indices: 0 residues, 1 log_tables, 2 log_sums,
  // 3 exp_tables, then the column sum's, then reduce_compare and reduce_subtract (absent when
  // t_max = 0).
  bool const reduced_stages = t_max > 0;
  auto const compare_stage = crt_stages.back() + 1;
  composition_step sum_step{"crt_sum", crt_stages, {}, {}, {}, {}};
  sum_step.goal.description = "T = sum_(q,v) ((c_q v) mod M) P_q[v]";
  sum_step.goal.equals("T", T, crt_value);
  k.composition.push_back(std::move(sum_step));

  composition_step one_hot_step{"products_one_hot", {1, 2, 3}, {}, {}, {}, {}};
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
  std::vector<size_t> range_steps{0, 1};
  auto reduced = linear_expr::value_of(T);
  for (unsigned t = 1; t <= t_max; ++t) reduced.add_term(-M, g[t]);
  if (reduced_stages) {
    composition_step bound{"T_at_most_max", {}, {0, 1}, {}, {}, {}};
    bound.goal.description = "T <= max_T (one term per prime)";
    bound.goal.require("T <= max_T",
                       linear_expr{}.add_constant(max_T).add(linear_expr::value_of(T), -1));
    k.composition.push_back(std::move(bound));
    composition_step reduction{"reduction",
                               {compare_stage, compare_stage + 1, compare_stage + 3},
                               {k.composition.size() - 1},
                               {},
                               {},
                               {}};
    reduction.goal.description = "Y = T - M (g_1 + ... + g_tmax)";
    reduction.goal.equals("Y", Y, reduced);
    range_steps.push_back(k.composition.size());
    k.composition.push_back(std::move(reduction));
  }
  std::vector<size_t> range_stages;
  if (reduced_stages) range_stages = {compare_stage};
  composition_step range_step{"Y_below_M", range_stages, range_steps, {}, {}, {}};
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
    composition_step congruence{"Y_mod_" + qname(a), {}, range_steps, {}, {}, {}};
    congruence.goal.description = "sum_v v P_q[v] = Y - q W, so Y = sum_v v P_q[v] mod q";
    linear_expr residue;
    for (unsigned v = 1; v < primes[a].q; ++v) residue.add_term(v, P[a].bits[v]);
    congruence.goal.relate("P" + qname(a) + " = Y mod " + qname(a), P[a].bits, residue,
                           linear_expr::value_of(Y).add(W, -q), std::nullopt);
    k.composition.push_back(std::move(congruence));
  }

  composition_step dlog{"discrete_logs", {}, {}, {}, {}, {}};
  dlog.theorem =
      "for each prime q with primitive root g: if no residue is 0, prod_i r_i = g^(sum_i log r_i "
      "mod (q - 1)) mod q (Fermat's little theorem), else it is 0; with the residues, log_sums "
      "and exp_tables stage specifications, P_q is one-hot at prod_i x_i mod q";
  dlog.check = [plan]() -> std::optional<certified_failure> {
    for (auto const& pr : plan.primes)
      if (auto f = check_discrete_logs(pr)) return certified_failure{*f, std::nullopt};
    return std::nullopt;
  };
  k.composition.push_back(std::move(dlog));

  composition_step crt{"chinese_remainder", {}, {}, {}, {}, {}};
  crt.theorem =
      "Y and the product both lie in [0, M) and agree modulo every prime q (steps Y_mod_q and "
      "discrete_logs), so they are equal by the Chinese remainder theorem";
  auto const input_count = static_cast<size_t>(n) * m;
  crt.check = [plan, input_count]() -> std::optional<certified_failure> {
    auto f = check_primes(plan);
    if (!f) f = check_crt_coefficients(plan);
    if (!f) return std::nullopt;
    // every factor 2^m - 1 gives the largest product, which is the first one M cannot hold
    return certified_failure{*f, std::vector<bool>(input_count, true)};
  };
  k.composition.push_back(std::move(crt));
  return k;
}

lemma integer_iterated_multiplication_lemma() {
  lemma l;
  l.name = "int.iterated_mul";
  l.title = "iterated multiplication of n m-bit unsigned integers (Chinese remainders)";
  l.paper_ref =
      "integer core of d_⊗ (float iterated multiplication) and of powers in exp, sin, cos";
  l.claim = "product = x0 * ... * x(n-1) exactly, in constant depth and polynomial size";
  l.parameter_names = {"n", "m"};
  l.validate = [](parameters const& p) {
    require_range(p, "n", 1, 64);
    require_range(p, "m", 1, 64);
  };
  l.interface = [](parameters const& p) {
    auto const n = param(p, "n"), m = param(p, "m");
    std::vector<bus_decl> d;
    for (unsigned i = 0; i < n; ++i) d.push_back({factor(i), m, true});
    d.push_back({"product", product_width(n, m), false});
    return d;
  };
  l.build = [](parameters const& p) { return build_iterated_multiplication(p, {}); };
  l.specification = spec_iterated_multiplication;
  l.depth_bound = 24;
  // Polynomial, but not small: with ~n m / ln(n m) primes of size O(n m), the CRT sum has
  // O((n m)^2) rows of O(n m) bits, and its column counts (H threshold gates of fan-in H per
  // column of height H) reach MAJ-normalised size O((n m)^5); the log sums cost O(n^2 q^2) per
  // prime, O(n^5 m^3) in all. Gate counts grow about quadratically at the sizes measured.
  l.degree_bound = 6;
  l.monolithic_max_input_bits = 12;
  l.default_sweeps.resize(2);
  for (unsigned n : {2u, 4u, 6u, 8u}) l.default_sweeps[0].push_back({{"n", n}, {"m", 4}});
  for (unsigned m : {2u, 4u, 6u, 8u}) l.default_sweeps[1].push_back({{"n", 4}, {"m", m}});
  return l;
}

}  // namespace tc0
