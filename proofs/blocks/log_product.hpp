// Products of residues by discrete logarithms, the middle of Hesse, Allender and Barrington's
// iterated multiplication: given, for every prime q of a plan, the factors' discrete logs in
// binary and a flag z_q = [some factor is 0 mod q], the one-hot residue P_q of the product.
//   log_sums:   one-hot E_q = (sum of the logs) mod (q - 1) (depth 3)
//   exp_tables: P_q[0] = z_q, P_q[g^w] = E_q[w] AND NOT z_q (the exponentiation table is
//               wiring plus one AND layer; depth 1; the specification is written from the exp
//               table, the wiring from the log table)
// The stage specifications say exactly this; that P_q is then the product mod q is the
// caller's certified step (the tables checked, Fermat's little theorem cited).
#pragma once

#include <string>
#include <vector>

#include "proofs/blocks/crt_plan.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// A discrete-log table read from a one-hot (or all-zero) code: `entries` pairs each literal with
// the log it stands for; bit b of the result is the OR of the literals whose log has bit b set
// (wiring plus one OR layer, depth 1).
std::vector<signal> create_log_lookup(circuit& c,
                                      std::vector<std::pair<signal, unsigned>> const& entries,
                                      unsigned width);

// A deliberate fault, for the tests that show a wrongly wired table is caught: the circuit
// reads the entries of v = 2 and v = 3 swapped (every prime q > 3).
struct log_product_faults {
  bool swap_exp_entries = false;
};

// The one-hot residues P_q and the handles of the two stages' specifications.
struct log_product {
  std::vector<bus> P;
  size_t sums = 0, tables = 0;
};

// logs[a]: the factors' logs for prime a (each a bus of binary digits); zero[a]: its z_q.
// Stages and buses are named `prefix` + the names above.
log_product create_log_product(construction& k, std::string const& prefix, crt_plan const& plan,
                               std::vector<std::vector<bus>> const& logs,
                               std::vector<signal> const& zero, log_product_faults faults = {});

}  // namespace tc0
