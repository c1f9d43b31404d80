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

  z3::context& ctx_;
  circuit const& c_;
  std::vector<std::optional<z3::expr>> cache_;
  uint64_t gates_encoded_ = 0;
};

// Name of the Z3 variable for an input node (stable, so SMT-LIB2 files are readable).
std::string variable_name(circuit const& c, uint32_t node);

}  // namespace tc0
