// Lemma int.compare — unsigned comparison a < b of m-bit integers.
//
// Claim: [a < b] has a threshold circuit of depth 3 with unit weights (part of d_std: float
//   comparison, alignment and rounding all compare integers).
// Construction: lt = OR_k ( !a_k b_k AND_(t>k) (a_t = b_t) ), where a_t = b_t enters as the two
//   depth-1 literals !(a_t !b_t) and !(!a_t b_t); one stage.
// Specification: lt = [b - a - 1 >= 0].
// Obligations: stage against the spec; composition; structural; exhaustive simulation at small
//   m; S1 depth 3; S2 size degree <= 3.
// Expected: all proved.
#include "proofs/blocks/comparator.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/two_operand_lemma.hpp"

namespace tc0 {

lemma integer_comparison_lemma() {
  return make_two_operand_lemma({
      .name = "int.compare",
      .title = "unsigned comparison of m-bit integers",
      .paper_ref = "integer core of d_std (float comparison, Lemma 2.x)",
      .claim = "lt = [a < b] in constant depth and polynomial size",
      .stage = "first_difference",
      .output = "lt",
      .output_width = [](unsigned) { return 1u; },
      .body = [](circuit& c, std::vector<signal> const& a,
                 std::vector<signal> const& b) { return std::vector{create_less_than(c, a, b)}; },
      .specification =
          [](circuit const& c, parameters const&) {
            linear_spec s;
            s.description = "lt = [a < b]";
            auto diff = linear_expr::value_of(input_bits(c, "b"))
                            .add(linear_expr::value_of(input_bits(c, "a")), -1);
            diff.add_constant(-1);
            s.is_nonnegative("lt", output_bits(c, "lt").at(0), std::move(diff));
            return s;
          },
      .depth_bound = 3,
      .degree_bound = 3,
  });
}

}  // namespace tc0
