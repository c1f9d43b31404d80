// Formulas of the paper's hardness section (Section 5): the Boolean formula value problem and
// arithmetic formula evaluation, NC1-complete (Buss 1987; Buss, Cook, Gupta, Ramachandran 1992),
// so a constant-depth threshold circuit family evaluating them would give TC0 = NC1. Nothing
// here is a proof of anything: reference evaluators and random instances are test data, and the
// balanced formulas are what the evaluation-circuit lemmas (proofs/lemmas/hardness/) read.
//
// Texts are fully parenthesised, over ASCII:
//   Boolean     F := 0 | 1 | !F | (F&F) | (F|F)          (¬, ∧, ∨)
//   arithmetic  F := N | (F+F) | (F-F) | (F*F)           (N a decimal natural number)
// Evaluation is iterative (a formula may nest as deep as it is long). Malformed text throws
// std::invalid_argument naming the position (0-based) and what was expected there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/big_int.hpp"

namespace tc0 {

bool evaluate_boolean_formula(std::string_view text);
big_int evaluate_arithmetic_formula(std::string_view text);  // over the integers
// Modulo the prime q (throws unless q is a prime below 2^32): every intermediate result is
// reduced, so this is the integer value mod q, in [0, q).
uint64_t evaluate_arithmetic_formula_mod(std::string_view text, uint64_t q);

// The Boolean formula as an arithmetic one over the integers with the same value:
// x AND y = x*y, NOT x = 1 - x, x OR y = 1 - (1-x)(1-y) (= x + y - xy, with each operand
// written once, so the text grows linearly).
std::string boolean_to_arithmetic(std::string_view text);

// Random instances with `leaves` leaves (>= 1), the tree's shape, the operators, negations
// (Boolean: each subformula negated with probability 1/4) and literals (arithmetic: in
// [0, max_literal]) drawn from std::mt19937_64 seeded with `seed`.
std::string random_boolean_formula(unsigned leaves, uint64_t seed);
std::string random_arithmetic_formula(unsigned leaves, uint64_t max_literal, uint64_t seed);

// Balanced formulas: the complete binary tree over n = 2^h leaves (n >= 2). Internal node
// i = 1 .. n-1 in heap order (root 1, children 2i and 2i+1) reads entry i-1 of the per-node
// vectors; leaf j = 0 .. n-1 is tree node n + j. Boolean: node i is (L|R) where ors[i-1] is set,
// else (L&R), negated where negations[i-1] is set. Arithmetic: (L*R) where products[i-1] is set,
// else (L+R). Throws unless the sizes fit.
std::string balanced_boolean_formula(std::vector<bool> const& leaves, std::vector<bool> const& ors,
                                     std::vector<bool> const& negations);
std::string balanced_arithmetic_formula(std::vector<uint64_t> const& leaves,
                                        std::vector<bool> const& products);

}  // namespace tc0
