// Checking a circuit against a linear_spec by simulation: the two cheap oracles.
//
// Exhaustive simulation enumerates every input pattern (feasible up to ~24 input bits), or
// every pattern with at most one bit set in given groups of inputs and given values on given
// domains;
// random simulation draws patterns from a seeded generator (the seed is reported so a failure
// can be reproduced). Patterns that violate the spec's preconditions are skipped, not counted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

struct simulation_check_params {
  uint64_t random_patterns = 1 << 14;  // rounded up to a multiple of 64
  uint64_t seed = 1;
  unsigned exhaustive_max_input_bits = 24;
  unsigned threads = 1;  // exhaustive: contiguous ranges of patterns on this many threads
  // exhaustive: groups of input positions (disjoint) of which at most one bit is set; only those
  // patterns are enumerated, prod (|G| + 1) 2^(free inputs) of them, which must not exceed
  // 2^exhaustive_max_input_bits. For a spec whose preconditions say as much (one-hot codes).
  std::vector<std::vector<uint32_t>> at_most_one;
  // exhaustive: groups of input positions (disjoint from each other and from the at-most-one
  // groups) that take only the listed values, e.g. the valid encodings of a float operand. A
  // value lists the j with positions[j] set (ones_of turns a word into that list). The check
  // then covers those patterns only, and says nothing about the others.
  struct input_domain {
    std::vector<uint32_t> positions;
    std::vector<std::vector<uint32_t>> values;
    // the j with bit j of `word` set, lowest first
    static std::vector<uint32_t> ones_of(uint64_t word);
  };
  std::vector<input_domain> domains;
};

struct simulation_check_stats {
  uint64_t patterns_checked = 0;  // satisfying the preconditions
  uint64_t patterns_skipped = 0;  // violating them
  uint64_t gate_evaluations = 0;
  double seconds = 0;
};

struct simulation_failure {
  std::vector<bool> inputs;  // one value per input node
  std::string clause;        // name of the first clause that fails
};

// nullopt when every pattern satisfies the spec. Exhaustive reports the first failing pattern in
// enumeration order, whatever the number of threads.
std::optional<simulation_failure> check_exhaustive(circuit const& c, linear_spec const& spec,
                                                   simulation_check_params const& p = {},
                                                   simulation_check_stats* stats = nullptr);
std::optional<simulation_failure> check_random(circuit const& c, linear_spec const& spec,
                                               simulation_check_params const& p = {},
                                               simulation_check_stats* stats = nullptr);

// One pattern on the bool simulator: node values (used to replay counterexamples).
std::vector<bool> simulate_pattern(circuit const& c, std::vector<bool> const& inputs);

// The first clause of `spec` that fails at these node values, if any (preconditions ignored).
std::optional<std::string> first_failing_clause(linear_spec const& spec,
                                                std::vector<bool> const& node_values);

}  // namespace tc0
