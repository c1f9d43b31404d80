// The number theory behind iterated multiplication in TC0 (Hesse, Allender and Barrington,
// "Uniform constant-depth threshold circuits for division and iterated multiplication",
// JCSS 65 (2002)): the primes, discrete-logarithm tables and Chinese-remainder constants a
// construction uses, as plain data, with the checks of their defining properties.
//
// Prime selection: the smallest primes 2, 3, 5, ... in order until their product M exceeds
// the largest possible result (2^m - 1)^n. Since the product of the primes up to x is
// e^((1 + o(1)) x), about n m ln 2 / ln(n m) primes of size O(n m) suffice: every residue has
// O(log(n m)) bits, which is what keeps the residue and table stages polynomial.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/big_int.hpp"

namespace tc0 {

struct crt_prime {
  unsigned q = 0;
  unsigned generator = 0;     // a primitive root modulo q (1 for q = 2)
  std::vector<unsigned> log;  // log[u] = discrete log of u base generator, u = 1..q-1
  std::vector<unsigned> exp;  // exp[w] = generator^w mod q, w = 0..q-2
  big_int crt_coefficient;    // c_q = (M/q) * ((M/q)^-1 mod q): 1 mod q, 0 mod the others
};

// The primes and constants only: the value range a plan was chosen for is not kept here, so
// that the check of M against it (check_primes) is handed a bound derived apart from the plan.
struct crt_plan {
  std::vector<crt_prime> primes;
  big_int modulus;  // M = product of the primes
};

// The plan for products of n m-bit numbers. `drop_primes` removes that many of the largest
// primes again (a deliberately too small prime set, for the tests that must refute it).
crt_plan plan_crt(unsigned n, unsigned m, unsigned drop_primes = 0);
// The plan for any value in [0, bound].
crt_plan plan_crt_for_bound(big_int const& bound, unsigned drop_primes = 0);

// (c_q * v) mod M: the Chinese-remainder contribution of residue v modulo q.
big_int crt_term(crt_plan const& plan, size_t prime, unsigned v);

// The defining properties, each checked on the numbers themselves; nullopt when all hold,
// otherwise what failed.
// distinct increasing primes, M their product, M > largest (the largest value to represent)
std::optional<std::string> check_primes(crt_plan const& plan, big_int const& largest);
std::optional<std::string> check_discrete_logs(crt_prime const& p);       // generator, log, exp
std::optional<std::string> check_crt_coefficients(crt_plan const& plan);  // c_q = [q = q'] mod q'

}  // namespace tc0
