// The quotient and remainder of a 2m-bit A by an m-bit B >= 1 in constant depth, by a
// truncated reciprocal series evaluated through Chinese remainders (the division of Hesse,
// Allender and Barrington, JCSS 65 (2002), with one product instead of a correction step).
// Used by int.div and by float.div (whose A has constant zero bits below the significand).
//
// The series: let s = m - 1 - (position of B's leading one), B' = 2^s B in [2^(m-1), 2^m),
//   X = 2^m - B' in (0, 2^(m-1)], N = 2m - 1, L = m (N + 1), and
//     V(X) = sum_(i=0..N) X^i 2^(m (N - i)),  so  V(X) (2^m - X) = 2^L - X^(N+1)  (telescoping).
//   Then W = (A + 1) 2^s V(X) = (A + 1)(2^L - X^(N+1)) / B, and
//     W / 2^L = (A + 1)/B - e,  0 < e = (A + 1) X^(N+1) / (B 2^L) <= (A + 1) 2^-(N+1) / B <= 1/B,
//   because X/2^m <= 1/2 and A + 1 <= 2^(2m) = 2^(N+1). With A = Q B + R, 0 <= R < B:
//   W / 2^L = Q + (R + 1)/B - e lies in [Q, Q + 1), so Q = floor(W / 2^L): bits L .. L+2m-1 of
//   W. No correction step is needed (the +1 on A absorbs the series' error from below).
// Construction: W is one product of three factors, (A + 1), 2^s and V(X), computed modulo the
//   primes of a plan with product M > 2^(L + 2m) > W and reconstructed by the CRT:
//   1. normalise:  lead_j = [b_j AND no higher bit] (one threshold gate), B' = 2^s B (depth 3)
//   2. residues:   one-hot A mod q and B' mod q (depth 3)
//   3. pairs:      lead_j AND [B' = r mod q] for every j, r (depth 1)
//   4. tables:     log((A + 1) mod q) from A's residue; the log of 2^(m-1-j) V(2^m - r) mod q
//                  from the pairs; the zero flag (depth 1: ORs over one-hot inputs)
//   5-6. log_sums, exp_tables (proofs/blocks/log_product.hpp): one-hot P_q = W mod q (depth 4)
//   7-15. the CRT reconstruction of W (proofs/blocks/crt_reconstruction.hpp, depth 17)
//   16. the remainder: R = A - Q B < B < 2^m is its own low m bits, R = (A + sum_(i+j<m)
//       q_i b_j (2^m - 2^(i+j))) mod 2^m: products q_i b_j (depth 1), then the column-sum
//       stages (depth 8), the bit q_i b_j entered once in each column i+j .. m-1
//   Stage depths 3 + 3 + 1 + 1 + 4 + 17 = 28 for the quotient, + 1 + 8 for the remainder,
//   whatever m is; size polynomial in m: O(m^2) primes of size O(m^2), m q pairs per prime.
// Steps appended: lead_at_most_one and residues_at_most_one (the tables' precondition); the
//   certified step product_residues (every table entry recomputed independently, the discrete
//   logs checked; x = v mod q implies f(x) = f(v) mod q for the integer polynomials f, Fermat's
//   little theorem); the reconstruction's steps; the certified step series (N + 1 >= 2m, the
//   telescoping identity checked coefficient by coefficient, W < 2^(L + 2m) <= M, the
//   quotient's signals are W's bits L .. L + 2m - 1, all with N and L recomputed from m; the
//   error argument above cited; its conclusion is the quotient relation); remainder_columns (the
//   column sum's stages give the sum's exact value, linear in the product gates);
//   remainder_mod_2^m (with p_ij = q_i b_j, R = A - Q B mod 2^m: proved by rewriting and
//   normalising modulo 2^m, encodings/prove_by_rewriting.hpp, no solver) and remainder (with the
//   quotient relation, 0 <= A - Q B < B < 2^m, so R = A - Q B; Q B read as one unknown
//   integer, as the argument never looks inside it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Q B <= A < (Q + 1) B: the quotient's defining relation, as two preconditions of `s`.
void add_quotient_relation(linear_spec& s, linear_expr const& A, linear_expr const& B,
                           linear_expr const& Q);
// A - Q B, the remainder's value.
linear_expr remainder_value(linear_expr const& A, linear_expr const& B, linear_expr const& Q);

struct division_result {
  std::vector<signal> quotient;   // 2m bits
  std::vector<signal> remainder;  // m bits
  size_t quotient_step;           // composition step concluding Q B <= A < (Q + 1) B
  size_t remainder_step;          // composition step concluding R = A - Q B
};

// Appends the stages and steps above to `k` for A = value(a) (2m bits; constant bits allowed)
// and B = value(b) (m bits). The steps' conclusions hold where B >= 1: that is the lemma's
// precondition, or the goal of `divisor_positive_step`, which the series step then names.
// Deliberate faults, for the tests that show a wrong constant is caught: the circuit is built
// for a series one term short (N = 2m - 2, L = m (N + 1)), every table consistent with it; or
// the quotient is read from W one bit too high (bits L + 1 .. L + 2m).
struct division_faults {
  bool short_series = false;
  bool quotient_one_bit_high = false;
};

// Stages, buses and steps are named `prefix` + the names above.
division_result create_division(construction& k, bus const& a, bus const& b,
                                std::optional<size_t> divisor_positive_step = std::nullopt,
                                division_faults faults = {}, std::string const& prefix = "");

}  // namespace tc0
