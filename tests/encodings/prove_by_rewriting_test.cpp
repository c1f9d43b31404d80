#include "encodings/prove_by_rewriting.hpp"

#include <doctest/doctest.h>

#include "encodings/prove.hpp"

using namespace tc0;

namespace {

// A 2x2-bit multiplier's low half, stated as two stages: p_ij = a_i b_j (one-bit exact clauses)
// and s = sum_(i+j<2) 2^(i+j) p_ij mod 4. The goal s = A B mod 4 follows by substitution.
struct low_product {
  circuit c;
  std::vector<signal> a, b, p, s;
  linear_spec products, sum;

  low_product() {
    a = c.create_input_bus("a", 2).bits;
    b = c.create_input_bus("b", 2).bits;
    for (unsigned i = 0; i < 2; ++i)
      for (unsigned j = 0; j < 2; ++j) p.push_back(c.create_and({a[i], b[j]}));
    s = {c.create_and({p[0], p[0]}), c.create_and({p[1], p[2]})};  // gates only give indices
    for (unsigned i = 0; i < 2; ++i)
      for (unsigned j = 0; j < 2; ++j)
        products.equals(
            "p" + std::to_string(i) + std::to_string(j), {p[2 * i + j]},
            linear_expr{}.add_product(1, {linear_expr::of(a[i]), linear_expr::of(b[j])}));
    linear_expr columns;
    columns.add_term(1, p[0]).add_term(2, p[1]).add_term(2, p[2]);
    sum.equals("s", s, columns, true);
  }

  linear_spec goal(big_int offset, std::optional<big_int> modulus = 4) const {
    linear_spec g;
    linear_expr ab;
    ab.add_product(1, {linear_expr::value_of(a), linear_expr::value_of(b)}).add_constant(offset);
    g.relate("s = A B", s, linear_expr::value_of(s), ab, modulus);
    return g;
  }
};

}  // namespace

TEST_CASE("rewriting proves a congruence that holds") {
  low_product const t;
  auto const r = prove_by_rewriting({&t.products, &t.sum}, t.goal(0));
  CHECK(r.proved);
  // the same goal through the implication prover takes the rewriting path
  auto const q = prove_implication({&t.products, &t.sum}, t.goal(0), {});
  CHECK(q.result == verdict::proved);
  CHECK(q.note.find("rewriting") != std::string::npos);
}

TEST_CASE("rewriting never proves a congruence that fails") {
  low_product const t;
  auto const wrong = prove_by_rewriting({&t.products, &t.sum}, t.goal(1));
  CHECK_FALSE(wrong.proved);
  CHECK(wrong.note.find("remain") != std::string::npos);
  // without the product stage the substitution has nothing to rewrite p with
  CHECK_FALSE(prove_by_rewriting({&t.sum}, t.goal(0)).proved);
  // a time limit already spent stops it, not proved, and says so
  auto const stopped = prove_by_rewriting({&t.products, &t.sum}, t.goal(0), 1e-9);
  CHECK_FALSE(stopped.proved);
  CHECK(stopped.note.find("time limit") != std::string::npos);
  // the hypothesis is modulo 4: it says nothing modulo 8
  CHECK_FALSE(prove_by_rewriting({&t.products, &t.sum}, t.goal(0, 8)).proved);
  // and the solvers, asked next, find the counterexample the rewriting cannot give
  auto const q = prove_implication({&t.products, &t.sum}, t.goal(1), {});
  CHECK(q.result == verdict::refuted);
}

TEST_CASE("rewriting proves exact equations from exact equations only") {
  low_product const t;
  // s = A B exactly does not follow from s = ... mod 4 (A = B = 3: s = 1, A B = 9)
  auto const from_modular = prove_by_rewriting({&t.products, &t.sum}, t.goal(0, std::nullopt));
  CHECK_FALSE(from_modular.proved);
  CHECK(from_modular.note.find("modulo") != std::string::npos);

  // u = p00 + 2 p01 + 2 p10 exactly (three bits), then w = u + 4 p11: w = A B exactly
  circuit c;
  auto const a = c.create_input_bus("a", 2).bits;
  auto const b = c.create_input_bus("b", 2).bits;
  std::vector<signal> p;
  for (unsigned i = 0; i < 2; ++i)
    for (unsigned j = 0; j < 2; ++j) p.push_back(c.create_and({a[i], b[j]}));
  // later nodes than p (rewriting goes from the latest node back): inputs created after it
  auto const u = c.create_input_bus("u", 3).bits;
  auto const w = c.create_input_bus("w", 4).bits;
  linear_spec products, columns, total;
  for (unsigned i = 0; i < 2; ++i)
    for (unsigned j = 0; j < 2; ++j)
      products.equals("p" + std::to_string(i) + std::to_string(j), {p[2 * i + j]},
                      linear_expr{}.add_product(1, {linear_expr::of(a[i]), linear_expr::of(b[j])}));
  columns.equals("u", u, linear_expr{}.add_term(1, p[0]).add_term(2, p[1]).add_term(2, p[2]));
  total.equals("w", w, linear_expr::value_of(u).add_term(4, p[3]));
  auto const goal = [&](int offset) {
    linear_spec g;
    g.equals("w = A B", w,
             linear_expr{}
                 .add_product(1, {linear_expr::value_of(a), linear_expr::value_of(b)})
                 .add_constant(offset));
    return g;
  };
  auto const r = prove_by_rewriting({&products, &columns, &total}, goal(0));
  CHECK(r.proved);
  CHECK(r.note.find("exactly") != std::string::npos);
  CHECK_FALSE(prove_by_rewriting({&products, &columns, &total}, goal(1)).proved);
  CHECK_FALSE(prove_by_rewriting({&products, &total}, goal(0)).proved);  // u unexplained
  auto const q = prove_implication({&products, &columns, &total}, goal(0), {});
  CHECK(q.result == verdict::proved);
  CHECK(q.note.find("rewriting") != std::string::npos);
}

TEST_CASE("products as atoms: a step that needs the product's structure is not proved") {
  // A B <= 3 A holds for 2-bit B, but not for an unknown integer in [0, 9] standing for A B
  circuit c;
  auto const a = c.create_input_bus("a", 2).bits;
  auto const b = c.create_input_bus("b", 2).bits;
  linear_spec none;
  linear_spec goal;
  auto e = linear_expr{}.add(linear_expr::value_of(a), 3);
  e.add_product(-1, {linear_expr::value_of(a), linear_expr::value_of(b)});
  goal.require("3 A - A B >= 0", e);
  solver_params expanded;
  expanded.timeout_ms = 20000;
  CHECK(prove_implication({&none}, goal, expanded).result == verdict::proved);
  solver_params atoms = expanded;
  atoms.products_as_atoms = true;
  auto const r = prove_implication({&none}, goal, atoms);
  CHECK(r.result != verdict::proved);  // a model with A B = 9, A = 1 is not a counterexample
  CHECK(r.result != verdict::refuted);
}
