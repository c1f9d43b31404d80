// tf.rope and tf.attention_matrix (Lemma 4.3): the rotation's entries are constants checked
// against their determined roundings; the attention matrix is proved from its blocks; a flipped
// sign inside a rotation block or a transposed W_K is caught by the sequence step and refuted on
// the simulator with the matrices named.
#include "proofs/lemmas/transformer/attention_matrix.hpp"

#include <doctest/doctest.h>

#include "core/enclosure.hpp"
#include "core/metrics.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/rope_rotation.hpp"
#include "tests/proofs/lemmas/transformer/composite_checks.hpp"

using namespace tc0;

TEST_CASE("theta_k is 10000^(-2k/d) rounded once") {
  auto const f = float_format::with_exponent_bits(4, 5);    // e in [-16, 15]
  CHECK(rope_theta(f, 0, 4) == float_value{false, 8, -3});  // 1
  // d = 4, k = 1: 10^-2 = 0.01 = 10.24 2^-10: 10 2^-10
  CHECK(rope_theta(f, 1, 4) == float_value{false, 10, -10});
  // d = 8, k = 1: 10^-1 = 12.8 2^-7: 13 2^-7
  CHECK(rope_theta(f, 1, 8) == float_value{false, 13, -7});
  // d = 6, k = 1: 10^(-4/3) = 0.046416 = 11.88 2^-8: 12 2^-8
  CHECK(rope_theta(f, 1, 6) == float_value{false, 12, -8});
  CHECK_THROWS_AS(rope_theta(f, 2, 4), std::invalid_argument);
}

TEST_CASE("R_(j-i) is a constant matrix of the blocks' values; j - i must be a float") {
  float_program p;
  p.format = float_format::with_exponent_bits(4, 4);
  auto const r = add_rotation(p, 4, 3);
  for (auto const& row : r)
    for (auto v : row) CHECK(p.is_constant(v));
  // the 2x2 block: cos, -sin / sin, cos
  CHECK(r[0][0] == r[1][1]);
  CHECK(*p.node_of(r[0][1]).value == float_value{!p.node_of(r[1][0]).value->negative,
                                                 p.node_of(r[1][0]).value->magnitude,
                                                 p.node_of(r[1][0]).value->exponent});
  CHECK(*p.node_of(r[0][2]).value == zero_of(p.format));
  float_program q;
  q.format = float_format::with_exponent_bits(4, 2);  // e in [-2, 1]: 1 is not a float
  CHECK_THROWS_AS(add_rotation(q, 2, 1), std::invalid_argument);
}

TEST_CASE("the options: half-split pairs, the scale 1/sqrt(d) rounded once, a causal mask") {
  float_program p;
  p.format = float_format::with_exponent_bits(4, 4);
  auto const r = add_rotation(p, 4, 1, true);  // pairs (0, 2) and (1, 3)
  auto const zero = zero_of(p.format);
  CHECK(r[0][0] == r[2][2]);
  CHECK(*p.node_of(r[0][2]).value != zero);
  CHECK(*p.node_of(r[2][0]).value != zero);
  CHECK(*p.node_of(r[0][1]).value == zero);
  // pair (1, 3) turns by theta_1 = 0.01: sin underflows to 0 at this range, but it is the -sin
  CHECK(p.node_of(r[1][3]).op == float_op::neg);
  CHECK(r[1][1] == r[3][3]);
  // 1/sqrt(2) = 0.7071 = 11.31 2^-4 at p = 4; 1/sqrt(4) = 1/2 exactly; 1/sqrt(8) = 11.31 2^-5
  CHECK(round_root(p.format, rational(1, 2), 2) == float_value{false, 11, -4});
  CHECK(round_root(p.format, rational(1, 4), 2) == float_value{false, 8, -4});
  CHECK(round_root(p.format, rational(1, 8), 2) == float_value{false, 11, -5});
  // the scale is one product per score; the mask makes A_01 the constant 0 and leaves A_10
  parameters const q{{"n", 2}, {"d", 2}, {"p", 3}, {"k", 3}};
  auto const plain = attention_program_of(q, attention_part::matrix);
  auto with = q;
  with["scale"] = 1;
  with["causal"] = 1;
  auto const masked = attention_program_of(with, attention_part::matrix);
  CHECK(masked.program->text() != plain.program->text());
  CHECK_FALSE(plain.program->is_constant(plain.output[0][1]));
  CHECK(masked.program->is_constant(masked.output[0][1]));
  CHECK(*masked.program->node_of(masked.output[0][1]).value == zero_of(masked.program->format));
  CHECK_FALSE(masked.program->is_constant(masked.output[1][0]));
  CHECK(masked.program->node_of(masked.scores[1][0]).op == float_op::mul);
  CHECK(attention_form(with).find("causal mask (A_ij = 0 for j > i)") != std::string::npos);
  CHECK(attention_form(q).starts_with("the paper's form"));
  // the layer's first row under the mask: D_0 = round_p(A_00 + 0), the masked term the constant 0
  auto const layer = attention_program_of(with, attention_part::layer);
  auto const& y = layer.program->node_of(layer.output[0][0]);
  REQUIRE(y.op == float_op::div);
  auto const& D = layer.program->node_of(y.args[1]);
  REQUIRE(D.op == float_op::sum);
  REQUIRE(D.args.size() == 2);
  CHECK(layer.program->node_of(D.args[0]).op == float_op::exp);
  CHECK(*layer.program->node_of(D.args[1]).value == zero_of(layer.program->format));
  // maxsub: A_ij = exp(s_ij + (-max)), the max over the row's unmasked scores; under the mask
  // row 0 has one, which is its own maximum (no max node), row 1 has two
  with["maxsub"] = 1;
  auto const shifted = attention_program_of(with, attention_part::matrix);
  auto const& pr = *shifted.program;
  auto const row_max = [&](unsigned i) {
    auto const& e = pr.node_of(shifted.output[i][i]);  // exp(shifted_ii)
    REQUIRE(e.op == float_op::exp);
    auto const& sum = pr.node_of(e.args[0]);
    REQUIRE(sum.op == float_op::sum);
    auto const& neg = pr.node_of(sum.args[1]);
    REQUIRE(neg.op == float_op::neg);
    return neg.args[0];
  };
  CHECK(row_max(0) == shifted.scores[0][0]);
  auto const& m1 = pr.node_of(row_max(1));
  CHECK(m1.op == float_op::max);
  CHECK(m1.args == std::vector<uint32_t>{shifted.scores[1][0], shifted.scores[1][1]});
  CHECK(attention_form(with).find("each row's maximum subtracted before exp") != std::string::npos);
}

