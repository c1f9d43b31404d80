// One factory per lemma file; proofs/lemmas/registry.cpp lists them in the paper's order.
#pragma once

#include "proofs/engine/lemma.hpp"

namespace tc0 {

lemma integer_addition_lemma();           // proofs/lemmas/integer/integer_addition.cpp
lemma integer_comparison_lemma();         // proofs/lemmas/integer/integer_comparison.cpp
lemma integer_iterated_addition_lemma();  // proofs/lemmas/integer/integer_iterated_addition.cpp
lemma integer_multiplication_lemma();     // proofs/lemmas/integer/integer_multiplication.cpp
lemma integer_iterated_multiplication_lemma();  // proofs/lemmas/integer/integer_iterated_multiplication.cpp
lemma integer_power_lemma();                    // proofs/lemmas/integer/integer_power.cpp
lemma integer_division_lemma();                 // proofs/lemmas/integer/integer_division.cpp
lemma float_addition_lemma();                   // proofs/lemmas/float/float_addition.cpp
lemma float_iterated_addition_lemma();          // proofs/lemmas/float/float_addition.cpp
lemma float_comparison_lemma();                 // proofs/lemmas/float/float_comparison.cpp
lemma float_multiplication_lemma();             // proofs/lemmas/float/float_multiplication.cpp
lemma float_division_lemma();                   // proofs/lemmas/float/float_division.cpp
lemma float_iterated_multiplication_lemma();  // proofs/lemmas/float/float_iterated_multiplication.cpp

}  // namespace tc0
