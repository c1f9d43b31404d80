#include "core/circuit.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <numeric>
#include <stdexcept>

#include "core/deadline.hpp"

namespace tc0 {
namespace {

// Unit weights are AND (t = k), OR (t = 1) or MAJ (t = floor(k/2) + 1); anything else stays a
// weighted threshold gate.
gate_kind classify(std::vector<big_int> const& ws, big_int const& t) {
  bool const unit = std::all_of(ws.begin(), ws.end(), [](big_int const& w) { return w == 1; });
  auto const k = ws.size();
  if (unit && t == k) return gate_kind::and_;
  if (unit && t == 1) return gate_kind::or_;
  if (unit && t == k / 2 + 1) return gate_kind::maj;
  return gate_kind::threshold;
}

}  // namespace

circuit::circuit() {
  nodes_.push_back(node{gate_kind::constant});
  stages_.push_back(stage_info{"(unstaged)", {}, {}});
}

bus const& circuit::create_input_bus(std::string const& name, unsigned width) {
  if (name.empty()) throw std::invalid_argument("input bus needs a name");
  if (find_input_bus(name) || find_output_bus(name))
    throw std::invalid_argument("bus '" + name + "' is defined twice");
  if (in_stage_) throw std::logic_error("inputs are created outside stages");
  bus b{name, {}};
  for (unsigned i = 0; i < width; ++i) {
    auto const index = num_nodes();
    nodes_.push_back(node{gate_kind::input});
    inputs_.push_back(index);
    b.bits.push_back(signal{index, false});
  }
  input_buses_.push_back(std::move(b));
  return input_buses_.back();
}

void circuit::add_output_bus(std::string const& name, std::vector<signal> bits) {
  if (name.empty()) throw std::invalid_argument("output bus needs a name");
  if (find_output_bus(name) || find_input_bus(name))
    throw std::invalid_argument("bus '" + name + "' is defined twice");
  for (auto s : bits) check_signal(s);
  output_buses_.push_back(bus{name, std::move(bits)});
}

bus const* circuit::find_input_bus(std::string const& name) const {
  for (auto const& b : input_buses_)
    if (b.name == name) return &b;
  return nullptr;
}

bus const* circuit::find_output_bus(std::string const& name) const {
  for (auto const& b : output_buses_)
    if (b.name == name) return &b;
  return nullptr;
}

void circuit::check_signal(signal s) const {
  if (s.index() >= nodes_.size())
    throw std::out_of_range("signal refers to a gate not yet created");
}

void circuit::begin_stage(std::string const& name, std::vector<bus> inputs) {
  if (in_stage_) throw std::logic_error("stage '" + name + "' begins inside another stage");
  // obligations, hypotheses and reports name stages: two of one name would be confused
  if (!stage_names_.insert(name).second)
    throw std::logic_error("a second stage named '" + name + "' (blocks prefix their names)");
  for (auto const& b : inputs)
    for (auto s : b.bits) check_signal(s);
  stages_.push_back(stage_info{name, std::move(inputs), {}, num_nodes(), 0});
  current_stage_ = static_cast<uint32_t>(stages_.size() - 1);
  in_stage_ = true;
}

void circuit::end_stage(std::vector<bus> outputs) {
  if (!in_stage_) throw std::logic_error("end_stage without begin_stage");
  for (auto const& b : outputs)
    for (auto s : b.bits) check_signal(s);
  stages_[current_stage_].outputs = std::move(outputs);
  stages_[current_stage_].end_node = num_nodes();
  current_stage_ = 0;
  in_stage_ = false;
}

big_int circuit::weight(uint32_t n, uint32_t i) const {
  auto const& g = nodes_[n];
  assert(i < g.fanin_count);
  switch (g.kind) {
    case gate_kind::constant:
    case gate_kind::input:
      assert(false && "constants and inputs have no fan-ins");
      return 0;
    case gate_kind::and_:
    case gate_kind::or_:
    case gate_kind::maj:
      return 1;
    case gate_kind::threshold:
      return weights_[g.weight_begin + i];
  }
  return 0;
}

big_int circuit::threshold(uint32_t n) const {
  auto const& g = nodes_[n];
  switch (g.kind) {
    case gate_kind::constant:
    case gate_kind::input:
      return 0;
    case gate_kind::and_:
      return g.fanin_count;
    case gate_kind::or_:
      return 1;
    case gate_kind::maj:
      return g.fanin_count / 2 + 1;
    case gate_kind::threshold:
      return weights_[g.weight_begin + g.fanin_count];
  }
  return 0;
}

std::span<big_int const> circuit::explicit_weights(uint32_t n) const {
  auto const& g = nodes_[n];
  if (g.kind != gate_kind::threshold) return {};
  return {weights_.data() + g.weight_begin, g.fanin_count};
}

signal circuit::create_and(std::vector<signal> fanins) {
  auto const k = fanins.size();
  return create_threshold(std::move(fanins), std::vector<big_int>(k, 1), big_int(k));
}

signal circuit::create_or(std::vector<signal> fanins) {
  auto const k = fanins.size();
  return create_threshold(std::move(fanins), std::vector<big_int>(k, 1), 1);
}

signal circuit::create_maj(std::vector<signal> fanins) {
  auto const k = fanins.size();
  return create_threshold(std::move(fanins), std::vector<big_int>(k, 1), big_int(k / 2 + 1));
}

signal circuit::create_xor(signal a, signal b) {
  // a xor b = [a + b - 2 (a and b) >= 1]: two threshold levels, no OR/AND/OR triple.
  auto const both = create_and({a, b});
  return create_threshold({a, b, both}, {1, 1, -2}, 1);
}

signal circuit::create_threshold(std::vector<signal> fanins, std::vector<big_int> weights,
                                 big_int t) {
  if (fanins.size() != weights.size())
    throw std::invalid_argument("threshold gate: " + std::to_string(fanins.size()) +
                                " fan-ins but " + std::to_string(weights.size()) + " weights");
  for (auto s : fanins) check_signal(s);

  // 1. Collect one signed coefficient per gate index and fold constants: a complemented literal
  //    w * !x = w - w * x moves w into the threshold, so only plain variables remain here.
  std::map<uint32_t, big_int> coefficient;
  for (size_t i = 0; i < fanins.size(); ++i) {
    auto const s = fanins[i];
    auto const& w = weights[i];
    if (w == 0) continue;
    if (s.index() == 0) {  // constant: false contributes 0, true contributes w
      if (s.complemented()) t -= w;
      continue;
    }
    if (s.complemented()) {
      t -= w;
      coefficient[s.index()] -= w;
    } else {
      coefficient[s.index()] += w;
    }
  }

  // 2. Back to positive weights: c * x with c < 0 is c + |c| * !x.
  std::vector<signal> lits;
  std::vector<big_int> ws;
  for (auto& [index, c] : coefficient) {
    if (c > 0) {
      lits.push_back(signal{index, false});
      ws.push_back(c);
    } else if (c < 0) {
      t -= c;
      lits.push_back(signal{index, true});
      ws.push_back(-c);
    }
  }

  big_int total = std::accumulate(ws.begin(), ws.end(), big_int{0});
  if (t <= 0) return ++stats_.folded, const_true;
  if (t > total) return ++stats_.folded, const_false;

  // 3. Output polarity: [sum w l >= t] = not [sum w !l >= total - t + 1]. Keep the form with
  //    fewer complemented fan-ins so that e.g. AND(!a, !b) and OR(a, b) hash to one gate.
  bool out_complement = false;
  auto const complemented =
      std::count_if(lits.begin(), lits.end(), [](signal s) { return s.complemented(); });
  if (2 * static_cast<size_t>(complemented) > lits.size()) {
    for (auto& l : lits) l = !l;
    t = total - t + 1;
    out_complement = true;
  }

  // 4. Weights above the threshold act like the threshold; then divide by the common factor
  //    (rounding the threshold up). Repeat until neither changes anything.
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& w : ws)
      if (w > t) w = t, changed = true;
    big_int g = 0;
    for (auto const& w : ws) g = boost::multiprecision::gcd(g, w);
    if (g > 1) {
      for (auto& w : ws) w /= g;
      t = (t + g - 1) / g;
      changed = true;
    }
  }

  // 5. A single literal of weight >= t is that literal.
  if (lits.size() == 1) return ++stats_.folded, lits[0] ^ out_complement;

  // 6. Classify (unit weights are AND, OR or MAJ).
  auto const kind = classify(ws, t);
  return add_canonical(kind, std::move(lits), std::move(ws), std::move(t)) ^ out_complement;
}

