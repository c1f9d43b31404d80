#include "proofs/blocks/exact_float_stage.hpp"

namespace tc0 {

rounded_float end_exact_float_stage(construction& k, float_format const& f,
                                    std::vector<float_bus> const& operands,
                                    std::string const& prefix, std::string const& stage,
                                    std::string const& step, std::string const& description,
                                    std::vector<signal> const& r, spec_clause const& clause,
                                    std::vector<size_t> const& operand_facts,
                                    bool state_result_valid) {
  k.c.end_stage({bus{"r", r}});
  linear_spec spec;
  spec.description = description;
  for (auto const& x : operands) require_valid(spec, x, f);
  spec.clauses.push_back(clause);
  if (state_result_valid) state_valid(spec, split_float(prefix + "r", f, r), f);
  auto const index = k.add_stage_spec(spec);
  k.precondition_hypotheses[prefix + stage] = {.stages = {}, .steps = operand_facts};
  composition_step conclusion{.name = prefix + step, .stages = {index}, .steps = operand_facts};
  conclusion.goal.description = description;
  conclusion.goal.clauses = spec.clauses;
  return {r, k.add_step(std::move(conclusion))};
}

}  // namespace tc0
