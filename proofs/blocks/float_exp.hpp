// e^x for a p-bit float x on buses of any circuit (the construction of float.exp), within 2^-p
// relative where e^x is in the format's range (core/approximation.hpp), in constant depth and
// size polynomial in p: range reduction by log2(e), a truncated power series of 2^phi whose
// powers come from the power block and whose sum is one exact column sum, one round_p
// (the constants and the error budget: proofs/blocks/exp_series.hpp).
//   <prefix>exp_operands:  huge = nonzero AND [u >= u_huge] (|x| >= 2^I; one threshold gate),
//                          hp = huge AND x >= 0, hn = huge AND x < 0, and X = floor(|x| 2^F) for
//                          the exponents where it can be non-zero (a shifter: [u = v] AND m_i,
//                          ORed; depth 3); X = 0 where huge
//   <prefix>exp_scale_*:   T = X L (the column-sum block over X's shifted copies)
//   <prefix>exp_reduce:    V = (T XOR s) + s mod 2^W (two's complement of T for x < 0); K (top
//                          wK bits) and Phi (the WF bits below) are V's wires
//   <prefix>pow<i>_*:      Phi^i, i = 2..N (the power block)
//   <prefix>exp_terms:     row i bit q = NOT hn AND (Phi^i)_q (row 0: NOT hn)
//   <prefix>exp_sum_*:     S = sum_i C_i Phi^i 2^((N-i) WF) (hn = 0), 0 (hn = 1)
//   <prefix>exp_exponent:  Kb = K + 2^(wK-1) (K's top bit complemented), all ones where hp
//   <prefix>round:         r = round_p(S' 2^(Kb + offset + D)) with S' = floor(S / 2^D), S's
//                          top bits (D = N WF: S >= 2^(G2 + D) (1 - eps_s) where not hn, so
//                          the truncation is below 2^-G2 relative;
//                          proofs/blocks/round_to_format.hpp)
// The certified step <prefix>exp_budget concludes the lemma's approximation clause from these
// and the budget recomputed in exact rationals (check_exp_budget).
#pragma once

#include <optional>
#include <string>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// r approximates e^x (core/approximation.hpp), x = (-1)^s |m| 2^(u + e_min): the clause
// float.exp's specification is made of.
spec_clause float_exp_clause(std::string const& name, float_format const& f, float_bus const& x,
                             std::vector<signal> const& r);

// Deliberate faults (the circuit and the budget both see the faulty plan): one bit of L
// (log2 e) flipped, a series term left out, or internal accuracy t other than 2p + 1 (t = p - 1
// gives x p + 3 fraction bits: the paper's "p plus guard bits", NEXT-LAYER.md §2).
struct float_exp_faults {
  bool log2e_bit_flipped = false;
  std::optional<unsigned> missing_term;
  unsigned internal_bits = 0;
};

rounded_float create_float_exp(construction& k, float_format const& f, float_bus const& x,
                               std::string const& prefix = "", float_exp_faults faults = {});

}  // namespace tc0