void circuit::replace_gate(uint32_t n, std::vector<signal> fanins, std::vector<big_int> weights,
                           big_int t) {
  if (n >= num_nodes() || !info(nodes_[n].kind).is_gate)
    throw std::invalid_argument("replace_gate: node " + std::to_string(n) + " is not a gate");
  if (fanins.empty() || fanins.size() != weights.size())
    throw std::invalid_argument("replace_gate: fan-ins and weights do not match");
  std::vector<bool> seen(n, false);
  big_int total = 0;
  for (size_t i = 0; i < fanins.size(); ++i) {
    auto const x = fanins[i].index();
    if (x == 0 || x >= n || seen[x])
      throw std::invalid_argument("replace_gate: fan-in " + std::to_string(x) +
                                  " is constant, not before the gate, or repeated");
    seen[x] = true;
    if (weights[i] <= 0) throw std::invalid_argument("replace_gate: a weight is not positive");
    total += weights[i];
  }
  if (t < 1 || t > total)
    throw std::invalid_argument("replace_gate: the threshold makes the gate constant");
  auto& g = nodes_[n];
  g.kind = classify(weights, t);
  g.fanin_begin = static_cast<uint32_t>(fanins_.size());
  g.fanin_count = static_cast<uint32_t>(fanins.size());
  fanins_.insert(fanins_.end(), fanins.begin(), fanins.end());
  if (g.kind == gate_kind::threshold) {
    g.weight_begin = static_cast<uint32_t>(weights_.size());
    weights_.insert(weights_.end(), weights.begin(), weights.end());
    weights_.push_back(std::move(t));
  }
  hash_.clear();  // its keys describe the old definitions
}

