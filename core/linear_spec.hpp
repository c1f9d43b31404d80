// Word-level specifications as linear relations over the bits of a circuit's signals.
//
// Every specification in tc0check's integer layer is a list of clauses of two shapes:
//   value_equals:   lhs = rhs              (or lhs = rhs mod M, with 0 <= lhs < M, when `modulus`)
//   is_nonnegative: out_0 = [rhs >= 0]
// and the float layer adds a third, rounds_to (out = round_p of an exact value; rounding_target).
// where lhs is usually the binary value sum_k 2^k out_k of the clause's output bits (a one-hot
// residue uses sum_v v o_v), and rhs = c_0 + sum_i c_i * l_i is an integer-linear expression
// over literals (a literal is 1 when its signal is true, so !x counts as 1 - x), optionally plus
// products of such expressions: the specifications of multiplication (A * B, the product of n
// values) are not linear, and are stated as products rather than expanded, because an
// expanded product of n m-bit values has m^n monomials. Preconditions are `expr >= 0`.
//
// One data structure, three meanings, so nothing is written twice:
//   - concretely with cpp_int (the Boost twin: expected outputs for simulation and replay),
//   - in Z3 bit-vectors with widths wide enough that nothing wraps (stage and miter proofs),
//   - in Z3 linear integer arithmetic (composition identities and stage-to-stage implications,
//     which SPEC §4 and issue 3 want proved by arithmetic, not by bit-blasting); products are
//     normalised there into multilinear monomials (core/polynomial.hpp) first.
// The clauses refer to signals of one circuit, so a spec is built per circuit, over its buses.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/approximation.hpp"
#include "core/big_int.hpp"
#include "core/circuit.hpp"
#include "core/float_format.hpp"
#include "core/float_program.hpp"

namespace tc0 {

struct linear_term {
  big_int coefficient;
  signal literal;
};

struct linear_expr;

// coefficient * factor_1 * ... * factor_k; every factor is non-negative on every assignment.
struct product_term {
  big_int coefficient;
  std::vector<linear_expr> factors;
};

// coefficient * base * 2^exponent, base and exponent non-negative: a value shifted by a
// variable amount (floats: m 2^u). Bit-vectors only (a shift in linear arithmetic is not
// linear); the exponent is meant to be a small unsigned field.
struct shift_term {
  big_int coefficient;
  std::vector<linear_expr> base_and_exponent;  // exactly two: base, exponent
  // defined below linear_expr: clang needs the element type complete to index the vector
  linear_expr const& base() const;
  linear_expr const& exponent() const;
};

struct linear_expr {
  std::vector<linear_term> terms;
  big_int constant = 0;
  std::vector<product_term> products;
  std::vector<shift_term> shifts;

  // sum_k 2^(k + shift) bits[k]
  static linear_expr value_of(std::vector<signal> const& bits, unsigned shift = 0);
  // the single literal s, as a 0/1 value
  static linear_expr of(signal s) { return value_of({s}); }
  linear_expr& add(linear_expr const& other, big_int const& factor = 1);
  linear_expr& add_term(big_int coefficient, signal literal);
  linear_expr& add_constant(big_int const& c) { return constant += c, *this; }
  // Throws std::invalid_argument when a factor can be negative.
  linear_expr& add_product(big_int coefficient, std::vector<linear_expr> factors);
  // coefficient * base * 2^exponent; throws when base or exponent can be negative.
  linear_expr& add_shifted(big_int coefficient, linear_expr base, linear_expr exponent);

  bool is_linear() const { return products.empty() && shifts.empty(); }
  // Calls f(signal) for every literal, products' factors included.
  template <class F>
  void for_each_literal(F&& f) const;
  // The same expression over other signals (extraction, remapping).
  template <class F>
  linear_expr map_literals(F&& f) const;

