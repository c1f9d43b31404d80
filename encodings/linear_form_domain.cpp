#include "encodings/linear_form_domain.hpp"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace tc0 {
namespace {

constexpr int64_t max_range = int64_t{1} << 18;
constexpr size_t max_inputs = 4096;  // the subset sum below costs inputs x range

using input_index = std::unordered_map<uint32_t, size_t>;  // input node -> k (f's k-th input)

// e's coefficients on f's inputs, a complemented literal counted as 1 - x; nullopt when one of
// them occurs inside a product or a shift (not a linear reading).
std::optional<std::vector<big_int>> coefficients_on(linear_expr const& e, input_index const& at,
                                                    size_t n) {
  std::vector<big_int> k(n, 0);
  for (auto const& t : e.terms)
    if (auto it = at.find(t.literal.index()); it != at.end())
      k[it->second] += t.literal.complemented() ? big_int(-t.coefficient) : t.coefficient;
  bool nested = false;
  auto mark = [&](signal s) { nested = nested || at.count(s.index()) != 0; };
  for (auto const& p : e.products)
    for (auto const& x : p.factors) x.for_each_literal(mark);
  for (auto const& sh : e.shifts)
    for (auto const& x : sh.base_and_exponent) x.for_each_literal(mark);
  if (nested) return std::nullopt;
  return k;
}

// e reads f's inputs as c f for c = 0 or 1 (modulo `modulus`, coefficient by coefficient, if
// given): then e's value is a function of f's value and of the other literals.
bool reads_only_form(linear_expr const& e, std::vector<big_int> const& f, input_index const& at,
                     std::optional<big_int> const& modulus) {
  auto const k = coefficients_on(e, at, f.size());
  if (!k) return false;
  auto multiple_of_c = [&](int c) {
    for (size_t i = 0; i < f.size(); ++i) {
      big_int const d = (*k)[i] - c * f[i];
      if (modulus ? d % *modulus != 0 : d != 0) return false;
    }
    return true;
  };
  return multiple_of_c(0) || multiple_of_c(1);
}

// A gate's structure with its fan-ins named by f's input numbers (nullopt: it reads something
// that is not one of f's inputs).
std::optional<std::string> key_of(circuit const& c, uint32_t node, input_index const& at) {
  std::string key = std::to_string(static_cast<unsigned>(c.kind(node))) + ":";
  auto const fanins = c.fanins(node);
  for (uint32_t i = 0; i < fanins.size(); ++i) {
    auto const it = at.find(fanins[i].index());
    if (it == at.end()) return std::nullopt;
    key += std::to_string(it->second) + (fanins[i].complemented() ? "~" : "") + "*" +
           c.weight(node, i).str() + ",";
  }
  return key + ">=" + c.threshold(node).str();
}

}  // namespace

