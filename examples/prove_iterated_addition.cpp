// Claim: the constant-depth iterated-addition construction adds n 4-bit integers exactly for
// n = 2, 4, ..., 64, with the same depth at every n (S1) and polynomial size growth (S2).
// Prints one line per size and per sweep check; exits non-zero unless everything is proved.
#include <cstdio>

#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

int main() {
  using namespace tc0;
  auto const& l = find_lemma("int.iterated_add");
  std::vector<size_record> sizes;
  verdict all = verdict::proved;
  for (unsigned n = 2; n <= 64; n *= 2) {
    auto const r = check_construction(l, {{"n", n}, {"m", 4}}, {});
    auto const v = overall(r.obligations);
    all = combine(all, v);
    std::printf("n=%-3u m=4  depth %u  gates %llu  %zu obligations: %s\n", n, r.size.metrics.depth,
                static_cast<unsigned long long>(r.size.metrics.size), r.obligations.size(),
                std::string(to_string(v)).c_str());
    sizes.push_back(r.size);
  }
  for (auto const& o : check_sweep(l, "n", sizes)) {
    all = combine(all, o.result);
    std::printf("%s: %s — %s\n", o.id.c_str(), std::string(to_string(o.result)).c_str(),
                o.detail.c_str());
  }
  return all == verdict::proved ? 0 : 1;
}
