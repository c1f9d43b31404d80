// Random circuits for export and simulation tests: every gate kind, complemented fan-ins,
// weights of both signs and beyond 64 bits, constant and complemented outputs, two input buses.
#pragma once

#include <random>

#include "core/circuit.hpp"
#include "core/simulate.hpp"

namespace tc0::testing {

inline circuit random_circuit(uint64_t seed, unsigned gates = 40) {
  std::mt19937_64 rng{seed};
  circuit c;
  bus const x = c.create_input_bus("x", 5);
  bus const y = c.create_input_bus("y.1", 4);  // a name exports must map to an identifier
  std::vector<signal> pool = x.bits;
  pool.insert(pool.end(), y.bits.begin(), y.bits.end());
  for (unsigned g = 0; g < gates; ++g) {
    std::vector<signal> in;
    auto const k = 1 + rng() % 6;
    for (unsigned i = 0; i < k; ++i) in.push_back(pool[rng() % pool.size()] ^ (rng() & 1));
    switch (rng() % 4) {
      case 0:
        pool.push_back(c.create_and(in));
        break;
      case 1:
        pool.push_back(c.create_or(in));
        break;
      case 2:
        pool.push_back(c.create_maj(in));
        break;
      default: {
        std::vector<big_int> w;
        for (unsigned i = 0; i < k; ++i)
          w.push_back(big_int(static_cast<int>(rng() % 9) - 4) *
                      (rng() % 4 == 0 ? pow2(70) : big_int(1)));
        pool.push_back(c.create_threshold(in, w, big_int(static_cast<int>(rng() % 7) - 2)));
      }
    }
  }
  std::vector<signal> out;
  for (unsigned i = 0; i < 6; ++i) out.push_back(pool[pool.size() - 1 - i] ^ (rng() & 1));
  out.push_back(const_true);
  c.add_output_bus("q", out);
  c.add_output_bus("r", {pool[rng() % pool.size()], const_false});
  return c;
}

// Output bits of `c` (all buses, in order) on input pattern `k` (bit i = input node i).
inline std::vector<bool> output_bits(circuit const& c, uint64_t k) {
  std::vector<bool> in;
  for (size_t i = 0; i < c.input_nodes().size(); ++i) in.push_back(((k >> i) & 1u) != 0);
  auto const v = simulator{c}.run<bool>(in);
  std::vector<bool> out;
  for (auto const& b : c.output_buses())
    for (auto s : b.bits) out.push_back(simulator::value(v, s));
  return out;
}

}  // namespace tc0::testing
