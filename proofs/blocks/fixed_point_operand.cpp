#include "proofs/blocks/fixed_point_operand.hpp"

#include "proofs/blocks/comparator.hpp"

namespace tc0 {

int64_t exponent_at(float_format const& f, int64_t e) {
  // |x| >= 2^(u + e_min + p - 1) for non-zero x
  return e - static_cast<int64_t>(f.p) + 1 - f.e_min;
}

namespace {

big_int at_least_theta(float_format const& f, int64_t u_min) {
  return pow2(f.exponent_bits()) + std::max<int64_t>(u_min, 0);
}

}  // namespace

void exponent_at_least_clause(linear_spec& s, std::string const& name, float_format const& f,
                              std::vector<signal> const& m, std::vector<signal> const& u,
                              signal out, int64_t u_min) {
  s.is_nonnegative(name, out,
                   linear_expr::value_of(u)
                       .add_term(pow2(f.exponent_bits()), m.at(f.p - 1))
                       .add_constant(-at_least_theta(f, u_min)));
}

signal create_exponent_at_least(circuit& c, linear_spec& s, std::string const& name,
                                float_format const& f, float_bus const& x, int64_t u_min) {
  // value(u) + 2^E m_top is the (E + 1)-bit number [u, m_top]: compared with unit weights
  std::vector<signal> fanins(x.exponent.bits);
  fanins.push_back(x.magnitude.bits.at(f.p - 1));
  signal const out = create_at_least_constant(c, fanins, at_least_theta(f, u_min));
  exponent_at_least_clause(s, name, f, x.magnitude.bits, x.exponent.bits, out, u_min);
  return out;
}

void fixed_point_clauses(linear_spec& s, float_format const& f, unsigned F,
                         std::vector<signal> const& m, std::vector<signal> const& u,
                         std::vector<signal> const& X, signal huge) {
  int64_t const c0 = -f.e_min - static_cast<int64_t>(F);
  auto const A = static_cast<unsigned>(std::max<int64_t>(c0, 0));
  auto const Bs = static_cast<unsigned>(std::max<int64_t>(-c0, 0));
  auto const u_max = static_cast<unsigned>(f.e_max - f.e_min);
  auto const Xv = linear_expr::value_of(X);
  auto const scaled =
      linear_expr{}.add_shifted(pow2(Bs), linear_expr::value_of(m), linear_expr::value_of(u));
  s.constrain("X 2^A <= |m| 2^(u + B')", linear_expr{scaled}.add(Xv, -pow2(A)));
  // (X + 1) 2^A + huge 2^(p + u_max + B') - |m| 2^(u + B') - 1 >= 0 (vacuous where huge)
  s.constrain("|m| 2^(u + B') < (X + 1) 2^A unless huge",
              linear_expr{}
                  .add(Xv, pow2(A))
                  .add_constant(pow2(A) - 1)
                  .add_term(pow2(f.p + u_max + Bs), huge)
                  .add(scaled, -1));
  big_int const all = pow2(static_cast<unsigned>(X.size())) - 1;
  s.constrain("X = 0 where huge", linear_expr{}.add_constant(all).add_term(-all, huge).add(Xv, -1));
}

fixed_point_operand create_fixed_point_operand(construction& k, std::string const& prefix,
                                               std::string const& stage,
                                               std::string const& step_name, float_format const& f,
                                               float_bus const& x, unsigned I, unsigned F,
                                               operand_flags const& flags) {
  auto& c = k.c;
  auto const p = f.p, E = f.exponent_bits();
  auto const& m = x.magnitude.bits;
  auto const& u = x.exponent.bits;
  c.begin_stage(prefix + stage, {x.magnitude, x.exponent, x.sign});
  linear_spec ops;
  ops.description = "huge = [|x| >= 2^I], the caller's flags; X's bits from the shifter";
  // x must be a valid float (huge reads m's top bit as x != 0): the lemma's precondition where x
  // is an input, the producing block's conclusion where it is computed (proofs/engine/check.hpp
  // proves every stage precondition as an implication)
  require_valid(ops, x, f);
  signal const huge = create_exponent_at_least(c, ops, "huge", f, x, exponent_at(f, I));
  fixed_point_operand out;
  out.huge = bus{prefix + "huge", {huge}};
  if (flags) out.flags = flags(c, ops, huge);
  // X's bit j collects m_i from the exponents e = j - F - i that are not huge; its clause says
  // so with the exponent's indicator as a product of literals (floor(|m| 2^(e + F)) bit by bit)
  unsigned const XW = I + F;
  int64_t const u_max = f.e_max - f.e_min;
  std::vector<std::vector<signal>> picks(XW);
  std::vector<linear_expr> meaning(XW, linear_expr{}.add_constant(-1));
  for (int64_t e = -static_cast<int64_t>(F + p) + 1;
       e <= static_cast<int64_t>(I) - static_cast<int64_t>(p); ++e) {
    int64_t const uv = e - f.e_min;
    if (uv < 0 || uv > u_max) continue;
    std::vector<signal> equal;
    for (unsigned j = 0; j < E; ++j) equal.push_back(((uv >> j) & 1) ? u[j] : !u[j]);
    signal const eq = c.create_and(equal);
    for (unsigned i = 0; i < p; ++i) {
      int64_t const j = static_cast<int64_t>(i) + e + F;
      if (j < 0 || j >= static_cast<int64_t>(XW)) continue;
      picks[j].push_back(c.create_and({eq, m[i]}));
      std::vector<linear_expr> factors{linear_expr::of(m[i])};
      for (auto l : equal) factors.push_back(linear_expr::of(l));
      meaning[j].add_product(1, std::move(factors));
    }
  }
  out.X = bus{prefix + "X", {}};
  for (unsigned j = 0; j < XW; ++j) {
    auto const& pick = picks[j];
    out.X.bits.push_back(pick.empty()       ? const_false
                         : pick.size() == 1 ? pick[0]
                                            : c.create_or(pick));
    if (!pick.empty())
      ops.is_nonnegative("X" + std::to_string(j), out.X.bits.back(), std::move(meaning[j]));
  }
  std::vector<bus> outputs{out.X, out.huge};
  outputs.insert(outputs.end(), out.flags.begin(), out.flags.end());
  c.end_stage(outputs);
  out.stage = k.add_stage_spec(std::move(ops));

  composition_step step{.name = prefix + step_name, .stages = {out.stage}};
  step.goal.description = "X = floor(|x| 2^F) unless huge, X = 0 where huge";
  fixed_point_clauses(step.goal, f, F, m, u, out.X.bits, huge);
  step.bit_vectors_first = true;
  out.fixed_point = k.add_step(std::move(step));
  return out;
}

}  // namespace tc0
