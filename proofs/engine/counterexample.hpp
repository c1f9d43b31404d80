// Counterexamples (SPEC §4): what a refutation shows, written as JSON and replayable later.
//
// A counterexample names where it came from (a lemma's construction at given parameters, or a
// netlist file), the stage when the failing proof was a stage proof, the raw input bits and
// the decoded values of every bus, the clause that failed with its expected and actual value,
// and the first output bit that differs. Replay rebuilds the circuit from that source, applies
// the input bits and evaluates again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

struct bus_reading {
  std::string name;
  std::string bits;   // most significant bit first
  std::string value;  // unsigned decimal
};

struct counterexample {
  std::string lemma;
  parameters params;
  std::string source;  // "construction" or the netlist path
  std::string stage;   // empty: the whole circuit
  std::string obligation;
  std::vector<bool> input_bits;  // one per input node of the checked circuit
  std::vector<bus_reading> inputs, outputs;
  std::string clause;
  std::string expected;  // decimal, or "none" when the spec has no value there
  std::string actual;
  std::optional<unsigned> first_differing_bit;  // bit index within the clause's output bits
  // Floats (buses NAME_mag, NAME_exp, NAME_sign; core/float_format.hpp) decoded as
  // "<m, e> = exact rational"; for a failing rounding clause also the expected and actual float.
  std::vector<std::pair<std::string, std::string>> floats;
};

// Decodes an input pattern on a circuit against a spec (the pattern must fail a clause).
counterexample describe_counterexample(circuit const& c, linear_spec const& spec,
                                       std::vector<bool> const& inputs);

std::string to_json(counterexample const& cx);
// Throws std::invalid_argument naming what is wrong with the text.
counterexample counterexample_from_json(std::string const& text);

}  // namespace tc0
