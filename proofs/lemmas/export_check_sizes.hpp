// Where the mutation self-check of exports runs (proofs/engine/netlist_mutation.hpp): one size
// per lemma whose export has few enough input bits for the plain evaluator to enumerate every
// pattern of every mutant. Shared by the test (a few dozen mutants each) and
// benchmarks/netlist_mutation_bench (thousands).
#pragma once

#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct export_check_size {
  std::string lemma;
  parameters p;
  // The export has 10^5 mutations or more (int.div, float.div, exp, sin, cos): a mutant costs
  // about a second there, against tens of milliseconds, so fewer are tried.
  bool large = false;
};

std::vector<export_check_size> const& export_check_sizes();

// Lemmas with no such size, each with the reason (their exports are still checked by
// `tc0check check-netlist`, on random patterns).
std::vector<std::pair<std::string, std::string>> const& export_check_exempt();

}  // namespace tc0
