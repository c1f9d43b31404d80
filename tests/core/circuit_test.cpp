#include "core/circuit.hpp"

#include <doctest/doctest.h>

#include "core/metrics.hpp"
#include "core/simulate.hpp"

using namespace tc0;

namespace {

// Truth table of a 3-input signal as a byte: bit k is the value at a = k&1, b = k>>1&1, c = k>>2&1.
unsigned truth_table3(circuit const& c, signal out) {
  simulator sim{c};
  std::vector<uint64_t> in(3);
  for (unsigned k = 0; k < 8; ++k)
    for (unsigned i = 0; i < 3; ++i) in[i] |= uint64_t((k >> i) & 1u) << k;
  auto const v = sim.run<uint64_t>(in);
  return static_cast<unsigned>(simulator::value(v, out) & 0xffu);
}

}  // namespace

TEST_CASE("gates compute their truth tables") {
  circuit c;
  auto const& x = c.create_input_bus("x", 3);
  auto const a = x.bits[0], b = x.bits[1], d = x.bits[2];
  SUBCASE("MAJ3 is 0xe8") {
    CHECK(truth_table3(c, c.create_maj({a, b, d})) == 0xe8);
  }
  SUBCASE("AND3 is 0x80") {
    CHECK(truth_table3(c, c.create_and({a, b, d})) == 0x80);
  }
  SUBCASE("OR3 is 0xfe") {
    CHECK(truth_table3(c, c.create_or({a, b, d})) == 0xfe);
  }
  SUBCASE("XOR of a and b is 0x66") {
    CHECK(truth_table3(c, c.create_xor(a, b)) == 0x66);
  }
  SUBCASE("a weighted threshold [2a + b - c >= 2] is 0x8a") {
    CHECK(truth_table3(c, c.create_threshold({a, b, d}, {2, 1, -1}, 2)) == 0x8a);
  }
}

TEST_CASE("the builder folds constants and complementary inputs") {
  circuit c;
  auto const& x = c.create_input_bus("x", 2);
  auto const a = x.bits[0], b = x.bits[1];
  CHECK(c.create_and({a, !a}) == const_false);
  CHECK(c.create_or({a, !a}) == const_true);
  CHECK(c.create_and({a, const_true}) == a);
  CHECK(c.create_and({a, a}) == a);
  CHECK(c.create_threshold({a}, {5}, 3) == a);  // one literal whose weight reaches the threshold
  CHECK(c.create_threshold({a, b}, {1, 1}, 3) == const_false);
  CHECK(c.create_threshold({a, b}, {-1, -1}, -2) == const_true);
  CHECK(c.stats().gates_created == 0);
}

TEST_CASE("the builder hashes canonical forms: OR(a, b) and NOT AND(!a, !b) are one gate") {
  circuit c;
  auto const& x = c.create_input_bus("x", 2);
  auto const a = x.bits[0], b = x.bits[1];
  auto const g = c.create_or({a, b});
  CHECK(c.create_or({b, a}) == g);
  CHECK(c.create_and({!a, !b}) == !g);
  CHECK(c.create_threshold({a, b}, {3, 3}, 2) == g);  // common factor divided out
  CHECK(c.stats().gates_created == 1);
  CHECK(c.stats().hash_hits == 3);
}

TEST_CASE("negative weights are absorbed into complemented inputs with positive weights") {
  circuit c;
  auto const& x = c.create_input_bus("x", 3);
  auto const g = c.create_threshold({x.bits[0], x.bits[1], x.bits[2]}, {2, -1, 1}, 1);
  auto const n = g.index();
  for (uint32_t i = 0; i < c.fanins(n).size(); ++i) CHECK(c.weight(n, i) > 0);
}

TEST_CASE("metrics follow the depth convention: NOT is free, every other gate counts one") {
  circuit c;
  auto const& x = c.create_input_bus("x", 3);
  auto const g1 = c.create_and({x.bits[0], x.bits[1]});
  auto const g2 = c.create_or({!g1, x.bits[2]});
  auto const g3 = c.create_threshold({!g2, x.bits[0], x.bits[1]}, {4, 1, 2}, 5);
  c.add_output_bus("y", {!g3});
  auto const m = measure(c);
  CHECK(m.depth == 3);
  CHECK(m.size == 3);
  CHECK(m.max_weight_bits == 3);  // weight 4
  CHECK(m.maj_size == 2 + 2 + 7);
}

TEST_CASE("stages hash separately and record their buses") {
  circuit c;
  auto const x = c.create_input_bus("x", 2);
  c.begin_stage("one", {x});
  auto const g = c.create_and(x.bits);
  c.end_stage({bus{"y", {g}}});
  c.begin_stage("two", {bus{"y", {g}}});
  auto const h = c.create_and(x.bits);  // same function, other stage: a new gate
  c.end_stage({bus{"z", {h}}});
  CHECK(g != h);
  CHECK(c.stage_of(g.index()) == 1);
  CHECK(c.stage_of(h.index()) == 2);
  CHECK(c.stages().size() == 3);
}

TEST_CASE("malformed construction calls throw") {
  circuit c;
  auto const& x = c.create_input_bus("x", 1);
  CHECK_THROWS_AS(c.create_threshold({x.bits[0]}, {1, 2}, 1), std::invalid_argument);
  CHECK_THROWS_AS(c.create_input_bus("x", 1), std::invalid_argument);
  CHECK_THROWS_AS(c.create_and({signal{999, false}}), std::out_of_range);
}
