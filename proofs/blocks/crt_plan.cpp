#include "proofs/blocks/crt_plan.hpp"

#include <stdexcept>

#include "core/primes.hpp"

namespace tc0 {
namespace {

// The multiplicative order of g modulo prime q.
unsigned order(unsigned g, unsigned q) {
  unsigned k = 1, x = g % q;
  while (x != 1) x = (x * g) % q, ++k;
  return k;
}

crt_prime make_prime(unsigned q) {
  crt_prime p;
  p.q = q;
  p.generator = 1;
  while (q > 2 && order(p.generator, q) != q - 1) ++p.generator;
  p.log.assign(q, 0);
  p.exp.assign(q - 1, 0);
  unsigned x = 1;
  for (unsigned w = 0; w + 1 < q; ++w) {
    p.exp[w] = x;
    p.log[x] = w;
    x = (x * p.generator) % q;
  }
  return p;
}

// v^-1 modulo prime q, v not divisible by q (Fermat: v^(q-2)).
big_int inverse_mod(big_int const& v, unsigned q) {
  big_int r = 1, b = v % q;
  for (unsigned e = q - 2; e > 0; e >>= 1) {
    if (e & 1) r = (r * b) % q;
    b = (b * b) % q;
  }
  return r;
}

}  // namespace

crt_plan plan_crt(unsigned n, unsigned m, unsigned drop_primes) {
  return plan_crt_for_bound(boost::multiprecision::pow(pow2(m) - 1, n), drop_primes);
}

crt_plan plan_crt_for_bound(big_int const& bound, unsigned drop_primes) {
  crt_plan plan;
  plan.modulus = 1;
  for (unsigned q = 2; plan.modulus <= bound; ++q)
    if (is_prime(q)) {
      plan.primes.push_back(make_prime(q));
      plan.modulus *= q;
    }
  if (drop_primes >= plan.primes.size())
    throw std::invalid_argument("plan_crt: cannot drop every prime");
  for (unsigned i = 0; i < drop_primes; ++i) {
    plan.modulus /= plan.primes.back().q;
    plan.primes.pop_back();
  }
  for (auto& p : plan.primes) {
    big_int const rest = plan.modulus / p.q;
    p.crt_coefficient = rest * inverse_mod(rest, p.q);
  }
  return plan;
}

big_int crt_term(crt_plan const& plan, size_t prime, unsigned v) {
  return (plan.primes[prime].crt_coefficient * v) % plan.modulus;
}

std::optional<std::string> check_primes(crt_plan const& plan, big_int const& largest) {
  big_int product = 1;
  for (size_t i = 0; i < plan.primes.size(); ++i) {
    auto const q = plan.primes[i].q;
    if (!is_prime(q)) return std::to_string(q) + " is not prime";
    if (i > 0 && plan.primes[i - 1].q >= q) return "the primes are not distinct and increasing";
    product *= q;
  }
  if (product != plan.modulus) return "M is not the product of the primes";
  if (plan.modulus <= largest)
    return "the product of the primes M = " + plan.modulus.str() +
           " does not exceed the largest result " + largest.str();
  return std::nullopt;
}

std::optional<std::string> check_discrete_logs(crt_prime const& p) {
  auto const q = p.q;
  if (q > 2 && order(p.generator, q) != q - 1)
    return std::to_string(p.generator) + " is not a primitive root modulo " + std::to_string(q);
  unsigned x = 1;
  for (unsigned w = 0; w + 1 < q; ++w) {
    if (p.exp[w] != x)
      return "exp table modulo " + std::to_string(q) + " is wrong at " + std::to_string(w);
    x = (x * p.generator) % q;
  }
  for (unsigned u = 1; u < q; ++u)
    if (p.log[u] >= q - 1 || p.exp[p.log[u]] != u)
      return "log table modulo " + std::to_string(q) + " is wrong at " + std::to_string(u);
  return std::nullopt;
}

std::optional<std::string> check_crt_coefficients(crt_plan const& plan) {
  for (size_t i = 0; i < plan.primes.size(); ++i)
    for (size_t j = 0; j < plan.primes.size(); ++j) {
      big_int const r = plan.primes[i].crt_coefficient % plan.primes[j].q;
      if (r != (i == j ? 1 : 0))
        return "c_" + std::to_string(plan.primes[i].q) + " mod " +
               std::to_string(plan.primes[j].q) + " = " + r.str();
    }
  return std::nullopt;
}

}  // namespace tc0
