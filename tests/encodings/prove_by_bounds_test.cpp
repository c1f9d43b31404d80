#include "encodings/prove_by_bounds.hpp"

#include <doctest/doctest.h>

#include "encodings/prove.hpp"

using namespace tc0;

namespace {

// T (8 bits) = sum over three one-hot groups P_g of k_(g,v) P_g[v], and the goal T <= bound
struct grouped_sum {
  circuit c;
  std::vector<signal> t;
  std::vector<std::vector<signal>> p;
  linear_spec facts;
  big_int max_sum = 0;
  std::vector<std::vector<int>> const k{{0, 7, 3}, {5, 1, 9, 2}, {0, 11}};
  explicit grouped_sum(bool one_hot = true) {
    t = c.create_input_bus("T", 8).bits;
    linear_expr sum;
    for (size_t g = 0; g < k.size(); ++g) {
      p.push_back(
          c.create_input_bus("P" + std::to_string(g), static_cast<unsigned>(k[g].size())).bits);
      linear_expr count;
      for (size_t v = 0; v < k[g].size(); ++v)
        sum.add_term(k[g][v], p[g][v]), count.add_term(1, p[g][v]);
      if (one_hot)
        facts.relate("P" + std::to_string(g) + " one-hot", p[g], count,
                     linear_expr{}.add_constant(1), std::nullopt);
      max_sum += *std::max_element(k[g].begin(), k[g].end());
    }
    facts.equals("T", t, sum);
  }
  linear_spec at_most(big_int const& bound) const {
    linear_spec goal;
    goal.require("T <= bound", linear_expr{}.add_constant(bound).add(linear_expr::value_of(t), -1));
    return goal;
  }
};

}  // namespace

TEST_CASE("a sum over one-hot groups is bounded by its groups' largest coefficients") {
  grouped_sum const s;
  CHECK(s.max_sum == 27);
  auto const proved = prove_by_bounds({&s.facts}, s.at_most(27));
  CHECK(proved.proved);
  CHECK(proved.note.find("1 substitution") != std::string::npos);
  CHECK(proved.note.find("3 exactly-one") != std::string::npos);
  // 26 is false (7 + 9 + 11 = 27 is reachable): no proof, and the solver finds the assignment
  auto const tight = prove_by_bounds({&s.facts}, s.at_most(26));
  CHECK_FALSE(tight.proved);
  CHECK(tight.note.find("is -1") != std::string::npos);
  CHECK(prove_implication({&s.facts}, s.at_most(26), {}).result == verdict::refuted);
  // without the one-hot facts every literal may be set: 38 is the bound, 27 not proved
  grouped_sum const free{false};
  CHECK_FALSE(prove_by_bounds({&free.facts}, free.at_most(27)).proved);
  CHECK(prove_by_bounds({&free.facts}, free.at_most(38)).proved);
  // the whole path: proved without a solver query
  auto const r = prove_implication({&s.facts}, s.at_most(27), {});
  CHECK(r.result == verdict::proved);
  CHECK(r.note.find("bounding") != std::string::npos);
}

TEST_CASE("bounding uses at-most-one preconditions and substitutes only whole values") {
  circuit c;
  auto const x = c.create_input_bus("x", 3).bits;
  auto const y = c.create_input_bus("y", 2).bits;
  linear_spec facts;
  facts.require_at_most_one("x", x);
  // y = 2 x0 + 3 x1 + 1 x2: at most 3 with at most one x set
  facts.equals("y", y, linear_expr{}.add_term(2, x[0]).add_term(3, x[1]).add_term(1, x[2]));
  linear_spec goal;
  goal.require("y <= 3", linear_expr{}.add_constant(3).add(linear_expr::value_of(y), -1));
  CHECK(prove_by_bounds({&facts}, goal).proved);
  // "at most one" is not "exactly one": y >= 1 fails with every x clear
  linear_spec positive;
  positive.require("y >= 1", linear_expr::value_of(y).add_constant(-1));
  CHECK_FALSE(prove_by_bounds({&facts}, positive).proved);
  CHECK(prove_implication({&facts}, positive, {}).result == verdict::refuted);
  // a goal that reads y's bits separately (y0 <= 0) is not value(y): nothing substituted
  linear_spec bit_goal;
  bit_goal.require("y0 <= 0", linear_expr{}.add_term(-1, y[0]));
  auto const r = prove_by_bounds({&facts}, bit_goal);
  CHECK_FALSE(r.proved);
  CHECK(r.note.find("after 0 substitution") != std::string::npos);
}
