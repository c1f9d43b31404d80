// int.iterated_mul's builder with deliberate faults, for the tests and examples that show a
// broken construction is caught (issue 3's acceptance: a too small prime set, a wrong table).
#pragma once

#include "proofs/lemma.hpp"

namespace tc0 {

struct crt_faults {
  unsigned drop_primes = 0;      // leave out the largest primes: M no longer exceeds the bound
  bool wrong_log_entry = false;  // the circuit's discrete-log table (largest prime) is off by one
};

construction build_iterated_multiplication(parameters const& p, crt_faults const& faults);

}  // namespace tc0
