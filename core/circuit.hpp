// The threshold circuit: one append-only vector of gates with structural hashing.
//
// Index 0 is the constant false; inputs and gates follow in creation order. A gate is appended
// only after its fan-ins exist, so index order is a topological order and every algorithm over
// the circuit (depth, simulation, encoding) is one forward pass.
//
// Canonical form (see create_threshold): every gate is stored as [sum_i w_i * l_i >= t] with
// literals l_i that may be complemented and weights w_i > 0. STYLE.md suggests the opposite
// normalisation (no complemented fan-ins, signed weights); positive weights are chosen here
// because AND, OR and MAJ then are exactly the unit-weight threshold gates, so one canonical
// form classifies and hashes all four kinds, and the encodings and the simulator only ever sum
// non-negative terms.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/big_int.hpp"
#include "core/gate_kind.hpp"
#include "core/signal.hpp"

namespace tc0 {

// A named group of signals, least significant bit first.
struct bus {
  std::string name;
  std::vector<signal> bits;
};

// A named part of a construction (SPEC §4): the gates created between begin_stage and
// end_stage, fed only by the stage's declared inputs.
struct stage_info {
  std::string name;
  std::vector<bus> inputs;
  std::vector<bus> outputs;
  // The nodes created while the stage was open: [first_node, end_node) (end_node is 0 while it is
  // open). Every gate of the stage is in it; for "(unstaged)" (stage 0) both are 0.
  uint32_t first_node = 0, end_node = 0;
};

struct builder_stats {
  uint64_t hash_hits = 0;      // create_* calls answered by an existing gate
  uint64_t folded = 0;         // create_* calls answered by a constant or a single literal
  uint64_t gates_created = 0;  // gates appended
};

class circuit {
 public:
  circuit();

  // ---- construction -------------------------------------------------------------------------
  bus const& create_input_bus(std::string const& name, unsigned width);
  void add_output_bus(std::string const& name, std::vector<signal> bits);

  signal create_and(std::vector<signal> fanins);
  signal create_or(std::vector<signal> fanins);
  // Strict majority: more than half of the fan-ins are true.
  signal create_maj(std::vector<signal> fanins);
  // [sum_i weights[i] * fanins[i] >= threshold], any signs; canonicalised before hashing.
  signal create_threshold(std::vector<signal> fanins, std::vector<big_int> weights,
                          big_int threshold);
  // Derived gates, built from the kinds above (XOR is not primitive, SPEC §1).
  signal create_xor(signal a, signal b);

  // Stages partition the gates: hashing is per stage so that a stage never reuses another
  // stage's gate behind the back of its declared inputs.
  void begin_stage(std::string const& name, std::vector<bus> inputs);
  void end_stage(std::vector<bus> outputs);

  // ---- fault injection (the mutation self-check, proofs/engine/mutation.hpp) ---------------
  // Gate `node` becomes [sum_i weights[i] * fanins[i] >= threshold] in place: same index, same
  // stage, so every specification written over the circuit's signals still speaks of it. The
  // definition is stored as given (classified into AND/OR/MAJ where its weights are
  // units), not canonicalised or hashed; the circuit is not meant to be built further (the hash
  // table is dropped). Throws std::invalid_argument unless node is a gate, every fan-in is a
  // distinct non-constant node before it, every weight is positive and 1 <= threshold <= sum of
  // weights.
  void replace_gate(uint32_t node, std::vector<signal> fanins, std::vector<big_int> weights,
                    big_int threshold);
  // The bits of output bus `name` become `bits` (throws when there is no such bus).
  void replace_output_bits(std::string const& name, std::vector<signal> bits);

  // ---- access --------------------------------------------------------------------------------
  uint32_t num_nodes() const { return static_cast<uint32_t>(nodes_.size()); }
  gate_kind kind(uint32_t node) const { return nodes_[node].kind; }
  std::span<signal const> fanins(uint32_t node) const {
    auto const& n = nodes_[node];
    return {fanins_.data() + n.fanin_begin, n.fanin_count};
  }
  // Weight of fan-in i (1 for AND, OR, MAJ).
  big_int weight(uint32_t node, uint32_t i) const;
  big_int threshold(uint32_t node) const;
  // Explicit weights of a `threshold` gate (empty for the unit-weight kinds).
  std::span<big_int const> explicit_weights(uint32_t node) const;
  uint32_t stage_of(uint32_t node) const { return nodes_[node].stage; }

  std::vector<uint32_t> const& input_nodes() const { return inputs_; }
  std::vector<bus> const& input_buses() const { return input_buses_; }
  std::vector<bus> const& output_buses() const { return output_buses_; }
  bus const* find_input_bus(std::string const& name) const;
  bus const* find_output_bus(std::string const& name) const;
  // stages()[0] is the implicit "unstaged" part; named stages follow.
  std::vector<stage_info> const& stages() const { return stages_; }
  builder_stats const& stats() const { return stats_; }

 private:
  struct node {
    gate_kind kind;
    uint32_t fanin_begin = 0;
    uint32_t fanin_count = 0;
    uint32_t weight_begin = 0;  // threshold gates: weights, then the threshold, in weights_
    uint32_t stage = 0;
  };
  // Structural hashing keeps no copy of a gate: hash_ maps a gate's hash to its index, and a
  // candidate is compared with the definition stored in nodes_, fanins_ and weights_ (a copy of
  // every fan-in list and weight doubled the memory of large circuits).
  static size_t gate_hash(uint32_t stage, gate_kind kind, std::span<signal const> fanins,
                          std::span<big_int const> weights_and_threshold);
  bool same_gate(uint32_t node, uint32_t stage, gate_kind kind, std::span<signal const> fanins,
                 std::span<big_int const> weights_and_threshold) const;

  signal add_canonical(gate_kind kind, std::vector<signal> fanins, std::vector<big_int> weights,
                       big_int threshold);
  void check_signal(signal s) const;

  std::vector<node> nodes_;
  std::vector<signal> fanins_;
  std::vector<big_int> weights_;
  std::vector<uint32_t> inputs_;
  std::vector<bus> input_buses_;
  std::vector<bus> output_buses_;
  std::vector<stage_info> stages_;
  uint32_t current_stage_ = 0;
  bool in_stage_ = false;
  std::unordered_multimap<size_t, uint32_t> hash_;  // gate_hash -> the gates with that hash
  std::unordered_set<std::string> stage_names_;
  builder_stats stats_;
};

// Value of a bus as an unsigned integer, given one bool per node (as produced by simulation).
big_int bus_value(std::vector<signal> const& bits, std::vector<bool> const& node_values);

}  // namespace tc0
