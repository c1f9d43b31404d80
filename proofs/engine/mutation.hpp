// Mutation testing of the staged proofs: the prover shows that it catches wrong constructions.
//
// A lemma's construction is built with its stages and its staged proof checked; then one gate
// or one output bit is changed (a mutant), exhaustive simulation against the lemma's
// specification decides whether the mutant computes something wrong, and the staged
// obligations are run on it with no cross-check (no monolithic miter, no simulation). A wrong
// mutant must fail some staged obligation (refuted, or unknown at the time limit); one that
// every staged obligation proves is a hole in the staged proof, reported by name.
//
// Only the obligations a mutation can change are rerun, which is what makes hundreds of mutants
// affordable: a gate's mutation changes the structural check and the circuit of the stage that
// holds the gate; every other stage circuit, every specification and so every implication and
// composition step are the construction's own, already proved in the baseline. An output bit's
// mutation changes the structural check and the lemma's specification over the outputs, so
// the obligation "composition". Nothing is assumed of a mutant beyond that.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "encodings/prove.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// One change to a circuit: gate `node` replaced by [sum_i weights[i] fanins[i] >= threshold]
// (node != 0), or output bus `bus` given the bits `bits` (node == 0).
struct mutation {
  std::string description;
  uint32_t node = 0;
  std::vector<signal> fanins;
  std::vector<big_int> weights;
  big_int threshold = 0;
  std::string bus;
  std::vector<signal> bits;
};

// Every single mutation of these kinds: a gate's threshold +1 or -1; AND to OR, OR to AND,
// MAJ to AND; per fan-in, its weight +1, the input complemented, dropped, or replaced by
// another signal the gate's stage may read (one chosen with `seed`); per output bit,
// complemented, zeroed, or swapped with the next bit. Mutations that would make a gate constant
// are left out (the builder folds such gates away; they are not gates the circuit could have).
std::vector<mutation> enumerate_mutations(construction const& k, uint64_t seed);
void apply(mutation const& m, circuit& c);

struct mutation_params {
  size_t max_mutants = 50;  // sampled with `seed` when there are more (a quarter outputs)
  uint64_t seed = 1;
  unsigned max_input_bits = 20;  // exhaustive simulation decides whether a mutant is wrong
  solver_params solver;          // per obligation; a mutant whose check hits it is unknown (caught)
  unsigned jobs = 1;             // mutants checked at once, one thread each
};

enum class mutant_fate {
  equivalent,  // computes the lemma's specification on every input: nothing to catch
  killed,      // wrong, and some staged obligation is refuted or unknown
  survived,    // wrong, and every staged obligation it can change is proved: a hole
};

struct mutant_outcome {
  std::string description;
  mutant_fate fate = mutant_fate::equivalent;
  std::string caught_by;  // killed: the obligation, its verdict and detail
};

struct mutation_report {
  std::string lemma;
  parameters params;
  bool baseline_proved = false;  // the construction's own staged proof; else nothing is judged
  std::string baseline_detail;   // the first obligation that was not proved
  size_t mutations = 0;          // all the construction has, before sampling
  std::vector<mutant_outcome> outcomes;
  size_t count(mutant_fate f) const;
};

// Throws std::invalid_argument when the construction has more than max_input_bits inputs.
mutation_report check_mutants(lemma const& l, parameters const& p, mutation_params const& mp);

}  // namespace tc0
