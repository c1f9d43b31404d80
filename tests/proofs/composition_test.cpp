// Composition works: a lemma that is not in the chain, built from two existing blocks and
// proved, with nothing written for it but its declaration (the paper's layer is made this way).
#include <doctest/doctest.h>

#include "proofs/blocks/float_product.hpp"
#include "proofs/blocks/float_sum.hpp"
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
