// The rounds_to clause (core/linear_spec.hpp) in bit-vectors: round_p stated relationally, so
// that the specification shares nothing with a rounding circuit (no guard or sticky bits):
//   r is valid, and no valid float f is strictly closer to x, nor as close and preferred by the
//   tie rule (even significand; between 0 and the smallest normal, 0).
// Proofs use the equivalent neighbour form (only the next valid floats above and below r need
// to be compared: the distance to x falls and then rises along the ordered floats), which is
// quantifier-free and was about twice as fast at p = 5; the form with a free competitor f is
// kept, and tests prove the two equivalent for whole formats.
// Two scales. Exact: x = (-1)^s N / D 2^(Z + offset) and a float g = <M, u> are compared as
// N 2^(Z + offset - b) and M D 2^(u + e_min - b) for the smallest exponent b either can have, in
// a width that holds both with two bits to spare, so the signed differences cannot wrap; that
// width grows with the exponent range (2^(p+1) bits at the paper's range). Narrow, wherever x is
// a magnitude without shifts times 2^(Z + offset) (every round stage): r and its neighbours are
// compared at r's own scale against a proxy of x that lies on the same side of every point where
// the comparison can change (rounding_encoding::proxy), in p + 8 bits at any exponent range.
#include "encodings/encode_rounding.hpp"

#include <algorithm>
#include <atomic>
#include <boost/multiprecision/cpp_int.hpp>

namespace tc0 {
namespace {

struct float_terms {
  z3::expr magnitude, exponent, negative;
};

struct rounding_encoding {
  z3::context& ctx;
  rounding_target const& t;
  unsigned width = 0;
  int64_t base = 0;  // b
  z3::expr x;        // D-free scaled exact value, signed (two's complement in `width`)
  z3::expr divisor;  // D, in `width`
  // square_root: y = N / D 2^(Z + offset) under the root; floats compared through squares, at
  // the scale 2^b2 with b2 = min(2 e_min, offset), in root_width bits:
  //   D (f + g)^2 2^(2 e_min - b2)  against  4 N 2^(Z + offset - b2)
  bool root = false;
  unsigned root_width = 0;
  int64_t square_shift = 0;  // 2 e_min - b2
  z3::expr four_y{ctx};      // 4 N 2^(Z + offset - b2), unsigned
  z3::expr root_divisor{ctx};
  z3::expr y_negative{ctx};  // N < 0: the clause cannot hold
  z3::expr x_negative{ctx};  // the sign is odd: x = -sqrt(y), compared as -f against sqrt(y)

