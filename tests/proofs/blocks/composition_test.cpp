// Composition works: a lemma that is not in the chain, built from two existing blocks and
// proved, with nothing written for it but its declaration (the paper's layer is made this way).
#include <doctest/doctest.h>

#include "proofs/blocks/float_product.hpp"
#include "proofs/blocks/float_sum.hpp"
#include "proofs/blocks/power.hpp"
#include "proofs/engine/check.hpp"

using namespace tc0;

TEST_SUITE("solver") {
  TEST_CASE("a multiply-then-add of three floats, from the product and sum blocks, is proved") {
    lemma l;  // t = round_p(a b), then r = round_p(t + c): the order of operations is the spec
    l.name = "example.mul_then_add";
    l.parameter_table = float_parameters(8);
    l.build = [](parameters const& p) {
      auto const f = format_of(p);
      construction k;
      auto const a = create_float_input(k.c, "a", f), b = create_float_input(k.c, "b", f),
                 c = create_float_input(k.c, "c", f);
      auto const t = create_float_product(k, f, a, b, "mul_");
      auto const r = create_float_sum(k, f, {split_float("t", f, t.bits), c});
      add_float_output(k.c, "t", f, t.bits);
      add_float_output(k.c, "r", f, r.bits);
      k.output_hypotheses = {.steps = {t.conclusion, r.conclusion}};
      return k;
    };
    l.specification = [](circuit const& c, parameters const& p) {
      auto const f = format_of(p);
      auto const t = output_float(c, "t");
      linear_spec s{"t = round_p(a b), r = round_p(t + c)", {}, {}};
      s.clauses.push_back(
          float_product_clause("t", f, input_float(c, "a"), input_float(c, "b"), t.bits()));
      s.clauses.push_back(
          float_sum_clause("r", f, {t, input_float(c, "c")}, output_float(c, "r").bits()));
      return s;
    };
    auto const r = check_construction(l, {{"p", 3}, {"k", 2}}, {});
    bool tied = false, simulated = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      tied |= o.id.ends_with("/composition");
      simulated |= o.how == method::exhaustive_simulation;  // 18 input bits: every pattern
    }
    CHECK(tied);
    CHECK(simulated);
  }
}

TEST_SUITE("solver") {
  TEST_CASE("two instances of one block in one construction: x^2 and x^3 by two power blocks") {
    // the second block's stages and steps sit after the first's: its handles, prefixed names and
    // precondition hypotheses must point at its own
    lemma l;
    l.name = "example.square_and_cube";
    l.parameter_table = {{"m", 1, 4}};
    l.build = [](parameters const& p) {
      construction k;
      auto const x = k.c.create_input_bus("x", param(p, "m"));
      auto const sq = create_power(k, "square_", x, 2, x.bits.size());
      auto const cube = create_power(k, "cube_", x, 3, x.bits.size());
      k.c.add_output_bus("square", sq.bits);
      k.c.add_output_bus("cube", cube.bits);
      k.output_hypotheses = {.steps = {sq.conclusion, cube.conclusion}};
      return k;
    };
    l.specification = [](circuit const& c, parameters const&) {
      auto const x = linear_expr::value_of(input_bits(c, "x"));
      linear_spec s;
      s.description = "square = x^2, cube = x^3";
      s.equals("square", output_bits(c, "square"), linear_expr{}.add_product(1, {x, x}));
      s.equals("cube", output_bits(c, "cube"), linear_expr{}.add_product(1, {x, x, x}));
      return s;
    };
    auto const r = check_construction(l, {{"m", 3}}, {});
    unsigned tied = 0;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      tied +=
          o.id.ends_with("square_chinese_remainder") || o.id.ends_with("cube_chinese_remainder");
    }
    CHECK(tied == 2);
  }
}

TEST_SUITE("solver") {
  TEST_CASE("a block may read one bus as both operands: round_p(x x) by the product block") {
    lemma l;
    l.name = "example.square";
    l.parameter_table = float_parameters(8);
    l.build = [](parameters const& p) {
      auto const f = format_of(p);
      construction k;
      auto const x = create_float_input(k.c, "x", f);
      auto const r = create_float_product(k, f, x, x);
      add_float_output(k.c, "r", f, r.bits);
      k.output_hypotheses = {.steps = {r.conclusion}};
      return k;
    };
    l.specification = [](circuit const& c, parameters const& p) {
      auto const f = format_of(p);
      auto const x = input_float(c, "x");
      linear_spec s{"r = round_p(x x)", {}, {}};
      s.clauses.push_back(float_product_clause("r", f, x, x, output_float(c, "r").bits()));
      return s;
    };
    auto const r = check_construction(l, {{"p", 3}, {"k", 2}}, {});
    bool simulated = false;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      simulated |= o.how == method::exhaustive_simulation;
    }
    CHECK(simulated);
  }
}
