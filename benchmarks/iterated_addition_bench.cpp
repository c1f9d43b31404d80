// Benchmark for the foundation issue (not a test: times depend on the machine).
//   1. int.iterated_add at n = 64, m = 8: every staged obligation (stage, implication,
//      composition, structural), wall time.
//   2. The monolithic Z3 miter on the same construction at growing sizes, 60 s per query,
//      up to the largest that finishes; the ratio staged / monolithic at that size.
//   3. Bit-parallel simulation throughput in gate evaluations per second.
// Usage: iterated_addition_bench [monolithic timeout seconds, default 60]
#include <cstdio>
#include <cstdlib>
#include <random>

#include "benchmarks/staged_timing.hpp"
#include "core/simulate.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

using bench::now;
using bench::staged_seconds;

int main(int argc, char** argv) {
  unsigned const mono_timeout = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 60;
  auto const& l = find_lemma("int.iterated_add");

  verdict v;
  auto const big = staged_seconds(l, {{"n", 64}, {"m", 8}}, v);
  std::printf("staged proof, n=64 m=8: %s in %.2f s wall\n", std::string(to_string(v)).c_str(),
              big);

  std::printf("monolithic miter (timeout %u s per query):\n", mono_timeout);
  parameters last_ok;
  double last_mono = 0;
  for (auto [n, m] : std::vector<std::pair<unsigned, unsigned>>{
           {4, 4}, {6, 4}, {8, 4}, {10, 4}, {12, 4}, {16, 4}, {24, 4}, {32, 4}}) {
    parameters const p{{"n", n}, {"m", m}};
    auto const k = l.build(p);
    auto const r =
        prove_circuit(k.c, l.specification(k.c, p),
                      {.timeout_ms = mono_timeout * 1000,
                       .enumerate_small_support = false,  // the miter itself, not enumeration
                       .smt2_path = {}});
    std::printf("  n=%-2u m=%u: %s in %.2f s\n", n, m, std::string(to_string(r.result)).c_str(),
                r.seconds);
    std::fflush(stdout);
    if (r.result != verdict::proved) break;
    last_ok = p;
    last_mono = r.seconds;
  }
  if (!last_ok.empty()) {
    auto const staged = staged_seconds(l, last_ok, v);
    std::printf(
        "largest monolithic success: %s in %.2f s; staged proof there: %.2f s; ratio "
        "monolithic/staged %.1f\n",
        to_string(last_ok).c_str(), last_mono, staged, last_mono / staged);
  }

  auto const k = l.build({{"n", 64}, {"m", 8}});
  simulator sim{k.c};
  std::mt19937_64 rng{1};
  std::vector<uint64_t> in(k.c.input_nodes().size());
  simulation_stats st;
  auto const t0 = now();
  unsigned rounds = 0;
  while (now() - t0 < 2.0) {
    for (auto& w : in) w = rng();
    sim.run<uint64_t>(in, &st);
    ++rounds;
  }
  auto const t = now() - t0;
  std::printf(
      "simulation, n=64 m=8 (%u gates): %.3g gate evaluations per second (%u words of 64 "
      "patterns)\n",
      static_cast<unsigned>(measure(k.c).size), static_cast<double>(st.gate_evaluations) / t,
      rounds);
  return 0;
}
