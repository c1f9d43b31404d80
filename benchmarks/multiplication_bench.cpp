// Benchmark for issue 3 (not a test: times depend on the machine).
//   1. int.mul staged proof (every stage, implication and composition obligation) at m = 32
//      and m = 64, wall time.
//   2. The monolithic Z3 miter against bvmul, 60 s per query, at m = 4, 6, 8, ... until it
//      fails to finish, on an ordinary array multiplier (rows of ripple-carry full adders) and
//      on int.mul's construction; the ratio monolithic / staged at the largest m that finished.
//   3. int.iterated_mul staged proof at n = 8, m = 8 (a 64-bit product).
// Usage: multiplication_bench [monolithic timeout seconds, default 60] [--skip-64]
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "benchmarks/staged_timing.hpp"
#include "encodings/prove.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;
using bench::now;
using bench::staged_seconds;

namespace {

// The schoolbook array multiplier: row j adds a * b_j, shifted, to the running sum with a
// ripple of full adders (carry = MAJ, sum = [x + y + z - 2 carry >= 1]). Depth grows with m:
// it is the baseline a SAT-based miter is usually tried on, not a TC0 construction.
circuit array_multiplier(unsigned m) {
  circuit c;
  auto const a = c.create_input_bus("a", m).bits;
  auto const b = c.create_input_bus("b", m).bits;
  std::vector<signal> acc(2 * m, const_false);
  for (unsigned j = 0; j < m; ++j) {
    signal carry = const_false;
    for (unsigned i = 0; i < m; ++i) {
      auto const x = acc[i + j], y = c.create_and({a[i], b[j]});
      auto const maj = c.create_maj({x, y, carry});
      acc[i + j] = c.create_threshold({x, y, carry, maj}, {1, 1, 1, -2}, 1);
      carry = maj;
    }
    for (unsigned k = j + m; k < 2 * m && carry != const_false; ++k) {
      auto const x = acc[k];
      acc[k] = c.create_xor(x, carry);
      carry = c.create_and({x, carry});
    }
  }
  c.add_output_bus("product", acc);
  return c;
}

verdict miter(circuit const& c, lemma const& l, unsigned m, unsigned timeout_s, double& seconds) {
  auto const r =
      prove_circuit(c, l.specification(c, {{"m", m}}),
                    {.timeout_ms = timeout_s * 1000,
                     .enumerate_small_support = false,  // the miter itself, not enumeration
                     .smt2_path = {}});
  seconds = r.seconds;
  return r.result;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned const timeout_s = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 60;
  bool const skip_64 = argc > 2 && std::strcmp(argv[2], "--skip-64") == 0;
  auto const& l = find_lemma("int.mul");
  verdict v;
  for (unsigned m : {32u, 64u}) {
    if (m == 64 && skip_64) continue;
    auto const t = staged_seconds(l, {{"m", m}}, v);
    std::printf("int.mul staged proof, m=%u: %s in %.2f s wall\n", m,
                std::string(to_string(v)).c_str(), t);
    std::fflush(stdout);
  }

  std::printf("monolithic miter against bvmul (timeout %u s per query):\n", timeout_s);
  struct last {
    unsigned m = 0;
    double seconds = 0;
  } array_ok, ours_ok;
  bool array_going = true, ours_going = true;
  for (unsigned m = 4; (array_going || ours_going) && m <= 16; m += 2) {
    double s = 0;
    if (array_going) {
      auto const r = miter(array_multiplier(m), l, m, timeout_s, s);
      std::printf("  array multiplier m=%-2u: %s in %.2f s\n", m, std::string(to_string(r)).c_str(),
                  s);
      if (r == verdict::proved) array_ok = {m, s};
      array_going = r == verdict::proved;
    }
    if (ours_going) {
      auto const r = miter(l.build({{"m", m}}).c, l, m, timeout_s, s);
      std::printf("  int.mul construction m=%-2u: %s in %.2f s\n", m,
                  std::string(to_string(r)).c_str(), s);
      if (r == verdict::proved) ours_ok = {m, s};
      ours_going = r == verdict::proved;
    }
    std::fflush(stdout);
  }
  for (auto const& [what, ok] :
       {std::pair{"array multiplier", array_ok}, std::pair{"int.mul construction", ours_ok}}) {
    if (ok.m == 0) continue;
    auto const staged = staged_seconds(l, {{"m", ok.m}}, v);
    std::printf(
        "largest monolithic success on the %s: m=%u in %.2f s; staged proof of int.mul "
        "there %.2f s; ratio %.1f\n",
        what, ok.m, ok.seconds, staged, ok.seconds / staged);
  }

  auto const& im = find_lemma("int.iterated_mul");
  auto const t = staged_seconds(im, {{"n", 8}, {"m", 8}}, v, timeout_s * 1000);
  std::printf("int.iterated_mul staged proof, n=8 m=8 (64-bit product): %s in %.2f s wall\n",
              std::string(to_string(v)).c_str(), t);
  return 0;
}
