// A lemma of the paper's chain (SPEC §3) as tc0check knows it: its parameters, the interface of
// its circuits, the construction (built as named stages with a specification per stage), the
// lemma's own word-level specification, and the bounds the structural checks hold it to.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

using parameters = std::map<std::string, unsigned>;

// "n=4,m=8"
std::string to_string(parameters const& p);

struct bus_decl {
  std::string name;
  unsigned width;
  bool is_input;
};

// A built construction: the circuit with its stages, and one specification per named stage
// (stage_specs[i] belongs to c.stages()[i + 1]; stages()[0] is the unstaged remainder).
struct construction {
  circuit c;
  std::vector<linear_spec> stage_specs;
};

struct lemma {
  std::string name;       // e.g. "int.iterated_add"
  std::string title;      // one line
  std::string paper_ref;  // where the paper states or uses it
  std::string claim;      // the statement checked
  std::vector<std::string> parameter_names;
  // Throws std::invalid_argument with a message a person can act on.
  std::function<void(parameters const&)> validate;
  std::function<std::vector<bus_decl>(parameters const&)> interface;
  std::function<construction(parameters const&)> build;
  // The lemma's specification over any circuit with the lemma's interface (a construction or a
  // user's netlist): it looks the buses up by name.
  std::function<linear_spec(circuit const&, parameters const&)> specification;

  unsigned depth_bound = 0;  // S1: depth must stay at most this, identical across a sweep
  double degree_bound = 0;   // S2: fitted growth degree of size must stay at most this
  unsigned monolithic_max_input_bits = 16;  // monolithic miter cross-check up to this many inputs
  std::vector<std::vector<parameters>> default_sweeps;  // each sweep varies one parameter
};

// The bits of a named bus; throws std::invalid_argument when the circuit has no such bus.
std::vector<signal> const& input_bits(circuit const& c, std::string const& name);
std::vector<signal> const& output_bits(circuit const& c, std::string const& name);

// Reads parameter `name`, which validate() has made sure exists.
unsigned param(parameters const& p, std::string const& name);
// Throws std::invalid_argument unless lo <= p[name] <= hi.
void require_range(parameters const& p, std::string const& name, unsigned lo, unsigned hi);

// Checks that the circuit's buses are exactly the lemma's interface; throws
// std::invalid_argument naming the first mismatch.
void check_interface(lemma const& l, parameters const& p, circuit const& c);

}  // namespace tc0
