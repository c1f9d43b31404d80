// Products and general moduli in specifications: the Boost twin, the bit-vector encoding and
// the normalised linear encoding must agree.
#include <doctest/doctest.h>

#include "core/check_by_simulation.hpp"
#include "encodings/prove.hpp"

using namespace tc0;

namespace {

// value(p) = A * B for 2-bit A, B as a specification over free signals (no circuit needed for
// implications): p_ij stand for the partial products, s for the sum.
struct multiplier_facts {
  circuit c;
  std::vector<signal> a, b, p, s;
};

multiplier_facts facts() {
  multiplier_facts f;
  f.a = f.c.create_input_bus("a", 2).bits;
  f.b = f.c.create_input_bus("b", 2).bits;
  f.p = f.c.create_input_bus("p", 4).bits;
  f.s = f.c.create_input_bus("s", 4).bits;
  return f;
}

linear_expr bit(signal s) {
  return linear_expr{}.add_term(1, s);
}

}  // namespace

TEST_SUITE("solver") {
  TEST_CASE("sum of shifted partial products = A * B is proved by normalisation") {
    auto f = facts();
    linear_spec pp, sum, goal;
    for (unsigned i = 0; i < 2; ++i)
      for (unsigned j = 0; j < 2; ++j) {
        linear_expr rhs;
        rhs.add_product(1, {bit(f.a[i]), bit(f.b[j])});
        pp.equals("p", {f.p[2 * i + j]}, rhs);
      }
    SUBCASE("right shifts: proved") {
      linear_expr rhs;
      for (unsigned i = 0; i < 2; ++i)
        for (unsigned j = 0; j < 2; ++j) rhs.add_term(pow2(i + j), f.p[2 * i + j]);
      sum.equals("s", f.s, rhs);
      linear_expr ab;
      ab.add_product(1, {linear_expr::value_of(f.a), linear_expr::value_of(f.b)});
      goal.equals("s", f.s, ab);
      auto const r = prove_implication({&pp, &sum}, goal, {});
      CHECK(r.result == verdict::proved);
    }
    SUBCASE("a partial product at the wrong position: refuted, with a genuine model") {
      linear_expr rhs;
      for (unsigned i = 0; i < 2; ++i)
        for (unsigned j = 0; j < 2; ++j)
          rhs.add_term(pow2(i + j + (i == 1 && j == 0)), f.p[2 * i + j]);
      sum.equals("s", f.s, rhs);
      linear_expr ab;
      ab.add_product(1, {linear_expr::value_of(f.a), linear_expr::value_of(f.b)});
      goal.equals("s", f.s, ab);
      auto const r = prove_implication({&pp, &sum}, goal, {});
      CAPTURE(r.note);
      CHECK(r.result == verdict::refuted);
    }
  }

  TEST_CASE("a one-hot residue clause: the circuit, the twin and the bit-vector encoding agree") {
    // x mod 3 as one-hot o_0..o_2 over a 3-bit x, built from the eight minterms
    circuit c;
    auto const x = c.create_input_bus("x", 3).bits;
    std::vector<std::vector<signal>> by_residue(3);
    for (unsigned v = 0; v < 8; ++v)
      by_residue[v % 3].push_back(
          c.create_and({x[0] ^ !(v & 1), x[1] ^ !((v >> 1) & 1), x[2] ^ !((v >> 2) & 1)}));
    std::vector<signal> o;
    for (auto& ms : by_residue) o.push_back(c.create_or(ms));
    SUBCASE("right") {
      c.add_output_bus("o", o);
      linear_spec s;
      s.one_hot_residue("r", o, linear_expr::value_of(x));
      CHECK(!check_exhaustive(c, s, {}).has_value());
      CHECK(prove_circuit(c, s, {}).result == verdict::proved);
    }
    SUBCASE("residues 1 and 2 swapped: refuted on both, the model replays") {
      std::swap(o[1], o[2]);
      c.add_output_bus("o", o);
      linear_spec s;
      s.one_hot_residue("r", o, linear_expr::value_of(x));
      CHECK(check_exhaustive(c, s, {}).has_value());
      auto const r = prove_circuit(c, s, {});
      REQUIRE(r.result == verdict::refuted);
      CHECK(first_failing_clause(s, simulate_pattern(c, *r.inputs)).has_value());
    }
  }
}