  // Least and greatest value over all assignments of the literals.
  big_int min_value() const;
  big_int max_value() const;
};

// a ? x : y, as a x + (1 - a) y (two products)
linear_expr choose(signal a, linear_expr const& x, linear_expr const& y);

inline linear_expr const& shift_term::base() const {
  return base_and_exponent[0];
}
inline linear_expr const& shift_term::exponent() const {
  return base_and_exponent[1];
}

enum class clause_kind { value_equals, is_nonnegative, rounds_to, approximates, computes, maximum };

// rounds_to: the clause's out_bits hold a float (core/float_format.hpp layout: magnitude,
// biased exponent, sign) equal to round_p of the exact value
//   x = (-1)^sign * rhs / divisor * 2^(exponent + offset),
// where only the parity of `sign` counts (so sa + sb is the sign of a product) and rhs may be
// negative (a signed sum of shifted terms, as in float addition),
// stated relationally where it is proved: the result is valid, and no valid float is strictly
// closer to x, nor as close and preferred by the tie rule (core/float_format.hpp).
//
// With square_root set, the exact value is x = (-1)^sign * sqrt(rhs / divisor * 2^(exponent +
// offset)) instead (rhs never negative where the clause applies): the same relational round_p,
// the distances to an irrational x compared through squares (f is closer to sqrt(y) than g > f
// exactly when (f + g)^2 < 4 y, for f + g >= 0).
struct rounding_target {
  float_format format;
  linear_expr sign;      // non-negative; x is negative when it is odd
  linear_expr exponent;  // non-negative
  linear_expr divisor;   // positive wherever the clause applies (a precondition)
  int64_t offset = 0;
  bool square_root = false;
};

// approximates: the clause's out_bits hold a float r (the rounding target's format) that
// approximates f(x) (core/approximation.hpp: within 2^-p relative where f(x) is in the format's
// normal range, round_p up to 2^(-2p-1) beyond it) for the argument
//   x = (-1)^sign * rhs * 2^(exponent + offset)
// (the rounding target's fields describe x; its divisor is 1 and square_root unset). Judged on
// rigorous enclosures by simulation; it has no SMT encoding (a solver query stating it is
// `unknown`, never proved), so where it is a lemma's goal a certified error budget concludes it.
// A float operand of a computes clause: (-1)^sign magnitude 2^(exponent + e_min), read as the
// value of its bits.
struct program_operand {
  linear_expr magnitude, exponent, sign;
};

// An operand's value in units of 2^e_min: (1 - 2 sign) magnitude 2^exponent (sign a bit).
linear_expr scaled_value(program_operand const& x);
// An operand's bits packed as core/float_format.hpp's pack does: magnitude + exponent 2^p +
// sign 2^(p + E).
linear_expr packed_value(program_operand const& x, float_format const& f);

// computes: the clause's out_bits hold the float that value `program_output` of `program`
// (core/float_program.hpp) takes on `program_operands` — a documented order of float operations,
// each exact then rounded once, or approximated. Judged by the Boost twin; like approximates it
// has no SMT encoding, so where it is a lemma's goal a certified step concludes it from the
// blocks' own conclusions (proofs/blocks/float_sequence.hpp).
// maximum: the clause's out_bits hold the largest of the float operands (program_operands, each
// read as (-1)^sign magnitude 2^(exponent + e_min) of `operand_format`), packed: exact, nothing
// rounded (a max-subtracted softmax's row maximum). Stated in bit-vectors where it is proved: the
// out_bits equal one operand's magnitude, exponent and sign, and that operand's value is at least
// every other's (values compared exactly, shifted terms).
struct spec_clause {
  std::string name;
  clause_kind kind = clause_kind::value_equals;
  std::vector<signal> out_bits;  // the bits the clause constrains; is_nonnegative: exactly one
  linear_expr rhs;
  linear_expr lhs;                 // value_equals: an expression over out_bits, never negative
  std::optional<big_int> modulus;  // value_equals: lhs = rhs mod *modulus, 0 <= lhs < *modulus
  std::optional<rounding_target> rounding;        // rounds_to: rhs is the exact magnitude
  std::optional<approximated_function> function;  // approximates: f (rounding describes x)
  std::shared_ptr<float_program const> program;   // computes
  std::vector<program_operand> program_operands;  // computes
  uint32_t program_output = 0;                    // computes
  std::optional<float_format> operand_format;     // maximum

