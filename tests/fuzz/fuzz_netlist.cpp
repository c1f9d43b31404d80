// libFuzzer target: the netlist reader (core/netlist.hpp) on arbitrary bytes. A netlist it
// accepts is written back and read again: the same circuit's size comes back.
#include <cstdint>
#include <sstream>
#include <stdexcept>

#include "core/metrics.hpp"
#include "core/netlist.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size) {
  std::string const text(reinterpret_cast<char const*>(data), size);
  tc0::fuzz::expect_clean_refusal("fuzz.net:", [&] {
    std::istringstream in(text);
    auto const c = tc0::read_netlist(in, "fuzz.net");
    std::ostringstream out;
    tc0::write_netlist(out, c);
    std::istringstream again(out.str());
    auto const d = tc0::read_netlist(again, "fuzz.net");
    if (tc0::measure(d).size != tc0::measure(c).size)
      throw std::logic_error("a written netlist reads back with another size");  // no prefix
  });
  return 0;
}
