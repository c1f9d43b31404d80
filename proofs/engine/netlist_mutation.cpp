#include "proofs/engine/netlist_mutation.hpp"

#include <algorithm>
#include <random>
#include <sstream>
#include <stdexcept>

#include "core/check_by_simulation.hpp"
#include "core/netlist.hpp"
#include "core/plain_netlist.hpp"
#include "proofs/engine/check.hpp"

namespace tc0 {
namespace {

// One change: gate `gate` replaced by `replacement`, or (gate = npos) output bit `bit` of bus
// `bus` complemented. Kept small: an export has tens of thousands of them.
struct text_mutation {
  std::string description;
  size_t gate = std::string::npos;
  plain_gate replacement;
  size_t bus = 0, bit = 0;

  plain_netlist applied_to(plain_netlist n) const {
    if (gate != std::string::npos)
      n.gates[gate] = replacement;
    else
      n.outputs[bus].second[bit].negated = !n.outputs[bus].second[bit].negated;
    return n;
  }
};

std::vector<text_mutation> enumerate(plain_netlist const& n, uint64_t seed) {
  std::vector<text_mutation> out;
  std::mt19937_64 rng{seed};
  std::vector<std::string> defined{"0", "1"};  // signals a gate may read: earlier ones
  for (auto const& [name, width] : n.inputs)
    for (unsigned i = 0; i < width; ++i) defined.push_back(name + "[" + std::to_string(i) + "]");
  for (size_t gi = 0; gi < n.gates.size(); ++gi) {
    auto const& g = n.gates[gi];
    auto add = [&](std::string what, plain_gate changed) {
      out.push_back({g.name + ": " + what, gi, std::move(changed)});
    };
    auto as_threshold = [&](big_int const& t) {  // a unit gate as [sum >= t]
      plain_gate h{g.name, "thr", t, g.fanins};
      for (auto& f : h.fanins) f.weight = 1;
      return h;
    };
    auto const k = g.fanins.size();
    big_int const t = g.kind == "thr"   ? g.threshold
                      : g.kind == "and" ? big_int(k)
                      : g.kind == "or"  ? big_int(1)
                                        : big_int(k / 2 + 1);
    if (g.kind == "thr") {
      for (int d : {1, -1}) {
        auto h = g;
        h.threshold += d;
        add("threshold " + big_int(t + d).str(), h);
      }
    } else {
      add("as threshold " + big_int(t + 1).str(), as_threshold(t + 1));
      add("as threshold " + big_int(t - 1).str(), as_threshold(t - 1));
      for (std::string kind : {"and", "or", "maj"})
        if (kind != g.kind) {
          auto h = g;
          h.kind = kind;
          add(g.kind + " -> " + kind, h);
        }
    }
    for (size_t i = 0; i < k; ++i) {
      auto const where = "fan-in " + std::to_string(i) + " (" + g.fanins[i].name + ")";
      if (g.kind == "thr")
        for (int d : {1, -1, 0}) {
          auto h = g;
          h.fanins[i].weight = d == 0 ? big_int(-g.fanins[i].weight) : g.fanins[i].weight + d;
          add(where + " weight " + h.fanins[i].weight.str(), h);
        }
      auto h = g;
      h.fanins[i].negated = !h.fanins[i].negated;
      add(where + " complemented", h);
      if (k > 1) {
        h = g;
        h.fanins.erase(h.fanins.begin() + static_cast<long>(i));
        add(where + " deleted", h);
      }
      h = g;
      auto const other = defined[std::uniform_int_distribution<size_t>(0, defined.size() - 1)(rng)];
      if (other != h.fanins[i].name) {
        h.fanins[i].name = other;
        add(where + " replaced by " + other, h);
      }
    }
    defined.push_back(g.name);
  }
  for (size_t b = 0; b < n.outputs.size(); ++b)
    for (size_t i = 0; i < n.outputs[b].second.size(); ++i)
      out.push_back({"output " + n.outputs[b].first + "[" + std::to_string(i) + "] complemented",
                     std::string::npos,
                     {},
                     b,
                     i});
  return out;
}

// A circuit with the lemma's interface whose output bits are inputs of their own: the lemma's
// specification over it judges output values that come from anywhere (here, the plain
// evaluator).
struct judge {
  circuit shell;
  linear_spec spec;
  std::vector<std::vector<uint32_t>> input_nodes, output_nodes;  // per bus, LSB first

  judge(lemma const& l, parameters const& p, circuit const& exported) {
    for (auto const& b : exported.input_buses()) {
      input_nodes.emplace_back();
      for (auto s : shell.create_input_bus(b.name, static_cast<unsigned>(b.bits.size())).bits)
        input_nodes.back().push_back(s.index());
    }
    for (auto const& b : exported.output_buses()) {
      auto const bits =
          shell.create_input_bus("out." + b.name, static_cast<unsigned>(b.bits.size())).bits;
      output_nodes.emplace_back();
      for (auto s : bits) output_nodes.back().push_back(s.index());
      shell.add_output_bus(b.name, bits);
    }
    spec = l.specification(shell, p);
  }

