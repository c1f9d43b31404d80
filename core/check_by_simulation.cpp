#include "core/check_by_simulation.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>
#include <thread>

#include "core/deadline.hpp"
#include "core/simulate.hpp"

namespace tc0 {
namespace {

// Nodes the spec reads: only these are unpacked from the 64-lane words.
std::vector<uint32_t> spec_nodes(linear_spec const& spec) {
  std::vector<uint32_t> nodes;
  auto add_expr = [&](linear_expr const& e) {
    e.for_each_literal([&](signal s) { nodes.push_back(s.index()); });
  };
  for (auto const& [name, e] : spec.preconditions) add_expr(e);
  for (auto const& c : spec.clauses) {
    c.for_each_expr(add_expr);
    for (auto s : c.out_bits) nodes.push_back(s.index());
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  return nodes;
}

// Patterns simulated at once: 512 lanes, each fan-in read once for 8 words.
using block_value = lane_words<8>;
using block = sim_value<block_value>;

// Simulates one block of patterns and checks each lane; returns the first failing lane.
std::optional<simulation_failure> check_block(simulator const& sim, linear_spec const& spec,
                                              std::vector<uint32_t> const& nodes,
                                              std::vector<block_value> const& input_words,
                                              unsigned lanes, simulation_check_stats& stats,
                                              simulation_cache<block_value>* cache = nullptr) {
  simulation_stats sstats;
  std::vector<block_value> uncached;  // (a conditional expression would copy the cached values)
  if (!cache) uncached = sim.run<block_value>(input_words, &sstats);
  auto const& words = cache ? sim.run_cached<block_value>(input_words, *cache, &sstats) : uncached;
  stats.gate_evaluations += sstats.gate_evaluations;
  std::vector<bool> lane_values(sim.network().num_nodes(), false);
  for (unsigned lane = 0; lane < lanes; ++lane) {
    for (auto n : nodes) lane_values[n] = block::lane(words[n], lane);
    if (!preconditions_hold(spec, lane_values)) {
      ++stats.patterns_skipped;
      continue;
    }
    ++stats.patterns_checked;
    if (auto clause = first_failing_clause(spec, lane_values)) {
      simulation_failure f;
      for (auto const& w : input_words) f.inputs.push_back(block::lane(w, lane));
      f.clause = *clause;
      return f;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> first_failing_clause(linear_spec const& spec,
                                                std::vector<bool> const& node_values) {
  for (auto const& c : spec.clauses)
    if (!holds(c, node_values)) return c.name;
  return std::nullopt;
}

std::vector<bool> simulate_pattern(circuit const& c, std::vector<bool> const& inputs) {
  if (inputs.size() != c.input_nodes().size())
    throw std::invalid_argument("pattern has " + std::to_string(inputs.size()) +
                                " bits, circuit has " + std::to_string(c.input_nodes().size()) +
                                " inputs");
  simulator sim{c};
  return sim.run<bool>(inputs);
}

std::vector<uint32_t> simulation_check_params::input_domain::ones_of(uint64_t word) {
  std::vector<uint32_t> ones;
  for (uint32_t j = 0; j < 64; ++j)
    if ((word >> j) & 1u) ones.push_back(j);
  return ones;
}

std::optional<simulation_failure> check_exhaustive(circuit const& c, linear_spec const& spec,
                                                   simulation_check_params const& p,
                                                   simulation_check_stats* stats_out) {
  auto const start = std::chrono::steady_clock::now();
  auto const k = c.input_nodes().size();
  // The pattern index in mixed radix: free inputs one binary digit each (lowest first), then
  // one digit per at-most-one group (0: no bit set, j: its j-th position set) and per domain
  // (j: its j-th value), each digit listing the positions its values set.
  std::vector<bool> covered(k, false);
  auto const cover = [&](std::vector<uint32_t> const& positions, char const* what) {
    for (auto i : positions) {
      if (i >= k || covered[i])
        throw std::invalid_argument(std::string("exhaustive simulation: ") + what +
                                    " must be disjoint input positions");
      covered[i] = true;
    }
  };
  using digit = std::vector<std::vector<uint32_t>>;  // value -> the positions it sets
  std::vector<digit> digits;
  for (auto const& g : p.at_most_one) {
    cover(g, "at-most-one groups and domains");
    digit d{{}};
    for (auto i : g) d.push_back({i});
    digits.push_back(std::move(d));
  }
  for (auto const& domain : p.domains) {
    cover(domain.positions, "at-most-one groups and domains");
    if (domain.values.empty())
      throw std::invalid_argument("exhaustive simulation: a domain needs values");
    digit d;
    for (auto const& v : domain.values) {
      std::vector<uint32_t> set;
      for (auto j : v) {
        if (j >= domain.positions.size())
          throw std::invalid_argument(
              "exhaustive simulation: a domain value sets a bit the domain has no position for");
        set.push_back(domain.positions[j]);
      }
      d.push_back(std::move(set));
    }
    digits.push_back(std::move(d));
  }
  std::vector<uint32_t> free_inputs;
  for (uint32_t i = 0; i < k; ++i)
    if (!covered[i]) free_inputs.push_back(i);
  double log2_total = static_cast<double>(free_inputs.size());
  for (auto const& d : digits) log2_total += std::log2(static_cast<double>(d.size()));
  if (log2_total > p.exhaustive_max_input_bits + 1e-9)
    throw std::invalid_argument("exhaustive simulation of 2^" + std::to_string(log2_total) +
                                " patterns exceeds the limit of 2^" +
                                std::to_string(p.exhaustive_max_input_bits));
  simulator sim{c};
  auto const nodes = spec_nodes(spec);
  uint64_t total = uint64_t{1} << free_inputs.size();
  for (auto const& d : digits) total *= d.size();
  uint64_t const blocks = (total + block::lanes - 1) / block::lanes;
  unsigned const threads =
      static_cast<unsigned>(std::clamp<uint64_t>(p.threads, 1, std::max<uint64_t>(1, blocks / 16)));
  // Thread t takes blocks [t B / T, (t + 1) B / T). A failure at block b stops every thread
  // once it is past b; lower ranges go on, so the failure kept is the first in order.
  std::atomic<uint64_t> first_failing_block{blocks};
  std::vector<simulation_check_stats> part_stats(threads);
  std::vector<std::optional<simulation_failure>> part_failure(threads);
  // Inputs constant within every block: the digits whose place value is a multiple of the
  // block's lanes. Consecutive blocks often agree on them, and the simulator then keeps what
  // reads only them (simulation_cache).
  std::vector<uint32_t> held;
  uint64_t place = 1;
  for (auto i : free_inputs) {
    if (place % block::lanes == 0) held.push_back(i);
    place *= 2;
  }
  for (auto const& d : digits) {
    if (place % block::lanes == 0)
      for (auto const& value : d) held.insert(held.end(), value.begin(), value.end());
    place *= d.size();
  }
  std::sort(held.begin(), held.end());
  held.erase(std::unique(held.begin(), held.end()), held.end());
  // workers do not inherit the caller's deadline (core/deadline.hpp): each takes a copy, and one
  // that sees it pass stops all; the caller then throws
  auto const limit = current_deadline();
  std::atomic<bool> stopped{false};
  auto work = [&](unsigned t) {
    deadline_scope scope{limit};
    std::vector<block_value> in(k);
    simulation_cache<block_value> cache{held, {}, {}, {}};
    for (uint64_t b = blocks * t / threads; b < blocks * (t + 1) / threads; ++b) {
      if (b > first_failing_block.load() || stopped) return;
      if (deadline_passed()) {
        stopped = true;
        return;
      }
      uint64_t const base = b * block::lanes;
      auto const lanes = static_cast<unsigned>(std::min<uint64_t>(block::lanes, total - base));
      std::fill(in.begin(), in.end(), block::zero());
      for (unsigned lane = 0; lane < lanes; ++lane) {
        uint64_t index = base + lane;
        for (auto i : free_inputs) {
          if (index & 1u) block::set_lane(in[i], lane);
          index >>= 1;
        }
        for (auto const& d : digits) {
          for (auto i : d[index % d.size()]) block::set_lane(in[i], lane);
          index /= d.size();
        }
      }
      if ((part_failure[t] = check_block(sim, spec, nodes, in, lanes, part_stats[t], &cache))) {
        for (auto seen = first_failing_block.load();
             b < seen && !first_failing_block.compare_exchange_weak(seen, b);) {
        }
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
  if (stopped) throw deadline_reached(limit->why);
  simulation_check_stats stats;
  std::optional<simulation_failure> failure;
  for (unsigned t = 0; t < threads; ++t) {
    stats.patterns_checked += part_stats[t].patterns_checked;
    stats.patterns_skipped += part_stats[t].patterns_skipped;
    stats.gate_evaluations += part_stats[t].gate_evaluations;
    if (!failure && part_failure[t]) failure = std::move(part_failure[t]);
  }
  stats.seconds = seconds_since(start);
  if (stats_out) *stats_out = stats;
  return failure;
}

std::optional<simulation_failure> check_random(circuit const& c, linear_spec const& spec,
                                               simulation_check_params const& p,
                                               simulation_check_stats* stats_out) {
  auto const start = std::chrono::steady_clock::now();
  simulation_check_stats stats;
  simulator sim{c};
  auto const nodes = spec_nodes(spec);
  std::mt19937_64 rng{p.seed};
  std::optional<simulation_failure> failure;
  std::vector<block_value> in(c.input_nodes().size());
  for (uint64_t done = 0; done < p.random_patterns && !failure;) {
    if (deadline_passed()) throw deadline_reached(current_deadline()->why);
    // one word per input per 64 patterns, drawn in that order (the same patterns for a seed as
    // with one word at a time), up to a block at once
    auto const lanes = static_cast<unsigned>(
        std::min<uint64_t>(block::lanes, (p.random_patterns - done + 63) / 64 * 64));
    std::fill(in.begin(), in.end(), block::zero());
    for (unsigned j = 0; j < lanes / 64; ++j)
      for (auto& w : in) w.w[j] = rng();
    failure = check_block(sim, spec, nodes, in, lanes, stats);
    done += lanes;
  }
  stats.seconds = seconds_since(start);
  if (stats_out) *stats_out = stats;
  return failure;
}

}  // namespace tc0
