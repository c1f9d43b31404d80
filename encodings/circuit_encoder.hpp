// Circuit -> Z3: one Boolean term per gate, built on demand for the cone of the signals asked
// for. Iterative (the cone is collected with an explicit stack, then encoded in index order,
// which is topological), so deep circuits cannot overflow the call stack, and every gate is
// encoded once however often it is shared.
//
// Stage proofs do not need a cut here: core/extract.hpp copies a stage into a circuit of its
// own whose inputs are the stage's declared inputs.
#pragma once

#include <z3++.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

class circuit_encoder {
 public:
  circuit_encoder(z3::context& ctx, circuit const& c);

  z3::expr literal(signal s);
  uint64_t gates_encoded() const { return gates_encoded_; }

 private:
  void encode_cone(uint32_t root);
  z3::expr encode_node(uint32_t n);
  // Name of the Z3 variable for an input node: its first bus position, "bus[i]" (stable, so
  // SMT-LIB2 files are readable), else "n<node>". The positions are indexed once per encoder: a
  // search of the buses per input was quadratic (int.div's tables stage at m = 16 has ~250k
  // input bits and spent 70% of its time naming variables).
  std::string variable_name(uint32_t node);

  z3::context& ctx_;
  circuit const& c_;
  std::vector<std::optional<z3::expr>> cache_;
  std::unordered_map<uint32_t, std::pair<size_t, size_t>> input_position_;  // (bus, bit)
  uint64_t gates_encoded_ = 0;
};

}  // namespace tc0
