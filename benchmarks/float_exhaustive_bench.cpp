// Benchmark for issue 4 (not a test: times depend on the machine): the float lemmas' circuits
// against the exact Boost.Multiprecision reference (the specification's twin: exact rationals,
// round_p) on every input pattern, at the paper's exponent range (k = 0).
// At p the patterns are 2^(2 (2p + 2)) for two operands: 2^20 at p = 4, 2^24 at p = 5; those
// that are not pairs of valid floats are skipped, not counted.
// Usage: float_exhaustive_bench [max p, default 5] [threads, default 2] [lemma, default all]
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/check_by_simulation.hpp"
#include "proofs/registry.hpp"

using namespace tc0;

int main(int argc, char** argv) {
  unsigned const max_p = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 5;
  unsigned const threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 2;
  int status = 0;
  std::printf("%-14s %3s %10s %10s %9s  %s\n", "lemma", "p", "checked", "skipped", "seconds",
              "result");
  char const* const only = argc > 3 ? argv[3] : nullptr;
  for (auto const* name : {"float.compare", "float.mul", "float.add", "float.div"})
    for (unsigned p = 2; p <= max_p; ++p) {
      if (only && std::strcmp(only, name) != 0) continue;
      auto const& l = find_lemma(name);
      parameters const params{{"p", p}, {"k", 0}};
      auto const built = l.build(params);
      simulation_check_params sp;
      sp.exhaustive_max_input_bits = 24;
      sp.threads = threads;
      simulation_check_stats stats;
      auto const failure = check_exhaustive(built.c, l.specification(built.c, params), sp, &stats);
      std::printf(
          "%-14s %3u %10llu %10llu %9.2f  %s\n", name, p,
          static_cast<unsigned long long>(stats.patterns_checked),
          static_cast<unsigned long long>(stats.patterns_skipped), stats.seconds,
          failure ? ("FAILS: clause " + failure->clause).c_str() : "agree on every pattern");
      std::fflush(stdout);
      if (failure) status = 1;
    }
  return status;
}