  // lhs is the plain binary value of out_bits (so bits of expected and actual can be compared)
  bool is_binary_value() const;
  // Calls f on every expression of the clause (lhs, rhs and the rounding target's).
  template <class F>
  void for_each_expr(F&& f) const;
  // The same clause over other signals.
  template <class F>
  spec_clause map_literals(F&& f) const;
};

struct linear_spec {
  std::string description;
  std::vector<std::pair<std::string, linear_expr>> preconditions;  // named, each `expr >= 0`
  std::vector<spec_clause> clauses;
  // Proof hints, never trusted: linear forms over input bits that the circuit reads only
  // through threshold gates [form >= theta] (a residue's thermometer, proofs/blocks/residue.hpp).
  // Enumeration checks the claim gate by gate and, where it holds, enumerates the form's values
  // instead of its bits' patterns (encodings/linear_form_domain.hpp). No other meaning.
  std::vector<linear_expr> linear_forms;
  // Proof hint: the circuit queries of this spec go to Z3's finite-domain solver (QF_FD: bit-
  // blasting into its SAT core, no SMT layer) rather than its default solver. It changes how the
  // queries are solved, not what they ask. Per spec because it is not better everywhere: on the
  // SMT-LIB2 files of int.div at m = 6 (`check int.div --m 6 --smt2-dir D`, each file solved once
  // by each solver, 2026-11-29) it took the carry recurrences' and column counts' queries
  // from 8.7 s and 5.7 s to 3.2 s and 2.0 s, but the residues' and log sums' from 79 s and 38 s
  // to 99 s and 45 s. In whole stages (encoding included), side by side: int.div m = 8 column
  // counts 8-9 s -> 4 s (crt) and 17 s -> 12 s (remainder); m = 10 carries 70 s -> 60 s (crt) and
  // 86 s -> 70 s (reduce).
  bool finite_domain_solver = false;

