// Exports checked by independent tools (a separate CTest entry per tool; exit 77 = skipped when
// the tool is not installed; .ci/install-deps installs both):
//   iverilog  the Verilog export of random circuits, simulated by Icarus Verilog on every input
//             pattern, must print what tc0check's simulator computes;
//   abc       ABC (berkeley-abc) must read the AIGER export with the same inputs and outputs (and
//             at most its AND gates: ABC drops those outside every output's cone), and prove it
//             equivalent (cec) to the ASCII export read back by tc0check and written again: reader,
//             both writers and ABC agree on the function.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/aiger.hpp"
#include "core/shell.hpp"
#include "core/verilog.hpp"
#include "tests/core/random_circuit.hpp"

using namespace tc0;
namespace fs = std::filesystem;

namespace {

std::string bits_text(std::vector<bool> const& bits, size_t from, size_t width) {
  std::string s;  // most significant first, as Verilog's %b prints
  for (size_t i = width; i-- > 0;) s += bits[from + i] ? '1' : '0';
  return s;
}

int check_iverilog(fs::path const& dir) {
  unsigned mismatches = 0, vectors = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    auto const c = testing::random_circuit(seed);
    std::ofstream v(dir / "dut.v");
    write_verilog(v, c, "dut", "random circuit " + std::to_string(seed));
    std::ofstream tb(dir / "tb.v");
    tb << "module tb;\n";
    std::string ports;
    for (auto const& b : c.input_buses()) {
      tb << "  reg [" << b.bits.size() - 1 << ":0] " << verilog_port("in", b.name) << ";\n";
      ports += (ports.empty() ? "." : ", .") + verilog_port("in", b.name) + "(" +
               verilog_port("in", b.name) + ")";
    }
    std::string display;
    for (auto const& b : c.output_buses()) {
      tb << "  wire [" << b.bits.size() - 1 << ":0] " << verilog_port("out", b.name) << ";\n";
      ports += ", ." + verilog_port("out", b.name) + "(" + verilog_port("out", b.name) + ")";
      display += (display.empty() ? "" : ", ") + verilog_port("out", b.name);
    }
    tb << "  dut d(" << ports << ");\n  initial begin\n";
    std::vector<std::string> expected;
    auto const patterns = uint64_t{1} << c.input_nodes().size();
    for (uint64_t k = 0; k < patterns; ++k) {
      std::vector<bool> in;
      for (size_t i = 0; i < c.input_nodes().size(); ++i) in.push_back(((k >> i) & 1u) != 0);
      size_t at = 0;
      for (auto const& b : c.input_buses()) {
        tb << "    " << verilog_port("in", b.name) << " = " << b.bits.size() << "'b"
           << bits_text(in, at, b.bits.size()) << ";\n";
        at += b.bits.size();
      }
      std::string fmt;
      for (size_t i = 0; i < c.output_buses().size(); ++i) fmt += i ? " %b" : "%b";
      tb << "    #1 $display(\"" << fmt << "\", " << display << ");\n";
      auto const out = testing::output_bits(c, k);
      std::string line;
      at = 0;
      for (auto const& b : c.output_buses()) {
        line += (line.empty() ? "" : " ") + bits_text(out, at, b.bits.size());
        at += b.bits.size();
      }
      expected.push_back(line);
    }
    tb << "  end\nendmodule\n";
    tb.close();
    v.close();
    auto const compiled = dir / "sim";
    auto const log =
        run_command("iverilog -g2005 -o " + compiled.string() + " " + (dir / "tb.v").string() +
                    " " + (dir / "dut.v").string() + " 2>&1");
    if (!log.empty()) {
      std::cerr << "iverilog rejected the export of seed " << seed << ":\n" << log;
      return 1;
    }
    std::istringstream got(run_command("vvp -n " + compiled.string()));
    std::string line;
    size_t i = 0;
    while (std::getline(got, line))
      if (i < expected.size()) {
        ++vectors;
        if (line != expected[i]) {
          if (++mismatches <= 5)
            std::cerr << "seed " << seed << " pattern " << i << ": iverilog " << line
                      << ", simulator " << expected[i] << "\n";
        }
        ++i;
      }
    if (i != expected.size()) {
      std::cerr << "seed " << seed << ": vvp printed " << i << " of " << expected.size()
                << " lines\n";
      return 1;
    }
  }
  std::cout << vectors << " patterns of 12 random circuits: " << mismatches
            << " differ between Icarus Verilog and the simulator\n";
  return mismatches == 0 && vectors > 0 ? 0 : 1;
}

