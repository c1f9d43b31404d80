#include "proofs/steps/stated_facts.hpp"

#include <algorithm>

namespace tc0 {

void expect_clauses(std::vector<expected_fact>& out, std::string const& where, size_t index,
                    bool is_step, linear_spec const& s) {
  for (auto const& c : s.clauses) out.push_back({where, index, is_step, c});
}

stated_facts::stated_facts(construction const& k, std::vector<expected_fact> expected)
    : expected_(std::move(expected)) {
  for (auto const& e : expected_) {
    linear_spec const& s = e.is_step ? k.composition.at(e.index).goal : k.stage_specs.at(e.index);
    std::vector<std::string> keys;
    for (auto const& c : s.clauses) keys.push_back(canonical_key(c));
    stated_.push_back(std::move(keys));
  }
}

std::optional<std::string> stated_facts::first_missing() const {
  for (size_t i = 0; i < expected_.size(); ++i) {
    auto const key = canonical_key(expected_[i].clause);
    if (std::find(stated_[i].begin(), stated_[i].end(), key) == stated_[i].end())
      return expected_[i].where + " does not state " + expected_[i].clause.name +
             " as the argument assumes it";
  }
  return std::nullopt;
}

}  // namespace tc0