TEST_CASE("tf.rope: no gates, every entry checked") {
  auto const& l = find_lemma("tf.rope");
  auto const r =
      check_construction(l, {{"n", 8}, {"d", 4}, {"i", 6}, {"j", 1}, {"p", 4}, {"k", 4}}, {});
  CHECK(r.size.metrics.size == 0);
  check_every_obligation_proved(r);
  CHECK(detail_of(r, "/composition:sequence"));
}

TEST_CASE("relative position: the cones of A_ij with one j - i are one circuit, up to X's rows") {
  auto const& l = find_lemma("tf.attention_matrix");
  parameters const p{{"n", 3}, {"d", 2}, {"p", 2}, {"k", 2}};
  check_params cp;
  cp.cross_checks = false;
  cp.select = [](std::string const& name) {
    return name == "structural" || name == "relative_position";
  };
  auto const verdict_of = [&](attention_faults faults) {
    auto const r = check_built(l, p, build_attention_matrix(p, faults), cp);
    for (auto const& o : r.obligations)
      if (o.id.ends_with("/relative_position")) {
        MESSAGE(o.detail);
        return o.result;
      }
    FAIL("no relative_position obligation");
    return verdict::unknown;
  };
  CHECK(verdict_of({}) == verdict::proved);
  // a flip in every rotation keeps the property (and is caught by the sequence step instead)
  CHECK(verdict_of({.flipped_rotation_sign = true}) == verdict::proved);
  // a flip for the pair (0, 1) alone makes its score circuit differ from the pair (1, 2)'s
  CHECK(verdict_of({.flipped_for_one_pair = true}) == verdict::refuted);
}

TEST_SUITE("solver") {
  TEST_CASE("tf.attention_matrix at n = 2, d = 2 is proved, its depth formula evaluated") {
    auto const& l = find_lemma("tf.attention_matrix");
    auto const r = check_construction(l, {{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}}, {});
    auto const n = check_every_obligation_proved(r);
    auto const depth_formula = detail_of(r, "/depth_formula");
    REQUIRE(depth_formula);
    CHECK(depth_formula->find("d_exp") != std::string::npos);
    CHECK(has_obligation_by(r, method::random_simulation));
    CHECK(n.by_reference * 2 >
          n.obligations);  // the four exp blocks, the q and k blocks: mostly shared
  }

  TEST_CASE(
      "a flipped rotation sign or a transposed W_K: the sequence step fails, simulation "
      "refutes with the matrices named") {
    auto const& l = find_lemma("tf.attention_matrix");
    parameters const p{{"n", 2}, {"d", 2}, {"p", 2}, {"k", 2}};
    check_params cp;
    cp.select = [](std::string const& name) {
      return name == "structural" || name == "composition:sequence" || name == "random";
    };
    for (auto const faults : {attention_faults{.flipped_rotation_sign = true},
                              attention_faults{.transposed_wk = true}}) {
      CAPTURE(faults.transposed_wk);
      check_wiring_fault(check_built(l, p, build_attention_matrix(p, faults), cp),
                         {"X_1_0;", "WK_0_1;", "actual A_"});
    }
  }
}