  // value(out_bits) = rhs, or = rhs mod 2^|out_bits| when `modular`
  spec_clause& equals(std::string name, std::vector<signal> out_bits, linear_expr rhs,
                      bool modular = false);
  // lhs = rhs [mod modulus], lhs an expression over out_bits
  spec_clause& relate(std::string name, std::vector<signal> out_bits, linear_expr lhs,
                      linear_expr rhs, std::optional<big_int> modulus);
  // out_bits one-hot, and sum_v v out_v = rhs mod q (q = |out_bits|): two clauses
  void one_hot_residue(std::string const& name, std::vector<signal> const& out_bits,
                       linear_expr const& rhs);
  spec_clause& is_nonnegative(std::string name, signal out_bit, linear_expr rhs);
  // out_bits (magnitude, biased exponent, sign) = round_p((-1)^sign magnitude / divisor *
  // 2^(exponent + offset)); see rounding_target.
  spec_clause& rounds_to(std::string name, std::vector<signal> out_bits, linear_expr magnitude,
                         rounding_target target);
  // out_bits (a float of argument.format) approximates fn(x) for x = (-1)^sign magnitude
  // 2^(exponent + offset); see the approximates clause above.
  spec_clause& approximates(std::string name, std::vector<signal> out_bits,
                            approximated_function fn, linear_expr magnitude,
                            rounding_target argument);
  // out_bits (a float of program->format) = value `output` of the program on `operands`; see
  // the computes clause above.
  spec_clause& computes(std::string name, std::vector<signal> out_bits,
                        std::shared_ptr<float_program const> program,
                        std::vector<program_operand> operands, uint32_t output);
  // out_bits (a float of `format`) = the largest of `operands`; see the maximum clause above.
  spec_clause& maximum(std::string name, std::vector<signal> out_bits,
                       std::vector<program_operand> operands, float_format const& format);
  // A relation the outputs must satisfy, expr >= 0 over outputs and inputs (e.g. Q B <= A):
  // an is_nonnegative clause whose bit is the constant 1.
  spec_clause& constrain(std::string name, linear_expr expr_nonnegative);
  // expr = 0, as the two clauses "name (>=)" (expr >= 0) and "name (<=)" (-expr >= 0)
  void constrain_zero(std::string const& name, linear_expr const& expr);
  void require(std::string name, linear_expr expr_nonnegative);
  // the precondition "at most one of `bits` is 1" (a one-hot code or all zero), named
  // "<what> has at most one bit set"
  void require_at_most_one(std::string const& what, std::vector<signal> const& bits);
};

template <class F>
void linear_expr::for_each_literal(F&& f) const {
  for (auto const& t : terms) f(t.literal);
  for (auto const& p : products)
    for (auto const& x : p.factors) x.for_each_literal(f);
  for (auto const& sh : shifts)
    for (auto const& x : sh.base_and_exponent) x.for_each_literal(f);
}

template <class F>
void spec_clause::for_each_expr(F&& f) const {
  f(lhs);
  f(rhs);
  if (rounding) {
    f(rounding->sign);
    f(rounding->exponent);
    f(rounding->divisor);
  }
  for (auto const& o : program_operands) {
    f(o.magnitude);
    f(o.exponent);
    f(o.sign);
  }
}

template <class F>
spec_clause spec_clause::map_literals(F&& f) const {
  spec_clause m{name,     kind,    {}, rhs.map_literals(f), lhs.map_literals(f), modulus, rounding,
                function, program, {}, program_output,      operand_format};
  for (auto s : out_bits) m.out_bits.push_back(f(s));
  for (auto const& o : program_operands)
    m.program_operands.push_back(
        {o.magnitude.map_literals(f), o.exponent.map_literals(f), o.sign.map_literals(f)});
  if (m.rounding) {
    m.rounding->sign = rounding->sign.map_literals(f);
    m.rounding->exponent = rounding->exponent.map_literals(f);
    m.rounding->divisor = rounding->divisor.map_literals(f);
  }
  return m;
}

template <class F>
linear_expr linear_expr::map_literals(F&& f) const {
  linear_expr r;
  r.constant = constant;
  for (auto const& t : terms) r.add_term(t.coefficient, f(t.literal));
  for (auto const& p : products) {
    product_term q{p.coefficient, {}};
    for (auto const& x : p.factors) q.factors.push_back(x.map_literals(f));
    r.products.push_back(std::move(q));
  }
  for (auto const& sh : shifts)
    r.shifts.push_back(
        {sh.coefficient, {sh.base().map_literals(f), sh.exponent().map_literals(f)}});
  return r;
}

// ---- the concrete twin -------------------------------------------------------------------------

// Value of a literal under node values (one bool per node, e.g. from simulation).
inline bool literal_value(std::vector<bool> const& node_values, signal s) {
  return node_values[s.index()] != s.complemented();
}
big_int evaluate(linear_expr const& e, std::vector<bool> const& node_values);
// A text that does not depend on the order of terms, of products' factors or of equal literals'
// coefficients: equal texts mean the two expressions are the same function of the literals.
std::string canonical_key(linear_expr const& e);
// The same for a clause: kind, output bits, every expression, modulus and rounding format and
// offset (not its name). Equal texts mean the two clauses state the same relation.
std::string canonical_key(spec_clause const& c);

// The output value the clause demands (is_nonnegative: 0 or 1); nullopt when a non-modular
// value_equals clause demands a value its bits cannot hold (the spec has no answer there).
// approximates: round_p(f(x)), a reference to show beside the output (several outputs meet the
// clause; holds() says whether this one does).
std::optional<big_int> expected_value(spec_clause const& c, std::vector<bool> const& node_values);
big_int actual_value(spec_clause const& c, std::vector<bool> const& node_values);
bool holds(spec_clause const& c, std::vector<bool> const& node_values);
bool preconditions_hold(linear_spec const& s, std::vector<bool> const& node_values);
// Whether a solver query can state a clause, every clause (approximates and computes have no SMT
// reading: they are judged by simulation; a goal with one is unknown, a hypothesis with one is
// left out of an implication's query).
bool has_smt_encoding(spec_clause const& c);
bool has_smt_encoding(linear_spec const& s);

}  // namespace tc0
