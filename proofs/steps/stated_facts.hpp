// What a certified step cites, checked: each fact the step's argument assumes, rebuilt by the step
// from its own definitions, must be stated (same canonical text, core/linear_spec.hpp) by the
// stage specification or composition step it cites. Without this a certified step only names its
// sources, and a construction whose stage says something else (still proved, since the stage
// computes what its specification says) would be accepted.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct expected_fact {
  std::string where;  // for the failure message: "stage exp_operands", "step exp_rows", ...
  size_t index;       // into construction::stage_specs or construction::composition
  bool is_step;
  spec_clause clause;
  // Where set, the fact is this precondition of the source (a bound the stage requires, which
  // the check proves as an implication wherever the stage is built), not a clause.
  std::optional<std::pair<std::string, linear_expr>> precondition = std::nullopt;
};

// Every clause of `s`, expected at the given stage specification or step.
void expect_clauses(std::vector<expected_fact>& out, std::string const& where, size_t index,
                    bool is_step, linear_spec const& s);
// The precondition (name, expr >= 0), expected at the given stage specification.
void expect_precondition(std::vector<expected_fact>& out, std::string const& where, size_t index,
                         std::pair<std::string, linear_expr> precondition);

// The check, over a snapshot of what `k` states now (the certified check runs later): the first
// expected fact that its source does not state, as a failure message.
class stated_facts {
 public:
  stated_facts(construction const& k, std::vector<expected_fact> expected);
  std::optional<std::string> first_missing() const;

 private:
  std::vector<expected_fact> expected_;
  std::vector<std::vector<std::string>> stated_;
};

}  // namespace tc0
