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

namespace {

std::string qname(crt_plan const& plan, size_t i) {
  return std::to_string(plan.primes[i].q);
}

// 1. normalise: lead_j = [b_j and no higher bit] and B' = 2^s B.
struct normalised {
  bus lead, normal;
  size_t stage = 0;
};

normalised create_normalise_stage(construction& k, std::string const& prefix, bus const& b) {
  auto& c = k.c;
  auto const m = static_cast<unsigned>(b.bits.size());
  c.begin_stage(prefix + "normalise", {b});
  linear_spec spec;
  spec.description = "lead_j = [b_j and no higher bit], B' = sum_j lead_j 2^(m-1-j) B";
  normalised out{{prefix + "lead", {}}, {prefix + "B'", {}}};
  auto& lead = out.lead.bits;
  for (unsigned j = 0; j < m; ++j) {
    std::vector<signal> lits{b.bits[j]};
    std::vector<big_int> weights{1};
    linear_expr rhs = linear_expr::of(b.bits[j]).add_constant(-1);
    for (unsigned i = j + 1; i < m; ++i)
      lits.push_back(b.bits[i]), weights.push_back(-1), rhs.add_term(-1, b.bits[i]);
    lead.push_back(c.create_threshold(std::move(lits), std::move(weights), 1));
    spec.is_nonnegative("lead" + std::to_string(j), lead[j], std::move(rhs));
  }
  linear_expr shifted;
  for (unsigned i = 0; i < m; ++i) {
    std::vector<signal> terms;
    for (unsigned j = 0; j < m; ++j)
      if (i + j + 1 >= m) terms.push_back(c.create_and({lead[j], b.bits[i + j + 1 - m]}));
    out.normal.bits.push_back(c.create_or(std::move(terms)));
  }
  for (unsigned j = 0; j < m; ++j)
    shifted.add_product(pow2(m - 1 - j), {linear_expr::of(lead[j]), linear_expr::value_of(b.bits)});
  spec.equals("B'", out.normal.bits, std::move(shifted));
  c.end_stage({out.lead, out.normal});
  out.stage = k.add_stage_spec(std::move(spec));
  return out;
}

// 2. residues: one-hot A mod q and B' mod q.
struct residues {
  std::vector<bus> rA, rB;
  size_t stage = 0;
};

residues create_residue_stage(construction& k, std::string const& prefix, crt_plan const& plan,
                              bus const& a, bus const& normal) {
  auto& c = k.c;
  c.begin_stage(prefix + "residues", {a, normal});
  linear_spec spec;
  spec.description = "rA_q one-hot at A mod q, rB_q one-hot at B' mod q";
  residues out;
  for (size_t i = 0; i < plan.primes.size(); ++i) {
    auto const q = plan.primes[i].q;
    out.rA.push_back(
        bus{prefix + "rA" + qname(plan, i), create_binary_residue(c, spec, a.bits, q, "A")});
    out.rB.push_back(
        bus{prefix + "rB" + qname(plan, i), create_binary_residue(c, spec, normal.bits, q, "B'")});
  }
  std::vector<bus> all = out.rA;
  all.insert(all.end(), out.rB.begin(), out.rB.end());
  c.end_stage(all);
  out.stage = k.add_stage_spec(std::move(spec));
  return out;
}

// The pairs' and tables' precondition (at most one lead_j, at most one bit of every residue)
// from two small steps on the stages that produce them; returns the two steps.
std::vector<size_t> add_at_most_one_steps(construction& k, std::string const& prefix,
                                          crt_plan const& plan, normalised const& n,
                                          residues const& r) {
  composition_step leads{.name = prefix + "lead_at_most_one", .stages = {n.stage}};
  leads.goal.description = "at most one lead_j is set";
  leads.goal.require_at_most_one("lead", n.lead.bits);
  composition_step residue_bits{.name = prefix + "residues_at_most_one", .stages = {r.stage}};
  residue_bits.goal.description = "every residue of A and of B' has at most one bit set";
  for (size_t i = 0; i < plan.primes.size(); ++i) {
    residue_bits.goal.require_at_most_one("rA" + qname(plan, i), r.rA[i].bits);
    residue_bits.goal.require_at_most_one("rB" + qname(plan, i), r.rB[i].bits);
  }
  return {k.add_step(std::move(leads)), k.add_step(std::move(residue_bits))};
}

// 3. pairs: lead_j AND [B' = r mod q], pairs[i].bits[j q + r].
struct pair_stage {
  std::vector<bus> pairs;
  size_t stage = 0;
};

pair_stage create_pairs_stage(construction& k, std::string const& prefix, crt_plan const& plan,
                              normalised const& n, residues const& r) {
  auto& c = k.c;
  auto const m = static_cast<unsigned>(n.lead.bits.size());
  std::vector<bus> inputs = r.rB;
  inputs.push_back(n.lead);
  c.begin_stage(prefix + "pairs", inputs);
  linear_spec spec;
  spec.description = "pair_(j,r) = lead_j AND rB_q[r]; at most one per q";
  spec.require_at_most_one("lead", n.lead.bits);
  for (size_t i = 0; i < plan.primes.size(); ++i)
    spec.require_at_most_one("rB" + qname(plan, i), r.rB[i].bits);
  std::vector<bus> pairs;
  for (size_t i = 0; i < plan.primes.size(); ++i) {
    auto const q = plan.primes[i].q;
    bus out{prefix + "pairs" + qname(plan, i), {}};
    for (unsigned j = 0; j < m; ++j)
      for (unsigned v = 0; v < q; ++v) {
        out.bits.push_back(c.create_and({n.lead.bits[j], r.rB[i].bits[v]}));
        spec.is_nonnegative(
            "pair" + qname(plan, i) + "_" + std::to_string(j) + "_" + std::to_string(v),
            out.bits.back(),
            linear_expr::of(n.lead.bits[j]).add(linear_expr::of(r.rB[i].bits[v])).add_constant(-2));
      }
    linear_expr room = linear_expr{}.add_constant(1);
    for (auto x : out.bits) room.add_term(-1, x);
    spec.constrain("pairs" + qname(plan, i) + " has at most one bit set", std::move(room));
    pairs.push_back(std::move(out));
  }
  c.end_stage(pairs);
  return {pairs, k.add_stage_spec(std::move(spec))};
}

// 4. tables: the logs of (A + 1) mod q and of 2^s V(X) mod q, and the zero flags.
struct log_tables {
  std::vector<std::vector<bus>> logs;        // logs[i] = {lA_q, lD_q}
  std::vector<signal> zero;                  // z_q
  std::vector<std::vector<unsigned>> wired;  // wired[i][j q + r]: the divisor-side table
  size_t stage = 0;
};

log_tables create_tables_stage(construction& k, std::string const& prefix, crt_plan const& plan,
                               series const& S, residues const& r, pair_stage const& p) {
  auto& c = k.c;
  auto const m = S.m;
  auto const& primes = plan.primes;
  auto const& pairs = p.pairs;
  std::vector<bus> inputs = r.rA;
  inputs.insert(inputs.end(), pairs.begin(), pairs.end());
  c.begin_stage(prefix + "tables", inputs);
  linear_spec spec;
  spec.description =
      "lA_q = log((A + 1) mod q), lD_q = log(2^s V(X) mod q), z_q = [either is 0 mod q]";
  log_tables out;
  out.logs.resize(primes.size());
  out.zero.resize(primes.size());
  std::vector<bus> outputs;
  for (size_t i = 0; i < primes.size(); ++i) {
    auto const& pr = primes[i];
    auto const q = pr.q;
    spec.require_at_most_one("rA" + qname(plan, i), r.rA[i].bits);
    spec.require_at_most_one("pairs" + qname(plan, i), pairs[i].bits);
    unsigned const width = width_for(q > 2 ? q - 2 : 0);
    // (literal, residue of its factor) for both factors
    std::vector<std::pair<signal, unsigned>> a_side, d_side;
    for (unsigned u = 0; u < q; ++u) a_side.emplace_back(r.rA[i].bits[u], (u + 1) % q);
    out.wired.emplace_back();
    for (unsigned j = 0; j < m; ++j)
      for (unsigned v = 0; v < q; ++v)
        d_side.emplace_back(pairs[i].bits[j * q + v], divisor_factor(S, q, j, v)),
            out.wired.back().push_back(d_side.back().second);
    std::vector<signal> zeros;
    for (auto const* side : {&a_side, &d_side}) {
      std::vector<std::pair<signal, unsigned>> entries;
      for (auto [lit, v] : *side)
        if (v != 0)
          entries.emplace_back(lit, pr.log[v]);
        else
          zeros.push_back(lit);
      auto const bits = create_log_lookup(c, entries, width);
      auto const name = prefix + (side == &a_side ? "lA" : "lD") + qname(plan, i);
      out.logs[i].push_back(bus{name, bits});
      outputs.push_back(out.logs[i].back());
    }
    out.zero[i] = c.create_or(std::move(zeros));
    outputs.push_back(bus{prefix + "z" + qname(plan, i), {out.zero[i]}});
    // The specification, from what each literal means rather than from the lists the circuit
    // was wired from: rA_q[u] stands for A + 1 = u + 1 mod q; pairs_q[j q + v] for the
    // divisor-side residue the certified step product_residues recomputes (`wired`).
    linear_expr lA, lD, zero_count = linear_expr{}.add_constant(-1);
    auto enter = [&](linear_expr& log_value, signal lit, unsigned v) {
      if (v == 0)
        zero_count.add_term(1, lit);
      else
        log_value.add_term(pr.log[v], lit);
    };
    for (unsigned u = 0; u < q; ++u) enter(lA, r.rA[i].bits[u], (u + 1) % q);
    for (unsigned x = 0; x < m * q; ++x) enter(lD, pairs[i].bits[x], out.wired[i][x]);
    spec.equals("lA" + qname(plan, i), out.logs[i][0].bits, std::move(lA));
    spec.equals("lD" + qname(plan, i), out.logs[i][1].bits, std::move(lD));
    spec.is_nonnegative("z" + qname(plan, i), out.zero[i], std::move(zero_count));
  }
  c.end_stage(outputs);
  out.stage = k.add_stage_spec(std::move(spec));
  return out;
}

// The certified step product_residues: every divisor-side entry the circuit was wired with,
// against exact integers (the builder used Horner's rule mod q), and the discrete logs.
size_t add_product_residues_step(construction& k, std::string const& prefix, crt_plan const& plan,
                                 unsigned m, std::vector<std::vector<unsigned>> const& wired) {
  composition_step step{.name = prefix + "product_residues"};
  step.theorem =
      "x = v mod q implies f(x) = f(v) mod q for every integer polynomial f, so A + 1, 2^s and "
      "V(X) mod q are the tabulated values; with the discrete logs checked, Fermat's little "
      "theorem makes P_q one-hot at (A + 1) 2^s V(X) mod q = W mod q";
  step.check = [plan, m, wired]() -> std::optional<certified_failure> {
    series const S2{m};
    for (size_t i = 0; i < plan.primes.size(); ++i) {
      auto const& pr = plan.primes[i];
      if (auto f = check_discrete_logs(pr)) return certified_failure{*f, std::nullopt};
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
  return k.add_step(std::move(step));
}

// The certified step series: its conclusion is the quotient relation Q B <= A < (Q + 1) B.
size_t add_series_step(construction& k, std::string const& prefix, crt_plan const& plan, unsigned m,
                       std::vector<signal> const& W, std::vector<signal> const& quotient,
                       linear_expr const& A, linear_expr const& B,
                       std::optional<size_t> divisor_positive_step) {
  composition_step step{.name = prefix + "series"};
  if (divisor_positive_step) step.steps.push_back(*divisor_positive_step);
  step.theorem =
      "W = (A + 1) 2^s V(X) (steps product_residues and chinese_remainder) and the error bound "
      "of the truncated series (file comment of proofs/blocks/division.hpp) give "
      "floor(W / 2^L) = floor(A / B)";
  auto const modulus = plan.modulus;
  step.check = [m, modulus, W, quotient]() -> std::optional<certified_failure> {
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
  add_quotient_relation(step.goal, A, B, linear_expr::value_of(quotient));
  step.goal.description = "Q B <= A < (Q + 1) B";
  return k.add_step(std::move(step));
}

// 16. the remainder R = A - Q B < B < 2^m from m low bits: R = (A + sum_(i+j<m) q_i b_j
//     (2^m - 2^(i+j))) mod 2^m, the product bit q_i b_j entered in columns i+j .. m-1
//     (2^m - 2^t = 2^t + ... + 2^(m-1)), summed by the column-sum stages. Then the steps
//     remainder_columns, remainder_mod_2^m and remainder (R = A - Q B, with the series step).
block_output create_remainder(construction& k, std::string const& prefix, bus const& a,
                              bus const& b, std::vector<signal> const& quotient,
                              size_t series_step) {
  auto& c = k.c;
  auto const m = static_cast<unsigned>(b.bits.size());
  bus const q_bus{prefix + "quotient", quotient};
  c.begin_stage(prefix + "remainder_products", {q_bus, b});
  linear_spec rp_spec;
  rp_spec.description = "p_ij = q_i b_j for i + j < m";
  std::vector<std::vector<signal>> columns(m);
  bus rp{prefix + "rp", {}};
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
  auto const products_stage = k.add_stage_spec(std::move(rp_spec));
  for (unsigned t = 0; t < m; ++t)
    if (a.bits[t] != const_false) columns[t].push_back(a.bits[t]);  // A's constant zeros (floats)
  auto const sum = create_column_sum(k, prefix + "remainder_", {a, rp}, columns);
  size_t const counts_bounded = k.composition.size() - 1;  // the column sum's own step
  std::vector<signal> remainder(sum.begin(), sum.begin() + m);
  auto const A = linear_expr::value_of(a.bits), B = linear_expr::value_of(b.bits),
             Q = linear_expr::value_of(quotient);

  // R = A - Q B mod 2^m, in two steps: the column sum's stages give the sum's exact value (linear:
  // the product bits are gates there); then, with p_ij = q_i b_j, the congruence.
  composition_step columns_step{.name = prefix + "remainder_columns"};
  for (size_t st = products_stage + 1; st < k.stage_specs.size(); ++st)
    columns_step.stages.push_back(st);
  columns_step.steps.push_back(counts_bounded);
  columns_step.goal.description = "sum = sum_t 2^t (bits of column t)";
  linear_expr column_value;
  for (unsigned t = 0; t < m; ++t)
    for (auto const& g : columns[t]) column_value.add_term(pow2(t), g);
  columns_step.goal.equals("sum", sum, std::move(column_value));
  auto const columns_index = k.add_step(std::move(columns_step));
  composition_step modular{
      .name = prefix + "remainder_mod_2^m", .stages = {products_stage}, .steps = {columns_index}};
  modular.goal.description = "R = A - Q B mod 2^m";
  modular.goal.equals("R mod 2^m", remainder, remainder_value(A, B, Q), true);
  auto const modular_index = k.add_step(std::move(modular));
  composition_step exact{.name = prefix + "remainder", .steps = {modular_index, series_step}};
  exact.goal.description = "R = A - Q B";
  exact.goal.equals("remainder", remainder, remainder_value(A, B, Q));
  exact.products_as_atoms = true;  // Q B is one unknown here: 0 <= A - P < B, R = A - P mod 2^m
  return {remainder, k.add_step(std::move(exact))};
}

}  // namespace

division_result create_division(construction& k, bus const& a, bus const& b,
                                std::optional<size_t> divisor_positive_step, division_faults faults,
                                std::string const& prefix) {
  auto const m = static_cast<unsigned>(b.bits.size());
  if (m == 0 || a.bits.size() != 2 * m)
    throw std::invalid_argument("create_division: a needs twice the width of b");
  series S{m};
  if (faults.short_series) S.N -= 1, S.L = m * (S.N + 1);
  auto const plan = plan_crt_for_bound(pow2(S.L + 2 * m) - 1);

  auto const n = create_normalise_stage(k, prefix, b);                // 1
  auto const r = create_residue_stage(k, prefix, plan, a, n.normal);  // 2
  auto const at_most_one = add_at_most_one_steps(k, prefix, plan, n, r);
  k.precondition_hypotheses[prefix + "pairs"] = {{}, at_most_one};
  auto const pairs = create_pairs_stage(k, prefix, plan, n, r);           // 3
  auto const tables = create_tables_stage(k, prefix, plan, S, r, pairs);  // 4
  // The tables' precondition: every rA_q (from the residues) and every pairs_q (a clause of the
  // pairs stage, proved there by enumeration) has at most one bit set. From all earlier stages,
  // with the residues' congruences, it timed out at m = 6; with the pairs' AND clauses instead of
  // their at-most-one clause, linear arithmetic took 160 s at m = 9.
  k.precondition_hypotheses[prefix + "tables"] = {{pairs.stage}, at_most_one};

  // 5-6. W mod q by discrete logs
  auto const product = create_log_product(k, prefix, plan, tables.logs, tables.zero);
  auto const residues_step = add_product_residues_step(k, prefix, plan, m, tables.wired);

  // 7-15. back to binary: W, of which the quotient is bits L .. L + 2m - 1
  // W = (A + 1) 2^s V(X) < 2^(L + 2m) (file comment of division.hpp), from m alone
  auto const W = create_crt_reconstruction(
                     k, prefix, plan, product.P, {tables.stage, product.sums, product.tables},
                     residues_step, 3 * static_cast<size_t>(m), {.largest = pow2(S.L + 2 * m) - 1})
                     .bits;
  auto const low = S.L + (faults.quotient_one_bit_high ? 1 : 0);
  if (W.size() < low + 2 * m) throw std::logic_error("int.div: W is narrower than 2^(L + 2m)");
  std::vector<signal> quotient(W.begin() + low, W.begin() + low + 2 * m);
  auto const series_step =
      add_series_step(k, prefix, plan, m, W, quotient, linear_expr::value_of(a.bits),
                      linear_expr::value_of(b.bits), divisor_positive_step);
  auto const remainder = create_remainder(k, prefix, a, b, quotient, series_step);  // 16
  return {quotient, remainder.bits, series_step, remainder.conclusion};
}

}  // namespace tc0