  z3::expr widen(bv_part const& v) const {
    return v.width < width ? z3::zext(v.e, width - v.width) : v.e.extract(width - 1, 0);
  }
  z3::expr constant(int64_t v) const { return ctx.bv_val(static_cast<uint64_t>(v), width); }
  z3::expr signed_value(z3::expr const& magnitude, z3::expr const& negative) const {
    return z3::ite(negative, -magnitude, magnitude);
  }
  // |g D - x| for a float g
  z3::expr distance(float_terms const& g) const {
    auto const p = t.format.p, E = t.format.exponent_bits();
    auto const m = z3::zext(g.magnitude, width - p) * divisor;
    auto const shift = z3::zext(g.exponent, width - E) + constant(t.format.e_min - base);
    auto const d = signed_value(z3::shl(m, shift), g.negative) - x;
    return z3::ite(z3::slt(d, constant(0)), -d, d);
  }
  z3::expr valid(float_terms const& g) const {
    auto const p = t.format.p, E = t.format.exponent_bits();
    auto const zero = g.magnitude == ctx.bv_val(0, p);
    auto const u_max = ctx.bv_val(static_cast<uint64_t>(t.format.e_max - t.format.e_min), E);
    return z3::implies(zero, g.exponent == ctx.bv_val(0, E) && !g.negative) &&
           z3::implies(!zero, g.magnitude.extract(p - 1, p - 1) == ctx.bv_val(1, 1)) &&
           z3::ule(g.exponent, u_max);
  }
  // f is preferred to r at equal distance
  z3::expr preferred(float_terms const& f, float_terms const& r) const {
    auto const p = t.format.p;
    auto even = [&](z3::expr const& m) { return m.extract(0, 0) == ctx.bv_val(0, 1); };
    return (even(f.magnitude) && !even(r.magnitude)) ||
           (f.magnitude == ctx.bv_val(0, p) && r.magnitude != ctx.bv_val(0, p) &&
            even(r.magnitude));
  }
  z3::expr same(float_terms const& f, float_terms const& r) const {
    return f.magnitude == r.magnitude && f.exponent == r.exponent && f.negative == r.negative;
  }
  // The next valid float above g (g valid), and whether there is one.
  std::pair<z3::expr, float_terms> successor(float_terms const& g) const {
    auto const p = t.format.p, E = t.format.exponent_bits();
    auto const zero_m = ctx.bv_val(0, p), smallest = ctx.bv_val(uint64_t{1} << (p - 1), p);
    auto const largest = ctx.bv_val((uint64_t{1} << p) - 1, p);
    auto const u_max = ctx.bv_val(static_cast<uint64_t>(t.format.e_max - t.format.e_min), E);
    auto const zero_u = ctx.bv_val(0, E), one_u = ctx.bv_val(1, E);
    auto const is_zero = g.magnitude == zero_m;
    // positive: one more, or the next binade's smallest; negative: one less, or the previous
    // binade's largest, or 0 after the smallest normal; 0: the smallest normal
    auto const pos_wrap = g.magnitude == largest, neg_wrap = g.magnitude == smallest;
    auto const m = z3::ite(is_zero, smallest,
                           z3::ite(!g.negative, z3::ite(pos_wrap, smallest, g.magnitude + 1),
                                   z3::ite(neg_wrap, z3::ite(g.exponent == zero_u, zero_m, largest),
                                           g.magnitude - 1)));
    auto const u = z3::ite(is_zero, zero_u,
                           z3::ite(!g.negative, z3::ite(pos_wrap, g.exponent + one_u, g.exponent),
                                   z3::ite(neg_wrap && g.exponent != zero_u, g.exponent - one_u,
                                           z3::ite(neg_wrap, zero_u, g.exponent))));
    auto const negative = g.negative && !(neg_wrap && g.exponent == zero_u);
    auto const exists = !(!g.negative && !is_zero && pos_wrap && g.exponent == u_max);
    return {exists, float_terms{m, u, negative}};
  }
  float_terms negated(float_terms const& g) const {
    auto const zero = g.magnitude == ctx.bv_val(0, t.format.p);
    return {g.magnitude, g.exponent, z3::ite(zero, g.negative, !g.negative)};
  }
  // r fails the clause: invalid, or a neighbour (the next valid float above or below) beats
  // it. Equivalent to "some valid float beats r": along the ordered floats the distance to x
  // falls and then rises, so a float beyond a neighbour that is as close as r or closer makes
  // that neighbour strictly closer than r.
  z3::expr violated_by_neighbour(float_terms const& r) const {
    auto const [up_exists, up] = successor(r);
    auto const [down_exists, down_negated] = successor(negated(r));
    auto const down = negated(down_negated);
    auto const fails = !valid(r) || (up_exists && beats(up, r)) || (down_exists && beats(down, r));
    return root ? fails || y_negative : fails;
  }

  // g's value in units of 2^e_min, signed, in root_width bits
  z3::expr root_scaled(float_terms const& g) const {
    auto const p = t.format.p, E = t.format.exponent_bits();
    auto const m = z3::zext(g.magnitude, root_width - p);
    auto const v = z3::shl(m, z3::zext(g.exponent, root_width - E));
    return z3::ite(g.negative, -v, v);
  }
  // f beats r as an approximation of sqrt(y): for f > r, f is strictly closer exactly when
  // f + r < 2 sqrt(y) (f + r < 0, or (f + r)^2 < 4 y); for f < r, when f + r > 2 sqrt(y)
  z3::expr root_beats(float_terms const& f, float_terms const& r) const {
    auto const mirror = [&](z3::expr const& v) { return z3::ite(x_negative, -v, v); };
    auto const sf = mirror(root_scaled(f)), sr = mirror(root_scaled(r));
    auto const S = sf + sr;
    auto const zero = ctx.bv_val(0, root_width);
    auto const nonnegative = !z3::slt(S, zero);
    auto const lhs =
        z3::shl(root_divisor * S * S, ctx.bv_val(static_cast<uint64_t>(square_shift), root_width));
    auto const above = z3::slt(sr, sf), below = z3::slt(sf, sr);
    auto const closer = (above && (!nonnegative || z3::ult(lhs, four_y))) ||
                        (below && nonnegative && z3::ugt(lhs, four_y));
    auto const tie = (above || below) && nonnegative && lhs == four_y;
    return valid(f) && (closer || (tie && preferred(f, r)));
  }

