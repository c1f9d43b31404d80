#include "proofs/blocks/division.hpp"

#include <stdexcept>

#include "proofs/blocks/column_sum.hpp"
#include "proofs/blocks/crt_plan.hpp"
#include "proofs/blocks/crt_reconstruction.hpp"
#include "proofs/blocks/log_product.hpp"
#include "proofs/blocks/residue.hpp"

namespace tc0 {
namespace {

struct series {
  unsigned m, N, L;
  explicit series(unsigned m_) : m(m_), N(2 * m_ - 1), L(m_ * 2 * m_) {}
  // V(x) mod q by Horner's rule
  unsigned value_mod(uint64_t x, unsigned q) const {
    uint64_t const step = static_cast<uint64_t>(pow2(m) % q);
    // coefficients 2^(m (N - i)) for x^i: Horner from the top power x^N (coefficient 1)
    uint64_t v = 0;
    for (unsigned i = N + 1; i-- > 0;) {
      uint64_t coefficient = 1;
      for (unsigned e = 0; e < N - i; ++e) coefficient = coefficient * step % q;
      v = (v * (x % q) + coefficient) % q;
    }
    return static_cast<unsigned>(v);
  }
};

// 2^(m-1-j) V((2^m - r) mod q) mod q: the residue of 2^s V(X) when the leading one of B is at j
// and B' = r mod q.
unsigned divisor_factor(series const& S, unsigned q, unsigned j, unsigned r) {
  uint64_t const x = static_cast<uint64_t>((pow2(S.m) + q - r % q) % q);
  uint64_t const shift = static_cast<uint64_t>(pow2(S.m - 1 - j) % q);
  return static_cast<unsigned>(shift * S.value_mod(x, q) % q);
}

}  // namespace

// Q B <= A < (Q + 1) B: the quotient's defining relation (the lemma's spec and the conclusion of
// the series step).
void add_quotient_relation(linear_spec& s, linear_expr const& A, linear_expr const& B,
                           linear_expr const& Q) {
  linear_expr below = A;
  below.add_product(-1, {Q, B});
  s.constrain("Q B <= A", std::move(below));
  linear_expr above = linear_expr{B}.add(A, -1).add_constant(-1);
  above.add_product(1, {Q, B});
  s.constrain("A < (Q + 1) B", std::move(above));
}

// A - Q B, the remainder's value.
linear_expr remainder_value(linear_expr const& A, linear_expr const& B, linear_expr const& Q) {
  linear_expr r = A;
  r.add_product(-1, {Q, B});
  return r;
}

division_result create_division(construction& k, bus const& a, bus const& b,
                                std::optional<size_t> divisor_positive_step,
                                division_faults faults) {
  auto const m = static_cast<unsigned>(b.bits.size());
  if (m == 0 || a.bits.size() != 2 * m)
    throw std::invalid_argument("create_division: a needs twice the width of b");
  series S{m};
  if (faults.short_series) S.N -= 1, S.L = m * (S.N + 1);
  auto const plan = plan_crt_for_bound(pow2(S.L + 2 * m) - 1);
  auto const& primes = plan.primes;
  auto& c = k.c;
  auto const qname = [&](size_t i) { return std::to_string(primes[i].q); };

  // 1. normalise
  c.begin_stage("normalise", {b});
  linear_spec normal_spec;
  normal_spec.description = "lead_j = [b_j and no higher bit], B' = sum_j lead_j 2^(m-1-j) B";
  bus lead{"lead", {}};
  for (unsigned j = 0; j < m; ++j) {
    std::vector<signal> lits{b.bits[j]};
    std::vector<big_int> weights{1};
    linear_expr rhs = linear_expr::of(b.bits[j]).add_constant(-1);
    for (unsigned i = j + 1; i < m; ++i)
      lits.push_back(b.bits[i]), weights.push_back(-1), rhs.add_term(-1, b.bits[i]);
    lead.bits.push_back(c.create_threshold(std::move(lits), std::move(weights), 1));
    normal_spec.is_nonnegative("lead" + std::to_string(j), lead.bits[j], std::move(rhs));
  }
  bus normal{"B'", {}};
  linear_expr shifted;
  for (unsigned i = 0; i < m; ++i) {
    std::vector<signal> terms;
    for (unsigned j = 0; j < m; ++j)
      if (i + j + 1 >= m) terms.push_back(c.create_and({lead.bits[j], b.bits[i + j + 1 - m]}));
    normal.bits.push_back(c.create_or(std::move(terms)));
  }
  for (unsigned j = 0; j < m; ++j)
    shifted.add_product(pow2(m - 1 - j),
                        {linear_expr::of(lead.bits[j]), linear_expr::value_of(b.bits)});
  normal_spec.equals("B'", normal.bits, std::move(shifted));
  c.end_stage({lead, normal});
  auto const normal_stage = k.add_stage_spec(std::move(normal_spec));

  // 2. residues
  c.begin_stage("residues", {a, normal});
  linear_spec residue_spec;
  residue_spec.description = "rA_q one-hot at A mod q, rB_q one-hot at B' mod q";
  std::vector<bus> rA, rB;
  for (size_t i = 0; i < primes.size(); ++i) {
    auto const q = primes[i].q;
    rA.push_back(bus{"rA" + qname(i), create_binary_residue(c, residue_spec, a.bits, q, "A")});
    rB.push_back(
        bus{"rB" + qname(i), create_binary_residue(c, residue_spec, normal.bits, q, "B'")});
  }
  std::vector<bus> residues = rA;
  residues.insert(residues.end(), rB.begin(), rB.end());
  c.end_stage(residues);
  auto const residue_stage = k.add_stage_spec(std::move(residue_spec));

  // The pairs' precondition (at most one lead_j, at most one bit of every rB_q) from two small
  // steps on the stages that produce them.
  composition_step leads{.name = "lead_at_most_one", .stages = {normal_stage}};
  leads.goal.description = "at most one lead_j is set";
  leads.goal.require_at_most_one("lead", lead.bits);
  composition_step residue_bits{.name = "residues_at_most_one", .stages = {residue_stage}};
  residue_bits.goal.description = "every residue of A and of B' has at most one bit set";
  for (size_t i = 0; i < primes.size(); ++i) {
    residue_bits.goal.require_at_most_one("rA" + qname(i), rA[i].bits);
    residue_bits.goal.require_at_most_one("rB" + qname(i), rB[i].bits);
  }
  auto const lead_step = k.add_step(std::move(leads));
  auto const residue_step = k.add_step(std::move(residue_bits));
  k.precondition_hypotheses["pairs"] = {{}, {lead_step, residue_step}};

  // 3. pairs
  std::vector<bus> pair_inputs = rB;
  pair_inputs.push_back(lead);
  c.begin_stage("pairs", pair_inputs);
  linear_spec pair_spec;
  pair_spec.description = "pair_(j,r) = lead_j AND rB_q[r]; at most one per q";
  pair_spec.require_at_most_one("lead", lead.bits);
  for (size_t i = 0; i < primes.size(); ++i)
    pair_spec.require_at_most_one("rB" + qname(i), rB[i].bits);
  std::vector<bus> pairs;  // pairs[i].bits[j q + r]
  for (size_t i = 0; i < primes.size(); ++i) {
    auto const q = primes[i].q;
    bus out{"pairs" + qname(i), {}};
    for (unsigned j = 0; j < m; ++j)
      for (unsigned r = 0; r < q; ++r) {
        out.bits.push_back(c.create_and({lead.bits[j], rB[i].bits[r]}));
        pair_spec.is_nonnegative(
            "pair" + qname(i) + "_" + std::to_string(j) + "_" + std::to_string(r), out.bits.back(),
            linear_expr::of(lead.bits[j]).add(linear_expr::of(rB[i].bits[r])).add_constant(-2));
      }
    linear_expr room = linear_expr{}.add_constant(1);
    for (auto x : out.bits) room.add_term(-1, x);
    pair_spec.constrain("pairs" + qname(i) + " has at most one bit set", std::move(room));
    pairs.push_back(std::move(out));
  }
  c.end_stage(pairs);
  k.stage_specs.push_back(std::move(pair_spec));

  // 4. tables
  std::vector<bus> table_inputs = rA;
  table_inputs.insert(table_inputs.end(), pairs.begin(), pairs.end());
  c.begin_stage("tables", table_inputs);
  linear_spec table_spec;
  table_spec.description =
      "lA_q = log((A + 1) mod q), lD_q = log(2^s V(X) mod q), z_q = [either is 0 mod q]";
  std::vector<std::vector<bus>> logs(primes.size());
  std::vector<signal> zero(primes.size());
  std::vector<std::vector<unsigned>> wired;  // wired[i][j q + r]: the divisor-side table
  std::vector<bus> table_outputs;
  for (size_t i = 0; i < primes.size(); ++i) {
    auto const& pr = primes[i];
    auto const q = pr.q;
    table_spec.require_at_most_one("rA" + qname(i), rA[i].bits);
    table_spec.require_at_most_one("pairs" + qname(i), pairs[i].bits);
    unsigned const width = width_for(q > 2 ? q - 2 : 0);
    // (literal, residue of its factor) for both factors
    std::vector<std::pair<signal, unsigned>> a_side, d_side;
    for (unsigned u = 0; u < q; ++u) a_side.emplace_back(rA[i].bits[u], (u + 1) % q);
    wired.emplace_back();
    for (unsigned j = 0; j < m; ++j)
      for (unsigned r = 0; r < q; ++r)
        d_side.emplace_back(pairs[i].bits[j * q + r], divisor_factor(S, q, j, r)),
            wired.back().push_back(d_side.back().second);
    std::vector<signal> zeros;
    for (auto const* side : {&a_side, &d_side}) {
      std::vector<std::pair<signal, unsigned>> entries;
      for (auto [lit, v] : *side)
        if (v != 0)
          entries.emplace_back(lit, pr.log[v]);
        else
          zeros.push_back(lit);
      auto const bits = create_log_lookup(c, entries, width);
      auto const name = std::string(side == &a_side ? "lA" : "lD") + qname(i);
      logs[i].push_back(bus{name, bits});
      table_outputs.push_back(logs[i].back());
    }
    zero[i] = c.create_or(std::move(zeros));
    table_outputs.push_back(bus{"z" + qname(i), {zero[i]}});
    // The specification, from what each literal means rather than from the lists the circuit
    // was wired from: rA_q[u] stands for A + 1 = u + 1 mod q; pairs_q[j q + r] for the
    // divisor-side residue the certified step product_residues recomputes (`wired`).
    linear_expr lA, lD, zero_count = linear_expr{}.add_constant(-1);
    auto enter = [&](linear_expr& log_value, signal lit, unsigned v) {
      if (v == 0)
        zero_count.add_term(1, lit);
      else
        log_value.add_term(pr.log[v], lit);
    };
    for (unsigned u = 0; u < q; ++u) enter(lA, rA[i].bits[u], (u + 1) % q);
    for (unsigned x = 0; x < m * q; ++x) enter(lD, pairs[i].bits[x], wired[i][x]);
    table_spec.equals("lA" + qname(i), logs[i][0].bits, std::move(lA));
    table_spec.equals("lD" + qname(i), logs[i][1].bits, std::move(lD));
    table_spec.is_nonnegative("z" + qname(i), zero[i], std::move(zero_count));
  }
  c.end_stage(table_outputs);
  auto const table_stage = k.add_stage_spec(std::move(table_spec));
  // The tables' precondition: every rA_q (from the residues) and every pairs_q (a clause of the
  // pairs stage, proved there by enumeration) has at most one bit set. From all earlier stages,
  // with the residues' congruences, it timed out at m = 6; with the pairs' AND clauses instead of
  // their at-most-one clause, linear arithmetic took 160 s at m = 9.
  k.precondition_hypotheses["tables"] = {{table_stage - 1}, {lead_step, residue_step}};

  // 5-6. W mod q by discrete logs
  auto const P = create_log_product(k, plan, logs, zero);

  composition_step residues_step{.name = "product_residues"};
  residues_step.theorem =
      "x = v mod q implies f(x) = f(v) mod q for every integer polynomial f, so A + 1, 2^s and "
      "V(X) mod q are the tabulated values; with the discrete logs checked, Fermat's little "
      "theorem makes P_q one-hot at (A + 1) 2^s V(X) mod q = W mod q";
  residues_step.check = [plan, m, wired]() -> std::optional<certified_failure> {
    series const S2{m};
    for (size_t i = 0; i < plan.primes.size(); ++i) {
      auto const& pr = plan.primes[i];
      if (auto f = check_discrete_logs(pr)) return certified_failure{*f, std::nullopt};
      // every divisor-side entry the circuit was wired with, against exact integers (the
      // builder used Horner's rule mod q)
      for (unsigned j = 0; j < m; ++j)
        for (unsigned r = 0; r < pr.q; ++r) {
          big_int const x = (pow2(m) + pr.q - r) % pr.q;
          big_int v = 0;
          for (unsigned e = 0; e <= S2.N; ++e)
            v += boost::multiprecision::pow(x, e) * pow2(m * (S2.N - e));
          auto const expected = static_cast<unsigned>(big_int(pow2(m - 1 - j) * v % pr.q));
          if (wired.at(i).at(j * pr.q + r) != expected)
            return certified_failure{"divisor table mod " + std::to_string(pr.q) + " wrong at j=" +
                                         std::to_string(j) + ", r=" + std::to_string(r),
                                     std::nullopt};
        }
    }
    return std::nullopt;
  };
  k.composition.push_back(std::move(residues_step));

  // 7-14. back to binary: W, of which the quotient is bits L .. L + 2m - 1
  // W = (A + 1) 2^s V(X) < 2^(L + 2m) (file comment of division.hpp), from m alone
  auto const W = create_crt_reconstruction(
      k, plan, P, {table_stage, table_stage + 1, table_stage + 2}, "product_residues",
      3 * static_cast<size_t>(m), {.largest = pow2(S.L + 2 * m) - 1});
  auto const low = S.L + (faults.quotient_one_bit_high ? 1 : 0);
  if (W.size() < low + 2 * m) throw std::logic_error("int.div: W is narrower than 2^(L + 2m)");
  std::vector<signal> quotient(W.begin() + low, W.begin() + low + 2 * m);
  auto const A = linear_expr::value_of(a.bits), B = linear_expr::value_of(b.bits),
             Q = linear_expr::value_of(quotient);

  // 16. the remainder R = A - Q B < B < 2^m from m low bits: R = (A + sum_(i+j<m) q_i b_j
  //     (2^m - 2^(i+j))) mod 2^m, the product bit q_i b_j entered in columns i+j .. m-1
  //     (2^m - 2^t = 2^t + ... + 2^(m-1)), summed by the column-sum stages.
  bus const q_bus{"quotient", quotient};
  c.begin_stage("remainder_products", {q_bus, b});
  linear_spec rp_spec;
  rp_spec.description = "p_ij = q_i b_j for i + j < m";
  std::vector<std::vector<signal>> columns(m);
  bus rp{"rp", {}};
  for (unsigned i = 0; i < m; ++i)
    for (unsigned j = 0; i + j < m; ++j) {
      auto const g = c.create_and({quotient[i], b.bits[j]});
      linear_expr rhs;
      rhs.add_product(1, {linear_expr::of(quotient[i]), linear_expr::of(b.bits[j])});
      rp_spec.equals("p" + std::to_string(i) + "_" + std::to_string(j), {g}, std::move(rhs));
      for (unsigned t = i + j; t < m; ++t) columns[t].push_back(g);
      rp.bits.push_back(g);
    }
  c.end_stage({rp});
  auto const first_remainder_stage = k.add_stage_spec(std::move(rp_spec));
  for (unsigned t = 0; t < m; ++t)
    if (a.bits[t] != const_false) columns[t].push_back(a.bits[t]);  // A's constant zeros (floats)
  auto const sum = create_column_sum(k, "remainder_", {a, rp}, columns);
  size_t const counts_bounded = k.composition.size() - 1;  // the column sum's own step
  std::vector<signal> remainder(sum.begin(), sum.begin() + m);

  composition_step series_step{.name = "series"};
  if (divisor_positive_step) series_step.steps.push_back(*divisor_positive_step);
  series_step.theorem =
      "W = (A + 1) 2^s V(X) (steps product_residues and chinese_remainder) and the error bound "
      "of the truncated series (file comment of proofs/blocks/division.hpp) give "
      "floor(W / 2^L) = floor(A / B)";
  auto const modulus = plan.modulus;
  series_step.check = [m, modulus, W, quotient]() -> std::optional<certified_failure> {
    series const S2{m};
    // the conclusion speaks of the quotient's signals: they must be W's bits L .. L + 2m - 1
    for (unsigned i = 0; i < 2 * m; ++i)
      if (S2.L + i >= W.size() || quotient.at(i) != W[S2.L + i])
        return certified_failure{"quotient bit " + std::to_string(i) + " is not bit " +
                                     std::to_string(S2.L + i) + " of W",
                                 std::nullopt};
    if (S2.N + 1 < 2 * m) return certified_failure{"too few series terms", std::nullopt};
    // V(x) (2^m - x) = 2^L - x^(N+1), coefficient by coefficient
    std::vector<big_int> V(S2.N + 1), product(S2.N + 2, 0);
    for (unsigned i = 0; i <= S2.N; ++i) V[i] = pow2(m * (S2.N - i));
    for (unsigned i = 0; i <= S2.N; ++i) product[i] += pow2(m) * V[i], product[i + 1] -= V[i];
    for (unsigned i = 0; i <= S2.N + 1; ++i) {
      big_int const expected = i == 0 ? pow2(S2.L) : i == S2.N + 1 ? big_int(-1) : big_int(0);
      if (product[i] != expected)
        return certified_failure{"the telescoping identity fails at x^" + std::to_string(i),
                                 std::nullopt};
    }
    if (modulus < pow2(S2.L + 2 * m))
      return certified_failure{"M does not exceed 2^(L + 2m)", std::nullopt};
    return std::nullopt;
  };
  add_quotient_relation(series_step.goal, A, B, Q);
  series_step.goal.description = "Q B <= A < (Q + 1) B";
  auto const series_index = k.add_step(std::move(series_step));

  // R = A - Q B mod 2^m, in two steps: the column sum's stages give the sum's exact value (linear:
  // the product bits are gates there); then, with p_ij = q_i b_j, the congruence.
  composition_step columns_step{.name = "remainder_columns"};
  for (size_t st = first_remainder_stage + 1; st < k.stage_specs.size(); ++st)
    columns_step.stages.push_back(st);
  columns_step.steps.push_back(counts_bounded);
  columns_step.goal.description = "sum = sum_t 2^t (bits of column t)";
  linear_expr column_value;
  for (unsigned t = 0; t < m; ++t)
    for (auto const& g : columns[t]) column_value.add_term(pow2(t), g);
  columns_step.goal.equals("sum", sum, std::move(column_value));
  auto const columns_index = k.add_step(std::move(columns_step));
  composition_step modular{
      .name = "remainder_mod_2^m", .stages = {first_remainder_stage}, .steps = {columns_index}};
  modular.goal.description = "R = A - Q B mod 2^m";
  modular.goal.equals("R mod 2^m", remainder, remainder_value(A, B, Q), true);
  auto const modular_index = k.add_step(std::move(modular));
  composition_step exact{.name = "remainder", .steps = {modular_index, series_index}};
  exact.goal.description = "R = A - Q B";
  exact.goal.equals("remainder", remainder, remainder_value(A, B, Q));
  exact.products_as_atoms = true;  // Q B is one unknown here: 0 <= A - P < B, R = A - P mod 2^m
  return {quotient, remainder, series_index, k.add_step(std::move(exact))};
}

}  // namespace tc0
