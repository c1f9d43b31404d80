#include <doctest/doctest.h>

#include <map>

#include "encodings/encode_rounding.hpp"

using namespace tc0;

namespace {

// The rounds_to clause over free bits: x = (-1)^s N 2^(Z + offset), r the claimed result.
struct free_rounding {
  circuit c;
  spec_clause clause;
  bus N_bus, Z_bus, s_bus, r_bus;
  free_rounding(float_format const& f, unsigned n_bits, unsigned z_bits, int64_t offset,
                bool square_root = false) {
    bus const N = c.create_input_bus("N", n_bits);
    bus const Z = c.create_input_bus("Z", z_bits);
    bus const s = c.create_input_bus("s", 1);
    bus const r = c.create_input_bus("r", f.total_bits());
    linear_spec spec;
    spec.rounds_to("r", r.bits, linear_expr::value_of(N.bits),
                   {f, linear_expr::of(s.bits[0]), linear_expr::value_of(Z.bits),
                    linear_expr{}.add_constant(1), offset, square_root});
    clause = spec.clauses.at(0);
    N_bus = N, Z_bus = Z, s_bus = s, r_bus = r;
  }
};

}  // namespace

TEST_SUITE("solver") {
  TEST_CASE("the neighbour form of round_p is the definition (some valid float beats r)") {
    // one direction is immediate (a neighbour is a valid float); the other is the
    // unimodality argument, checked here for whole formats with every x and r free
    for (auto const& [f, offset] :
         {std::pair{float_format::paper(2), int64_t{-8}},
          std::pair{float_format::paper(3), int64_t{-16}},
          std::pair{float_format::with_exponent_bits(4, 3), int64_t{-6}}}) {
      CAPTURE(f.describe());
      free_rounding x{f, 2 * f.p, f.exponent_bits() + 1, offset};
      z3::context ctx;
      free_literals literals{ctx};
      auto const lit = literals.encoder();
      z3::solver solver{ctx};
      z3::params params{ctx};
      params.set("timeout", 60000u);
      solver.set(params);
      solver.add(encode_rounding_violated_by_witness(ctx, x.clause, lit));
      solver.add(!encode_rounding_violated(ctx, x.clause, lit));
      CHECK(solver.check() == z3::unsat);
    }
  }
}

TEST_SUITE("solver") {
  TEST_CASE("round_p at r's scale (p + 8 bits) is round_p at the exact scale") {
    // every x = (-1)^s N 2^(Z + offset) and every r free: the narrow neighbour form fails exactly
    // where the exact-scale one does (x far above, far below and among the floats; offsets that
    // put N's lowest bits below e_min and above e_max)
    for (auto const& [f, offset] :
         {std::pair{float_format::paper(2), int64_t{-12}},
          std::pair{float_format::paper(2), int64_t{3}},
          std::pair{float_format::paper(3), int64_t{-16}},
          std::pair{float_format::paper(3), int64_t{-1}},
          std::pair{float_format::with_exponent_bits(4, 3), int64_t{-9}},
          std::pair{float_format::with_exponent_bits(4, 3), int64_t{2}}}) {
      CAPTURE(f.describe());
      CAPTURE(offset);
      free_rounding x{f, f.p + 3, f.exponent_bits() + 1, offset};
      z3::context ctx;
      free_literals literals{ctx};
      auto const lit = literals.encoder();
      z3::solver solver{ctx};
      solver.add(encode_rounding_violated(ctx, x.clause, lit) !=
                 encode_rounding_violated_at_exact_scale(ctx, x.clause, lit));
      CHECK(solver.check() == z3::unsat);
    }
  }

  TEST_CASE("round_p at r's scale: a signed magnitude N1 - N2") {
    auto const f = float_format::paper(2);
    circuit c;
    bus const N1 = c.create_input_bus("N1", 4), N2 = c.create_input_bus("N2", 3);
    bus const Z = c.create_input_bus("Z", 4), s = c.create_input_bus("s", 1);
    bus const r = c.create_input_bus("r", f.total_bits());
    linear_spec spec;
    spec.rounds_to("r", r.bits,
                   linear_expr::value_of(N1.bits).add(linear_expr::value_of(N2.bits), -1),
                   {f, linear_expr::of(s.bits[0]), linear_expr::value_of(Z.bits),
                    linear_expr{}.add_constant(1), -10});
    z3::context ctx;
    free_literals literals{ctx};
    auto const lit = literals.encoder();
    z3::solver solver{ctx};
    auto const& clause = spec.clauses.at(0);
    solver.add(encode_rounding_violated(ctx, clause, lit) !=
               encode_rounding_violated_at_exact_scale(ctx, clause, lit));
    CHECK(solver.check() == z3::unsat);
  }
}

