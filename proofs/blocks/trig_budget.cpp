#include "proofs/blocks/trig_budget.hpp"

#include "proofs/blocks/fixed_point_operand.hpp"
#include "proofs/blocks/weighted_rows.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

linear_expr value(std::vector<signal> const& bits) {
  return linear_expr::value_of(bits);
}

linear_expr exclusive_or(signal a, signal b) {
  return linear_expr{}.add_term(1, a).add_term(1, b).add_product(
      -2, {linear_expr::of(a), linear_expr::of(b)});
}

// P and Q's values as the rows' weighted sums (row 0: NOT huge with weight A_0 2^c + 1, in P)
std::pair<linear_expr, linear_expr> sum_values(trig_plan const& plan, signal huge,
                                               std::vector<std::vector<signal>> const& powers) {
  linear_expr P, Q;
  P.add_term(plan.A[0] * pow2(plan.c) + 1, !huge);
  for (unsigned j = 1; j <= plan.N; ++j) {
    if (plan.A[j] == 0) continue;
    (j % 2 == 0 ? P : Q)
        .add(value(trig_row(plan, j, powers.at(j))), plan.A[j] * pow2(trig_row_scale(plan, j)));
  }
  return {P, Q};
}

std::vector<expected_fact> expected_facts(std::string const& prefix, trig_plan const& plan,
                                          unsigned domain_K, trig_budget_facts const& f,
                                          spec_clause const& lemma) {
  auto const& fmt = plan.format;
  float_bus const x{{"", f.m}, {"", f.u}, {"", {f.s}}};
  std::vector<expected_fact> out;
  auto add = [&](std::string const& where, size_t index, bool is_step, linear_spec const& s) {
    expect_clauses(out, where, index, is_step, s);
  };
  {
    // the domain the budget is checked for: a precondition of the first stage, so an
    // implication obligation proves it wherever the block is built
    expect_precondition(out, "stage " + prefix + "trig_operands", f.operands_stage,
                        magnitude_at_most("x", x, fmt, domain_K));
    linear_spec s;
    exponent_at_least_clause(s, "huge", fmt, f.m, f.u, f.huge, exponent_at(fmt, plan.I()));
    if (plan.bypass())
      exponent_at_least_clause(s, "big", fmt, f.m, f.u, f.big,
                               exponent_at(fmt, -static_cast<int64_t>(fmt.p)));
    add("stage " + prefix + "trig_operands", f.operands_stage, false, s);
  }
  {
    linear_spec s;
    fixed_point_clauses(s, fmt, plan.F, f.m, f.u, f.X, f.huge);
    add("step " + prefix + "trig_fixed_point", f.fixed_point_step, true, s);
  }
  {
    linear_spec s;
    s.equals("T", f.T, linear_expr{}.add(value(f.X), plan.L));
    add("step " + prefix + "trig_scale_value", f.scale_step, true, s);
  }
  add("stage " + prefix + "trig_reduce", f.reduce_stage, false,
      trig_reduce_spec(plan, padded(f.T, plan.q_bit() + 2), f.s, f.Psi, f.sigma));
  {
    size_t next = 0;
    for (unsigned j = 1; j <= plan.N; ++j) {
      if (plan.A[j] == 0) continue;
      std::vector<signal> const Pj(f.Psi.begin() + (plan.WF - plan.b[j]), f.Psi.end());
      linear_spec s;
      s.equals("Y", f.powers.at(j),
               linear_expr{}.add_product(1, std::vector<linear_expr>(2 * j, value(Pj))));
      add("step " + prefix + "pow" + std::to_string(2 * j) + "_chinese_remainder",
          f.power_steps.at(next++), true, s);
    }
  }
  {
    auto const [Pv, Qv] = sum_values(plan, f.huge, f.powers);
    linear_spec P, Q;
    P.equals("P", f.P, Pv);
    Q.equals("Q", f.Q, Qv);
    add("step " + prefix + "trig_pos_value", f.pos_step, true, P);
    add("step " + prefix + "trig_neg_value", f.neg_step, true, Q);
  }
  {
    linear_spec s;
    s.equals("D", f.D, value(f.P).add_constant(pow2(f.W) - 1).add(value(f.Q), -1));
    add("stage " + prefix + "trig_difference", f.difference_stage, false, s);
  }
  {
    std::vector<signal> const H(f.D.begin() + plan.c, f.D.begin() + f.W);
    linear_spec s;
    s.equals("R", f.R, linear_expr{}.add_product(1, {value(f.Psi), value(H)}));
    add("step " + prefix + "trig_product_value", f.product_step, true, s);
  }
  {
    std::vector<signal> Rt(f.R.begin() + std::min<size_t>(plan.DR, f.R.size()), f.R.end());
    if (Rt.size() < fmt.p + 2) Rt = padded(Rt, fmt.p + 2);
    linear_spec s;
    s.rounds_to("r", f.rounded, value(Rt),
                {fmt, linear_expr::of(f.sigma), linear_expr{}, linear_expr{}.add_constant(1),
                 plan.round_offset()});
    add("stage " + prefix + "round", f.round_stage, false, s);
  }
  if (plan.bypass()) {
    add("stage " + prefix + "trig_select", f.select_stage, false,
        trig_select_spec(x, f.big, f.rounded, lemma.out_bits));
  }
  return out;
}

}  // namespace