  // Narrow form (a magnitude N without shifts, divisor 1, no root): each comparison is made at
  // the scale of r's exponent, in quarter units q = 2^(u_r + e_min - 3). r and its neighbours are
  // M 2^(u - u_r + 3) q with u - u_r in {-1, 0, 1}: even multiples of 2q below 2^(p+4) q, and so
  // are the midpoints between any two of them. Which of two such floats is closer to x, or
  // whether they tie, depends only on x's side of each such midpoint, so x can be replaced by a
  // proxy P on the same side of every even number of quarter units: 4x itself where 4x is even
  // (x on the half-unit grid), 2 floor(2x) + 1 otherwise (between the same two even numbers),
  // and 2^(p+5) (above every midpoint) where 4x is larger. P needs p + 8 bits whatever the
  // exponent range: the shifts of N are cut at p + 7 bits left and at N's width right.
  bool narrow = false;
  z3::expr n_magnitude{ctx};  // |N|, n_width bits
  unsigned n_width = 0;
  z3::expr n_negative{ctx};  // x < 0
  z3::expr z_scale{ctx};     // Z + offset - e_min + 2, signed in exp_width bits
  unsigned exp_width = 0;

  unsigned narrow_width() const { return t.format.p + 8; }
  z3::expr narrow_constant(int64_t v, unsigned w) const {
    return ctx.bv_val(static_cast<uint64_t>(v), w);
  }
  // the proxy of x, signed, in narrow_width() bits (for r's exponent u_r)
  z3::expr proxy(z3::expr const& u_r) const {
    auto const p = t.format.p, E = t.format.exponent_bits();
    unsigned const wide = n_width + p + 10;
    // 2x = N 2^q in units of 2^(u_r + e_min - 1)
    auto const q = z_scale - z3::zext(u_r, exp_width - E);
    auto const zero = narrow_constant(0, exp_width);
    auto const n = z3::zext(n_magnitude, wide - n_width);
    auto const cap = narrow_constant(int64_t{1} << (p + 5), wide);
    auto const clamp = [&](z3::expr const& amount, int64_t limit) {
      return z3::ite(
          z3::sgt(amount, narrow_constant(limit, exp_width)), narrow_constant(limit, wide),
          exp_width < wide ? z3::sext(amount, wide - exp_width) : amount.extract(wide - 1, 0));
    };
    auto const left = z3::shl(n, clamp(q, p + 7));  // q >= 0: 4x = 2 N 2^q, exact
    auto const k = clamp(-q, n_width);              // q < 0: 2x = N / 2^k
    auto const kept = z3::lshr(n, k);
    auto const inexact =
        z3::ite(z3::shl(kept, k) != n, narrow_constant(1, wide), narrow_constant(0, wide));
    auto const raw = z3::ite(z3::sge(q, zero), left * 2, kept * 2 + inexact);
    auto const P = z3::ite(z3::ugt(raw, cap), cap, raw).extract(narrow_width() - 1, 0);
    return z3::ite(n_negative, -P, P);
  }
  // |g - x| in quarter units of r's scale (g r itself or one of its neighbours)
  z3::expr narrow_distance(float_terms const& g, float_terms const& r, z3::expr const& x) const {
    auto const p = t.format.p, E = t.format.exponent_bits();
    auto const w = narrow_width();
    auto const shift =
        z3::zext(g.exponent, w - E) - z3::zext(r.exponent, w - E) + narrow_constant(3, w);
    auto const v = z3::shl(z3::zext(g.magnitude, w - p), shift);
    auto const d = signed_value(v, g.negative) - x;
    return z3::ite(z3::slt(d, narrow_constant(0, w)), -d, d);
  }

