#include "proofs/steps/stated_facts.hpp"

#include <algorithm>

namespace tc0 {

void expect_clauses(std::vector<expected_fact>& out, std::string const& where, size_t index,
                    bool is_step, linear_spec const& s) {
  for (auto const& c : s.clauses) out.push_back({where, index, is_step, c});
}

void expect_precondition(std::vector<expected_fact>& out, std::string const& where, size_t index,
                         std::pair<std::string, linear_expr> precondition) {
  out.push_back({where, index, false, spec_clause{}, std::move(precondition)});
}

stated_facts::stated_facts(construction const& k, std::vector<expected_fact> expected)
    : expected_(std::move(expected)) {
  for (auto const& e : expected_) {
    linear_spec const& s = e.is_step ? k.composition.at(e.index).goal : k.stage_specs.at(e.index);
    std::vector<std::string> keys;
    if (e.precondition)
      for (auto const& [name, expr] : s.preconditions) keys.push_back(canonical_key(expr));
    else
      for (auto const& c : s.clauses) keys.push_back(canonical_key(c));
    stated_.push_back(std::move(keys));
  }
}

std::optional<std::string> stated_facts::first_missing() const {
  for (size_t i = 0; i < expected_.size(); ++i) {
    auto const& e = expected_[i];
    auto const key =
        e.precondition ? canonical_key(e.precondition->second) : canonical_key(e.clause);
    if (std::find(stated_[i].begin(), stated_[i].end(), key) == stated_[i].end())
      return e.precondition
                 ? e.where + " does not require " + e.precondition->first +
                       " as the argument assumes it"
                 : e.where + " does not state " + e.clause.name + " as the argument assumes it";
  }
  return std::nullopt;
}

}  // namespace tc0
