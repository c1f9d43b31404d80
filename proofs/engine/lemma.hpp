// A lemma of the paper's chain (SPEC §3) as tc0check knows it: its parameters, the interface of
// its circuits, the construction (built as named stages with a specification per stage), the
// lemma's own word-level specification, and the bounds the structural checks hold it to.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/circuit.hpp"
#include "core/json.hpp"
#include "core/linear_spec.hpp"

namespace tc0 {

using parameters = std::map<std::string, unsigned>;

// "n=4,m=8"
std::string to_string(parameters const& p);
// Parameters as a JSON object {"n": 4, ...} and back (values 0..10^6; throws
// std::invalid_argument otherwise).
json::value parameters_json(parameters const& p);
parameters parameters_from_json(json::value const& v);

// A lemma's parameter and the values it accepts (inclusive).
struct parameter_range {
  std::string name;
  unsigned lo, hi;
  // An option (a form of the construction, e.g. tf.attention's causal mask) has a value the
  // lemma takes when the parameters leave it out; a size is then named without it.
  std::optional<unsigned> fallback = std::nullopt;
};

// One sweep: the parameters `fixed`, with `varied` taking each of `values` in turn.
std::vector<parameters> sweep(parameters const& fixed, std::string const& varied,
                              std::vector<unsigned> const& values);

struct bus_decl {
  std::string name;
  unsigned width;
  bool is_input;
};

// What a certified composition step reports when the constants it checks are wrong: what
// failed, and where possible circuit inputs on which the construction then goes wrong (they
// are replayed on the simulator before anything is called refuted).
struct certified_failure {
  std::string what;
  std::optional<std::vector<bool>> witness_inputs;
};

// One step of a composition argument (SPEC §4 (3)), for constructions whose stage
// specifications do not compose to the lemma's by one linear implication (the Chinese-remainder
// reconstruction): either an implication from some stage specifications and earlier steps'
// goals to `goal`, or a cited theorem whose hypotheses are facts about constants, checked here;
// a certified step's `goal`, when given, is the theorem's conclusion, which later steps and the
// lemma's own obligation may use. What a certified check compares against comes from the
// lemma's specification or its parameters, never only from the data that built the circuit
// (proofs/DESIGN.md lists every certified step and where its hypotheses come from).
struct composition_step {
  std::string name;
  std::vector<size_t> stages;  // indices into stage_specs, used as hypotheses
  std::vector<size_t> steps;   // earlier steps whose goals are hypotheses
  linear_spec goal;            // implication steps; certified steps: the conclusion, if any
  std::string theorem;         // certified steps: the theorem and its source
  std::function<std::optional<certified_failure>()> check;  // certified steps
  // Implication steps whose argument never looks inside a product: each distinct product is
  // read as an unknown integer in its range (sound: proved for every value, so for the true one)
  bool products_as_atoms = false;
  // Implication steps about the bits of binary numbers: bit-vectors first (solver_params)
  bool bit_vectors_first = false;
};

// A built construction: the circuit with its stages, and one specification per named stage
// (stage_specs[i] belongs to c.stages()[i + 1]; stages()[0] is the unstaged remainder).
//
// Every construction is held to the lemma's own specification by one obligation,
// "composition": lemma::specification, built over the output buses apart from the
// construction, follows from facts other obligations establish. Those facts are every stage
// specification, unless `output_hypotheses` names the stage specifications and composition
// steps (their goals) to use instead: constructions whose stages reach the lemma through
// composition steps name the steps that conclude. The choice only helps the solver (each fact
// is an obligation of its own); the goal is never the construction's.
struct construction {
  struct hypotheses {
    std::vector<size_t> stages, steps;
  };
  circuit c;
  std::vector<linear_spec> stage_specs;
  std::vector<composition_step> composition;
  std::optional<hypotheses> output_hypotheses;
  // Append, and return the handle (index) by which hypotheses and later steps name it.
  size_t add_stage_spec(linear_spec s) {
    stage_specs.push_back(std::move(s));
    return stage_specs.size() - 1;
  }
  size_t add_step(composition_step s) {
    composition.push_back(std::move(s));
    return composition.size() - 1;
  }
  // A stage's precondition is implied by every earlier stage specification unless named here
  // (stage name -> the stage specifications and composition steps to use instead): a few
  // facts the construction knows suffice, where all of them can swamp the solver. Sound either
  // way, because each named step is an obligation of its own.
  std::map<std::string, hypotheses> precondition_hypotheses;
};

// What a block (proofs/blocks/) returns to the construction that instantiates it: its result's
// bits and the composition step whose goal states their value, for the caller's own argument.
struct block_output {
  std::vector<signal> bits;
  size_t conclusion = 0;  // index into construction::composition
};

// One term of a composite lemma's depth formula: a paper symbol and the depth of the standalone
// lemma that defines it, built at the size the composite uses.
struct depth_term {
  std::string symbol;       // "d_std"
  std::string measured_on;  // "float.mul [k=2,p=3]"
  unsigned depth = 0;
};

// A structural fact a lemma claims of its construction beyond the staged proof
// (tf.attention_matrix's relative position), checked on the built circuit: an obligation of its
// own.
struct structural_claim {
  std::string name;  // the obligation's name
  struct outcome {
    bool holds = false;
    std::string detail;
  };
  std::function<outcome(construction const&, parameters const&)> check;
  // Where the claim is stated (empty: at every size); elsewhere it is not an obligation.
  std::function<bool(parameters const&)> applies;
};

struct lemma {
  std::string name;         // e.g. "int.iterated_add"
  std::string title;        // one line
  std::string paper_ref;    // where the paper states or uses it
  std::string paper_depth;  // the paper's symbol for this lemma's depth (e.g. "d_std"), if any
  // The lemmas whose constructions this one's is built from (the report's chain table); empty for
  // the arithmetic base, whose blocks are not lemmas of their own.
  std::vector<std::string> uses;
  std::string claim;  // the statement checked
  // The parameters in the order the command line lists them, with their accepted ranges.
  std::vector<parameter_range> parameter_table;
  // Relations between parameters the ranges cannot say, if any (throws std::invalid_argument).
  std::function<void(parameters const&)> constraints;
  std::function<std::vector<bus_decl>(parameters const&)> interface;
  std::function<construction(parameters const&)> build;
  // The lemma's specification over any circuit with the lemma's interface (a construction or a
  // user's netlist): it looks the buses up by name.
  std::function<linear_spec(circuit const&, parameters const&)> specification;