  // f is a valid float that beats r
  z3::expr beats(float_terms const& f, float_terms const& r) const {
    if (root) return root_beats(f, r);
    if (narrow) {
      auto const x = proxy(r.exponent);
      auto const df = narrow_distance(f, r, x), dr = narrow_distance(r, r, x);
      return valid(f) && (z3::ult(df, dr) || (df == dr && !same(f, r) && preferred(f, r)));
    }
    auto const df = distance(f), dr = distance(r);
    return valid(f) && (z3::ult(df, dr) || (df == dr && !same(f, r) && preferred(f, r)));
  }
};

float_terms result_terms(z3::context& ctx, spec_clause const& c, literal_encoder const& lit) {
  auto const& f = c.rounding->format;
  auto const p = f.p, E = f.exponent_bits();
  auto bits = [&](unsigned from, unsigned count) {
    z3::expr_vector v{ctx};
    for (unsigned k = from + count; k-- > from;)
      v.push_back(z3::ite(lit(c.out_bits[k]), ctx.bv_val(1, 1), ctx.bv_val(0, 1)));
    return v.size() == 1 ? v[0] : z3::concat(v);
  };
  return {bits(0, p), bits(p, E), lit(c.out_bits[p + E])};
}

// The narrow form applies to x = (-1)^s N 2^(Z + offset) with N and Z free of shifts and the
// divisor 1 (round stages); a magnitude that is itself a sum of shifted terms (a lemma's exact
// value), a quotient or a root keeps the exact common scale.
bool narrow_applies(spec_clause const& c) {
  auto const& t = *c.rounding;
  auto const one = t.divisor.terms.empty() && t.divisor.products.empty() &&
                   t.divisor.shifts.empty() && t.divisor.constant == 1;
  return one && !t.square_root && c.rhs.shifts.empty() && t.exponent.shifts.empty();
}

rounding_encoding encode_target(z3::context& ctx, spec_clause const& c, literal_encoder const& lit,
                                bool exact_scale = false) {
  auto const& t = *c.rounding;
  // rhs = pos - neg with both parts non-negative (rhs may be a signed sum)
  linear_expr pos, neg;
  pos.add_constant(c.rhs.constant > 0 ? c.rhs.constant : big_int(0));
  neg.add_constant(c.rhs.constant < 0 ? big_int(-c.rhs.constant) : big_int(0));
  for (auto const& x : c.rhs.terms)
    (x.coefficient > 0 ? pos : neg).add_term(abs(x.coefficient), x.literal);
  for (auto const& x : c.rhs.products)
    (x.coefficient > 0 ? pos : neg).products.push_back({abs(x.coefficient), x.factors});
  for (auto const& x : c.rhs.shifts)
    (x.coefficient > 0 ? pos : neg).shifts.push_back({abs(x.coefficient), x.base_and_exponent});
  auto const Np = encode_nonnegative_value(ctx, pos, lit);
  auto const Nn = encode_nonnegative_value(ctx, neg, lit);
  bv_part const N{Np.e, std::max(Np.width, Nn.width), std::max(Np.max, Nn.max)};
  auto const Z = encode_nonnegative_value(ctx, t.exponent, lit);
  auto const D = encode_nonnegative_value(ctx, t.divisor, lit);
  auto const& f = t.format;
  auto const sign = encode_nonnegative_value(ctx, t.sign, lit);
  auto const odd_sign = sign.e.extract(0, 0) == ctx.bv_val(1, 1);
  if (!exact_scale && narrow_applies(c)) {
    rounding_encoding r{ctx, t, 0, 0, ctx.bv_val(0, 1), ctx.bv_val(0, 1)};
    r.narrow = true;
    r.n_width = N.width;
    auto const widen_n = [&](bv_part const& v) {
      return v.width < N.width ? z3::zext(v.e, N.width - v.width) : v.e;
    };
    auto const below = z3::ult(widen_n(Np), widen_n(Nn));
    r.n_magnitude = z3::ite(below, widen_n(Nn) - widen_n(Np), widen_n(Np) - widen_n(Nn));
    r.n_negative = odd_sign != below;
    // q = Z + c - u_r with c = offset - e_min + 2 and 0 <= u_r < 2^E: room for both ends
    int64_t const c0 = t.offset - f.e_min + 2;
    big_int const reach = big_int(Z.max) + big_int(c0 < 0 ? -c0 : c0) + pow2(f.exponent_bits()) +
                          big_int(f.p + 16) + big_int(N.width);
    r.exp_width = static_cast<unsigned>(boost::multiprecision::msb(reach)) + 3;
    auto const z = Z.width < r.exp_width ? z3::zext(Z.e, r.exp_width - Z.width)
                                         : Z.e.extract(r.exp_width - 1, 0);
    r.z_scale = z + r.narrow_constant(c0, r.exp_width);
    return r;
  }
  int64_t const base = std::min(f.e_min, t.offset);
  int64_t const z_max = static_cast<int64_t>(Z.max);
  // widest value either side can take, plus the sign and one bit for differences
  unsigned const x_bits = N.width + static_cast<unsigned>(z_max + t.offset - base);
  unsigned const g_bits = f.p + D.width + static_cast<unsigned>(f.e_max - f.e_min + f.e_min - base);
  unsigned const width = std::max(x_bits, g_bits) + 2;
  rounding_encoding r{ctx, t, width, base, ctx.bv_val(0, width), ctx.bv_val(0, width)};
  r.divisor = r.widen(D);
  auto const shift = r.widen(Z) + r.constant(t.offset - base);
  auto const value = r.widen(Np) - r.widen(Nn);  // two's complement in `width`
  r.x = r.signed_value(z3::shl(value, shift), odd_sign);
  if (t.square_root) {
    r.root = true;
    int64_t const b2 = std::min(2 * f.e_min, t.offset);
    r.square_shift = 2 * f.e_min - b2;
    unsigned const float_bits =
        f.p + static_cast<unsigned>(f.e_max - f.e_min) + 3;  // f + g, signed
    unsigned const square_bits = 2 * float_bits + D.width + static_cast<unsigned>(r.square_shift);
    unsigned const y_bits = N.width + 2 + static_cast<unsigned>(z_max + t.offset - b2);
    r.root_width = std::max(square_bits, y_bits) + 2;
    auto const widen_root = [&](bv_part const& v) { return z3::zext(v.e, r.root_width - v.width); };
    r.root_divisor = widen_root(D);
    r.y_negative = z3::ult(widen_root(Np), widen_root(Nn));
    r.x_negative = sign.e.extract(0, 0) == ctx.bv_val(1, 1);
    auto const y_shift =
        widen_root(Z) + ctx.bv_val(static_cast<uint64_t>(t.offset - b2 + 2), r.root_width);
    r.four_y = z3::shl(widen_root(Np) - widen_root(Nn), y_shift);
  }
  return r;
}

std::atomic<unsigned> witness_counter{0};

}  // namespace

z3::expr encode_rounding_holds(z3::context& ctx, spec_clause const& c, literal_encoder const& lit) {
  return !encode_rounding_violated(ctx, c, lit);
}

z3::expr encode_rounding_violated(z3::context& ctx, spec_clause const& c,
                                  literal_encoder const& lit) {
  auto const enc = encode_target(ctx, c, lit);
  return enc.violated_by_neighbour(result_terms(ctx, c, lit));
}

z3::expr encode_rounding_violated_at_exact_scale(z3::context& ctx, spec_clause const& c,
                                                 literal_encoder const& lit) {
  auto const enc = encode_target(ctx, c, lit, true);
  return enc.violated_by_neighbour(result_terms(ctx, c, lit));
}

z3::expr encode_rounding_violated_by_witness(z3::context& ctx, spec_clause const& c,
                                             literal_encoder const& lit) {
  auto const enc = encode_target(ctx, c, lit, true);
  auto const r = result_terms(ctx, c, lit);
  auto const& f = c.rounding->format;
  auto const tag = std::to_string(witness_counter++);
  float_terms const g{ctx.bv_const(("witness_m" + tag).c_str(), f.p),
                      ctx.bv_const(("witness_e" + tag).c_str(), f.exponent_bits()),
                      ctx.bool_const(("witness_s" + tag).c_str())};
  auto const fails = !enc.valid(r) || enc.beats(g, r);
  return enc.root ? fails || enc.y_negative : fails;
}

}  // namespace tc0