int check_abc(fs::path const& dir) {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    auto const c = testing::random_circuit(seed);
    auto const g = lower_to_aig(c);
    auto const ours = dir / "ours.aig";  // ABC reads binary AIGER
    std::ofstream(ours, std::ios::binary) << [&] {
      std::ostringstream s;
      write_aiger(s, g, "random circuit", aiger_mode::binary);
      return s.str();
    }();
    // a second file from the round trip (to_circuit, then lowered again): ABC proves the two
    // equivalent with its own engine, so reader, writer and lowering agree on the function.
    std::ostringstream text;
    write_aiger(text, g, "");
    std::istringstream in(text.str());
    auto const back = lower_to_aig(to_circuit(read_aiger(in, "ours.aag")));
    std::ofstream(dir / "back.aig", std::ios::binary) << [&] {
      std::ostringstream s;
      write_aiger(s, back, "round trip", aiger_mode::binary);
      return s.str();
    }();
    auto const stats =
        run_command("berkeley-abc -c 'read_aiger " + ours.string() + "; print_stats' 2>&1");
    auto const io_at = stats.find("i/o =");
    auto const and_at = stats.find("and =");
    if (io_at == std::string::npos || and_at == std::string::npos) {
      std::cerr << "ABC did not read the AIGER export of seed " << seed << ":\n" << stats;
      return 1;
    }
    auto number_after = [&](size_t at) {
      at = stats.find_first_of("0123456789", at);
      return std::stoul(stats.substr(at));
    };
    auto const io = stats.substr(io_at, stats.find('\n', io_at) - io_at);
    unsigned long ins = number_after(io_at), outs = number_after(stats.find('/', io_at));
    if (ins != g.num_inputs || outs != g.outputs.size() || number_after(and_at) > g.ands.size()) {
      std::cerr << "seed " << seed << ": ABC counts " << io << " and " << number_after(and_at)
                << " ANDs; the export has " << g.num_inputs << "/" << g.outputs.size() << " and "
                << g.ands.size() << "\n";
      return 1;
    }
    auto const cec = run_command("berkeley-abc -c 'cec " + ours.string() + " " +
                                 (dir / "back.aig").string() + "' 2>&1");
    if (cec.find("Networks are equivalent") == std::string::npos) {
      std::cerr << "seed " << seed << ": ABC cec did not say equivalent:\n" << cec;
      return 1;
    }
  }
  std::cout << "12 random circuits: ABC reads every AIGER export with the expected inputs and "
               "outputs and "
               "proves each equivalent to its round trip\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string const tool = argc > 1 ? argv[1] : "";
  auto const binary = tool == "abc" ? std::string("berkeley-abc") : tool;
  if (tool != "iverilog" && tool != "abc") {
    std::cerr << "usage: exports_external_check iverilog|abc\n";
    return 2;
  }
  if (!have_command(binary) || (tool == "iverilog" && !have_command("vvp"))) {
    std::cout << binary << " is not installed: skipped\n";
    return 77;
  }
  auto const dir =
      fs::temp_directory_path() / ("tc0check_exports_" + tool + "_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  int const rc = tool == "iverilog" ? check_iverilog(dir) : check_abc(dir);
  fs::remove_all(dir);
  return rc;
}
