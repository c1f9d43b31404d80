// Word-level specifications as linear relations over the bits of a circuit's signals.
//
// Every specification in tc0check's integer layer is a list of clauses of two shapes:
//   value_equals:   sum_k 2^k out_k = rhs            (or = rhs mod 2^|out| when `modular`)
//   is_nonnegative: out_0 = [rhs >= 0]
// where rhs = c_0 + sum_i c_i * l_i is an integer-linear expression over literals (a literal is
// 1 when its signal is true, so !x counts as 1 - x). Preconditions are `expr >= 0`.
//
// One data structure, three meanings, so nothing is written twice:
//   - concretely with cpp_int (the Boost twin: expected outputs for simulation and replay),
//   - in Z3 bit-vectors with widths wide enough that nothing wraps (stage and miter proofs),
//   - in Z3 linear integer arithmetic (composition identities and stage-to-stage implications,
//     which SPEC §4 and issue 3 want proved by arithmetic, not by bit-blasting).
// The clauses refer to signals of one circuit, so a spec is built per circuit, over its buses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/big_int.hpp"
#include "core/circuit.hpp"

namespace tc0 {

struct linear_term {
  big_int coefficient;
  signal literal;
};

struct linear_expr {
  std::vector<linear_term> terms;
  big_int constant = 0;

  // sum_k 2^(k + shift) bits[k]
  static linear_expr value_of(std::vector<signal> const& bits, unsigned shift = 0);
  linear_expr& add(linear_expr const& other, big_int const& factor = 1);
  linear_expr& add_term(big_int coefficient, signal literal);
  linear_expr& add_constant(big_int const& c) { return constant += c, *this; }

  // Least and greatest value over all assignments of the literals.
  big_int min_value() const;
  big_int max_value() const;
};

enum class clause_kind { value_equals, is_nonnegative };

struct spec_clause {
  std::string name;
  clause_kind kind = clause_kind::value_equals;
  std::vector<signal> out_bits;  // is_nonnegative: exactly one bit
  linear_expr rhs;
  bool modular = false;
};

struct linear_spec {
  std::string description;
  std::vector<std::pair<std::string, linear_expr>> preconditions;  // named, each `expr >= 0`
  std::vector<spec_clause> clauses;

  spec_clause& equals(std::string name, std::vector<signal> out_bits, linear_expr rhs,
                      bool modular = false);
  spec_clause& is_nonnegative(std::string name, signal out_bit, linear_expr rhs);
  void require(std::string name, linear_expr expr_nonnegative);
};

// ---- the concrete twin -------------------------------------------------------------------------

// Value of a literal under node values (one bool per node, e.g. from simulation).
inline bool literal_value(std::vector<bool> const& node_values, signal s) {
  return node_values[s.index()] != s.complemented();
}
big_int evaluate(linear_expr const& e, std::vector<bool> const& node_values);

// The output value the clause demands (is_nonnegative: 0 or 1); nullopt when a non-modular
// value_equals clause demands a value its bits cannot hold (the spec has no answer there).
std::optional<big_int> expected_value(spec_clause const& c, std::vector<bool> const& node_values);
big_int actual_value(spec_clause const& c, std::vector<bool> const& node_values);
bool holds(spec_clause const& c, std::vector<bool> const& node_values);
bool preconditions_hold(linear_spec const& s, std::vector<bool> const& node_values);

}  // namespace tc0
