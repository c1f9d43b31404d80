// Lemma int.add — two-operand addition of m-bit unsigned integers.
//
// Claim: a + b has a threshold circuit of constant depth and polynomial size with small
//   weights (the integer core of the paper's d_std; standard, e.g. Vollmer, Introduction to
//   Circuit Complexity, ch. 1).
// Construction: the carry-lookahead adder of proofs/blocks/carry_lookahead_adder.hpp, one stage.
// Specification: value(sum) = value(a) + value(b), sum has m + 1 bits (no overflow possible).
// Obligations: stage "carry_lookahead" against the spec; composition (trivial, one stage);
//   structural; exhaustive simulation at small m; S1 depth 4 at every m; S2 size degree <= 3.
// Expected: all proved.
#include "proofs/blocks/carry_lookahead_adder.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/two_operand_lemma.hpp"

namespace tc0 {

lemma integer_addition_lemma() {
  return make_two_operand_lemma({
      .name = "int.add",
      .title = "two-operand addition of m-bit unsigned integers",
      .paper_ref = "integer core of d_std (float add, Lemma 2.x)",
      .claim = "sum = a + b exactly, in constant depth and polynomial size",
      .stage = "carry_lookahead",
      .output = "sum",
      .output_width = [](unsigned m) { return m + 1; },
      .body =
          [](circuit& c, std::vector<signal> const& a, std::vector<signal> const& b) {
            return create_carry_lookahead_sum(c, a, b, static_cast<unsigned>(a.size()) + 1);
          },
      .specification =
          [](circuit const& c, parameters const&) {
            linear_spec s;
            s.description = "sum = a + b";
            auto rhs = linear_expr::value_of(input_bits(c, "a"))
                           .add(linear_expr::value_of(input_bits(c, "b")));
            s.equals("sum", output_bits(c, "sum"), std::move(rhs));
            return s;
          },
      .depth_bound = 4,
      .degree_bound = 3,
  });
}

}  // namespace tc0
