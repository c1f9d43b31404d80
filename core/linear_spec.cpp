#include "core/linear_spec.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "core/enclosure.hpp"

namespace tc0 {

linear_expr linear_expr::value_of(std::vector<signal> const& bits, unsigned shift) {
  linear_expr e;
  for (size_t k = 0; k < bits.size(); ++k)
    e.add_term(pow2(static_cast<unsigned>(k) + shift), bits[k]);
  return e;
}

linear_expr& linear_expr::add(linear_expr const& other, big_int const& factor) {
  for (auto const& t : other.terms) add_term(t.coefficient * factor, t.literal);
  constant += other.constant * factor;
  for (auto const& p : other.products) products.push_back({p.coefficient * factor, p.factors});
  for (auto const& sh : other.shifts)
    shifts.push_back({sh.coefficient * factor, sh.base_and_exponent});
  return *this;
}

linear_expr& linear_expr::add_shifted(big_int coefficient, linear_expr base, linear_expr exponent) {
  if (base.min_value() < 0 || exponent.min_value() < 0)
    throw std::invalid_argument("add_shifted: the base or the exponent can be negative");
  // 2^17: the biased exponents of the paper's range up to p = 16 (a bit-vector proof at that
  // width is another matter: it is bounded by the solver's limits like any other)
  if (exponent.max_value() > (1 << 17))
    throw std::invalid_argument("add_shifted: exponents above 2^17 are not supported");
  if (coefficient != 0)
    shifts.push_back({std::move(coefficient), {std::move(base), std::move(exponent)}});
  return *this;
}

linear_expr& linear_expr::add_product(big_int coefficient, std::vector<linear_expr> factors) {
  for (auto const& f : factors)
    if (f.min_value() < 0) throw std::invalid_argument("add_product: a factor can be negative");
  if (coefficient != 0) products.push_back({std::move(coefficient), std::move(factors)});
  return *this;
}

linear_expr& linear_expr::add_term(big_int coefficient, signal literal) {
  if (coefficient == 0) return *this;
  if (literal.index() == 0) {  // constants fold into the constant term
    if (literal.complemented()) constant += coefficient;
    return *this;
  }
  terms.push_back({std::move(coefficient), literal});
  return *this;
}

namespace {

// Bounds of a product of non-negative factors: the products of their bounds.
std::pair<big_int, big_int> product_range(product_term const& p) {
  big_int lo = 1, hi = 1;
  for (auto const& f : p.factors) lo *= f.min_value(), hi *= f.max_value();
  if (p.coefficient < 0) return {p.coefficient * hi, p.coefficient * lo};
  return {p.coefficient * lo, p.coefficient * hi};
}

// Bounds of coefficient * base * 2^exponent.
std::pair<big_int, big_int> shift_range(shift_term const& sh) {
  auto const lo = sh.base().min_value() << static_cast<unsigned>(sh.exponent().min_value());
  auto const hi = sh.base().max_value() << static_cast<unsigned>(sh.exponent().max_value());
  if (sh.coefficient < 0) return {sh.coefficient * hi, sh.coefficient * lo};
  return {sh.coefficient * lo, sh.coefficient * hi};
}

}  // namespace

big_int linear_expr::min_value() const {
  big_int v = constant;
  for (auto const& t : terms)
    if (t.coefficient < 0) v += t.coefficient;
  for (auto const& p : products) v += product_range(p).first;
  for (auto const& sh : shifts) v += shift_range(sh).first;
  return v;
}

big_int linear_expr::max_value() const {
  big_int v = constant;
  for (auto const& t : terms)
    if (t.coefficient > 0) v += t.coefficient;
  for (auto const& p : products) v += product_range(p).second;
  for (auto const& sh : shifts) v += shift_range(sh).second;
  return v;
}

bool spec_clause::is_binary_value() const {
  if (lhs.constant != 0 || !lhs.is_linear() || lhs.terms.size() != out_bits.size()) return false;
  for (size_t k = 0; k < out_bits.size(); ++k)
    if (lhs.terms[k].literal != out_bits[k] ||
        lhs.terms[k].coefficient != pow2(static_cast<unsigned>(k)))
      return false;
  return true;
}

spec_clause& linear_spec::equals(std::string name, std::vector<signal> out_bits, linear_expr rhs,
                                 bool modular) {
  auto lhs = linear_expr::value_of(out_bits);
  std::optional<big_int> modulus;
  if (modular) modulus = pow2(static_cast<unsigned>(out_bits.size()));
  return relate(std::move(name), std::move(out_bits), std::move(lhs), std::move(rhs), modulus);
}

spec_clause& linear_spec::relate(std::string name, std::vector<signal> out_bits, linear_expr lhs,
                                 linear_expr rhs, std::optional<big_int> modulus) {
  if (out_bits.empty()) throw std::invalid_argument("clause '" + name + "' has no output bits");
  if (lhs.min_value() < 0)
    throw std::invalid_argument("clause '" + name + "': its left side can be negative");
  if (modulus && *modulus <= 0)
    throw std::invalid_argument("clause '" + name + "': the modulus must be positive");
  clauses.push_back({std::move(name), clause_kind::value_equals, std::move(out_bits),
                     std::move(rhs), std::move(lhs), std::move(modulus)});
  return clauses.back();
}

void linear_spec::one_hot_residue(std::string const& name, std::vector<signal> const& out_bits,
                                  linear_expr const& rhs) {
  linear_expr count, residue;
  for (size_t v = 0; v < out_bits.size(); ++v) {
    count.add_term(1, out_bits[v]);
    residue.add_term(v, out_bits[v]);
  }
  relate(name + ".one_hot", out_bits, std::move(count), linear_expr{}.add_constant(1),
         std::nullopt);
  relate(name, out_bits, std::move(residue), rhs, big_int(out_bits.size()));
}

spec_clause& linear_spec::constrain(std::string name, linear_expr expr_nonnegative) {
  return is_nonnegative(std::move(name), const_true, std::move(expr_nonnegative));
}

void linear_spec::constrain_zero(std::string const& name, linear_expr const& expr) {
  constrain(name + " (>=)", expr);
  constrain(name + " (<=)", linear_expr{}.add(expr, -1));
}

spec_clause& linear_spec::is_nonnegative(std::string name, signal out_bit, linear_expr rhs) {
  clauses.push_back({std::move(name),
                     clause_kind::is_nonnegative,
                     {out_bit},
                     std::move(rhs),
                     linear_expr::value_of({out_bit}),
                     std::nullopt});
  return clauses.back();
}

spec_clause& linear_spec::rounds_to(std::string name, std::vector<signal> out_bits,
                                    linear_expr magnitude, rounding_target target) {
  if (out_bits.size() != target.format.total_bits())
    throw std::invalid_argument("clause '" + name + "': " + std::to_string(out_bits.size()) +
                                " output bits for a " + target.format.describe() + " float");
  if (target.exponent.min_value() < 0 || target.sign.min_value() < 0)
    throw std::invalid_argument("clause '" + name + "': negative exponent or sign");
  auto lhs = linear_expr::value_of(out_bits);
  clauses.push_back({std::move(name), clause_kind::rounds_to, std::move(out_bits),
                     std::move(magnitude), std::move(lhs), std::nullopt, std::move(target)});
  return clauses.back();
}

spec_clause& linear_spec::approximates(std::string name, std::vector<signal> out_bits,
                                       approximated_function fn, linear_expr magnitude,
                                       rounding_target argument) {
  if (argument.square_root ||
      canonical_key(argument.divisor) != canonical_key(linear_expr{}.add_constant(1)))
    throw std::invalid_argument("clause '" + name + "': an argument is m 2^e, no divisor or root");
  if (magnitude.min_value() < 0)
    throw std::invalid_argument("clause '" + name + "': negative magnitude");
  auto& c =
      rounds_to(std::move(name), std::move(out_bits), std::move(magnitude), std::move(argument));
  c.kind = clause_kind::approximates;
  c.function = fn;
  return c;
}

spec_clause& linear_spec::computes(std::string name, std::vector<signal> out_bits,
                                   std::shared_ptr<float_program const> program,
                                   std::vector<program_operand> operands, uint32_t output) {
  if (!program || operands.size() != program->operands || output >= program->values())
    throw std::invalid_argument("clause '" + name + "': operands or output do not fit the program");
  if (out_bits.size() != program->format.total_bits())
    throw std::invalid_argument("clause '" + name + "': " + std::to_string(out_bits.size()) +
                                " output bits for a " + program->format.describe() + " float");
  spec_clause c;
  c.name = std::move(name);
  c.kind = clause_kind::computes;
  c.lhs = linear_expr::value_of(out_bits);
  c.out_bits = std::move(out_bits);
  c.program = std::move(program);
  c.program_operands = std::move(operands);
  c.program_output = output;
  clauses.push_back(std::move(c));
  return clauses.back();
}

linear_expr scaled_value(program_operand const& x) {
  linear_expr shifted;
  shifted.add_shifted(1, x.magnitude, x.exponent);
  linear_expr v = shifted;
  v.add_product(-2, {x.sign, shifted});
  return v;
}

linear_expr packed_value(program_operand const& x, float_format const& f) {
  linear_expr v = x.magnitude;
  v.add(x.exponent, pow2(f.p));
  v.add(x.sign, pow2(f.p + f.exponent_bits()));
  return v;
}

spec_clause& linear_spec::maximum(std::string name, std::vector<signal> out_bits,
                                  std::vector<program_operand> operands,
                                  float_format const& format) {
  if (operands.empty())
    throw std::invalid_argument("clause '" + name + "': the maximum of no operands");
  if (out_bits.size() != format.total_bits())
    throw std::invalid_argument("clause '" + name + "': " + std::to_string(out_bits.size()) +
                                " output bits for a " + format.describe() + " float");
  spec_clause c;
  c.name = std::move(name);
  c.kind = clause_kind::maximum;
  c.lhs = linear_expr::value_of(out_bits);
  c.out_bits = std::move(out_bits);
  c.program_operands = std::move(operands);
  c.operand_format = format;
  clauses.push_back(std::move(c));
  return clauses.back();
}

void linear_spec::require(std::string name, linear_expr expr_nonnegative) {
  preconditions.emplace_back(std::move(name), std::move(expr_nonnegative));
}

void linear_spec::require_at_most_one(std::string const& what, std::vector<signal> const& bits) {
  linear_expr e = linear_expr{}.add_constant(1);
  for (auto s : bits) e.add_term(-1, s);
  require(what + " has at most one bit set", std::move(e));
}

std::string canonical_key(linear_expr const& e) {
  std::map<uint32_t, big_int> merged;  // literal (index and complement) -> coefficient
  big_int constant = e.constant;
  for (auto const& t : e.terms) {
    // a complemented literal is 1 - x
    if (t.literal.complemented()) constant += t.coefficient;
    merged[t.literal.index()] += t.literal.complemented() ? big_int(-t.coefficient) : t.coefficient;
  }
  std::vector<std::string> parts;
  for (auto const& [n, c] : merged)
    if (c != 0) parts.push_back(c.str() + "*n" + std::to_string(n));
  for (auto const& p : e.products) {
    std::vector<std::string> factors;
    for (auto const& f : p.factors) factors.push_back(canonical_key(f));
    std::sort(factors.begin(), factors.end());
    std::string k = p.coefficient.str() + "*prod(";
    for (auto const& f : factors) k += f + ";";
    parts.push_back(k + ")");
  }
  for (auto const& sh : e.shifts)
    parts.push_back(sh.coefficient.str() + "*shl(" + canonical_key(sh.base()) + ";" +
                    canonical_key(sh.exponent()) + ")");
  std::sort(parts.begin(), parts.end());
  std::string key = constant.str();
  for (auto const& part : parts) key += " + " + part;
  return key;
}

std::string canonical_key(spec_clause const& c) {
  std::string t = "clause " + std::to_string(static_cast<int>(c.kind));
  for (auto b : c.out_bits) t += " " + std::to_string(b.index()) + (b.complemented() ? "'" : "");
  c.for_each_expr([&](linear_expr const& e) { t += " | " + canonical_key(e); });
  if (c.modulus) t += " mod " + c.modulus->str();
  if (c.rounding)
    t += std::string(c.rounding->square_root ? " round sqrt " : " round ") +
         c.rounding->format.describe() + " offset " + std::to_string(c.rounding->offset);
  if (c.function) t += " approximates " + to_string(*c.function);
  if (c.program) t += " computes v" + std::to_string(c.program_output) + " of " + c.program->text();
  if (c.operand_format) t += " maximum of " + c.operand_format->describe();
  return t;
}

big_int evaluate(linear_expr const& e, std::vector<bool> const& node_values) {
  big_int v = e.constant;
  for (auto const& t : e.terms)
    if (literal_value(node_values, t.literal)) v += t.coefficient;
  for (auto const& p : e.products) {
    big_int prod = p.coefficient;
    for (auto const& f : p.factors) prod *= evaluate(f, node_values);
    v += prod;
  }
  for (auto const& sh : e.shifts)
    v += sh.coefficient * (evaluate(sh.base(), node_values)
                           << static_cast<unsigned>(evaluate(sh.exponent(), node_values)));
  return v;
}

namespace {

// round_p((-1)^negative v / divisor 2^shift) for any sign of v, packed (integer arithmetic).
big_int rounded(float_format const& f, big_int const& v, big_int const& divisor,
                big_int const& shift, bool negative) {
  if (shift < -(int64_t{1} << 40) || shift > (int64_t{1} << 40))
    throw std::length_error("rounding: exponent beyond 2^40");
  // a signed sum (float addition) may be negative: (-1)^negative v = (-1)^(not negative) |v|
  return pack(f, round_to_format(f, v < 0 ? big_int(-v) : v, divisor, shift.convert_to<int64_t>(),
                                 negative != (v < 0)));
}

// The same, remembered per thread for small operands: exhaustive simulation meets the same
// exact value many times (a product of significands with an exponent sum). A pure function's
// cache: it cannot change an answer.
big_int rounded_cached(float_format const& f, big_int const& v, big_int const& divisor,
                       big_int const& shift, bool negative) {
  auto const small = [](big_int const& x) { return x >= 0 && x < pow2(62); };
  if (!small(v) || !small(divisor) || shift < -(int64_t{1} << 40) || shift > (int64_t{1} << 40))
    return rounded(f, v, divisor, shift, negative);
  using key = std::array<int64_t, 7>;
  struct key_hash {
    size_t operator()(key const& k) const {
      size_t h = 0;
      for (auto x : k) h = h * 0x9E3779B97F4A7C15ull + static_cast<size_t>(x);
      return h;
    }
  };
  thread_local std::unordered_map<key, big_int, key_hash> cache;
  key const k{static_cast<int64_t>(f.p),
              f.e_min,
              f.e_max,
              v.convert_to<int64_t>(),
              divisor.convert_to<int64_t>(),
              shift.convert_to<int64_t>(),
              negative ? 1 : 0};
  if (auto it = cache.find(k); it != cache.end()) return it->second;
  if (cache.size() > (1u << 20)) cache.clear();
  return cache.emplace(k, rounded(f, v, divisor, shift, negative)).first->second;
}

// round_p((-1)^negative sqrt(v / divisor 2^shift)), packed, decided on rigorous enclosures of
// the square root (core/enclosure.hpp); nullopt for v < 0, or if no enclosure decides it.
std::optional<big_int> rounded_square_root(float_format const& f, big_int const& v,
                                           big_int const& divisor, big_int const& shift,
                                           bool negative) {
  if (v < 0) return std::nullopt;
  if (shift < -(int64_t{1} << 20) || shift > (int64_t{1} << 20))
    throw std::length_error("rounding: exponent beyond 2^20 under a square root");
  auto const s = shift.convert_to<int64_t>();
  rational y = rational(v, divisor);
  y = s >= 0 ? y * rational(pow2(static_cast<unsigned>(s)))
             : y / rational(pow2(static_cast<unsigned>(-s)));
  auto const r = rounded_true_value(f, [&](unsigned precision) {
    auto e = sqrt_enclosure(y, precision);
    if (negative) e = {-e.hi, -e.lo};
    return e;
  });
  if (!r) return std::nullopt;
  return pack(f, *r);
}

// The argument x = (-1)^sign rhs 2^(exponent + offset) of an approximates clause, and r.
std::pair<rational, float_value> approximation_operands(spec_clause const& c,
                                                        std::vector<bool> const& node_values) {
  auto const& t = *c.rounding;
  auto const shift = evaluate(t.exponent, node_values) + t.offset;
  if (shift < -(int64_t{1} << 20) || shift > (int64_t{1} << 20))
    throw std::length_error("approximation: argument's exponent beyond 2^20");
  auto const s = shift.convert_to<int64_t>();
  rational x(evaluate(c.rhs, node_values));
  x = s >= 0 ? x * rational(pow2(static_cast<unsigned>(s)))
             : x / rational(pow2(static_cast<unsigned>(-s)));
  if (evaluate(t.sign, node_values) % 2 != 0) x = -x;
  return {x, unpack(t.format, evaluate(c.lhs, node_values))};
}

// The float operands of a computes or maximum clause, each read as the value of its bits.
std::vector<float_value> program_operand_values(spec_clause const& c, float_format const& f,
                                                std::vector<bool> const& node_values) {
  std::vector<float_value> out;
  for (auto const& o : c.program_operands) {
    auto const u = evaluate(o.exponent, node_values);
    if (u > (int64_t{1} << 40))
      throw std::length_error(c.name + ": an operand's exponent is too large");
    out.push_back({evaluate(o.sign, node_values) % 2 != 0, evaluate(o.magnitude, node_values),
                   f.e_min + u.convert_to<int64_t>()});
  }
  return out;
}

}  // namespace

std::optional<big_int> expected_value(spec_clause const& c, std::vector<bool> const& node_values) {
  auto const v = evaluate(c.rhs, node_values);
  switch (c.kind) {
    case clause_kind::rounds_to: {
      auto const& t = *c.rounding;
      auto const divisor = evaluate(t.divisor, node_values);
      if (divisor <= 0) return std::nullopt;
      if (t.square_root)
        return rounded_square_root(t.format, v, divisor,
                                   evaluate(t.exponent, node_values) + t.offset,
                                   evaluate(t.sign, node_values) % 2 != 0);
      return rounded_cached(t.format, v, divisor, evaluate(t.exponent, node_values) + t.offset,
                            evaluate(t.sign, node_values) % 2 != 0);
    }
    case clause_kind::approximates: {
      auto const [x, r] = approximation_operands(c, node_values);
      auto const reference = approximation_reference(*c.function, c.rounding->format, x);
      if (!reference) return std::nullopt;
      return pack(c.rounding->format, *reference);
    }
    case clause_kind::computes: {
      auto const r = evaluate(*c.program, program_operand_values(c, c.program->format, node_values),
                              c.program_output);
      if (!r) return std::nullopt;
      return pack(c.program->format, *r);
    }
    case clause_kind::maximum: {
      // the first largest (valid operands of equal value are the same float)
      auto const x = program_operand_values(c, *c.operand_format, node_values);
      size_t best = 0;
      for (size_t i = 1; i < x.size(); ++i)
        if (to_rational(x[i]) > to_rational(x[best])) best = i;
      return pack(*c.operand_format, x[best]);
    }
    case clause_kind::is_nonnegative:
      return big_int{v >= 0 ? 1 : 0};
    case clause_kind::value_equals: {
      if (c.modulus) {
        big_int r = v % *c.modulus;
        if (r < 0) r += *c.modulus;
        return r;
      }
      if (v < c.lhs.min_value() || v > c.lhs.max_value()) return std::nullopt;
      return v;
    }
  }
  return std::nullopt;
}

big_int actual_value(spec_clause const& c, std::vector<bool> const& node_values) {
  return evaluate(c.lhs, node_values);
}

bool holds(spec_clause const& c, std::vector<bool> const& node_values) {
  if (c.kind == clause_kind::approximates) {
    auto const [x, r] = approximation_operands(c, node_values);
    return approximation_holds(*c.function, c.rounding->format, x, r) == decision::yes;
  }
  if (c.kind == clause_kind::computes)
    return program_holds(*c.program, program_operand_values(c, c.program->format, node_values),
                         c.program_output, unpack(c.program->format, actual_value(c, node_values)));
  auto const e = expected_value(c, node_values);
  return e && *e == actual_value(c, node_values);
}

bool has_smt_encoding(spec_clause const& c) {
  return c.kind != clause_kind::approximates && c.kind != clause_kind::computes;
}

bool has_smt_encoding(linear_spec const& s) {
  for (auto const& c : s.clauses)
    if (!has_smt_encoding(c)) return false;
  return true;
}

bool preconditions_hold(linear_spec const& s, std::vector<bool> const& node_values) {
  for (auto const& [name, e] : s.preconditions)
    if (evaluate(e, node_values) < 0) return false;
  return true;
}

linear_expr choose(signal a, linear_expr const& x, linear_expr const& y) {
  linear_expr e;
  e.add_product(1, {linear_expr::of(a), x});
  e.add_product(1, {linear_expr::of(!a), y});
  return e;
}

}  // namespace tc0
