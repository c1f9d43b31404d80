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
#include "proofs/lemmas.hpp"
#include "proofs/two_operand_lemma.hpp"

namespace tc0 {
namespace {

std::vector<signal> create_less_than(circuit& c, std::vector<signal> const& a,
                                     std::vector<signal> const& b) {
  auto const m = a.size();
  std::vector<signal> a_greater(m), b_greater(m), terms;
  for (size_t t = 0; t < m; ++t) {
    a_greater[t] = c.create_and({a[t], !b[t]});
    b_greater[t] = c.create_and({!a[t], b[t]});
  }
  for (size_t k = 0; k < m; ++k) {
    std::vector<signal> term{!a[k], b[k]};
    for (size_t t = k + 1; t < m; ++t) term.push_back(!a_greater[t]), term.push_back(!b_greater[t]);
    terms.push_back(c.create_and(std::move(term)));
  }
  return {c.create_or(std::move(terms))};
}

}  // namespace

lemma integer_comparison_lemma() {
  return make_two_operand_lemma({
      .name = "int.compare",
      .title = "unsigned comparison of m-bit integers",
      .paper_ref = "integer core of d_std (float comparison, Lemma 2.x)",
      .claim = "lt = [a < b] in constant depth and polynomial size",
      .stage = "first_difference",
      .output = "lt",
      .output_width = [](unsigned) { return 1u; },
      .body = create_less_than,
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
