// Simulation: one forward traversal with a pluggable value type.
//
// `bool` evaluates one input pattern; `uint64_t` evaluates 64 patterns at once (bit j of every
// word belongs to pattern j); lane_words<W> evaluates 64 W at once, reading each fan-in once
// for W words, which is what exhaustive and random checking use (W = 8: float.div's exhaustive
// run at p = 4 took 4.6 s where 64 lanes took 10.8 s). Threshold gates are evaluated
// bit-sliced: the weighted sum of every pattern is kept as a column of bit planes, so a gate
// costs (set bits of its weights) x (carry length) word operations, not one sum per pattern.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "core/circuit.hpp"

namespace tc0 {

template <class V>
struct sim_value;

template <>
struct sim_value<bool> {
  static constexpr unsigned lanes = 1;
  static bool zero() { return false; }
  static bool ones() { return true; }
  static bool not_(bool a) { return !a; }
  static bool is_zero(bool a) { return !a; }
  static bool lane(bool a, unsigned) { return a; }
  static void set_lane(bool& a, unsigned) { a = true; }
  static void and_into(bool& acc, bool x, bool complemented) { acc = acc && (x != complemented); }
  static void or_into(bool& acc, bool x, bool complemented) { acc = acc || (x != complemented); }
  static bool equal(bool a, bool b) { return a == b; }
};

template <>
struct sim_value<uint64_t> {
  static constexpr unsigned lanes = 64;
  static uint64_t zero() { return 0; }
  static uint64_t ones() { return ~uint64_t{0}; }
  static uint64_t not_(uint64_t a) { return ~a; }
  static bool is_zero(uint64_t a) { return a == 0; }
  static bool lane(uint64_t a, unsigned i) { return (a >> i) & 1u; }
  static void set_lane(uint64_t& a, unsigned i) { a |= uint64_t{1} << i; }
  static void and_into(uint64_t& acc, uint64_t x, bool complemented) {
    acc &= x ^ (uint64_t{0} - complemented);
  }
  static void or_into(uint64_t& acc, uint64_t x, bool complemented) {
    acc |= x ^ (uint64_t{0} - complemented);
  }
  static bool equal(uint64_t a, uint64_t b) { return a == b; }
};

// W words side by side: lane i is bit i % 64 of word i / 64.
template <size_t W>
struct lane_words {
  std::array<uint64_t, W> w{};
};

template <size_t W>
lane_words<W> operator&(lane_words<W> a, lane_words<W> const& b) {
  for (size_t i = 0; i < W; ++i) a.w[i] &= b.w[i];
  return a;
}
template <size_t W>
lane_words<W> operator|(lane_words<W> a, lane_words<W> const& b) {
  for (size_t i = 0; i < W; ++i) a.w[i] |= b.w[i];
  return a;
}
template <size_t W>
lane_words<W> operator^(lane_words<W> a, lane_words<W> const& b) {
  for (size_t i = 0; i < W; ++i) a.w[i] ^= b.w[i];
  return a;
}

template <size_t W>
struct sim_value<lane_words<W>> {
  using V = lane_words<W>;
  static constexpr unsigned lanes = 64 * W;
  static V zero() { return {}; }
  static V ones() {
    V v;
    v.w.fill(~uint64_t{0});
    return v;
  }
  static V not_(V a) {
    for (auto& x : a.w) x = ~x;
    return a;
  }
  static bool is_zero(V const& a) {
    uint64_t any = 0;
    for (auto x : a.w) any |= x;
    return any == 0;
  }
  static bool lane(V const& a, unsigned i) { return (a.w[i / 64] >> (i % 64)) & 1u; }
  static void set_lane(V& a, unsigned i) { a.w[i / 64] |= uint64_t{1} << (i % 64); }
  // In place, without copying x: the AND and OR gates' inner loop (most of float.div's wires).
  static void and_into(V& acc, V const& x, bool complemented) {
    uint64_t const flip = uint64_t{0} - complemented;
    for (size_t i = 0; i < W; ++i) acc.w[i] &= x.w[i] ^ flip;
  }
  static void or_into(V& acc, V const& x, bool complemented) {
    uint64_t const flip = uint64_t{0} - complemented;
    for (size_t i = 0; i < W; ++i) acc.w[i] |= x.w[i] ^ flip;
  }
  static bool equal(V const& a, V const& b) { return a.w == b.w; }
};

struct simulation_stats {
  uint64_t gate_evaluations = 0;  // gates x patterns
};

// Memoisation from one run to the next, for one caller (one thread): the caller names inputs
// it holds fixed over several runs (an exhaustive check's slow digits: float.div's significands
// while the exponents and signs run through the lanes). A node that reads only held inputs
// (directly or through other such nodes) keeps its previous value while the held inputs' values
// are unchanged, and is not evaluated again: float.div's whole divider reads only the
// significands.
template <class V>
struct simulation_cache {
  std::vector<uint32_t> held;  // positions among the circuit's inputs
  // filled by run_cached
  std::vector<uint8_t> reusable;  // per node: reads only held inputs
  std::vector<V> held_values;     // the held inputs' values in the previous run
  std::vector<V> values;          // every node's value in the previous run
};

class simulator {
 public:
  explicit simulator(circuit const& c);

  // Values of every node, given one value per input node (in circuit::input_nodes() order).
  template <class V>
  std::vector<V> run(std::vector<V> const& input_values, simulation_stats* stats = nullptr) const;
  // The same values, memoised in `cache` (see simulation_cache); valid until its next use.
  template <class V>
  std::vector<V> const& run_cached(std::vector<V> const& input_values, simulation_cache<V>& cache,
                                   simulation_stats* stats = nullptr) const;