std::vector<signal> trig_row(trig_plan const& plan, unsigned j, std::vector<signal> const& power) {
  auto const shift = plan.shift(j);
  if (shift <= 0) return power;
  auto const from = std::min<size_t>(static_cast<size_t>(shift), power.size());
  return std::vector<signal>(power.begin() + from, power.end());
}

unsigned trig_row_scale(trig_plan const& plan, unsigned j) {
  auto const shift = plan.shift(j);
  return shift < 0 ? static_cast<unsigned>(-shift) : 0;
}

unsigned trig_difference_width(trig_plan const& plan, size_t P_bits, size_t Q_bits) {
  return static_cast<unsigned>(std::max({P_bits, Q_bits, size_t{plan.G2 + plan.c + 2}}));
}

linear_spec trig_reduce_spec(trig_plan const& plan, std::vector<signal> const& T, signal s,
                             std::vector<signal> const& Psi, signal sigma) {
  unsigned const qb = plan.q_bit(), WF = plan.WF;
  signal const q0 = T.at(qb), q1 = T.at(qb + 1);
  signal const sel = plan.bypass() ? q0 : !q0;
  std::vector<signal> const Phi(T.begin() + (qb - WF), T.begin() + qb);
  linear_spec spec;
  spec.description = "Psi = Phi, or 2^WF - Phi where sel; sigma the result's sign";
  auto const Phiv = value(Phi);
  spec.equals(
      "Psi", Psi,
      linear_expr{Phiv}.add_term(pow2(WF), sel).add_product(-2, {linear_expr::of(sel), Phiv}));
  spec.equals("sigma", {sigma}, plan.bypass() ? exclusive_or(s, q1) : exclusive_or(q0, q1));
  return spec;
}

linear_spec trig_select_spec(float_bus const& x, signal big, std::vector<signal> const& rounded,
                             std::vector<signal> const& r) {
  linear_spec spec;
  spec.description = "r = x where NOT big, r' elsewhere";
  spec.equals("r", r,
              linear_expr{}
                  .add_product(1, {linear_expr::of(!big), value(x.bits())})
                  .add_product(1, {linear_expr::of(big), value(rounded)}));
  return spec;
}

