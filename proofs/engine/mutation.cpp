#include "proofs/engine/mutation.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include "core/check_by_simulation.hpp"
#include "proofs/engine/check.hpp"

namespace tc0 {
namespace {

std::string literal_text(signal s) {
  return (s.complemented() ? "!n" : "n") + std::to_string(s.index());
}

// The signals a gate of stage `stage` may read: the stage's declared inputs and the stage's own
// gates before `node`.
std::vector<signal> readable(circuit const& c, uint32_t stage, uint32_t node) {
  std::vector<signal> out;
  for (auto const& b : c.stages()[stage].inputs)
    for (auto bit : b.bits)
      if (bit.index() != 0 && bit.index() < node) out.push_back(bit.regular());
  for (uint32_t n = 1; n < node; ++n)
    if (info(c.kind(n)).is_gate && c.stage_of(n) == stage) out.push_back(signal{n, false});
  return out;
}

void gate_mutations(circuit const& c, uint32_t n, std::mt19937_64& rng,
                    std::vector<mutation>& out) {
  auto const fanins = c.fanins(n);
  std::vector<signal> f(fanins.begin(), fanins.end());
  std::vector<big_int> w;
  big_int total = 0;
  for (uint32_t i = 0; i < f.size(); ++i) w.push_back(c.weight(n, i)), total += w.back();
  auto const t = c.threshold(n);
  auto const where = "stage " + c.stages()[c.stage_of(n)].name + ", gate " + std::to_string(n);
  auto add = [&](std::string what, std::vector<signal> f2, std::vector<big_int> w2, big_int t2) {
    big_int sum = 0;
    for (auto const& x : w2) sum += x;
    if (f2.empty() || t2 < 1 || t2 > sum) return;  // constant: not a gate
    out.push_back({where + ": " + what, n, std::move(f2), std::move(w2), std::move(t2), {}, {}});
  };
  add("threshold " + t.str() + " -> " + big_int(t + 1).str(), f, w, t + 1);
  add("threshold " + t.str() + " -> " + big_int(t - 1).str(), f, w, t - 1);
  auto const k = f.size();
  switch (c.kind(n)) {
    case gate_kind::and_:
      if (k > 1) add("AND -> OR", f, w, 1);
      break;
    case gate_kind::or_:
      if (k > 1) add("OR -> AND", f, w, big_int(k));
      break;
    case gate_kind::maj:
      add("MAJ -> AND", f, w, big_int(k));
      break;
    case gate_kind::threshold:
    case gate_kind::constant:
    case gate_kind::input:
      break;
  }
  auto const candidates = readable(c, c.stage_of(n), n);
  for (size_t i = 0; i < k; ++i) {
    auto const fi = literal_text(f[i]);
    auto w2 = w;
    w2[i] += 1;
    add("weight of " + fi + " " + w[i].str() + " -> " + w2[i].str(), f, w2, t);
    auto f2 = f;
    f2[i] = !f[i];
    add("input " + fi + " complemented", f2, w, t);
    if (k > 1) {
      auto f3 = f;
      auto w3 = w;
      f3.erase(f3.begin() + static_cast<long>(i));
      w3.erase(w3.begin() + static_cast<long>(i));
      add("input " + fi + " dropped", f3, w3, std::min(t, big_int(total - w[i])));
    }
    std::vector<signal> others;
    for (auto s : candidates)
      if (std::none_of(f.begin(), f.end(), [&](signal x) { return x.index() == s.index(); }))
        others.push_back(s);
    if (!others.empty()) {
      auto f4 = f;
      f4[i] = others[rng() % others.size()] ^ f[i].complemented();
      add("input " + fi + " replaced by " + literal_text(f4[i]), f4, w, t);
    }
  }
}

void output_mutations(circuit const& c, std::vector<mutation>& out) {
  for (auto const& b : c.output_buses())
    for (size_t i = 0; i < b.bits.size(); ++i) {
      auto const where = "output " + b.name + "[" + std::to_string(i) + "]";
      auto bits = b.bits;
      bits[i] = !b.bits[i];
      out.push_back({where + " complemented", 0, {}, {}, 0, b.name, bits});
      if (b.bits[i] != const_false) {
        bits[i] = const_false;
        out.push_back({where + " zeroed", 0, {}, {}, 0, b.name, bits});
      }
      if (i + 1 < b.bits.size() && b.bits[i] != b.bits[i + 1]) {
        bits = b.bits;
        std::swap(bits[i], bits[i + 1]);
        out.push_back({where + " swapped with the next bit", 0, {}, {}, 0, b.name, bits});
      }
    }
}

// The first obligation that is not proved, as "id: verdict (detail)"; empty when all are.
std::string first_unproved(std::vector<obligation_result> const& results) {
  for (auto const& r : results)
    if (r.result != verdict::proved)
      return r.id + ": " + std::string(to_string(r.result)) + " (" + r.detail.substr(0, 200) + ")";
  return {};
}

}  // namespace

std::vector<mutation> enumerate_mutations(construction const& k, uint64_t seed) {
  std::mt19937_64 rng{seed};
  std::vector<mutation> out;
  for (uint32_t n = 1; n < k.c.num_nodes(); ++n)
    if (info(k.c.kind(n)).is_gate) gate_mutations(k.c, n, rng, out);
  output_mutations(k.c, out);
  return out;
}

void apply(mutation const& m, circuit& c) {
  if (m.node != 0)
    c.replace_gate(m.node, m.fanins, m.weights, m.threshold);
  else
    c.replace_output_bits(m.bus, m.bits);
}

size_t mutation_report::count(mutant_fate f) const {
  return static_cast<size_t>(std::count_if(outcomes.begin(), outcomes.end(),
                                           [f](mutant_outcome const& o) { return o.fate == f; }));
}

mutation_report check_mutants(lemma const& l, parameters const& p, mutation_params const& mp) {
  l.validate(p);
  auto const k = l.build(p);
  if (k.c.input_nodes().size() > mp.max_input_bits)
    throw std::invalid_argument(
        l.name + "[" + to_string(p) + "] has " + std::to_string(k.c.input_nodes().size()) +
        " input bits: too many to decide by exhaustive simulation whether a mutant is wrong");
  mutation_report report{l.name, p, false, {}, 0, {}};
  check_params cp;
  cp.solver = mp.solver;
  cp.cross_checks = false;
  report.baseline_detail = first_unproved(check_built(l, p, k, cp).obligations);
  report.baseline_proved = report.baseline_detail.empty();
  if (!report.baseline_proved) return report;

  // a sample: outputs get up to a quarter, gates the rest
  auto all = enumerate_mutations(k, mp.seed);
  report.mutations = all.size();
  std::mt19937_64 rng{mp.seed};
  std::shuffle(all.begin(), all.end(), rng);
  std::stable_partition(all.begin(), all.end(), [](mutation const& m) { return m.node == 0; });
  auto const outputs = static_cast<size_t>(
      std::count_if(all.begin(), all.end(), [](mutation const& m) { return m.node == 0; }));
  auto const take_outputs = std::min(outputs, mp.max_mutants / 4);
  std::vector<mutation> sample(all.begin(), all.begin() + static_cast<long>(take_outputs));
  for (size_t i = outputs; i < all.size() && sample.size() < mp.max_mutants; ++i)
    sample.push_back(all[i]);
  for (size_t i = take_outputs; i < outputs && sample.size() < mp.max_mutants; ++i)
    sample.push_back(all[i]);

  report.outcomes.resize(sample.size());
  std::atomic<size_t> next{0};
  auto judge = [&] {
    for (size_t i; (i = next++) < sample.size();) {
      auto const& m = sample[i];
      auto& o = report.outcomes[i];
      o.description = m.description;
      construction km = k;
      apply(m, km.c);
      if (!check_exhaustive(km.c, l.specification(km.c, p))) {
        o.fate = mutant_fate::equivalent;
        continue;
      }
      auto mcp = cp;
      auto const changed = m.node != 0 ? "stage:" + km.c.stages()[km.c.stage_of(m.node)].name
                                       : std::string("composition");
      mcp.select = [changed](std::string const& name) { return name == changed; };
      o.caught_by = first_unproved(check_built(l, p, km, mcp).obligations);
      o.fate = o.caught_by.empty() ? mutant_fate::survived : mutant_fate::killed;
    }
  };
  // An exception in any thread (an invalid mutation, a solver error) is the caller's, not a
  // verdict on a mutant: the first is rethrown after every thread has stopped.
  std::mutex failure_lock;
  std::exception_ptr failure;
  auto work = [&] {
    try {
      judge();
    } catch (...) {
      std::lock_guard<std::mutex> hold(failure_lock);
      if (!failure) failure = std::current_exception();
      next = sample.size();  // the others stop at their next mutant
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < std::max(1u, mp.jobs); ++j) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
  return report;
}

}  // namespace tc0
