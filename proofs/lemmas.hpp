// One factory per lemma file; proofs/registry.cpp lists them in the paper's order.
#pragma once

#include "proofs/lemma.hpp"

namespace tc0 {

lemma integer_addition_lemma();                 // proofs/integer_addition.cpp
lemma integer_comparison_lemma();               // proofs/integer_comparison.cpp
lemma integer_iterated_addition_lemma();        // proofs/integer_iterated_addition.cpp
lemma integer_multiplication_lemma();           // proofs/integer_multiplication.cpp
lemma integer_iterated_multiplication_lemma();  // proofs/integer_iterated_multiplication.cpp
lemma integer_power_lemma();                    // proofs/integer_power.cpp
lemma integer_division_lemma();                 // proofs/integer_division.cpp
lemma float_addition_lemma();                   // proofs/float_addition.cpp
lemma float_iterated_addition_lemma();          // proofs/float_addition.cpp
lemma float_comparison_lemma();                 // proofs/float_comparison.cpp
lemma float_multiplication_lemma();             // proofs/float_multiplication.cpp
lemma float_division_lemma();                 // proofs/float_division.cpp
lemma float_iterated_multiplication_lemma();    // proofs/float_iterated_multiplication.cpp

}  // namespace tc0