size_t add_trig_budget(construction& k, std::string const& prefix, trig_plan const& plan,
                       unsigned domain_K, spec_clause const& lemma_clause,
                       trig_budget_facts const& facts) {
  if (lemma_clause.kind != clause_kind::approximates || lemma_clause.function != plan.function)
    throw std::logic_error("add_trig_budget: the lemma's clause is not the plan's function");
  composition_step step{.name = prefix + "trig_budget",
                        .stages = {facts.operands_stage, facts.reduce_stage, facts.difference_stage,
                                   facts.round_stage},
                        .steps = {facts.fixed_point_step, facts.scale_step, facts.pos_step,
                                  facts.neg_step, facts.product_step}};
  if (plan.bypass()) step.stages.push_back(facts.select_stage);
  step.steps.insert(step.steps.end(), facts.power_steps.begin(), facts.power_steps.end());
  step.theorem =
      "for |x| <= 2^K (the operands stage's precondition, proved as an implication wherever the "
      "block is built): with X = floor(|x| 2^F), T = L X, Psi = Phi or "
      "2^WF - Phi by the quadrant, P_j = Psi_j^(2j), P and Q the even and odd terms, D = P + 2^W "
      "- 1 - Q, R = Psi H and r' = round_p((-1)^sigma floor(R / 2^DR) 2^(DR - WF - G2)) (each "
      "fact checked to be that definition), r' = round_p(v) with |v - f(x)| <= total |f(x)| "
      "where |x| >= 2^-p (sin) or everywhere (cos) (the budget of proofs/blocks/trig_series.hpp "
      "in exact rationals, the gap to f's zeros recomputed for the domain), and for sin r = x "
      "below 2^-p (|x - sin x| <= |x|^3 / 6); total <= 2^(-2p-1) and the precision rule give "
      "the approximation clause";
  // the worst cancellation, shown with the argument (the domain, not the plan's)
  auto const worst = trig_zero_gap(plan.function, plan.format, domain_K);
  step.theorem += "; worst cancellation over |x| <= 2^" + std::to_string(domain_K) +
                  ": x = " + to_string(worst.worst) + " is " + approximate_decimal(worst.gap, 3) +
                  " from the zero " + std::to_string(worst.multiple) +
                  " pi/2, so F = " + std::to_string(plan.F) + ", G = " + std::to_string(plan.G) +
                  " bits of 2/pi, WF = " + std::to_string(plan.WF);
  step.goal.description = "r approximates " + to_string(plan.function) + "(x)";
  step.goal.clauses.push_back(lemma_clause);
  stated_facts const cited(k, expected_facts(prefix, plan, domain_K, facts, lemma_clause));
  auto const& fmt = plan.format;
  auto const& lt = *lemma_clause.rounding;
  bool const lemma_matches =
      lt.format.p == fmt.p && lt.format.e_min == fmt.e_min && lt.format.e_max == fmt.e_max &&
      canonical_key(lemma_clause.rhs) == canonical_key(linear_expr::value_of(facts.m)) &&
      canonical_key(lt.exponent) == canonical_key(linear_expr::value_of(facts.u)) &&
      canonical_key(lt.sign) == canonical_key(linear_expr::of(facts.s)) && lt.offset == fmt.e_min &&
      (!plan.bypass() || lemma_clause.out_bits == facts.selected) &&
      (plan.bypass() || lemma_clause.out_bits == facts.rounded);
  bool const wide_enough = facts.W >= plan.G2 + plan.c + 2 && facts.D.size() == facts.W + 1;
  step.check = [plan, domain_K, cited, lemma_matches,
                wide_enough]() -> std::optional<certified_failure> {
    auto const fail = [](std::string what) {
      return std::optional<certified_failure>{certified_failure{std::move(what), std::nullopt}};
    };
    if (!lemma_matches) return fail("the lemma's argument or result is not the budget's");
    if (plan.K < domain_K)
      return fail("the plan covers |x| <= 2^" + std::to_string(plan.K) +
                  ", the domain required is 2^" + std::to_string(domain_K));
    if (!wide_enough) return fail("the difference D is narrower than G2 + c + 3 bits");
    if (auto const missing = cited.first_missing()) return fail(*missing);
    auto domain_plan = plan;
    domain_plan.K = domain_K;
    auto const budget = check_trig_budget(domain_plan);
    if (budget.failure) return fail("error budget: " + *budget.failure);
    return std::nullopt;
  };
  return k.add_step(std::move(step));
}

}  // namespace tc0
