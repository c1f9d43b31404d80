#include "core/netlist.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "core/check_by_simulation.hpp"

using namespace tc0;

namespace {

circuit parse(std::string const& text) {
  std::istringstream in(text);
  return read_netlist(in, "t.net");
}

std::string error_of(std::string const& text) {
  try {
    parse(text);
  } catch (netlist_error const& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("a netlist with every gate kind reads and computes what it says") {
  auto const c = parse(
      "# comment\n"
      "tc0check-netlist 1\n"
      "input a 2   # two bits\n"
      "input b 1\n"
      "g1 = and a[0] a[1]\n"
      "g2 = or !a[0] b[0]\n"
      "g3 = maj a[0] a[1] b[0]\n"
      "g4 = thr 2 2*a[0] -1*b[0] 1*g1\n"
      "output y = g1 g2 g3 g4 1 !0\n");
  REQUIRE(c.output_buses().size() == 1);
  auto const& y = c.output_buses()[0].bits;
  for (unsigned k = 0; k < 8; ++k) {
    bool const a0 = k & 1u, a1 = k & 2u, b0 = k & 4u;
    auto const v = simulate_pattern(c, {a0, a1, b0});
    CAPTURE(k);
    CHECK(literal_value(v, y[0]) == (a0 && a1));
    CHECK(literal_value(v, y[1]) == (!a0 || b0));
    CHECK(literal_value(v, y[2]) == (a0 + a1 + b0 >= 2));
    CHECK(literal_value(v, y[3]) == (2 * a0 - b0 + (a0 && a1) >= 2));
    CHECK(literal_value(v, y[4]));
    CHECK(literal_value(v, y[5]));
  }
}

TEST_CASE("write then read gives a circuit with the same function") {
  circuit c;
  auto const& x = c.create_input_bus("x", 4);
  auto const g = c.create_threshold(x.bits, {3, -2, 5, pow2(80)}, 4);
  c.add_output_bus("y", {g, !c.create_xor(x.bits[0], x.bits[3]), const_true});
  std::ostringstream out;
  write_netlist(out, c);
  auto const back = parse(out.str());
  for (unsigned k = 0; k < 16; ++k) {
    std::vector<bool> in{(k & 1u) != 0, (k & 2u) != 0, (k & 4u) != 0, (k & 8u) != 0};
    CHECK(bus_value(c.output_buses()[0].bits, simulate_pattern(c, in)) ==
          bus_value(back.output_buses()[0].bits, simulate_pattern(back, in)));
  }
}

TEST_CASE("malformed netlists are rejected with file, line and what was expected") {
  std::string const h = "tc0check-netlist 1\ninput a 2\n";
  struct bad {
    std::string text, expected;
  };
  for (auto const& [text, expected] : std::vector<bad>{
           {"", "t.net:0: empty netlist"},
           {"input a 2\n", "t.net:1: expected the header line"},
           {"tc0check-netlist 7\n", "t.net:1: unsupported netlist version"},
           {h + "g = xor a[0] a[1]\noutput y = g\n", "t.net:3: unknown gate kind 'xor'"},
           {h + "g = and a[0] h\nh = or a[0]\noutput y = g\n",
            "t.net:3: signal 'h' is used before its definition on line 4"},
           {h + "g = and a[0] q\noutput y = g\n", "t.net:3: undefined signal 'q'"},
           {h + "g = and a[0]\ng = or a[1]\noutput y = g\n", "t.net:4: 'g' is defined twice"},
           {h + "g = and a[5]\noutput y = g\n", "t.net:3: bit 5 of input bus 'a' does not exist"},
           {h + "g = thr 1 x*a[0]\noutput y = g\n", "t.net:3: expected weight (an integer)"},
           {h + "g = thr 1 a[0]\noutput y = g\n", "t.net:3: expected WEIGHT*SIGNAL"},
           {h + "g = and\noutput y = g\n", "t.net:3: 'and' needs at least one input signal"},
           {h + "input b 99999999\n", "t.net:3: bus width 99999999 is larger than the limit"},
           {h + "input b 0\n", "t.net:3: input bus 'b' has width 0"},
           {h + "g = and a[0]\n", "t.net:3: the netlist declares no output bus"},
           {h + "output y =\n", "t.net:3: expected 'output NAME = SIG ...'"},
           {h + "1x = and a[0]\noutput y = 1x\n", "t.net:3: invalid name '1x'"},
       }) {
    CAPTURE(text);
    auto const message = error_of(text);
    CHECK(message.find(expected) == 0);
  }
}

TEST_CASE("an error message that echoes control bytes stays one printable line") {
  auto const message = error_of("tc0check-netlist 1\n\x01\x0b\x1c\xff junk\n");
  CHECK(message.find("t.net:2:") == 0);
  for (char ch : message)
    CHECK((static_cast<unsigned char>(ch) >= 0x20 && static_cast<unsigned char>(ch) < 0x7f));
}

TEST_CASE("the weight limit is exact: 4096 bits are read, 4097 are refused") {
  std::string const h = "tc0check-netlist 1\ninput a 2\n";
  auto const weight = [](unsigned bits) { return (pow2(bits) - 1).str(); };  // exactly `bits` bits
  auto const net = [&](std::string const& w) {
    return h + "g = thr 1 " + w + "*a[0] 1*a[1]\noutput y = g\n";
  };
  CHECK_NOTHROW(parse(net(weight(4096))));
  CHECK(error_of(net(weight(4097))).find("has more than 4096 bits") != std::string::npos);
  CHECK(error_of(net(std::string(5000, '9'))).find("has more than 4096 bits") != std::string::npos);
}
