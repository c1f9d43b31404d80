#include "proofs/blocks/float_sum.hpp"

#include "proofs/blocks/exact_float_sum.hpp"
#include "proofs/blocks/round_to_format.hpp"
#include "proofs/steps/rounding_congruence.hpp"

namespace tc0 {

spec_clause float_sum_clause(std::string const& name, float_format const& f,
                             std::vector<float_bus> const& xs, std::vector<signal> const& r) {
  linear_spec s;
  s.rounds_to(name, r, exact_sum_value(xs),
              {f, linear_expr{}, linear_expr{}, linear_expr{}.add_constant(1), f.e_min});
  return s.clauses.at(0);
}

rounded_float create_float_sum(construction& k, float_format const& f,
                               std::vector<float_bus> const& xs, std::string const& prefix) {
  auto const sum = create_exact_float_sum(k, f, xs, prefix);
  bus const N{"N", sum.magnitude}, negative{"negative", {sum.negative}};
  auto const r = create_round_stage(k, prefix + "round", {N, negative}, f, N.bits, {}, sum.negative,
                                    f.e_min, "r = round_p((-1)^negative N 2^e_min)");
  auto const conclusion = add_rounding_value_congruence(
      k, prefix, k.stage_specs.back().clauses.at(0), float_sum_clause(prefix + "r", f, xs, r),
      sum.stages, sum.steps);
  return {r, conclusion};
}

}  // namespace tc0
