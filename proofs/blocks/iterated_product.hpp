// The product of n unsigned integers in constant depth (Hesse, Allender and Barrington):
//   residues:    one-hot h_(i,q) = x_i mod q (depth 3)
//   log_tables:  z_q = [some h_(i,q) is 0]; l_(i,q) = log_g(h_(i,q)) in binary (depth 1)
//   log_sums, exp_tables (proofs/blocks/log_product.hpp): one-hot P_q = product mod q (depth 4)
//   the Chinese-remainder reconstruction (proofs/blocks/crt_reconstruction.hpp, depth 17)
// with the certified steps discrete_logs and chinese_remainder; the latter concludes
// value(Y) = x_0 * ... * x_(n-1), which later steps may use. int.iterated_mul is this block;
// the float layer's iterated multiplication multiplies significands with it.
#pragma once

#include <string>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Deliberate faults, for the tests that show a broken construction is caught (issue 3's
// acceptance: a too small prime set, a wrong table).
struct crt_faults {
  unsigned drop_primes = 0;       // leave out the largest primes: M no longer exceeds the bound
  bool wrong_log_entry = false;   // the circuit's discrete-log table (largest prime) is off by one
  bool swap_exp_entries = false;  // exp_tables reads the entries of 2 and 3 swapped (q > 3)
  // the primes are chosen for values up to (2^m - 2)^n instead of (2^m - 1)^n (too few primes
  // for some inputs, while the plan looks consistent with itself)
  bool understate_bound = false;
};

// Y, the product's bits (width of the CRT modulus; the top bits may be zero), and the step
// chinese_remainder concluding value(Y) = x_0 * ... * x_(n-1); `input_count`: the
// construction's input bits (all ones is the witness input when the modulus is too small).
// Stages, buses and steps are named `prefix` + the names above.
block_output create_iterated_product(construction& k, std::string const& prefix,
                                     std::vector<bus> const& x, size_t input_count,
                                     crt_faults const& faults = {});

}  // namespace tc0
