#include "encodings/prove_by_factoring.hpp"

#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "core/extract.hpp"

using namespace tc0;

namespace {

// The carries of a + b as a carry-lookahead adder builds them (proofs/blocks/
// carry_lookahead_adder.cpp): c_k = OR_(j<k) (a_j b_j AND_(j<t<k) (!g_t (a_t OR b_t))), and the
// spec c_(k+1) = MAJ(a_k, b_k, c_k). `extension(t)` is the pair of literals that extends the
// terms past position t (the right one: !g_t and a_t OR b_t).
struct lookahead_carries {
  circuit c;
  std::vector<signal> a, b, g, e, carries;
  linear_spec spec;
  template <class Extension>
  lookahead_carries(unsigned width, Extension extension) {
    a = c.create_input_bus("a", width).bits;
    b = c.create_input_bus("b", width).bits;
    for (unsigned t = 0; t < width; ++t)
      g.push_back(c.create_and({a[t], b[t]})), e.push_back(c.create_or({a[t], b[t]}));
    for (unsigned k = 1; k <= width; ++k) {
      std::vector<signal> terms;
      for (unsigned j = 0; j < k; ++j) {
        std::vector<signal> term{a[j], b[j]};
        for (unsigned t = j + 1; t < k; ++t)
          for (auto s : extension(*this, t)) term.push_back(s);
        terms.push_back(c.create_and(std::move(term)));
      }
      carries.push_back(c.create_or(std::move(terms)));
    }
    c.add_output_bus("carry", carries);
    for (unsigned k = 0; k < width; ++k) {
      linear_expr rhs = linear_expr{}.add_constant(-2).add_term(1, a[k]).add_term(1, b[k]);
      if (k > 0) rhs.add_term(1, carries[k - 1]);
      spec.is_nonnegative("c" + std::to_string(k + 1), carries[k], std::move(rhs));
    }
  }
};

std::vector<signal> right(lookahead_carries const& l, unsigned t) {
  return {!l.g[t], l.e[t]};
}

}  // namespace

TEST_CASE("every lookahead carry is proved by factoring it through the carry below") {
  lookahead_carries const l{40, right};
  for (size_t k = 1; k < 40; ++k) {
    auto const r = prove_by_factoring(l.c, l.spec, k);
    REQUIRE(r.has_value());
    CHECK(r->result == verdict::proved);
    CHECK(r->factored_clauses == 1);
    CHECK(r->note.find("free") != std::string::npos);
  }
  // the first carry has no carry below to factor through (it is enumerated instead)
  CHECK_FALSE(prove_by_factoring(l.c, l.spec, 0).has_value());
  auto const all = prove_circuit(l.c, l.spec, {});
  CHECK(all.result == verdict::proved);
  CHECK(all.factored_clauses > 20);
  CHECK(all.enumerated_clauses + all.factored_clauses == 40);
}

TEST_CASE("factoring proves nothing for a wrong carry, and the solver refutes it") {
  // terms extended by a_t alone: c_k's terms are still c_(k-1)'s plus a fixed set, so the
  // factoring applies, but the residual (a, b and the lower carry free) fails
  lookahead_carries const wrong{
      30, [](lookahead_carries const& l, unsigned t) { return std::vector<signal>{l.a[t]}; }};
  CHECK_FALSE(prove_by_factoring(wrong.c, wrong.spec, 25).has_value());
  solver_params p;
  p.timeout_ms = 60000;
  auto const r = prove_circuit(wrong.c, wrong.spec, p, {25});
  REQUIRE(r.result == verdict::refuted);
  REQUIRE(r.inputs.has_value());
  auto const values = simulate_pattern(wrong.c, *r.inputs);
  CHECK(first_failing_clause(wrong.spec, values).has_value());

  // upper = x5 OR x0 x1 x3 and lower = x0 x1 OR x2 x4: lower's second term has no match in
  // upper, so there is no factoring; one that ignored it would rebuild upper as
  // x5 OR (x3 AND lower) and prove this false clause
  circuit small;
  auto const x = small.create_input_bus("x", 6).bits;
  auto const lower =
      small.create_or({small.create_and({x[0], x[1]}), small.create_and({x[2], x[4]})});
  auto const upper = small.create_or({small.create_and({x[0], x[1], x[3]}), x[5]});
  linear_spec s;
  s.is_nonnegative(
      "upper = x5 OR (x3 AND lower)", upper,
      linear_expr{}.add_term(2, x[5]).add_term(1, x[3]).add_term(1, lower).add_constant(-2));
  CHECK_FALSE(prove_by_factoring(small, s, 0).has_value());
  CHECK(prove_circuit(small, s, {}).result == verdict::refuted);
}

TEST_CASE("a cone cut at a node reads that node as a free input") {
  lookahead_carries const l{6, right};
  auto const x = extract_cone(l.c, {l.carries[4].index()}, {l.carries[2].index()});
  // c_5 does not read c_3 (its terms are separate gates), so the cut is not reached
  CHECK(x.c.input_nodes().size() == 10);
  CHECK_FALSE(x.node_map[l.carries[2].index()].has_value());
  auto const y =
      extract_cone(l.c, {l.carries[4].index(), l.carries[2].index()}, {l.carries[2].index()});
  CHECK(y.c.input_nodes().size() == 11);  // a_0..a_4, b_0..b_4 and the cut c_3
  REQUIRE(y.node_map[l.carries[2].index()].has_value());
  CHECK(y.c.kind(y.node_map[l.carries[2].index()]->index()) == gate_kind::input);
}
