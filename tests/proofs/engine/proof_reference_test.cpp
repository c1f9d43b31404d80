// Proofs by reference (proofs/engine/proof_reference.hpp): a second instance of a block is
// proved by reference to the first, and a stage that differs in one gate is not matched.
#include "proofs/engine/proof_reference.hpp"

#include <doctest/doctest.h>

#include "proofs/blocks/float_product.hpp"
#include "proofs/engine/check.hpp"

using namespace tc0;

namespace {

// ab = round_p(a b) and cd = round_p(c d): two instances of the float product block.
lemma two_products(std::optional<uint32_t> mutated_gate_of_second_round = std::nullopt) {
  lemma l;
  l.name = "example.two_products";
  l.parameter_table = float_parameters(8);
  l.build = [=](parameters const& p) {
    auto const f = format_of(p);
    construction k;
    auto const a = create_float_input(k.c, "a", f), b = create_float_input(k.c, "b", f),
               c = create_float_input(k.c, "c", f), d = create_float_input(k.c, "d", f);
    auto const ab = create_float_product(k, f, a, b, "ab_");
    auto const cd = create_float_product(k, f, c, d, "cd_");
    add_float_output(k.c, "ab", f, ab.bits);
    add_float_output(k.c, "cd", f, cd.bits);
    k.output_hypotheses = {.steps = {ab.conclusion, cd.conclusion}};
    if (mutated_gate_of_second_round) {
      // the first gate of cd's round stage with a threshold one higher
      for (uint32_t s = 0; s < k.c.stages().size(); ++s) {
        if (k.c.stages()[s].name != "cd_round") continue;
        for (uint32_t n = 1; n < k.c.num_nodes(); ++n) {
          if (k.c.stage_of(n) != s || !info(k.c.kind(n)).is_gate) continue;
          std::vector<signal> fanins(k.c.fanins(n).begin(), k.c.fanins(n).end());
          std::vector<big_int> weights;
          big_int total = 0;
          for (uint32_t i = 0; i < fanins.size(); ++i)
            weights.push_back(k.c.weight(n, i)), total += weights.back();
          auto const t = k.c.threshold(n) + *mutated_gate_of_second_round;
          if (t > total) continue;
          k.c.replace_gate(n, fanins, weights, t);
          return k;
        }
      }
      throw std::logic_error("no gate to mutate");
    }
    return k;
  };
  l.specification = [](circuit const& c, parameters const& p) {
    auto const f = format_of(p);
    linear_spec s{"ab = round_p(a b), cd = round_p(c d)", {}, {}};
    s.clauses.push_back(float_product_clause("ab", f, input_float(c, "a"), input_float(c, "b"),
                                             output_float(c, "ab").bits()));
    s.clauses.push_back(float_product_clause("cd", f, input_float(c, "c"), input_float(c, "d"),
                                             output_float(c, "cd").bits()));
    return s;
  };
  return l;
}

obligation_result const* find(size_check const& r, std::string const& name) {
  for (auto const& o : r.obligations)
    if (o.id.ends_with("/" + name)) return &o;
  return nullptr;
}

}  // namespace

TEST_CASE("an implication is the same statement under a renaming of its signals, not otherwise") {
  auto const x = signal{5, false}, y = signal{9, true}, u = signal{12, false}, v = signal{3, true};
  auto const spec_over = [](signal a, signal b, int coefficient) {
    linear_spec s{"", {}, {}};
    s.equals("c", {a}, linear_expr{}.add_term(coefficient, b));
    return s;
  };
  auto const h1 = spec_over(x, y, 1), h2 = spec_over(u, v, 1), h3 = spec_over(u, v, 2);
  linear_spec const g1 = spec_over(y, x, 1), g2 = spec_over(v, u, 1);
  CHECK(implication_statement({&h1}, g1) == implication_statement({&h2}, g2));
  CHECK(implication_statement({&h1}, g1) != implication_statement({&h3}, g2));
  // a goal about a complemented signal where the other is plain is another statement
  linear_spec const g3 = spec_over(!v, u, 1);
  CHECK(implication_statement({&h1}, g1) != implication_statement({&h2}, g3));
}

TEST_CASE(
    "an implication keeps the lemma preconditions linked to it, directly or through another") {
  auto const a = signal{4, false}, b = signal{6, false}, c = signal{8, false},
             z = signal{20, false};
  linear_spec pre{"", {}, {}};
  pre.require("a linked to b", linear_expr{}.add_term(1, a).add_term(-1, b));  // a >= b
  pre.require("b linked to c", linear_expr{}.add_term(1, b).add_term(-1, c));
  pre.require("unrelated", linear_expr{}.add_term(1, z));
  linear_spec goal{"", {}, {}};
  goal.equals("g", {a}, linear_expr::of(a));
  auto const kept = relevant_preconditions(pre, {}, goal);
  REQUIRE(kept.preconditions.size() == 2);
  CHECK(kept.preconditions[0].first == "a linked to b");
  CHECK(kept.preconditions[1].first == "b linked to c");
}

TEST_SUITE("solver") {
  TEST_CASE("the second instance of a block is proved by reference to the first") {
    auto const r = check_construction(two_products(), {{"p", 3}, {"k", 2}}, {});
    unsigned by_reference = 0;
    for (auto const& o : r.obligations) {
      CAPTURE(o.id);
      CAPTURE(o.detail);
      CHECK(o.result == verdict::proved);
      if (o.same_as.empty()) continue;
      ++by_reference;
      // cd's obligation refers to ab's of the same name
      auto name = o.id.substr(o.id.rfind('/') + 1);
      auto const at = name.find("cd_");
      REQUIRE(at != std::string::npos);
      CHECK(o.same_as.ends_with("/" + name.replace(at, 3, "ab_")));
    }
    CHECK(by_reference >= 5);  // every stage of cd's multiplier and round, and its arguments
    auto const* round = find(r, "stage:cd_round");
    REQUIRE(round != nullptr);
    CHECK(round->same_as.ends_with("/stage:ab_round"));
  }

  TEST_CASE("a stage that differs in one gate is not matched, and is proved or refuted alone") {
    auto const r = check_construction(two_products(1), {{"p", 3}, {"k", 2}}, {});
    auto const* round = find(r, "stage:cd_round");
    REQUIRE(round != nullptr);
    CAPTURE(round->detail);
    CHECK(round->same_as.empty());
    CHECK(round->detail.find("same as") == std::string::npos);
    // the twin stage of the unchanged instance is still shared where it is identical
    auto const* exponents = find(r, "stage:cd_exponents");
    REQUIRE(exponents != nullptr);
    CHECK(exponents->same_as.ends_with("/stage:ab_exponents"));
  }
}
