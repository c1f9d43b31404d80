// Circuit -> Z3: one Boolean term per gate, built on demand for the cone of the signals asked
// for. Iterative (the cone is collected with an explicit stack, then encoded in index order,
// which is topological), so deep circuits cannot overflow the call stack, and every gate is
// encoded once however often it is shared.
//
// Stage proofs do not need a cut here: core/extract.hpp copies a stage into a circuit of its
// own whose inputs are the stage's declared inputs.
//
// Deep circuits get one named Boolean per gate, defined by an equation (`definitions`, which
// the caller asserts): Z3 takes time quadratic in the nesting depth of a term to build and
// assert it (a chain of 40k majority gates took 97 s before any solving; with every gate named
// it is linear). Only circuits deeper than `max_nested_depth` are encoded so: constant-depth
// constructions keep the nested terms their proofs were measured with.
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

  static constexpr uint32_t max_nested_depth = 128;

  z3::expr literal(signal s);
  uint64_t gates_encoded() const { return gates_encoded_; }
  // The equations that define the named gates encoded so far (empty for shallow circuits);
  // each is handed out once.
  z3::expr_vector take_definitions();

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
  bool name_gates_ = false;
  z3::expr_vector definitions_;
  std::unordered_map<uint32_t, std::pair<size_t, size_t>> input_position_;  // (bus, bit)
  uint64_t gates_encoded_ = 0;
};

}  // namespace tc0
