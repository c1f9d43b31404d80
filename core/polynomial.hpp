// Integer polynomials in 0/1 variables, in multilinear normal form (issue 3, SPEC §4).
//
// Ring identities between specifications, such as sum_(i,j) 2^(i+j) a_i b_j = A * B, are
// proved by normalisation, not by bit-blasting (bit-blasted, that identity *is* the multiplier
// problem). Every variable is a circuit node's 0/1 value, so x^2 = x: a monomial is a set of
// node indices, and a polynomial is a map from monomials to cpp_int coefficients with no zero
// entries. Two polynomials are equal as functions on {0,1}^n exactly when their normal forms
// are equal (the multilinear representation of a pseudo-Boolean function is unique), so this
// normal form decides such identities outright. A complemented literal !x is 1 - x.
#pragma once

#include <cstddef>
#include <map>
#include <vector>

#include "core/big_int.hpp"
#include "core/signal.hpp"

namespace tc0 {

using monomial = std::vector<uint32_t>;  // sorted, distinct node indices; {} is the constant 1

struct polynomial {
  std::map<monomial, big_int> terms;  // no zero coefficients

  static polynomial constant(big_int const& c);
  static polynomial literal(signal s);  // x, or 1 - x when complemented; constants fold

  polynomial& add(polynomial const& other, big_int const& factor = 1);
  // The product, normalised. Throws std::length_error when it would exceed `max_terms`
  // monomials (a product of n m-bit values expands to m^n of them).
  polynomial times(polynomial const& other, size_t max_terms) const;

  bool operator==(polynomial const& o) const { return terms == o.terms; }
  unsigned degree() const;
};

struct linear_expr;

// The normal form of an expression (products expanded). Throws std::domain_error for a shifted
// term (m 2^u has no polynomial form) and std::length_error past `max_terms` monomials.
polynomial polynomial_of(linear_expr const& e, size_t max_terms);

}  // namespace tc0
