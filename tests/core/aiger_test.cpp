#include "core/aiger.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "core/circuit_file.hpp"
#include "core/netlist.hpp"
#include "tests/core/random_circuit.hpp"

using namespace tc0;

namespace {

circuit round_trip(circuit const& c, aiger_mode mode = aiger_mode::ascii) {
  std::stringstream text;
  write_aiger(text, lower_to_aig(c), "test", mode);
  return to_circuit(read_aiger(text, "test.aig"));
}

}  // namespace

TEST_CASE("AIGER lowering computes the circuit's function on every input (random circuits)") {
  for (uint64_t seed = 1; seed <= 30; ++seed) {
    CAPTURE(seed);
    auto const c = testing::random_circuit(seed);
    auto const back = round_trip(c, seed % 2 == 0 ? aiger_mode::binary : aiger_mode::ascii);
    REQUIRE(back.input_nodes().size() == c.input_nodes().size());
    REQUIRE(back.output_buses().size() == c.output_buses().size());
    for (size_t b = 0; b < c.input_buses().size(); ++b) {
      CHECK(back.input_buses()[b].name == c.input_buses()[b].name);
      CHECK(back.input_buses()[b].bits.size() == c.input_buses()[b].bits.size());
    }
    for (uint64_t k = 0; k < (uint64_t{1} << c.input_nodes().size()); ++k)
      REQUIRE(testing::output_bits(back, k) == testing::output_bits(c, k));
  }
}

TEST_CASE("AIGER lowering of a wide threshold gate: [2^80 a + 3 b + 5 c >= 2^80 + 4]") {
  circuit c;
  bus const x = c.create_input_bus("x", 3);
  c.add_output_bus("q", {c.create_threshold(x.bits, {pow2(80), 3, 5}, pow2(80) + 4)});
  auto const back = round_trip(c);
  for (uint64_t k = 0; k < 8; ++k) {
    bool const a = k & 1, b = k & 2, d = k & 4;
    CHECK(testing::output_bits(back, k) == std::vector<bool>{a && d});  // 3 b alone is below 4
    (void)b;
  }
}

TEST_CASE("a wrong lowering is caught: flipping one AND input changes the function") {
  auto const c = testing::random_circuit(7);
  auto g = lower_to_aig(c);
  REQUIRE(!g.ands.empty());
  bool differs = false;
  for (size_t k = 0; k < g.ands.size() && !differs; ++k) {
    auto broken = g;
    broken.ands[k].first ^= 1u;
    auto const back = to_circuit(broken);
    for (uint64_t v = 0; v < (uint64_t{1} << c.input_nodes().size()) && !differs; ++v)
      differs = testing::output_bits(back, v) != testing::output_bits(c, v);
  }
  CHECK(differs);
}

TEST_CASE("malformed AIGER is rejected with file, line and what was expected") {
  auto error_of = [](std::string const& text) {
    std::istringstream in(text);
    try {
      read_aiger(in, "f.aag");
    } catch (std::runtime_error const& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(error_of("aiger 1 1 0 1 0\n2\n2\n") ==
        "f.aag:1: expected the header 'aag M I L O A' or 'aig M I L O A' (AIGER)");
  CHECK(error_of("aag 2 1 1 0 0\n") ==
        "f.aag:1: latches are not supported (combinational circuits only)");
  CHECK(error_of("aag 2 1 0 1 1\n2\n4\n4 2 6\n") == "f.aag:4: literal 6 exceeds 2M+1");
  CHECK(error_of("aag 2 1 0 1 1\n2\n4\n4 2 4\n") ==
        "f.aag:4: an AND may only read earlier literals");
  CHECK(error_of("aag 1 1 0 1 0\n2\n") == "f.aag:3: expected an output literal");
  CHECK(error_of("aig 2 1 0 1 1\n4\n") == "f.aag:3: the AND section ends early");
  CHECK(error_of("aig 2 1 0 1 1\n4\n\x05\x01") ==
        "f.aag:3: AND 0 reads a literal not below its own");
  CHECK(error_of("aag 1 1 0 1 0\n2\n3\ni0 x[0]\nbad\n") ==
        "f.aag:5: expected a symbol 'iN NAME' or 'oN NAME', or 'c'");
  CHECK(error_of("aag 1 1 0 1 0\n2\n3\nix x[0]\n") ==
        "f.aag:4: expected a symbol 'iN NAME' with a number N");
}

TEST_CASE("an AIGER file without symbols reads as buses i and o") {
  std::istringstream in("aag 3 2 0 1 1\n2\n4\n7\n6 2 4\n");
  auto const c = to_circuit(read_aiger(in, "nand.aag"));
  REQUIRE(c.input_buses().size() == 1);
  CHECK(c.input_buses()[0].name == "i");
  for (uint64_t k = 0; k < 4; ++k) CHECK(testing::output_bits(c, k) == std::vector<bool>{k != 3});
}

TEST_CASE("an AIGER symbol table that names one bus as input and output is refused with the file") {
  // found by tests/fuzz/fuzz_aiger: the circuit's own error reached the user without the file
  std::istringstream in("aag 1 1 0 1 0\n2\n2\ni0 a[0]\no0 a[0]\n");
  CHECK_THROWS_WITH_AS(read_circuit(in, "dup.aag"), doctest::Contains("dup.aag: "), netlist_error);
}
