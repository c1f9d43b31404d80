// libFuzzer target: the AIGER reader (core/aiger.hpp), ASCII and binary, on arbitrary bytes,
// as check-netlist reads a file (core/circuit_file.hpp): what it accepts becomes a circuit.
#include <cstdint>
#include <sstream>

#include "core/circuit_file.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size) {
  std::string const text(reinterpret_cast<char const*>(data), size);
  tc0::fuzz::expect_clean_refusal("fuzz.aig:", [&] {
    std::istringstream in(text);
    (void)tc0::read_circuit(in, "fuzz.aig");  // as check-netlist reads a file
  });
  return 0;
}