  // True when these outputs on these inputs meet the precondition and fail a clause.
  bool fails(std::vector<big_int> const& in, std::vector<big_int> const& out) const {
    std::vector<bool> values(shell.num_nodes(), false);
    auto set = [&](std::vector<std::vector<uint32_t>> const& nodes, std::vector<big_int> const& v) {
      for (size_t b = 0; b < nodes.size(); ++b)
        for (size_t i = 0; i < nodes[b].size(); ++i) values[nodes[b][i]] = bit_test(v.at(b), i);
    };
    set(input_nodes, in);
    set(output_nodes, out);
    return preconditions_hold(spec, values) && first_failing_clause(spec, values).has_value();
  }
};

// The input bus values of a counterexample, in the exported circuit's bus order.
std::vector<big_int> counterexample_inputs(counterexample const& cx, circuit const& c) {
  std::vector<big_int> out;
  for (auto const& b : c.input_buses()) {
    auto const it = std::find_if(cx.inputs.begin(), cx.inputs.end(),
                                 [&](bus_reading const& r) { return r.name == b.name; });
    if (it == cx.inputs.end()) throw std::logic_error("a counterexample lacks input bus " + b.name);
    out.emplace_back(it->value);
  }
  return out;
}

}  // namespace

netlist_mutation_report check_netlist_mutants(lemma const& l, parameters const& p,
                                              netlist_mutation_params const& mp) {
  l.validate(p);
  netlist_mutation_report rep{l.name, p};
  auto const k = l.build(p);
  if (k.c.input_nodes().size() > mp.max_input_bits)
    throw std::invalid_argument(
        l.name + " [" + to_string(p) + "] has " + std::to_string(k.c.input_nodes().size()) +
        " input bits; the plain evaluator enumerates at most " + std::to_string(mp.max_input_bits));
  std::ostringstream text;
  write_netlist(text, k.c);
  auto const original = parse_plain_netlist(text.str());
  judge const j{l, p, k.c};
  auto mutants = enumerate(original, mp.seed);
  rep.mutations = mutants.size();
  if (mutants.size() > mp.max_mutants) {
    std::mt19937_64 rng{mp.seed};
    std::shuffle(mutants.begin(), mutants.end(), rng);
    mutants.resize(mp.max_mutants);
  }
  std::vector<unsigned> widths;
  for (auto const& b : k.c.input_buses()) widths.push_back(static_cast<unsigned>(b.bits.size()));
  uint64_t const patterns = uint64_t{1} << k.c.input_nodes().size();
  auto const pattern = [&](uint64_t index) {
    std::vector<big_int> v;
    for (auto w : widths) v.emplace_back(index & ((uint64_t{1} << w) - 1)), index >>= w;
    return v;
  };
  check_params cp;
  cp.cex_dir.clear();
  cp.exhaustive_max_input_bits = mp.max_input_bits;
  cp.solver.timeout_ms = mp.timeout_s * 1000;
  cp.monolithic = has_smt_encoding(j.spec);
  for (auto const& m : mutants) {
    auto const netlist = m.applied_to(original);
    auto const mutant_text = to_text(netlist);
    std::istringstream in(mutant_text);
    circuit c;
    try {
      c = read_netlist(in, "mutant.net");
    } catch (std::invalid_argument const&) {
      ++rep.unreadable;
      continue;
    }
    ++rep.tried;
    plain_evaluator const eval{netlist};
    bool wrong = false;
    for (uint64_t x = 0; x < patterns && !wrong; ++x) {
      auto const in_values = pattern(x);
      wrong = j.fails(in_values, eval(in_values));
    }
    auto const checked = check_circuit(l, p, c, "mutant.net", cp);
    auto const verdict_of = overall(checked.obligations);
    if (wrong) {
      ++rep.wrong;
      bool confirmed = false;
      for (auto const& o : checked.obligations)
        if (o.result == verdict::refuted && o.cex) {
          auto const in_values = counterexample_inputs(*o.cex, k.c);
          confirmed = confirmed || j.fails(in_values, eval(in_values));
        }
      if (verdict_of == verdict::refuted && confirmed)
        ++rep.refuted_and_confirmed;
      else
        rep.unsound.push_back(
            m.description + ": " + std::string(to_string(verdict_of)) +
            (verdict_of == verdict::refuted ? ", counterexample not confirmed" : ""));
    } else {
      ++rep.right;
      if (verdict_of == verdict::proved)
        ++rep.proved;
      else
        rep.false_alarms.push_back(m.description + ": " + std::string(to_string(verdict_of)));
    }
  }
  return rep;
}

}  // namespace tc0
