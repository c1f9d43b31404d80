// linear_spec (core/linear_spec.hpp) in Z3, in two theories.
//
// Bit-vectors: both sides of every relation are made non-negative (negative terms move to the
// other side) and zero-extended to a width that holds their largest value, so no addition can
// wrap: the bit-vector relation is the integer relation. Used where circuit gates meet the spec.
//
// Linear integer arithmetic: every literal is an integer 0/1 variable (!x is 1 - x). Used for
// composition identities and stage-to-stage implications, which are arithmetic facts about
// sums and must not be bit-blasted (bit-blasted, they are the multiplier problem SAT cannot do).
#pragma once

#include <z3++.h>

#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/linear_spec.hpp"
#include "core/polynomial.hpp"
#include "encodings/encode_gate.hpp"

namespace tc0 {

using literal_encoder = std::function<z3::expr(signal)>;  // a signal -> its Boolean term

// One free Boolean per node (a specification's bits without a circuit), created on first use.
class free_literals {
 public:
  explicit free_literals(z3::context& ctx) : ctx_{ctx} {}
  z3::expr operator()(signal s);
  literal_encoder encoder() {
    return [this](signal s) { return (*this)(s); };
  }

 private:
  z3::context& ctx_;
  std::map<uint32_t, z3::expr> vars_;
};

// Bit-vectors: the clause as a formula that holds, and as one that fails (the negation; for
// rounds_to stated directly, see encodings/encode_rounding.hpp).
z3::expr encode_clause_bv(z3::context& ctx, spec_clause const& c, literal_encoder const& lit);
z3::expr encode_clause_violation_bv(z3::context& ctx, spec_clause const& c,
                                    literal_encoder const& lit);
// A non-negative expression as one unsigned bit-vector of the returned width.
bv_part encode_nonnegative_value(z3::context& ctx, linear_expr const& e,
                                 literal_encoder const& lit);
z3::expr encode_nonnegative_bv(z3::context& ctx, linear_expr const& e, literal_encoder const& lit);

// Linear arithmetic over the integers or, when `reals`, over the reals (every literal in
// [0, 1]). A linear consequence over the reals holds over 0/1 integers too, and real
// arithmetic is decided by the simplex alone, while Z3 may bit-blast small-range integer
// problems: prove_implication tries the reals first.
//
// Products (the non-linear specifications of multiplication) are normalised into multilinear
// monomials over the 0/1 variables (core/polynomial.hpp), and every monomial of degree >= 2
// becomes a variable of its own, bounded by the linear facts every product of 0/1 values obeys.
// This abstraction only adds models, so "unsat" stays a proof; a "sat" model may give a monomial
// a value its factors do not, which prove_implication checks before calling it a counterexample.
// With `products_as_atoms`, every distinct product is instead one unknown integer in the
// product's range, not expanded at all: a generalisation (the implication is proved for every
// value of the product, so also for the true one), for steps whose argument never looks inside
// the product (e.g. "R = A - Q B mod 2^m and 0 <= A - Q B < 2^m give R = A - Q B"), where the
// 2 m^2 monomials of Q B only give the solver room to wander.
// Thrown for a clause that has no linear-arithmetic reading (rounds_to).
struct not_linear : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Thrown for a clause no solver query states at all (approximates: judged by simulation on
// enclosures, core/approximation.hpp; computes: by the Boost twin of its program); a query that
// meets one is `unknown`.
struct no_smt_encoding : not_linear {
  explicit no_smt_encoding(spec_clause const& c)
      : not_linear("clause " + c.name +
                   (c.program
                        ? std::string(" (a documented program of float operations)")
                        : " (an approximation of " +
                              (c.function ? to_string(*c.function) : std::string("?")) + ")") +
                   " has no SMT encoding: it is judged by simulation") {}
};

class int_encoder {
 public:
  explicit int_encoder(z3::context& ctx, bool reals = false, bool products_as_atoms = false)
      : ctx_{ctx}, reals_{reals}, products_as_atoms_{products_as_atoms} {}
  z3::expr literal(signal s);  // 0/1 term
  z3::expr expr(linear_expr const& e);
  z3::expr clause(spec_clause const& c);
  // 0 <= v <= 1 for every variable created so far
  z3::expr bounds();
  // node index -> its 0/1 variable
  std::unordered_map<uint32_t, z3::expr> const& variables() const { return var_; }
  // monomial (degree >= 2) -> the variable standing for it
  std::map<monomial, z3::expr> const& monomial_variables() const { return monomials_; }
  // Shifted terms m 2^u (float values) are opaque integer atoms here, one per distinct term,
  // bounded by the term's range; a product of 0/1 factors with one such expression E is a
  // variable z tied to it exactly by z in [E_min b, E_max b] and z in [E - E_max (1 - b),
  // E - E_min (1 - b)] for the 0/1 product b. With products_as_atoms, products are atoms too.
  // Unsat stays a proof; a model must give each atom the value of its term (checked on replay).
  struct opaque_atom {
    z3::expr variable;
    linear_expr term;  // the shifted term or product alone, coefficient 1
  };
  std::vector<opaque_atom> const& atoms() const { return atoms_; }

  // Products expanding to more monomials than this are not encoded (std::length_error).
  static constexpr size_t max_monomials = 1u << 18;

 private:
  z3::expr constant(big_int const& v);
  polynomial normalise(linear_expr const& e);
  z3::expr monomial_term(monomial const& m);

  z3::expr atom(shift_term const& sh);
  z3::expr atom(linear_expr term);  // `term` alone, coefficient 1: its one shared atom
  z3::expr selected_product(product_term const& p);

  z3::context& ctx_;
  bool reals_;
  bool products_as_atoms_;
  std::unordered_map<uint32_t, z3::expr> var_;
  std::map<monomial, z3::expr> monomials_;
  std::vector<opaque_atom> atoms_;
  std::map<std::string, size_t> atom_index_;
  std::vector<z3::expr> side_;  // the atoms' bounds and the selected products' constraints
};

}  // namespace tc0
