#include "encodings/second_opinion.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/circuit.hpp"
#include "core/shell.hpp"
#include "encodings/prove.hpp"

using namespace tc0;

namespace {

// A stand-in second solver that always answers `answer` (whatever its options).
std::string fake_solver(std::string const& answer) {
  auto const path =
      (std::filesystem::temp_directory_path() / ("tc0check-fake-" + answer + ".sh")).string();
  std::ofstream(path) << "#!/bin/sh\necho " << answer << "\n";
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

// [a AND b] against the spec "out = a AND b" (proved), as one query.
query_outcome and_gate_query(second_opinion_params const& p) {
  circuit c;
  bus const x = c.create_input_bus("x", 2);
  auto const q = c.create_and(x.bits);
  c.add_output_bus("q", {q});
  linear_spec spec;
  spec.description = "q = x0 x1";
  linear_expr product;
  product.add_product(1, {linear_expr::of(x.bits[0]), linear_expr::of(x.bits[1])});
  spec.equals("q", {q}, product);
  solver_params sp;
  sp.timeout_ms = 10000;
  sp.second_opinion = p;
  return prove_circuit(c, spec, sp);
}

}  // namespace

TEST_CASE("summaries of two solvers' answers") {
  CHECK(summarise_opinions({}, "cvc5").text.empty());
  auto const agree = summarise_opinions({{"unsat", "unsat", ""}, {"sat", "sat", ""}}, "cvc5");
  CHECK(agree.text == "cvc5 agrees on all 2 queries");
  CHECK_FALSE(agree.disagrees);
  auto const against = summarise_opinions({{"unsat", "sat", ""}, {"unsat", "unsat", ""}}, "cvc5");
  CHECK(against.disagrees);
  CHECK(against.text == "cvc5 DISAGREES on 1 of 2 queries (Z3 unsat, cvc5 sat)");
  auto const open =
      summarise_opinions({{"unsat", "unknown", "cvc5: timeout"}, {"unsat", "unsat", ""}}, "cvc5");
  CHECK_FALSE(open.disagrees);
  CHECK(open.text == "cvc5 undecided on 1 of 2 queries (cvc5: timeout), agrees on 1");
}

TEST_CASE("every query's text reaches the second solver, and its answer is read back") {
  auto const fake_sat = and_gate_query({true, fake_solver("sat"), 5000});
  CHECK(fake_sat.result == verdict::proved);  // Z3's verdict stands; the caller compares
  REQUIRE(fake_sat.opinions.size() == 1);
  CHECK(fake_sat.opinions[0].z3 == "unsat");
  CHECK(fake_sat.opinions[0].other == "sat");
  CHECK(summarise_opinions(fake_sat.opinions, "fake").disagrees);

  auto const silent = and_gate_query({true, "/nonexistent/solver", 5000});
  REQUIRE(silent.opinions.size() == 1);
  CHECK(silent.opinions[0].other == "unknown");

  if (have_command("cvc5")) {
    auto const real = and_gate_query({true, "cvc5", 20000});
    REQUIRE(real.opinions.size() == 1);
    CHECK(real.opinions[0].other == "unsat");
  } else {
    MESSAGE("cvc5 is not installed: the real second solver was not tried here");
  }
}

TEST_CASE("the second solver is held to the global budget") {
  // a solver that would answer, given no time at all: not started, unknown, said why
  second_opinion_params p{true, fake_solver("unsat"), 5000};
  p.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto const late = and_gate_query(p);
  REQUIRE(late.opinions.size() == 1);
  CHECK(late.opinions[0].other == "unknown");
  CHECK(late.opinions[0].note.find("--budget") != std::string::npos);
  // with time left it is asked as before
  p.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto const in_time = and_gate_query(p);
  REQUIRE(in_time.opinions.size() == 1);
  CHECK(in_time.opinions[0].other == "unsat");
}
