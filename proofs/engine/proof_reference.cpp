#include "proofs/engine/proof_reference.hpp"

#include <map>
#include <set>

#include "core/extract.hpp"

namespace tc0 {
namespace {

std::string literal_text(signal s) {
  return std::to_string(s.raw());
}

// Every gate of `c` in canonical form, one per line, numbered by node.
void write_gates(std::string& out, circuit const& c) {
  for (uint32_t n = 1; n < c.num_nodes(); ++n) {
    if (!info(c.kind(n)).is_gate) continue;
    out += "\n  " + std::to_string(n) + " = [";
    auto const f = c.fanins(n);
    for (uint32_t i = 0; i < f.size(); ++i)
      out += " " + c.weight(n, i).str() + "*" + literal_text(f[i]);
    out += " >= " + c.threshold(n).str() + "]";
  }
}

// Preconditions, clauses and hints, each as its canonical text, in order; names left out.
void write_spec(std::string& out, linear_spec const& s) {
  out += "spec {";
  for (auto const& [name, e] : s.preconditions) out += "\n  require " + canonical_key(e);
  for (auto const& c : s.clauses) out += "\n  " + canonical_key(c);
  for (auto const& f : s.linear_forms) out += "\n  form " + canonical_key(f);
  out += "\n}\n";
}

// Every literal the spec mentions, in the order write_spec's clauses list them.
template <class F>
void for_each_literal_of(linear_spec const& s, F&& f) {
  for (auto const& [name, e] : s.preconditions) e.for_each_literal(f);
  for (auto const& c : s.clauses) {
    for (auto b : c.out_bits) f(b);
    c.for_each_expr([&](linear_expr const& e) { e.for_each_literal(f); });
  }
  for (auto const& e : s.linear_forms) e.for_each_literal(f);
}

linear_spec renamed(linear_spec const& s, std::map<uint32_t, uint32_t> const& names) {
  auto const f = [&](signal x) { return signal{names.at(x.index()), x.complemented()}; };
  linear_spec out{s.description, {}, {}};
  for (auto const& [name, e] : s.preconditions)
    out.preconditions.emplace_back(name, e.map_literals(f));
  for (auto const& c : s.clauses) out.clauses.push_back(c.map_literals(f));
  for (auto const& e : s.linear_forms) out.linear_forms.push_back(e.map_literals(f));
  return out;
}

}  // namespace

std::string stage_statement(circuit const& stage, linear_spec const& spec) {
  std::string out = "circuit {";
  for (auto const& b : stage.input_buses()) {
    out += "\n  in";
    for (auto s : b.bits) out += " " + literal_text(s);
  }
  write_gates(out, stage);
  for (auto const& b : stage.output_buses()) {
    out += "\n  out";
    for (auto s : b.bits) out += " " + literal_text(s);
  }
  out += "\n}\n";
  write_spec(out, spec);
  return out;
}

std::string cone_statement(circuit const& c, std::vector<signal> const& outputs,
                           std::function<std::string(uint32_t input_node)> const& input_name) {
  std::vector<uint32_t> roots;
  for (auto s : outputs) roots.push_back(s.index());
  auto const cone = extract_cone(c, roots);
  // the copy's input nodes are the original inputs the cone reaches, in node order
  std::vector<std::string> names(cone.c.num_nodes());
  for (uint32_t n = 0; n < c.num_nodes(); ++n)
    if (cone.node_map[n] && c.kind(n) == gate_kind::input)
      names.at(cone.node_map[n]->index()) = input_name(n);
  std::string out = "cone {";
  for (auto n : cone.c.input_nodes()) out += "\n  in " + std::to_string(n) + " " + names.at(n);
  write_gates(out, cone.c);
  out += "\n  out";
  for (auto s : outputs) {
    auto const mapped = cone.node_map[s.index()];
    out += " " + (mapped ? literal_text(*mapped ^ s.complemented()) : "?");
  }
  return out + "\n}\n";
}

linear_spec relevant_preconditions(linear_spec const& pre,
                                   std::vector<linear_spec const*> const& others,
                                   linear_spec const& goal) {
  std::set<uint32_t> seen;
  auto const see = [&](signal x) { seen.insert(x.index()); };
  for (auto const* h : others) for_each_literal_of(*h, see);
  for_each_literal_of(goal, see);
  std::vector<bool> taken(pre.preconditions.size(), false);
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < pre.preconditions.size(); ++i) {
      if (taken[i]) continue;
      bool touches = false;
      pre.preconditions[i].second.for_each_literal(
          [&](signal x) { touches = touches || (x.index() != 0 && seen.count(x.index()) != 0); });
      if (!touches) continue;
      taken[i] = grew = true;
      pre.preconditions[i].second.for_each_literal(see);
    }
  }
  linear_spec out{pre.description, {}, pre.clauses};
  for (size_t i = 0; i < pre.preconditions.size(); ++i)
    if (taken[i]) out.preconditions.push_back(pre.preconditions[i]);
  return out;
}

std::string implication_statement(std::vector<linear_spec const*> const& hypotheses,
                                  linear_spec const& goal) {
  std::map<uint32_t, uint32_t> names{{0, 0}};  // the constant node stays itself
  auto const name = [&](signal s) {
    names.emplace(s.index(), static_cast<uint32_t>(names.size()));
  };
  for (auto const* h : hypotheses) for_each_literal_of(*h, name);
  for_each_literal_of(goal, name);
  std::string out;
  for (auto const* h : hypotheses) {
    out += "hypothesis ";
    write_spec(out, renamed(*h, names));
  }
  out += "goal ";
  write_spec(out, renamed(goal, names));
  return out;
}

std::optional<std::string> proved_statements::find(std::string const& statement) const {
  auto const it = by_statement_.find(statement);
  if (it == by_statement_.end()) return std::nullopt;
  return it->second;
}

void proved_statements::add(std::string statement, std::string obligation_id) {
  by_statement_.emplace(std::move(statement), std::move(obligation_id));
}

}  // namespace tc0