  template <class V>
  static V value(std::vector<V> const& node_values, signal s) {
    auto const& v = node_values[s.index()];
    return s.complemented() ? sim_value<V>::not_(v) : v;
  }

  circuit const& network() const { return c_; }

 private:
  // Per weighted gate: for fan-in i, the positions of the set bits of its weight, flattened;
  // the bit planes needed for the largest sum, and the set bits of the threshold.
  struct sum_plan {
    std::vector<uint32_t> bit_begin;  // fan-in i uses bits[bit_begin[i] .. bit_begin[i+1])
    std::vector<uint16_t> bits;
    uint32_t planes = 0;
    std::vector<bool> threshold_bits;  // least significant first, `planes` entries
  };

  // Evaluates every gate into val (inputs already set), skipping the nodes marked in `skip`.
  template <class V>
  void evaluate(std::vector<V>& val, std::vector<uint8_t> const* skip,
                simulation_stats* stats) const;

  circuit const& c_;
  std::vector<int32_t> plan_of_;  // node -> index into plans_, or -1
  std::vector<sum_plan> plans_;
};

template <class V>
std::vector<V> simulator::run(std::vector<V> const& input_values, simulation_stats* stats) const {
  std::vector<V> val(c_.num_nodes(), sim_value<V>::zero());
  auto const& inputs = c_.input_nodes();
  for (size_t i = 0; i < inputs.size(); ++i) val[inputs[i]] = input_values.at(i);
  evaluate(val, nullptr, stats);
  return val;
}

template <class V>
std::vector<V> const& simulator::run_cached(std::vector<V> const& input_values,
                                            simulation_cache<V>& cache,
                                            simulation_stats* stats) const {
  auto const& inputs = c_.input_nodes();
  if (input_values.size() != inputs.size())
    throw std::invalid_argument("simulation: one value per input needed");
  if (cache.reusable.size() != c_.num_nodes()) {  // first use: the nodes that read held inputs only
    cache.reusable.assign(c_.num_nodes(), 0);
    cache.reusable[0] = 1;
    for (auto i : cache.held) cache.reusable.at(inputs.at(i)) = 1;
    for (uint32_t n = 0; n < c_.num_nodes(); ++n) {
      if (!gate_kind_table[static_cast<size_t>(c_.kind(n))].is_gate) continue;
      auto const f = c_.fanins(n);
      cache.reusable[n] =
          std::all_of(f.begin(), f.end(), [&](signal s) { return cache.reusable[s.index()]; });
    }
    cache.values.clear();
  }
  bool reuse = !cache.values.empty();
  for (size_t j = 0; j < cache.held.size() && reuse; ++j)
    reuse = sim_value<V>::equal(cache.held_values[j], input_values[cache.held[j]]);
  if (!reuse) {
    cache.values.assign(c_.num_nodes(), sim_value<V>::zero());
    cache.held_values.clear();
    for (auto i : cache.held) cache.held_values.push_back(input_values[i]);
  }
  for (size_t i = 0; i < inputs.size(); ++i) cache.values[inputs[i]] = input_values[i];
  evaluate(cache.values, reuse ? &cache.reusable : nullptr, stats);
  return cache.values;
}

template <class V>
void simulator::evaluate(std::vector<V>& val, std::vector<uint8_t> const* skip,
                         simulation_stats* stats) const {
  using T = sim_value<V>;
  std::vector<V> planes;
  uint64_t evaluated = 0;
  for (uint32_t n = 0; n < c_.num_nodes(); ++n) {
    if (skip && (*skip)[n]) continue;
    auto const fanins = c_.fanins(n);
    switch (c_.kind(n)) {
      case gate_kind::constant:
      case gate_kind::input:
        continue;
      case gate_kind::and_: {
        V acc = T::ones();
        for (auto s : fanins) T::and_into(acc, val[s.index()], s.complemented());
        val[n] = acc;
        break;
      }
      case gate_kind::or_: {
        V acc = T::zero();
        for (auto s : fanins) T::or_into(acc, val[s.index()], s.complemented());
        val[n] = acc;
        break;
      }
      case gate_kind::maj:
      case gate_kind::threshold: {
        auto const& p = plans_[static_cast<size_t>(plan_of_[n])];
        planes.assign(p.planes, T::zero());
        for (size_t i = 0; i < fanins.size(); ++i) {
          V const x = value(val, fanins[i]);
          if (T::is_zero(x)) continue;
          for (auto b = p.bit_begin[i]; b < p.bit_begin[i + 1]; ++b) {
            V carry = x;  // add x * 2^bits[b] into the planes, ripple until no carry is left
            for (uint32_t q = p.bits[b]; q < p.planes && !T::is_zero(carry); ++q) {
              V const s = planes[q];
              planes[q] = s ^ carry;
              carry = s & carry;
            }
          }
        }
        // sum >= t, most significant plane first
        V greater = T::zero(), equal = T::ones();
        for (uint32_t q = p.planes; q-- > 0;) {
          if (p.threshold_bits[q]) {
            equal = equal & planes[q];
          } else {
            greater = greater | (equal & planes[q]);
            equal = equal & T::not_(planes[q]);
          }
        }
        val[n] = greater | equal;
        break;
      }
    }
    ++evaluated;
  }
  if (stats) stats->gate_evaluations += evaluated * T::lanes;
}

}  // namespace tc0