std::optional<linear_form_domain> linear_form_domain_of(circuit const& c, linear_spec const& spec,
                                                        linear_expr const& form, std::string* why) {
  auto refuse = [&](std::string const& text) {
    if (why) *why = "linear form: " + text;
    return std::nullopt;
  };
  if (!form.is_linear()) return refuse("not linear");
  // f's inputs in node order (their order among the circuit's inputs) and its coefficients
  std::map<uint32_t, big_int> by_node;
  for (auto const& t : form.terms) {
    if (t.literal.index() == 0) continue;
    if (c.kind(t.literal.index()) != gate_kind::input) return refuse("reads a gate");
    by_node[t.literal.index()] +=
        t.literal.complemented() ? big_int(-t.coefficient) : t.coefficient;
  }
  std::erase_if(by_node, [](auto const& kv) { return kv.second == 0; });
  if (by_node.size() < 2 || by_node.size() > max_inputs) return refuse("needs 2..4096 inputs");
  input_index at;
  std::vector<big_int> f;
  std::vector<uint32_t> nodes;
  for (auto const& [node, k] : by_node) at[node] = f.size(), f.push_back(k), nodes.push_back(node);
  size_t const n = f.size();

  // 1. Every expression reads f's inputs as 0 or f (a modular rhs modulo its modulus).
  for (auto const& cl : spec.clauses) {
    for (auto s : cl.out_bits)
      if (at.count(s.index())) return refuse("an output of clause " + cl.name + " is an input");
    bool ok =
        reads_only_form(cl.lhs, f, at, std::nullopt) && reads_only_form(cl.rhs, f, at, cl.modulus);
    if (cl.rounding)
      for (auto const* e : {&cl.rounding->sign, &cl.rounding->exponent, &cl.rounding->divisor})
        ok = ok && reads_only_form(*e, f, at, std::nullopt);
    if (!ok) return refuse("clause " + cl.name + " reads its inputs otherwise");
  }
  for (auto const& [name, e] : spec.preconditions)
    if (!reads_only_form(e, f, at, std::nullopt))
      return refuse("precondition " + name + " reads its inputs otherwise");

  // 2. The values of sum_k f_k x_k (f's constant does not matter), one witness each: subset
  //    sum, from[v] = 1 + the item that first reached v (reached from v - f_item, earlier).
  int64_t low = 0, high = 0;
  std::vector<int64_t> w;
  for (auto const& k : f) {
    if (boost::multiprecision::abs(k) > max_range) return refuse("range too large");
    w.push_back(k.convert_to<int64_t>());
    (w.back() < 0 ? low : high) += w.back();
  }
  if (high - low > max_range) return refuse("range too large");
  std::vector<uint32_t> from(static_cast<size_t>(high - low + 1), 0);
  std::vector<bool> reached(from.size(), false);
  reached[static_cast<size_t>(-low)] = true;
  for (size_t i = 0; i < n; ++i) {
    auto const before = reached;
    for (size_t v = 0; v < before.size(); ++v) {
      if (!before[v]) continue;
      auto const u = static_cast<size_t>(static_cast<int64_t>(v) + w[i]);
      if (!reached[u]) reached[u] = true, from[u] = static_cast<uint32_t>(i + 1);
    }
  }

  // 3. The gates [f >= theta] for every theta in the range, in the circuit's canonical form;
  //    every gate of `c` that reads one of f's inputs must be one of them.
  circuit scratch;
  auto const& x = scratch.create_input_bus("x", static_cast<unsigned>(n)).bits;
  input_index scratch_at;
  for (size_t k = 0; k < n; ++k) scratch_at[x[k].index()] = k;
  std::unordered_set<std::string> thresholds;
  for (int64_t theta = low + 1; theta <= high; ++theta) {
    auto const g = scratch.create_threshold(x, f, theta);
    if (g.index() != 0 && scratch.kind(g.index()) != gate_kind::input)
      thresholds.insert(*key_of(scratch, g.index(), scratch_at));
  }
  size_t readers = 0;
  for (uint32_t node = 0; node < c.num_nodes(); ++node) {
    if (!gate_kind_table[static_cast<size_t>(c.kind(node))].is_gate) continue;
    bool reads = false;
    for (auto s : c.fanins(node)) reads = reads || at.count(s.index()) != 0;
    if (!reads) continue;
    auto const key = key_of(c, node, at);
    if (!key || !thresholds.count(*key))
      return refuse("gate " + std::to_string(node) + " is not a threshold of the form");
    ++readers;
  }

  linear_form_domain d;
  d.positions.reserve(n);
  auto const& inputs = c.input_nodes();
  for (auto node : nodes)
    for (uint32_t p = 0; p < inputs.size(); ++p)
      if (inputs[p] == node) d.positions.push_back(p);
  for (size_t v = 0; v < reached.size(); ++v) {
    if (!reached[v]) continue;
    std::vector<uint32_t> pattern;
    for (auto u = v; from[u] != 0;) {
      auto const i = from[u] - 1;
      pattern.push_back(i);
      u = static_cast<size_t>(static_cast<int64_t>(u) - w[i]);
    }
    d.witnesses.push_back(std::move(pattern));
  }
  if (readers == 0) return refuse("no gate reads it");
  return d;
}

}  // namespace tc0
