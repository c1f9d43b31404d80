#include "encodings/circuit_encoder.hpp"

#include <algorithm>

#include "core/deadline.hpp"
#include "encodings/encode_gate.hpp"

namespace tc0 {

circuit_encoder::circuit_encoder(z3::context& ctx, circuit const& c)
    : ctx_{ctx}, c_{c}, cache_(c.num_nodes()), definitions_{ctx} {
  std::vector<uint32_t> level(c.num_nodes(), 0);  // index order is topological
  for (uint32_t n = 1; n < c.num_nodes() && !name_gates_; ++n) {
    for (auto s : c.fanins(n)) level[n] = std::max(level[n], level[s.index()] + 1);
    name_gates_ = level[n] > max_nested_depth;
  }
}

z3::expr_vector circuit_encoder::take_definitions() {
  z3::expr_vector out{ctx_};
  std::swap(out, definitions_);
  return out;
}

std::string circuit_encoder::variable_name(uint32_t node) {
  auto const& buses = c_.input_buses();
  if (input_position_.empty())
    for (size_t b = 0; b < buses.size(); ++b)
      for (size_t i = 0; i < buses[b].bits.size(); ++i)
        input_position_.try_emplace(buses[b].bits[i].index(), b, i);  // the first one stays
  if (auto it = input_position_.find(node); it != input_position_.end())
    return buses[it->second.first].name + "[" + std::to_string(it->second.second) + "]";
  return "n" + std::to_string(node);
}

z3::expr circuit_encoder::literal(signal s) {
  encode_cone(s.index());
  auto const& e = *cache_[s.index()];
  return s.complemented() ? !e : e;
}

void circuit_encoder::encode_cone(uint32_t root) {
  if (cache_[root]) return;
  std::vector<uint32_t> stack{root}, cone;
  std::vector<bool> visited(c_.num_nodes(), false);
  visited[root] = true;
  while (!stack.empty()) {
    auto const n = stack.back();
    stack.pop_back();
    cone.push_back(n);
    for (auto s : c_.fanins(n)) {
      auto const f = s.index();
      if (!cache_[f] && !visited[f]) visited[f] = true, stack.push_back(f);
    }
  }
  std::sort(cone.begin(), cone.end());
  for (auto n : cone) {
    poll_deadline();
    auto e = encode_node(n);
    if (name_gates_ && info(c_.kind(n)).is_gate) {
      auto named = ctx_.bool_const(("g" + std::to_string(n)).c_str());
      definitions_.push_back(named == e);
      e = named;
    }
    cache_[n] = e;
  }
}

z3::expr circuit_encoder::encode_node(uint32_t n) {
  auto lit = [&](signal s) {
    auto const& e = *cache_[s.index()];
    return s.complemented() ? !e : e;
  };
  std::vector<z3::expr> in;
  for (auto s : c_.fanins(n)) in.push_back(lit(s));
  auto const k = c_.kind(n);
  switch (k) {
    case gate_kind::constant:
      return ctx_.bool_val(false);
    case gate_kind::input:
      return ctx_.bool_const(variable_name(n).c_str());
    case gate_kind::and_:
      ++gates_encoded_;
      return encode_and(ctx_, in);
    case gate_kind::or_:
      ++gates_encoded_;
      return encode_or(ctx_, in);
    case gate_kind::maj:
    case gate_kind::threshold: {
      ++gates_encoded_;
      std::vector<big_int> w;
      for (uint32_t i = 0; i < in.size(); ++i) w.push_back(c_.weight(n, i));
      return encode_threshold(ctx_, in, w, c_.threshold(n));
    }
  }
  return ctx_.bool_val(false);
}

}  // namespace tc0
