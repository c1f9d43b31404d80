// Benchmark for issue 4 (not a test: times depend on the machine): the float lemmas' circuits
// against the exact Boost.Multiprecision reference (the specification's twin: exact integers
// and round_p) on every pair of valid floats, at the paper's exponent range (k = 0).
// Only valid encodings are enumerated (each operand's input positions take the values of
// valid_floats, core/float_format.hpp): (2 * 2^(p+1) * 2^(p-1) + 1)^2 pairs, 4.2 million at
// p = 5. The unit tests and `tc0check check` run every input pattern where that fits.
// Usage: float_exhaustive_bench [max p, default 5] [threads, default 2] [lemma, default all]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "core/check_by_simulation.hpp"
#include "proofs/float_interface.hpp"
#include "proofs/registry.hpp"

using namespace tc0;

namespace {

// The operand's input positions in pack() order (magnitude, biased exponent, sign) and the
// packed values of every valid float.
simulation_check_params::input_domain valid_operand(circuit const& c, std::string const& name,
                                                    float_format const& f) {
  std::map<uint32_t, uint32_t> position;  // input node -> its position among the inputs
  for (uint32_t i = 0; i < c.input_nodes().size(); ++i) position[c.input_nodes()[i]] = i;
  auto const x = input_float(c, name);
  simulation_check_params::input_domain d;
  for (auto const* b : {&x.magnitude, &x.exponent, &x.sign})
    for (auto s : b->bits) d.positions.push_back(position.at(s.index()));
  for (auto const& v : valid_floats(f)) d.values.push_back(pack(f, v).convert_to<uint64_t>());
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned const max_p = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 5;
  unsigned const threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 2;
  char const* const only = argc > 3 ? argv[3] : nullptr;
  auto const benched = {"float.compare", "float.mul", "float.add", "float.div"};
  if (only && std::none_of(benched.begin(), benched.end(),
                           [&](char const* n) { return std::strcmp(n, only) == 0; })) {
    std::fprintf(stderr,
                 "unknown lemma %s: one of float.compare, float.mul, float.add, float.div\n", only);
    return 2;
  }
  int status = 0;
  std::printf("%-14s %3s %12s %9s  %s\n", "lemma", "p", "valid pairs", "seconds", "result");
  for (auto const* name : benched)
    for (unsigned p = 2; p <= max_p; ++p) {
      if (only && std::strcmp(only, name) != 0) continue;
      auto const& l = find_lemma(name);
      parameters const params{{"p", p}, {"k", 0}};
      auto const built = l.build(params);
      auto const f = format_of(params);
      simulation_check_params sp;
      sp.exhaustive_max_input_bits = 24;
      sp.threads = threads;
      sp.domains = {valid_operand(built.c, "a", f), valid_operand(built.c, "b", f)};
      simulation_check_stats stats;
      auto const failure = check_exhaustive(built.c, l.specification(built.c, params), sp, &stats);
      std::printf("%-14s %3u %12llu %9.2f  %s\n", name, p,
                  static_cast<unsigned long long>(stats.patterns_checked), stats.seconds,
                  failure ? ("FAILS: clause " + failure->clause).c_str() : "agree on every pair");
      if (stats.patterns_skipped != 0) {
        std::printf("  %llu valid pairs violate the spec's preconditions\n",
                    static_cast<unsigned long long>(stats.patterns_skipped));
        status = 1;
      }
      std::fflush(stdout);
      if (failure) status = 1;
    }
  return status;
}
