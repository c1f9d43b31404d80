#include "encodings/encode_gate.hpp"

#include <algorithm>
#include <stdexcept>

namespace tc0 {

z3::expr encode_bv_constant(z3::context& ctx, big_int const& value, unsigned width) {
  if (value < 0) throw std::invalid_argument("encode_bv_constant: negative value");
  return ctx.bv_val(value.str().c_str(), width);
}

std::pair<z3::expr, unsigned> encode_sum(z3::context& ctx, std::vector<bv_part> layer) {
  std::erase_if(layer, [](bv_part const& p) { return p.max == 0; });
  if (layer.empty()) return {ctx.bv_val(0, 1), 1u};
  while (layer.size() > 1) {
    std::vector<bv_part> next;
    for (size_t i = 0; i + 1 < layer.size(); i += 2) {
      auto const max = layer[i].max + layer[i + 1].max;
      auto const width = width_for(max);
      auto a = layer[i].width < width ? z3::zext(layer[i].e, width - layer[i].width) : layer[i].e;
      auto b = layer[i + 1].width < width ? z3::zext(layer[i + 1].e, width - layer[i + 1].width)
                                          : layer[i + 1].e;
      next.push_back({a + b, width, max});
    }
    if (layer.size() % 2 == 1) next.push_back(layer.back());
    layer = std::move(next);
  }
  return {layer[0].e, layer[0].width};
}

std::pair<z3::expr, unsigned> encode_weighted_sum(
    z3::context& ctx, std::vector<std::pair<z3::expr, big_int>> const& terms) {
  std::vector<bv_part> layer;
  for (auto const& [lit, w] : terms) {
    if (w < 0) throw std::invalid_argument("encode_weighted_sum: negative weight");
    if (w == 0) continue;
    auto const width = width_for(w);
    layer.push_back(
        {z3::ite(lit, encode_bv_constant(ctx, w, width), ctx.bv_val(0, width)), width, w});
  }
  return encode_sum(ctx, std::move(layer));
}

z3::expr encode_and(z3::context& ctx, std::vector<z3::expr> const& fanins) {
  z3::expr_vector v{ctx};
  for (auto const& f : fanins) v.push_back(f);
  return z3::mk_and(v);
}

z3::expr encode_or(z3::context& ctx, std::vector<z3::expr> const& fanins) {
  z3::expr_vector v{ctx};
  for (auto const& f : fanins) v.push_back(f);
  return z3::mk_or(v);
}

z3::expr encode_threshold(z3::context& ctx, std::vector<z3::expr> const& fanins,
                          std::vector<big_int> const& weights, big_int const& t) {
  if (t <= 0) return ctx.bool_val(true);
  std::vector<std::pair<z3::expr, big_int>> terms;
  big_int total = 0;
  for (size_t i = 0; i < fanins.size(); ++i) {
    terms.emplace_back(fanins[i], weights[i]);
    total += weights[i];
  }
  if (t > total) return ctx.bool_val(false);
  auto [sum, width] = encode_weighted_sum(ctx, terms);
  return z3::uge(sum, encode_bv_constant(ctx, t, width));
}

}  // namespace tc0
