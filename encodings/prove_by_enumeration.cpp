#include "encodings/prove_by_enumeration.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/check_by_simulation.hpp"
#include "core/extract.hpp"
#include "core/metrics.hpp"
#include "encodings/linear_form_domain.hpp"

namespace tc0 {
namespace {

constexpr unsigned max_log2_patterns = 22;
// Expected times decide the order (the solver is often quick too: int.div's column counts,
// 2^20 patterns each, took 0.27 s a clause enumerated against 0.015 s in Z3). Rough costs,
// estimated from such runs on the development machine: a wire 1/64 ns (64 patterns per word),
// checking a pattern 300 ns plus 10 ns per literal the clauses read, plus 3 us per rounding clause
// (exact rationals), 30 us per approximation clause (enclosures).
double expected_ns(double patterns, uint64_t wires, linear_spec const& spec) {
  double per_pattern = 300 + static_cast<double>(wires) / 64;
  for (auto const& c : spec.clauses) {
    c.for_each_expr(
        [&](linear_expr const& e) { e.for_each_literal([&](signal) { per_pattern += 10; }); });
    per_pattern += 10 * static_cast<double>(c.out_bits.size());
    if (c.kind == clause_kind::rounds_to) per_pattern += 3000;
    if (c.kind == clause_kind::approximates) per_pattern += 30000;  // enclosures
    if (c.kind == clause_kind::computes) per_pattern += 1000 * c.program->nodes.size();
  }
  for (auto const& [name, e] : spec.preconditions)
    e.for_each_literal([&](signal) { per_pattern += 10; });
  return patterns * per_pattern;
}

// The input positions of `e` when it reads "1 - sum of these inputs >= 0" (at most one set).
std::optional<std::vector<uint32_t>> at_most_one_group(linear_expr const& e, circuit const& c) {
  if (e.constant != 1 || !e.is_linear()) return std::nullopt;
  std::vector<uint32_t> positions;
  auto const& inputs = c.input_nodes();
  for (auto const& t : e.terms) {
    if (t.literal == const_false) continue;  // a constant bit of a one-hot code adds nothing
    if (t.coefficient != -1 || t.literal.complemented()) return std::nullopt;
    auto const at = std::find(inputs.begin(), inputs.end(), t.literal.index());
    if (at == inputs.end()) return std::nullopt;
    positions.push_back(static_cast<uint32_t>(at - inputs.begin()));
  }
  if (positions.size() < 2) return std::nullopt;
  return positions;
}

}  // namespace

std::optional<query_outcome> prove_by_enumeration(circuit const& c, linear_spec const& spec,
                                                  std::vector<size_t> const& clauses, double max_ns,
                                                  double* expected_out) {
  auto const start = std::chrono::steady_clock::now();
  std::vector<uint32_t> roots;
  auto add_root = [&](signal s) { roots.push_back(s.index()); };
  for (auto i : clauses) {
    auto const& cl = spec.clauses.at(i);
    for (auto s : cl.out_bits) add_root(s);
    cl.for_each_expr([&](linear_expr const& e) { e.for_each_literal(add_root); });
  }
  auto const cone = extract_cone(c, roots);
  auto in_cone = [&](linear_expr const& e) {
    bool all = true;
    e.for_each_literal([&](signal s) { all = all && cone.node_map[s.index()].has_value(); });
    return all;
  };
  linear_spec local{spec.description, {}, {}};
  for (auto const& [name, e] : spec.preconditions) {
    if (in_cone(e)) {
      local.preconditions.emplace_back(name, e);
      continue;
    }
    // "at most one of G" gives "at most one of the part of G in the cone"
    if (e.constant != 1 || !e.is_linear()) continue;
    linear_expr part = linear_expr{}.add_constant(1);
    bool amo = true;
    for (auto const& t : e.terms) {
      amo = amo && t.coefficient == -1;
      if (cone.node_map[t.literal.index()]) part.add_term(-1, t.literal);
    }
    if (amo && part.terms.size() >= 2)
      local.preconditions.emplace_back(name + " (in the cone)", part);
  }
  for (auto i : clauses) local.clauses.push_back(spec.clauses.at(i));
  local.linear_forms = spec.linear_forms;
  local = remap(local, cone.node_map);

  // Inputs read only through a linear form (the spec's hint, checked there): one witness per
  // value of the form instead of every pattern of its inputs.
  simulation_check_params sp;
  std::vector<bool> grouped(cone.c.input_nodes().size(), false);
  double log2_patterns = 0;
  for (auto const& form : local.linear_forms) {
    auto d = linear_form_domain_of(cone.c, local, form);
    if (!d || std::any_of(d->positions.begin(), d->positions.end(),
                          [&](uint32_t i) { return grouped[i]; }))
      continue;
    for (auto i : d->positions) grouped[i] = true;
    log2_patterns += std::log2(static_cast<double>(d->witnesses.size()));
    sp.domains.push_back({std::move(d->positions), std::move(d->witnesses)});
  }

  // Disjoint groups, largest first; a group overlapping earlier ones keeps its new positions
  // (at most one of G implies at most one of any part of G). The enumeration may so cover more
  // patterns than the preconditions allow; check_exhaustive skips those.
  std::vector<std::vector<uint32_t>> candidates;
  for (auto const& [name, e] : local.preconditions)
    if (auto g = at_most_one_group(e, cone.c)) candidates.push_back(std::move(*g));
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](auto const& a, auto const& b) { return a.size() > b.size(); });
  for (auto const& g : candidates) {
    std::vector<uint32_t> fresh;
    for (auto i : g)
      if (!grouped[i]) fresh.push_back(i), grouped[i] = true;
    if (fresh.size() >= 2)
      sp.at_most_one.push_back(std::move(fresh));
    else
      for (auto i : fresh) grouped[i] = false;
  }
  for (bool g : grouped) log2_patterns += g ? 0 : 1;
  for (auto const& g : sp.at_most_one)
    log2_patterns += std::log2(static_cast<double>(g.size() + 1));
  if (log2_patterns > max_log2_patterns) return std::nullopt;
  auto const expected = expected_ns(std::exp2(log2_patterns), measure(cone.c).wires, local);
  if (expected > max_ns) {
    if (expected_out) *expected_out = expected;
    return std::nullopt;
  }
  sp.exhaustive_max_input_bits = max_log2_patterns;
  simulation_check_stats stats;
  auto const failure = check_exhaustive(cone.c, local, sp, &stats);

  query_outcome out;
  out.enumerated_clauses = clauses.size();
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!failure) {
    out.result = verdict::proved;
    out.note =
        "every one of the " + std::to_string(stats.patterns_checked) + " patterns of the " +
        std::to_string(cone.c.input_nodes().size()) + " inputs the clauses depend on" +
        (sp.at_most_one.empty() ? std::string{}
                                : " (at most one set in each of " +
                                      std::to_string(sp.at_most_one.size()) + " one-hot groups)") +
        (sp.domains.empty()
             ? std::string{}
             : " (" + std::to_string(sp.domains.size()) +
                   " groups read only through thresholds of a linear form: one pattern per value "
                   "of the form)") +
        " satisfies them on the simulator";
    return out;
  }
  // back to the whole circuit, the other inputs 0, and replayed with every precondition
  std::vector<bool> inputs(c.input_nodes().size(), false);
  auto const& support = cone.c.input_nodes();
  for (size_t i = 0; i < c.input_nodes().size(); ++i)
    if (auto const& m = cone.node_map[c.input_nodes()[i]])
      for (size_t j = 0; j < support.size(); ++j)
        if (support[j] == m->index()) inputs[i] = failure->inputs[j] != m->complemented();
  linear_spec checked{spec.description, spec.preconditions, {}};
  for (auto i : clauses) checked.clauses.push_back(spec.clauses.at(i));
  auto const values = simulate_pattern(c, inputs);
  auto const failing = first_failing_clause(checked, values);
  if (!preconditions_hold(checked, values) || !failing) return std::nullopt;
  out.result = verdict::refuted;
  out.inputs = std::move(inputs);
  out.failing_clause = *failing;
  out.note = "a pattern of the clauses' inputs found by enumeration, replayed";
  return out;
}

}  // namespace tc0
