// hardness.bfvp and hardness.arithmetic: the circuits agree with the text evaluators of
// core/formula.hpp on the formula their inputs spell; proved at small n; S1 fails along n, as
// the hardness section expects, with the depth 2 log2 n.
#include <doctest/doctest.h>

#include <random>

#include "core/check_by_simulation.hpp"
#include "core/formula.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

namespace {

// The circuit's inputs in creation order, from named buses' values (bit i of each value).
std::vector<bool> input_pattern(circuit const& c, std::map<std::string, uint64_t> const& values) {
  std::vector<bool> in;
  for (auto const& b : c.input_buses())
    for (size_t i = 0; i < b.bits.size(); ++i) in.push_back((values.at(b.name) >> i) & 1);
  return in;
}

uint64_t output_value(circuit const& c, std::vector<bool> const& nodes) {
  return bus_value(c.find_output_bus("value")->bits, nodes).convert_to<uint64_t>();
}

std::vector<bool> bits_of(uint64_t v, size_t n) {
  std::vector<bool> b;
  for (size_t i = 0; i < n; ++i) b.push_back((v >> i) & 1);
  return b;
}

}  // namespace

TEST_CASE("hardness.bfvp's circuit gives the value the text evaluator gives its formula") {
  auto const& l = find_lemma("hardness.bfvp");
  std::mt19937_64 rng(7);
  for (unsigned n : {2u, 4u, 16u, 64u}) {
    auto const k = l.build({{"n", n}});
    for (int trial = 0; trial < 50; ++trial) {
      uint64_t const leaf = rng(), ors = rng(), nots = rng();
      auto const mask = [&](unsigned w) { return w == 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1; };
      auto const nodes = simulate_pattern(k.c, input_pattern(k.c, {{"leaf", leaf & mask(n)},
                                                                   {"or", ors & mask(n - 1)},
                                                                   {"not", nots & mask(n - 1)}}));
      auto const text =
          balanced_boolean_formula(bits_of(leaf, n), bits_of(ors, n - 1), bits_of(nots, n - 1));
      CAPTURE(text);
      CHECK(output_value(k.c, nodes) == (evaluate_boolean_formula(text) ? 1u : 0u));
    }
  }
}

TEST_CASE("hardness.arithmetic's circuit gives the formula's value mod q") {
  auto const& l = find_lemma("hardness.arithmetic");
  std::mt19937_64 rng(11);
  for (unsigned q : {2u, 3u, 5u, 13u})
    for (unsigned n : {2u, 8u, 32u}) {
      auto const k = l.build({{"n", n}, {"q", q}});
      for (int trial = 0; trial < 20; ++trial) {
        std::map<std::string, uint64_t> in;
        std::vector<uint64_t> leaves;
        for (unsigned j = 0; j < n; ++j) {
          leaves.push_back(rng() % q);
          in["leaf" + std::to_string(j)] = leaves.back();
        }
        uint64_t const mul = rng() & ((uint64_t{1} << (n - 1)) - 1);
        in["mul"] = mul;
        auto const text = balanced_arithmetic_formula(leaves, bits_of(mul, n - 1));
        CAPTURE(text);
        CHECK(output_value(k.c, simulate_pattern(k.c, input_pattern(k.c, in))) ==
              evaluate_arithmetic_formula_mod(text, q));
      }
    }
}

TEST_CASE("the balanced lemmas take powers of two and primes only") {
  CHECK_THROWS_AS(find_lemma("hardness.bfvp").validate({{"n", 6}}), std::invalid_argument);
  CHECK_THROWS_AS(find_lemma("hardness.arithmetic").validate({{"n", 4}, {"q", 9}}),
                  std::invalid_argument);
  CHECK_NOTHROW(find_lemma("hardness.arithmetic").validate({{"n", 4}, {"q", 7}}));
}

TEST_CASE("the evaluation circuits' depth is 2 log2 n: S1 along n fails, as expected") {
  auto const& l = find_lemma("hardness.bfvp");
  std::vector<size_record> sizes;
  for (unsigned h = 1; h <= 10; ++h) {
    auto const s = measure_construction(l, {{"n", 1u << h}});
    CHECK(s.metrics.depth == 2 * h);
    sizes.push_back(s);
  }
  auto const s = check_sweep(l, "n", {}, sizes);
  REQUIRE(s.size() == 2);
  CHECK(s[0].result == verdict::refuted);  // depth 20 at n = 1024 > the declared 12
  CHECK(s[1].result == verdict::proved);   // linear size
  CHECK_FALSE(l.evidence_note.empty());
}

TEST_SUITE("solver") {
  TEST_CASE("the balanced evaluation circuits are proved at small n") {
    for (auto const& [name, p] : std::vector<std::pair<std::string, parameters>>{
             {"hardness.bfvp", {{"n", 8}}}, {"hardness.arithmetic", {{"n", 4}, {"q", 5}}}}) {
      CAPTURE(name);
      auto const r = check_construction(find_lemma(name), p, {});
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        CAPTURE(o.detail);
        CHECK(o.result == verdict::proved);
      }
      CHECK(r.obligations.size() >= 3);
    }
  }
}
