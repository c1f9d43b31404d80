#include "encodings/encode_linear.hpp"

#include <stdexcept>
#include <string>

#include "encodings/encode_gate.hpp"
#include "encodings/encode_rounding.hpp"

namespace tc0 {
namespace {

// The positive and the negative part of an expression: e = pos - neg, both >= 0.
struct split_expr {
  std::vector<bv_part> pos, neg;
  big_int pos_max = 0, neg_max = 0;
};

split_expr split(z3::context& ctx, linear_expr const& e, literal_encoder const& lit);

split_expr split(z3::context& ctx, linear_expr const& e, literal_encoder const& lit) {
  split_expr s;
  auto add = [&](bool positive, bv_part part) {
    (positive ? s.pos_max : s.neg_max) += part.max;
    (positive ? s.pos : s.neg).push_back(std::move(part));
  };
  if (e.constant != 0) {
    auto const w = width_for(abs(e.constant));
    add(e.constant > 0, {encode_bv_constant(ctx, abs(e.constant), w), w, abs(e.constant)});
  }
  for (auto const& t : e.terms) {
    auto const v = abs(t.coefficient);
    auto const w = width_for(v);
    add(t.coefficient > 0,
        {z3::ite(lit(t.literal), encode_bv_constant(ctx, v, w), ctx.bv_val(0, w)), w, v});
  }
  // |c| * f_1 * ... * f_k, each factor zero-extended so the product cannot wrap
  for (auto const& p : e.products) {
    auto const c = abs(p.coefficient);
    std::vector<bv_part> factors{{encode_bv_constant(ctx, c, width_for(c)), width_for(c), c}};
    for (auto const& f : p.factors) factors.push_back(encode_nonnegative_value(ctx, f, lit));
    big_int max = 1;
    for (auto const& f : factors) max *= f.max;
    auto const w = width_for(max);
    // 0/1 factors select rather than multiply: bit-blasted, x * zext(bit) is a full multiplier
    // the solver cannot see through (float addition's sign-times-value terms timed out so)
    z3::expr prod = ctx.bv_val(1, w);
    z3::expr_vector selectors{ctx};
    for (auto const& f : factors) {
      if (f.max <= 1 && f.width == 1)
        selectors.push_back(f.e == ctx.bv_val(1, 1));
      else
        // a factor wider than the product's bound (another factor is 0 or small): its low w
        // bits give the same product, which is below 2^w
        prod = prod * (f.width < w   ? z3::zext(f.e, w - f.width)
                       : f.width > w ? f.e.extract(w - 1, 0)
                                     : f.e);
    }
    if (!selectors.empty()) prod = z3::ite(z3::mk_and(selectors), prod, ctx.bv_val(0, w));
    add(p.coefficient > 0, {prod, w, max});
  }
  // |c| * base << exponent, in a width that holds the largest shifted base
  for (auto const& sh : e.shifts) {
    auto const c = abs(sh.coefficient);
    auto const base = encode_nonnegative_value(ctx, sh.base(), lit);
    auto const exponent = encode_nonnegative_value(ctx, sh.exponent(), lit);
    big_int const max = c * (base.max << static_cast<unsigned>(exponent.max));
    auto const w = std::max({width_for(max), base.width, exponent.width});
    auto const widen_to = [w](bv_part const& v) {
      return v.width < w ? z3::zext(v.e, w - v.width) : v.e;
    };
    auto const shifted = z3::shl(widen_to(base), widen_to(exponent));
    add(sh.coefficient > 0, {shifted * encode_bv_constant(ctx, c, w), w, max});
  }
  return s;
}

z3::expr widen(z3::expr const& e, unsigned from, unsigned to) {
  return from < to ? z3::zext(e, to - from) : e;
}

// a == b for two sums of non-negative parts
z3::expr encode_equal_sums(z3::context& ctx, std::vector<bv_part> a, std::vector<bv_part> b) {
  auto [x, xw] = encode_sum(ctx, std::move(a));
  auto [y, yw] = encode_sum(ctx, std::move(b));
  auto const w = std::max(xw, yw);
  return widen(x, xw, w) == widen(y, yw, w);
}

// a == b for two expressions: a + b.neg = b.pos + a.neg, both sides non-negative and wide enough
z3::expr encode_equal_exprs(z3::context& ctx, linear_expr const& a, linear_expr const& b,
                            literal_encoder const& lit) {
  auto l = split(ctx, a, lit), r = split(ctx, b, lit);
  auto left = l.pos, right = r.pos;
  left.insert(left.end(), r.neg.begin(), r.neg.end());
  right.insert(right.end(), l.neg.begin(), l.neg.end());
  return encode_equal_sums(ctx, std::move(left), std::move(right));
}

// The maximum clause: the out bits are one operand's packed bits, and that operand's value is at
// least every other's (each comparison encoded once).
z3::expr encode_maximum_bv(z3::context& ctx, spec_clause const& c, literal_encoder const& lit) {
  auto const& x = c.program_operands;
  std::vector<linear_expr> scaled;
  for (auto const& o : x) scaled.push_back(scaled_value(o));
  z3::expr_vector any{ctx};
  for (size_t i = 0; i < x.size(); ++i) {
    z3::expr_vector all{ctx};
    // lhs (the out bits' binary value) equals operand i's packing
    all.push_back(encode_equal_exprs(ctx, c.lhs, packed_value(x[i], *c.operand_format), lit));
    for (size_t j = 0; j < x.size(); ++j)
      if (j != i)
        all.push_back(encode_nonnegative_bv(ctx, linear_expr{scaled[i]}.add(scaled[j], -1), lit));
    any.push_back(z3::mk_and(all));
  }
  return z3::mk_or(any);
}

}  // namespace

// pos - neg cannot wrap in pos's width because neg <= pos on every assignment.
bv_part encode_nonnegative_value(z3::context& ctx, linear_expr const& e,
                                 literal_encoder const& lit) {
  auto s = split(ctx, e, lit);
  auto [p, pw] = encode_sum(ctx, s.pos);
  if (s.neg.empty()) return {p, pw, s.pos_max};
  auto [n, nw] = encode_sum(ctx, s.neg);
  auto const w = std::max(pw, nw);
  auto widen = [](z3::expr const& x, unsigned from, unsigned to) {
    return from < to ? z3::zext(x, to - from) : x;
  };
  return {widen(p, pw, w) - widen(n, nw, w), w, e.max_value()};
}

z3::expr encode_nonnegative_bv(z3::context& ctx, linear_expr const& e, literal_encoder const& lit) {
  auto s = split(ctx, e, lit);
  auto [p, pw] = encode_sum(ctx, s.pos);
  auto [n, nw] = encode_sum(ctx, s.neg);
  auto const w = std::max(pw, nw);
  return z3::uge(widen(p, pw, w), widen(n, nw, w));
}

z3::expr encode_clause_violation_bv(z3::context& ctx, spec_clause const& c,
                                    literal_encoder const& lit) {
  if (c.kind == clause_kind::rounds_to) return encode_rounding_violated(ctx, c, lit);
  if (c.kind == clause_kind::approximates || c.kind == clause_kind::computes)
    throw no_smt_encoding(c);
  return !encode_clause_bv(ctx, c, lit);
}

z3::expr encode_clause_bv(z3::context& ctx, spec_clause const& c, literal_encoder const& lit) {
  switch (c.kind) {
    case clause_kind::rounds_to:
      return encode_rounding_holds(ctx, c, lit);
    case clause_kind::approximates:
    case clause_kind::computes:
      throw no_smt_encoding(c);
    case clause_kind::maximum:
      return encode_maximum_bv(ctx, c, lit);
    case clause_kind::is_nonnegative:
      return lit(c.out_bits.at(0)) == encode_nonnegative_bv(ctx, c.rhs, lit);
    case clause_kind::value_equals: {
      if (!c.modulus) return encode_equal_exprs(ctx, c.lhs, c.rhs, lit);
      auto r = split(ctx, c.rhs, lit);
      // lhs = (rhs.pos + (K M - rhs.neg)) urem M with K M >= rhs.neg: the added multiple of M
      // makes the dividend non-negative without changing its residue.
      auto const& M = *c.modulus;
      big_int const KM = ((r.neg_max + M - 1) / M) * M;
      auto const [pos, pw] = encode_sum(ctx, r.pos);
      auto const [neg, nw] = encode_sum(ctx, r.neg);
      auto const l = encode_nonnegative_value(ctx, c.lhs, lit);
      auto const w = std::max({width_for(r.pos_max + KM), width_for(M), l.width, nw});
      auto const dividend =
          widen(pos, pw, w) + (encode_bv_constant(ctx, KM, w) - widen(neg, nw, w));
      return widen(l.e, l.width, w) == z3::urem(dividend, encode_bv_constant(ctx, M, w));
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

namespace {

// A structural key for an expression, so equal shifted terms share one atom.
std::string structure_key(linear_expr const& e) {
  std::string k = "(" + e.constant.str();
  for (auto const& t : e.terms)
    k += " " + t.coefficient.str() + (t.literal.complemented() ? "*!n" : "*n") +
         std::to_string(t.literal.index());
  for (auto const& p : e.products) {
    k += " " + p.coefficient.str() + "*prod[";
    for (auto const& f : p.factors) k += structure_key(f);
    k += "]";
  }
  for (auto const& sh : e.shifts)
    k += " " + sh.coefficient.str() + "*shl[" + structure_key(sh.base()) +
         structure_key(sh.exponent()) + "]";
  return k + ")";
}

bool has_shifts(linear_expr const& e) {
  if (!e.shifts.empty()) return true;
  for (auto const& p : e.products)
    for (auto const& f : p.factors)
      if (has_shifts(f)) return true;
  return false;
}

}  // namespace

z3::expr free_literals::operator()(signal s) {
  if (s.index() == 0) return ctx_.bool_val(s.complemented());
  auto it = vars_.find(s.index());
  if (it == vars_.end())
    it = vars_.emplace(s.index(), ctx_.bool_const(("n" + std::to_string(s.index())).c_str())).first;
  return s.complemented() ? !it->second : it->second;
}

z3::expr int_encoder::atom(shift_term const& sh) {
  linear_expr term;
  term.shifts.push_back({1, sh.base_and_exponent});
  return atom(std::move(term));
}

z3::expr int_encoder::atom(linear_expr term) {
  auto const key = structure_key(term);
  if (auto it = atom_index_.find(key); it != atom_index_.end()) return atoms_[it->second].variable;
  auto const name = "atom" + std::to_string(atoms_.size());
  auto v = reals_ ? ctx_.real_const(name.c_str()) : ctx_.int_const(name.c_str());
  side_.push_back(v >= constant(term.min_value()));
  side_.push_back(v <= constant(term.max_value()));
  atom_index_.emplace(key, atoms_.size());
  atoms_.push_back({v, std::move(term)});
  return v;
}

z3::expr int_encoder::selected_product(product_term const& p) {
  std::vector<linear_expr> selectors;
  linear_expr const* value = nullptr;
  for (auto const& f : p.factors) {
    if (!has_shifts(f) && f.min_value() >= 0 && f.max_value() <= 1)
      selectors.push_back(f);
    else if (!value)
      value = &f;
    else
      throw not_linear("a product of two shifted or wide factors has no linear reading");
  }
  if (!value) throw std::logic_error("selected_product without a shifted factor");
  auto const E = expr(*value);
  auto const lo = constant(value->min_value()), hi = constant(value->max_value());
  z3::expr b = constant(1);
  if (!selectors.empty()) {
    linear_expr selector;
    if (selectors.size() == 1)
      selector = selectors[0];
    else
      selector.add_product(1, selectors);
    b = expr(selector);
  }
  auto const name = "selected" + std::to_string(side_.size());
  auto z = reals_ ? ctx_.real_const(name.c_str()) : ctx_.int_const(name.c_str());
  side_.push_back(z >= lo * b);
  side_.push_back(z <= hi * b);
  side_.push_back(z <= E - lo * (constant(1) - b));
  side_.push_back(z >= E - hi * (constant(1) - b));
  return constant(p.coefficient) * z;
}

z3::expr int_encoder::expr(linear_expr const& e) {
  z3::expr_vector terms{ctx_};
  terms.push_back(constant(e.constant));
  for (auto const& t : e.terms) terms.push_back(constant(t.coefficient) * literal(t.literal));
  for (auto const& sh : e.shifts) terms.push_back(constant(sh.coefficient) * atom(sh));
  for (auto const& p : e.products) {
    bool shifted = false;
    for (auto const& f : p.factors) shifted = shifted || has_shifts(f);
    if (shifted) {
      terms.push_back(selected_product(p));
      continue;
    }
    if (products_as_atoms_) {
      linear_expr alone;
      alone.add_product(1, p.factors);
      terms.push_back(constant(p.coefficient) * atom(std::move(alone)));
      continue;
    }
    // Normalise the product into multilinear monomials, then read each monomial of degree >= 2
    // as a variable of its own (see the class comment).
    auto poly = polynomial::constant(p.coefficient);
    for (auto const& f : p.factors) poly = poly.times(normalise(f), max_monomials);
    for (auto const& [m, c] : poly.terms) terms.push_back(constant(c) * monomial_term(m));
  }
  // One term alone, not (+ t): SMT-LIB2 readers other than Z3 (cvc5) reject a unary +.
  return terms.size() == 1 ? terms[0] : z3::sum(terms);
}

polynomial int_encoder::normalise(linear_expr const& e) try {
  return polynomial_of(e, max_monomials);
} catch (std::domain_error const& x) {
  throw not_linear(x.what());
}

z3::expr int_encoder::monomial_term(monomial const& m) {
  if (m.empty()) return constant(1);
  if (m.size() == 1) return literal(signal{m[0], false});
  auto it = monomials_.find(m);
  if (it == monomials_.end()) {
    std::string name = "m";
    for (auto n : m) name += "_" + std::to_string(n), literal(signal{n, false});
    it =
        monomials_.emplace(m, reals_ ? ctx_.real_const(name.c_str()) : ctx_.int_const(name.c_str()))
            .first;
  }
  return it->second;
}

z3::expr int_encoder::clause(spec_clause const& c) {
  if (c.kind == clause_kind::rounds_to || c.kind == clause_kind::maximum)
    throw not_linear("clause " + c.name +
                     " (a float rounding or maximum) is stated in bit-vectors only");
  if (c.kind == clause_kind::approximates || c.kind == clause_kind::computes)
    throw no_smt_encoding(c);
  auto const rhs = expr(c.rhs);
  switch (c.kind) {
    case clause_kind::rounds_to:
    case clause_kind::maximum:
    case clause_kind::approximates:
    case clause_kind::computes:
      break;
    case clause_kind::is_nonnegative:
      return literal(c.out_bits.at(0)) == z3::ite(rhs >= 0, constant(1), constant(0));
    case clause_kind::value_equals: {
      auto const value = expr(c.lhs);
      if (!c.modulus) return value == rhs;
      if (reals_) throw std::logic_error("modular clauses need integer arithmetic");
      return value == z3::mod(rhs, constant(*c.modulus));
    }
  }
  return ctx_.bool_val(false);
}

z3::expr int_encoder::bounds() {
  z3::expr_vector v{ctx_};
  for (auto const& x : side_) v.push_back(x);
  for (auto const& [n, x] : var_) {
    v.push_back(x >= 0);
    v.push_back(x <= 1);
  }
  // A monomial's variable is the product of 0/1 values: 0 <= mu <= x_k for each factor, and
  // mu >= sum_k x_k - (d - 1). Valid for every 0/1 assignment, so adding them loses nothing.
  for (auto const& [m, mu] : monomials_) {
    v.push_back(mu >= 0);
    z3::expr_vector xs{ctx_};
    for (auto n : m) {
      v.push_back(mu <= var_.at(n));
      xs.push_back(var_.at(n));
    }
    v.push_back(mu >= (xs.size() == 1 ? xs[0] : z3::sum(xs)) - constant(big_int(m.size() - 1)));
  }
  return z3::mk_and(v);
}

}  // namespace tc0
