#include "encodings/encode_linear.hpp"

#include <stdexcept>

#include "encodings/encode_gate.hpp"

namespace tc0 {
namespace {

// The positive and the negative part of an expression: e = pos - neg, both >= 0.
struct split_expr {
  std::vector<std::pair<z3::expr, big_int>> pos, neg;
  big_int pos_max = 0, neg_max = 0;
};

split_expr split(z3::context& ctx, linear_expr const& e, literal_encoder const& lit) {
  split_expr s;
  auto add = [&](bool positive, z3::expr term, big_int const& w) {
    (positive ? s.pos : s.neg).emplace_back(std::move(term), w);
    (positive ? s.pos_max : s.neg_max) += w;
  };
  if (e.constant != 0) add(e.constant > 0, ctx.bool_val(true), abs(e.constant));
  for (auto const& t : e.terms) add(t.coefficient > 0, lit(t.literal), abs(t.coefficient));
  return s;
}

z3::expr widen(z3::expr const& e, unsigned from, unsigned to) {
  return from < to ? z3::zext(e, to - from) : e;
}

}  // namespace

z3::expr encode_nonnegative_bv(z3::context& ctx, linear_expr const& e, literal_encoder const& lit) {
  auto s = split(ctx, e, lit);
  auto [p, pw] = encode_weighted_sum(ctx, s.pos);
  auto [n, nw] = encode_weighted_sum(ctx, s.neg);
  auto const w = std::max(pw, nw);
  return z3::uge(widen(p, pw, w), widen(n, nw, w));
}

z3::expr encode_clause_bv(z3::context& ctx, spec_clause const& c, literal_encoder const& lit) {
  switch (c.kind) {
    case clause_kind::is_nonnegative:
      return lit(c.out_bits.at(0)) == encode_nonnegative_bv(ctx, c.rhs, lit);
    case clause_kind::value_equals: {
      auto s = split(ctx, c.rhs, lit);
      unsigned const out_width = static_cast<unsigned>(c.out_bits.size());
      std::vector<std::pair<z3::expr, big_int>> out;
      for (unsigned k = 0; k < out_width; ++k) out.emplace_back(lit(c.out_bits[k]), pow2(k));
      auto [r, rw] = encode_weighted_sum(ctx, s.pos);
      if (!c.modular) {
        // value(out) + neg = pos, both sides zero-extended to hold their largest value
        auto lhs = out;
        lhs.insert(lhs.end(), s.neg.begin(), s.neg.end());
        auto [l, lw] = encode_weighted_sum(ctx, lhs);
        auto const w = std::max(lw, rw);
        return widen(l, lw, w) == widen(r, rw, w);
      }
      // value(out) = (pos - neg) mod 2^k: the low k bits of pos - neg computed in a width >= k,
      // where the subtraction wraps modulo a multiple of 2^k and so keeps the low k bits exact.
      auto [o, ow] = encode_weighted_sum(ctx, out);
      auto [n, nw] = encode_weighted_sum(ctx, s.neg);
      auto const w = std::max({rw, nw, ow, out_width});
      auto const diff = widen(r, rw, w) - widen(n, nw, w);
      return widen(o, ow, w).extract(out_width - 1, 0) == diff.extract(out_width - 1, 0);
    }
  }
  return ctx.bool_val(false);
}

z3::expr int_encoder::constant(big_int const& v) {
  return reals_ ? ctx_.real_val(v.str().c_str()) : ctx_.int_val(v.str().c_str());
}

z3::expr int_encoder::literal(signal s) {
  if (s.index() == 0) return constant(s.complemented() ? 1 : 0);
  auto it = var_.find(s.index());
  if (it == var_.end()) {
    auto const name = "v" + std::to_string(s.index());
    it = var_.emplace(s.index(),
                      reals_ ? ctx_.real_const(name.c_str()) : ctx_.int_const(name.c_str()))
             .first;
  }
  return s.complemented() ? constant(1) - it->second : it->second;
}

z3::expr int_encoder::expr(linear_expr const& e) {
  z3::expr_vector terms{ctx_};
  terms.push_back(constant(e.constant));
  for (auto const& t : e.terms) terms.push_back(constant(t.coefficient) * literal(t.literal));
  return z3::sum(terms);
}

z3::expr int_encoder::clause(spec_clause const& c) {
  auto const rhs = expr(c.rhs);
  switch (c.kind) {
    case clause_kind::is_nonnegative:
      return literal(c.out_bits.at(0)) == z3::ite(rhs >= 0, constant(1), constant(0));
    case clause_kind::value_equals: {
      auto const value = expr(linear_expr::value_of(c.out_bits));
      if (!c.modular) return value == rhs;
      if (reals_) throw std::logic_error("modular clauses need integer arithmetic");
      return value == z3::mod(rhs, constant(pow2(static_cast<unsigned>(c.out_bits.size()))));
    }
  }
  return ctx_.bool_val(false);
}

z3::expr int_encoder::bounds() {
  z3::expr_vector v{ctx_};
  for (auto const& [n, x] : var_) {
    v.push_back(x >= 0);
    v.push_back(x <= 1);
  }
  return z3::mk_and(v);
}

}  // namespace tc0