TEST_SUITE("solver") {
  TEST_CASE("round_p of a square root: the neighbour form is the definition") {
    for (auto const& [f, offset] :
         {std::pair{float_format::paper(2), int64_t{-8}},
          std::pair{float_format::with_exponent_bits(3, 3), int64_t{-5}}}) {
      CAPTURE(f.describe());
      free_rounding x{f, 2 * f.p, f.exponent_bits() + 1, offset, true};
      z3::context ctx;
      free_literals literals{ctx};
      auto const lit = literals.encoder();
      z3::solver solver{ctx};
      solver.add(encode_rounding_violated_by_witness(ctx, x.clause, lit));
      solver.add(!encode_rounding_violated(ctx, x.clause, lit));
      CHECK(solver.check() == z3::unsat);
    }
  }

  TEST_CASE("round_p of a square root: the encoding holds for exactly the simulator's result") {
    // every radicand N 2^(Z - 6) of a small format (Z at both ends and between), both signs: the
    // solver's clause is true for the packed float the simulator computes (exact enclosures of
    // the root) and for no other
    auto const f = float_format::with_exponent_bits(2, 3);
    free_rounding x{f, 4, 3, -6, true};
    z3::context ctx;
    free_literals literals{ctx};
    auto const lit = literals.encoder();
    auto const holds_expr = encode_rounding_holds(ctx, x.clause, lit);
    unsigned checked = 0;
    for (unsigned N = 0; N < 16; ++N)
      for (unsigned Z : {0u, 3u, 7u})
        for (unsigned s = 0; s < 2; ++s) {
          std::vector<bool> values(x.c.num_nodes(), false);
          z3::expr_vector fixed{ctx};
          auto set = [&](bus const& b, unsigned v) {
            for (unsigned i = 0; i < b.bits.size(); ++i) {
              bool const bit = (v >> i) & 1;
              values[b.bits[i].index()] = bit;
              fixed.push_back(lit(b.bits[i]) == ctx.bool_val(bit));
            }
          };
          set(x.N_bus, N), set(x.Z_bus, Z), set(x.s_bus, s);
          auto const expected = expected_value(x.clause, values);
          REQUIRE(expected.has_value());
          z3::expr_vector r_is_expected{ctx};
          for (unsigned i = 0; i < x.r_bus.bits.size(); ++i)
            r_is_expected.push_back(lit(x.r_bus.bits[i]) ==
                                    ctx.bool_val(boost::multiprecision::bit_test(*expected, i)));
          CAPTURE(N);
          CAPTURE(Z);
          CAPTURE(s);
          z3::solver right{ctx}, wrong{ctx};
          right.add(z3::mk_and(fixed) && z3::mk_and(r_is_expected) && holds_expr);
          wrong.add(z3::mk_and(fixed) && !z3::mk_and(r_is_expected) && holds_expr);
          CHECK(right.check() == z3::sat);
          CHECK(wrong.check() == z3::unsat);
          ++checked;
        }
    CHECK(checked == 96);
  }
}
