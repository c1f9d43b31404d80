#include <doctest/doctest.h>

#include <map>

#include "encodings/encode_rounding.hpp"

using namespace tc0;

namespace {

// The rounds_to clause over free bits: x = (-1)^s N 2^(Z + offset), r the claimed result.
struct free_rounding {
  circuit c;
  spec_clause clause;
  free_rounding(float_format const& f, unsigned n_bits, unsigned z_bits, int64_t offset) {
    bus const N = c.create_input_bus("N", n_bits);
    bus const Z = c.create_input_bus("Z", z_bits);
    bus const s = c.create_input_bus("s", 1);
    bus const r = c.create_input_bus("r", f.total_bits());
    linear_spec spec;
    spec.rounds_to("r", r.bits, linear_expr::value_of(N.bits),
                   {f, linear_expr::of(s.bits[0]), linear_expr::value_of(Z.bits),
                    linear_expr{}.add_constant(1), offset});
    clause = spec.clauses.at(0);
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
