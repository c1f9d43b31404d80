// Proofs by reference (issue 20): a composite construction instantiates the same block many
// times (n^2 d float products in an attention layer), and each instance's obligations are the
// same statement about other signals. An obligation whose statement is identical, up to renaming
// signals, to one already proved for the same construction is proved by reference to it, and
// the report says so ("same as obligation X").
//
// What "identical" means, per kind:
//   - a stage: the extracted stage circuit (core/extract.hpp: its inputs numbered in bus order,
//     its gates in the canonical form of core/circuit.hpp) and its remapped specification, both
//     written out in full over the copy's node numbers, names left out. Equal texts mean the same
//     circuit against the same specification, so the same verdict.
//   - an implication (stage precondition or composition step): the hypotheses and the goal with
//     every signal renamed by its first appearance (a bijection that keeps complements and the
//     constant node), then written out as canonical texts (core/linear_spec.hpp). Equal texts
//     mean the two implications differ only by the names of their free variables, so one is
//     valid exactly when the other is.
// The keys are whole texts, compared in full (a hash table hashes them first); nothing is
// matched on a hash alone.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

std::string stage_statement(circuit const& stage, linear_spec const& spec);
// The transitive fan-in of `outputs` in `c` as text: each input bit it reaches as the name
// `input_name` gives it (in node order), its gates in canonical form numbered in the copy's
// order, its outputs. Two cones with equal texts are the same circuit with their inputs renamed
// as input_name says (tf.attention_matrix's relative position).
std::string cone_statement(circuit const& c, std::vector<signal> const& outputs,
                           std::function<std::string(uint32_t input_node)> const& input_name);
std::string implication_statement(std::vector<linear_spec const*> const& hypotheses,
                                  linear_spec const& goal);

// The lemma's preconditions that bear on an implication: those sharing a signal with its other
// hypotheses or its goal, or with a precondition that does. Leaving out the rest (preconditions
// on other signals only) proves a stronger statement, so it is sound, and it makes the
// implications of two instances of one block the same statement up to renaming even where the
// lemma's precondition speaks of all inputs.
linear_spec relevant_preconditions(linear_spec const& pre,
                                   std::vector<linear_spec const*> const& others,
                                   linear_spec const& goal);

// The statements proved so far and the obligation that proved each.
class proved_statements {
 public:
  std::optional<std::string> find(std::string const& statement) const;
  // Records the first obligation proving `statement` (later ones are references to it).
  void add(std::string statement, std::string obligation_id);
  size_t size() const { return by_statement_.size(); }

 private:
  std::unordered_map<std::string, std::string> by_statement_;
};

}  // namespace tc0
