// Claim: tc0check's iterated float addition rounds the exact sum once, as the paper's ⊕ does
// (SPEC §2): at p = 2, 1 + 0.25 + 0.25 is 1.5, where chained two-operand additions give 1. The
// construction is proved by stages at n = 3, p = 2 (exponents in [-4, 3]), and the paper's
// printed addition rule agrees with exact-then-round exactly when zero is stored at e_min.
// Prints one line per result; exits non-zero on an unexpected outcome.
#include <cstdio>

#include "core/check_by_simulation.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/float/printed_addition.hpp"
#include "proofs/lemmas/registry.hpp"

int main() {
  using namespace tc0;
  bool ok = true;
  auto const& l = find_lemma("float.iterated_add");
  parameters const params{{"n", 3}, {"p", 2}, {"k", 0}};
  auto const f = format_of(params);

  // 1 = <2, -1>, 0.25 = <2, -3>; the inputs are the three floats' bits in format order
  std::vector<bool> inputs;
  for (auto const& x :
       {float_value{false, 2, -1}, float_value{false, 2, -3}, float_value{false, 2, -3}}) {
    auto const bits = pack(f, x);
    for (unsigned i = 0; i < f.total_bits(); ++i)
      inputs.push_back(boost::multiprecision::bit_test(bits, i));
  }
  auto const k = l.build(params);
  auto const values = simulate_pattern(k.c, inputs);
  big_int packed = 0;
  unsigned bit = 0;
  for (auto const* name : {"r_mag", "r_exp", "r_sign"})
    for (auto s : output_bits(k.c, name)) {
      if (values[s.index()] != s.complemented()) packed += pow2(bit);
      ++bit;
    }
  auto const r = unpack(f, packed);
  std::printf("circuit: 1 + 0.25 + 0.25 at p = 2 = %s = %s (exact sum rounded once)\n",
              to_string(r).c_str(), to_rational(r).str().c_str());
  ok = ok && to_rational(r) == rational{3, 2};

  auto const checked = check_construction(l, params, {});
  auto const v = overall(checked.obligations);
  std::printf("float.iterated_add [n=3, p=2, %s]: depth %u, %zu obligations %s\n",
              f.describe().c_str(), checked.size.metrics.depth, checked.obligations.size(),
              std::string(to_string(v)).c_str());
  ok = ok && v == verdict::proved;

  auto const f3 = float_format::paper(3);
  auto const at_min = survey_printed_add(f3, f3.e_min), at_zero = survey_printed_add(f3, 0);
  std::printf(
      "printed addition rule, p = 3: zero at e_min: %llu of %llu pairs differ; zero at "
      "exponent 0: %llu differ\n",
      static_cast<unsigned long long>(at_min.disagreements),
      static_cast<unsigned long long>(at_min.pairs),
      static_cast<unsigned long long>(at_zero.disagreements));
  ok = ok && at_min.disagreements == 0 && at_zero.disagreements > 0;
  return ok ? 0 : 1;
}
