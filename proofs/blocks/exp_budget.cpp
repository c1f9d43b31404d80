#include "proofs/blocks/exp_budget.hpp"

#include "proofs/blocks/fixed_point_operand.hpp"
#include "proofs/blocks/weighted_rows.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

// The clauses the budget assumes, rebuilt from the plan and the buses (not from the specs the
// construction wrote), each with the fact that must state it.
std::vector<expected_fact> expected_facts(std::string const& prefix, exp_plan const& plan,
                                          exp_budget_facts const& f, spec_clause const& lemma) {
  auto const& fmt = plan.format;
  auto const p = fmt.p;
  std::vector<expected_fact> out;
  auto add = [&](std::string const& where, size_t index, bool is_step, linear_spec const& s) {
    expect_clauses(out, where, index, is_step, s);
  };
  auto const v = [](std::vector<signal> const& bits) { return linear_expr::value_of(bits); };
  {
    linear_spec s;
    exponent_at_least_clause(s, "huge", fmt, f.m, f.u, f.huge, plan.u_huge());
    s.is_nonnegative("hp", f.hp,
                     linear_expr{}.add_term(1, f.huge).add_term(1, !f.s).add_constant(-2));
    s.is_nonnegative("hn", f.hn,
                     linear_expr{}.add_term(1, f.huge).add_term(1, f.s).add_constant(-2));
    add("stage " + prefix + "exp_operands", f.operands_stage, false, s);
  }
  {
    linear_spec s;
    fixed_point_clauses(s, fmt, plan.F, f.m, f.u, f.X, f.huge);
    add("step " + prefix + "exp_fixed_point", f.fixed_point_step, true, s);
  }
  {
    linear_spec s;
    s.equals("T", f.T, linear_expr{}.add(v(f.X), plan.L));
    add("step " + prefix + "exp_scale_value", f.scale_step, true, s);
  }
  {
    linear_spec s;
    unsigned const W = plan.W();
    s.equals("V", f.V,
             v(f.T).add_term(pow2(W), f.s).add_product(-2, {linear_expr::of(f.s), v(f.T)}), true);
    add("stage " + prefix + "exp_reduce", f.reduce_stage, false, s);
  }
  // K and Phi: V's top wK bits and the WF below them
  std::vector<signal> const K(f.V.end() - plan.wK, f.V.end());
  std::vector<signal> const Phi(f.V.end() - plan.wK - plan.WF, f.V.end() - plan.wK);
  {
    size_t next = 0;
    for (unsigned i = 2; i <= plan.N; ++i) {
      if (plan.C[i] == 0) continue;
      linear_spec s;
      s.equals("Y", f.powers.at(i),
               linear_expr{}.add_product(1, std::vector<linear_expr>(i, v(Phi))));
      add("step " + prefix + "pow" + std::to_string(i) + "_chinese_remainder",
          f.power_steps.at(next++), true, s);
    }
  }
  {
    linear_spec rows, sum;
    linear_expr total;
    for (unsigned i = 0; i <= plan.N; ++i) {
      if (plan.C[i] == 0) continue;
      auto const& row = f.rows.at(i);
      if (i == 0)
        rows.equals("row0", row, linear_expr::of(!f.hn));
      else
        rows.equals("row", row,
                    linear_expr{}.add_product(
                        1, {linear_expr::of(!f.hn), v(i == 1 ? Phi : f.powers.at(i))}));
      total.add(v(row), plan.C[i] * pow2((plan.N - i) * plan.WF));
    }
    sum.equals("S", f.S, total);
    add("step " + prefix + "exp_rows", f.rows_step, true, rows);
    add("step " + prefix + "exp_sum_value", f.sum_step, true, sum);
  }
  {
    linear_spec s;
    auto const Kexpr =
        v(std::vector<signal>(K.begin(), K.end() - 1)).add_term(pow2(plan.wK - 1), !K.back());
    s.equals("Kb", f.Kb,
             linear_expr{}
                 .add_term(pow2(plan.wK) - 1, f.hp)
                 .add_product(1, {linear_expr::of(!f.hp), Kexpr}));
    add("stage " + prefix + "exp_exponent", f.exponent_stage, false, s);
  }
  {
    linear_spec s;
    auto const D = plan.dropped_bits();
    std::vector<signal> St(f.S.begin() + std::min<size_t>(D, f.S.size()), f.S.end());
    if (St.size() < p + 2) St = padded(St, p + 2);
    s.rounds_to("r", lemma.out_bits, v(St),
                {fmt, linear_expr::of(const_false), v(f.Kb), linear_expr{}.add_constant(1),
                 plan.offset() + static_cast<int64_t>(D)});
    add("stage " + prefix + "round", f.round_stage, false, s);
  }
  return out;
}

}  // namespace

size_t add_exp_budget(construction& k, std::string const& prefix, exp_plan const& plan,
                      spec_clause const& lemma_clause, exp_budget_facts const& facts) {
  if (lemma_clause.kind != clause_kind::approximates ||
      lemma_clause.function != approximated_function::exp)
    throw std::logic_error("add_exp_budget: the lemma's clause is not an approximation of exp");
  composition_step step{
      .name = prefix + "exp_budget",
      .stages = {facts.operands_stage, facts.reduce_stage, facts.exponent_stage, facts.round_stage},
      .steps = {facts.fixed_point_step, facts.scale_step, facts.rows_step,
                facts.sum_step}};  // cited, and checked below
  step.steps.insert(step.steps.end(), facts.power_steps.begin(), facts.power_steps.end());
  step.theorem =
      "with X = floor(|x| 2^F) unless huge, T = L X, V = +-T mod 2^W, K and Phi V's top bits, "
      "P_i = Phi^i, S = sum_i C_i 2^((N-i) WF) Phi^i (0 where hn), Kb = K + 2^(wK-1) (all ones "
      "where hp) and r = round_p(floor(S / 2^D) 2^(Kb + offset + D)) (each fact checked to be "
      "that definition), r = round_p(v) with |v - e^x| <= total e^x where |x| < 2^I (the budget "
      "of proofs/blocks/exp_series.hpp in exact rationals), the largest float where x >= 2^I and "
      "0 where x <= -2^I; total <= 2^(-2p-1) and the precision rule give the approximation clause";
  step.goal.description = "r approximates e^x";
  step.goal.clauses.push_back(lemma_clause);
  stated_facts const cited(k, expected_facts(prefix, plan, facts, lemma_clause));
  auto const& fmt = plan.format;
  auto const& lt = *lemma_clause.rounding;
  bool const lemma_matches =
      lt.format.p == fmt.p && lt.format.e_min == fmt.e_min && lt.format.e_max == fmt.e_max &&
      canonical_key(lemma_clause.rhs) == canonical_key(linear_expr::value_of(facts.m)) &&
      canonical_key(lt.exponent) == canonical_key(linear_expr::value_of(facts.u)) &&
      canonical_key(lt.sign) == canonical_key(linear_expr::of(facts.s)) && lt.offset == fmt.e_min;
  step.check = [plan, cited, lemma_matches]() -> std::optional<certified_failure> {
    auto const fail = [](std::string what) {
      return std::optional<certified_failure>{certified_failure{std::move(what), std::nullopt}};
    };
    if (!lemma_matches) return fail("the lemma's argument is not x = (-1)^s |m| 2^(u + e_min)");
    if (auto const missing = cited.first_missing()) return fail(*missing);
    auto const budget = check_exp_budget(plan);
    if (budget.failure) return fail("error budget: " + *budget.failure);
    return std::nullopt;
  };
  return k.add_step(std::move(step));
}

}  // namespace tc0
