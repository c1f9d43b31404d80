#include "proofs/lemmas/registry.hpp"

#include <stdexcept>

#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {

std::vector<lemma> const& all_lemmas() {
  static std::vector<lemma> const lemmas = {
      integer_addition_lemma(),
      integer_comparison_lemma(),
      integer_iterated_addition_lemma(),
      integer_multiplication_lemma(),
      integer_iterated_multiplication_lemma(),
      integer_power_lemma(),
      integer_division_lemma(),
      float_comparison_lemma(),
      float_addition_lemma(),
      float_iterated_addition_lemma(),
      float_multiplication_lemma(),
      float_division_lemma(),
      float_iterated_multiplication_lemma(),
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