void circuit::replace_output_bits(std::string const& name, std::vector<signal> bits) {
  for (auto s : bits) check_signal(s);
  for (auto& b : output_buses_)
    if (b.name == name) {
      b.bits = std::move(bits);
      return;
    }
  throw std::invalid_argument("no output bus '" + name + "'");
}

size_t circuit::gate_hash(uint32_t stage, gate_kind kind, std::span<signal const> fanins,
                          std::span<big_int const> weights_and_threshold) {
  size_t h = std::hash<uint32_t>{}(stage)*31 + static_cast<size_t>(kind);
  for (auto s : fanins) h = h * 1000003u ^ s.raw();
  for (auto const& w : weights_and_threshold)
    h = h * 1000003u ^ static_cast<size_t>(static_cast<uint64_t>(w & 0xffffffffffffull));
  return h;
}

bool circuit::same_gate(uint32_t node, uint32_t stage, gate_kind kind,
                        std::span<signal const> fanins,
                        std::span<big_int const> weights_and_threshold) const {
  auto const& g = nodes_[node];
  if (g.stage != stage || g.kind != kind || g.fanin_count != fanins.size()) return false;
  auto const stored = this->fanins(node);
  if (!std::equal(stored.begin(), stored.end(), fanins.begin())) return false;
  if (kind != gate_kind::threshold) return true;
  // a threshold gate's weights, then its threshold
  auto const* w = weights_.data() + g.weight_begin;
  return std::equal(w, w + g.fanin_count + 1, weights_and_threshold.begin(),
                    weights_and_threshold.end());
}

signal circuit::add_canonical(gate_kind kind, std::vector<signal> fanins,
                              std::vector<big_int> weights, big_int t) {
  if (kind == gate_kind::threshold)
    weights.push_back(std::move(t));
  else
    weights.clear();
  auto const h = gate_hash(current_stage_, kind, fanins, weights);
  for (auto [it, end] = hash_.equal_range(h); it != end; ++it)
    if (same_gate(it->second, current_stage_, kind, fanins, weights)) {
      ++stats_.hash_hits;
      return signal{it->second, false};
    }
  if (nodes_.size() >= (1u << 31)) throw std::length_error("circuit exceeds 2^31 gates");
  poll_deadline();  // constructions that take long are stopped here (core/deadline.hpp)
  node n{kind};
  n.fanin_begin = static_cast<uint32_t>(fanins_.size());
  n.fanin_count = static_cast<uint32_t>(fanins.size());
  n.stage = current_stage_;
  fanins_.insert(fanins_.end(), fanins.begin(), fanins.end());
  if (kind == gate_kind::threshold) {
    n.weight_begin = static_cast<uint32_t>(weights_.size());
    weights_.insert(weights_.end(), std::make_move_iterator(weights.begin()),
                    std::make_move_iterator(weights.end()));
  }
  auto const index = num_nodes();
  nodes_.push_back(n);
  hash_.emplace(h, index);
  ++stats_.gates_created;
  return signal{index, false};
}

big_int bus_value(std::vector<signal> const& bits, std::vector<bool> const& node_values) {
  big_int v = 0;
  for (size_t i = bits.size(); i-- > 0;) {
    v <<= 1;
    if (node_values[bits[i].index()] != bits[i].complemented()) v |= 1;
  }
  return v;
}

}  // namespace tc0
