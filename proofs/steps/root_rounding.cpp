#include "proofs/steps/root_rounding.hpp"

#include <stdexcept>

#include "core/float_validity.hpp"
#include "proofs/steps/rounding_congruence.hpp"
#include "proofs/steps/stated_facts.hpp"

namespace tc0 {
namespace {

std::optional<std::string> clause_differs(linear_spec const& spec, std::string const& name,
                                          std::vector<signal> const& bits,
                                          linear_expr const& expected) {
  for (auto const& c : spec.clauses)
    if (c.name == name) {
      if (c.out_bits != bits) return "the operands' " + name + " is on other bits";
      if (canonical_key(c.rhs) != canonical_key(expected))
        return "the operands' " + name + " is not its definition";
      return std::nullopt;
    }
  return "the operands stage states no " + name;
}

}  // namespace

size_t add_root_rounding(construction& k, std::string const& prefix,
                         spec_clause const& stage_clause, spec_clause const& lemma_clause,
                         root_rounding_facts const& facts) {
  if (stage_clause.kind != clause_kind::rounds_to || lemma_clause.kind != clause_kind::rounds_to)
    throw std::logic_error("add_root_rounding: not rounding clauses");
  composition_step step{.name = prefix + "root_rounding",
                        .stages = {facts.operands_stage},
                        .steps = {facts.isqrt_step, facts.valid_step}};  // cited
  step.theorem =
      "with N' = |m| 2^(p+1+b), Z = floor(u / 2) + c u_0 and p + 3 + b + 2 Z + 2 o' = u + e_min "
      "(checked for every u), 2 sqrt(N') 2^(Z + o') is sqrt(|m| 2^(u + e_min)); with s = "
      "floor(sqrt(N')) and t = [N' > s^2] (step root_isqrt), 2 s + t and 2 sqrt(N') are equal "
      "or lie in (2 s, 2 s + 2) with 2 s >= 2^(p+1), where round_p does not change";
  step.goal.description = "the lemma's rounding clause";
  step.goal.clauses.push_back(lemma_clause);
  auto const operands = k.stage_specs.at(facts.operands_stage);
  // x valid, rebuilt from its bits and the lemma's format, stated by the cited step
  std::vector<expected_fact> expected;
  {
    linear_spec valid;
    for (auto& [name, e] :
         float_validity("x", lemma_clause.rounding->format, facts.m, facts.u, facts.sign))
      valid.constrain(name, e);
    expect_clauses(expected, "step " + k.composition.at(facts.valid_step).name, facts.valid_step,
                   true, valid);
  }
  stated_facts const cited(k, std::move(expected));
  step.check = [stage_clause, lemma_clause, operands, facts,
                cited]() -> std::optional<certified_failure> {
    auto const fail = [](std::string const& what) {
      return std::optional<certified_failure>{certified_failure{what, std::nullopt}};
    };
    auto const& st = *stage_clause.rounding;
    auto const& lt = *lemma_clause.rounding;
    auto const& f = lt.format;
    if (auto m = format_mismatch(st.format, lt.format)) return m;
    if (stage_clause.out_bits != lemma_clause.out_bits)
      return fail("the round stage's outputs are not the lemma's");
    if (!lt.square_root || st.square_root)
      return fail("the lemma must round a square root and the stage a plain value");
    auto const one = canonical_key(linear_expr{}.add_constant(1));
    if (canonical_key(st.divisor) != one || canonical_key(lt.divisor) != one)
      return fail("a divisor is not 1");
    if (canonical_key(st.sign) != canonical_key(linear_expr{}) ||
        canonical_key(lt.sign) != canonical_key(linear_expr{}))
      return fail("a sign is not 0");
    auto const& m = facts.m;
    auto const& u = facts.u;
    auto const p = f.p;
    if (canonical_key(lemma_clause.rhs) != canonical_key(linear_expr::value_of(m)) ||
        canonical_key(lt.exponent) != canonical_key(linear_expr::value_of(u)) ||
        lt.offset != f.e_min)
      return fail("the lemma's radicand is not |m| 2^(u + e_min)");
    linear_expr twice_s = linear_expr::of(facts.t);
    twice_s.add(linear_expr::value_of(facts.s), 2);
    if (canonical_key(stage_clause.rhs) != canonical_key(twice_s))
      return fail("the round stage's magnitude is not t + 2 s");
    if (canonical_key(st.exponent) != canonical_key(linear_expr::value_of(facts.Z)))
      return fail("the round stage's exponent is not Z");
    // c, b and Z from the format, not from the construction
    int64_t const c = (((f.e_min - static_cast<int64_t>(p) + 1) % 2) + 2) % 2;
    signal const b = c ? !u[0] : u[0];
    auto const mv = linear_expr::value_of(m);
    auto const N_def =
        linear_expr{}.add(mv, pow2(p + 1)).add_product(pow2(p + 1), {linear_expr::of(b), mv});
    if (auto d = clause_differs(operands, "N'", facts.N, N_def)) return fail(*d);
    auto Z_def = linear_expr::value_of(std::vector<signal>(u.begin() + 1, u.end()));
    if (c) Z_def.add_term(1, u[0]);
    if (auto d = clause_differs(operands, "Z", facts.Z, Z_def)) return fail(*d);
    if (auto const missing = cited.first_missing()) return fail(*missing);
    for (int64_t uv = 0; uv <= f.e_max - f.e_min; ++uv) {
      int64_t const bv = (uv % 2) ^ c, Zv = uv / 2 + c * (uv % 2);
      if (static_cast<int64_t>(p) + 3 + bv + 2 * Zv + 2 * st.offset != uv + lt.offset)
        return fail("the exponents disagree at u = " + std::to_string(uv));
    }
    return std::nullopt;
  };
  return k.add_step(std::move(step));
}

}  // namespace tc0
