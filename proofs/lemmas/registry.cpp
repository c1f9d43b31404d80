#include "proofs/lemmas/registry.hpp"

#include <stdexcept>

#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {

std::vector<lemma> const& all_lemmas() {
  static std::vector<lemma> const lemmas = {
#define TC0_LEMMA(factory) factory(),
#include "proofs/lemmas/lemma_list.inc"
#undef TC0_LEMMA
  };
  return lemmas;
}

lemma const& find_lemma(std::string const& name) {
  std::string known;
  for (auto const& l : all_lemmas()) {
    if (l.name == name) return l;
    known += (known.empty() ? "" : ", ") + l.name;
  }
  throw std::invalid_argument("unknown lemma '" + name + "' (known: " + known + ")");
}

}  // namespace tc0