  unsigned depth_bound = 0;  // S1: depth must stay at most this, identical across a sweep
  // Composite lemmas: the paper-style depth formula, one term per stage of the documented
  // sequence (e.g. d_std + d_⊕ for a matrix product); the obligation `depth_formula` checks the
  // construction's depth is at most their sum, and prints it evaluated.
  std::function<std::vector<depth_term>(parameters const&)> depth_formula;
  std::vector<structural_claim> structural_claims;
  double degree_bound = 0;  // S2: fitted growth degree of size must stay at most this
  // A tighter S2 bound along some parameters (tf.rope: linear in d, though its sin and cos are
  // degree 8 in p); degree_bound holds along the others. A composite's degree_bound is at least
  // that of every lemma it uses (its size contains theirs at the same p): a test holds it there.
  std::map<std::string, double> degree_bound_along;
  unsigned monolithic_max_input_bits = 16;  // monolithic miter cross-check up to this many inputs
  std::vector<std::vector<parameters>> default_sweeps;  // each sweep varies one parameter
  // Where the mutation self-check runs (proofs/engine/mutation.hpp): a size whose construction has
  // few enough inputs for exhaustive simulation to tell every mutant wrong or equivalent.
  parameters self_check_size;
  // Why a lemma has no such size, if it has none (its smallest construction has too many inputs
  // for exhaustive simulation; its blocks are in the self-check through their own lemmas).
  std::string self_check_exempt;
  // Reports only: more values of a swept parameter whose circuits are built and measured for S1
  // and S2 but not proved (they would take too long); the sweeps' details list them as such.
  std::map<std::string, std::vector<unsigned>> measured_only;
  // Evidence lemmas (the hardness section): why their growth checks are expected to fail. The
  // verdicts stay as they are (a failing S1 is refuted); reports show these lemmas apart, with
  // this text, beside the transformer's depth.
  std::string evidence_note;
  // The default grid takes minutes: `tc0check report` runs it only with --all or --lemmas naming
  // the lemma, so that the quick start's report stays within its few minutes.
  bool slow_default_grid = false;

  std::vector<std::string> parameter_names() const;
  // S2's bound for a sweep along `swept`.
  double degree_bound_for(std::string const& swept) const;
  // Throws std::invalid_argument, with a message a person can act on, unless `p` gives every
  // parameter of the table a value in its range, nothing else, and meets the constraints.
  void validate(parameters const& p) const;
};

// The bits of a named bus; throws std::invalid_argument when the circuit has no such bus.
std::vector<signal> const& input_bits(circuit const& c, std::string const& name);
std::vector<signal> const& output_bits(circuit const& c, std::string const& name);

// Reads parameter `name`, which validate() has made sure exists.
unsigned param(parameters const& p, std::string const& name);
// An option's value: the given one, else `fallback`.
unsigned param_or(parameters const& p, std::string const& name, unsigned fallback);

// Checks that the circuit's buses are exactly the lemma's interface; throws
// std::invalid_argument naming the first mismatch.
void check_interface(lemma const& l, parameters const& p, circuit const& c);

}  // namespace tc0
