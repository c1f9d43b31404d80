#include "proofs/blocks/carry_lookahead_adder.hpp"

namespace tc0 {

namespace {

// a_k + b_k + c_k (c_0 = 0), the quantity both specifications are about
linear_expr position_sum(std::vector<signal> const& a, std::vector<signal> const& b,
                         std::vector<signal> const& carries, size_t k) {
  linear_expr e;
  e.add_term(1, a[k]).add_term(1, b[k]);
  if (k > 0) e.add_term(1, carries[k - 1]);
  return e;
}

}  // namespace

std::vector<signal> create_carries(circuit& c, std::vector<signal> a, std::vector<signal> b,
                                   unsigned width) {
  a.resize(width, const_false);
  b.resize(width, const_false);
  std::vector<signal> generate(width), either(width);
  for (unsigned t = 0; t < width; ++t) {
    generate[t] = c.create_and({a[t], b[t]});
    either[t] = c.create_or({a[t], b[t]});
  }
  std::vector<signal> carries;
  for (unsigned k = 1; k <= width; ++k) {
    std::vector<signal> terms;
    for (unsigned j = 0; j < k; ++j) {
      std::vector<signal> term{a[j], b[j]};
      for (unsigned t = j + 1; t < k; ++t) term.push_back(!generate[t]), term.push_back(either[t]);
      terms.push_back(c.create_and(std::move(term)));
    }
    carries.push_back(c.create_or(std::move(terms)));
  }
  return carries;
}

std::vector<signal> create_sum_bits(circuit& c, std::vector<signal> a, std::vector<signal> b,
                                    std::vector<signal> const& carries) {
  a.resize(carries.size(), const_false);
  b.resize(carries.size(), const_false);
  std::vector<signal> sum;
  for (size_t k = 0; k < carries.size(); ++k) {
    std::vector<signal> lits{a[k], b[k]};
    std::vector<big_int> weights{1, 1};
    if (k > 0) lits.push_back(carries[k - 1]), weights.push_back(1);
    lits.push_back(carries[k]), weights.push_back(-2);
    sum.push_back(c.create_threshold(std::move(lits), std::move(weights), 1));
  }
  return sum;
}

std::vector<signal> create_carry_lookahead_sum(circuit& c, std::vector<signal> a,
                                               std::vector<signal> b, unsigned width) {
  auto const carries = create_carries(c, a, b, width);
  return create_sum_bits(c, std::move(a), std::move(b), carries);
}

void add_carry_recurrence(linear_spec& s, std::string const& prefix, std::vector<signal> a,
                          std::vector<signal> b, std::vector<signal> const& carries) {
  a.resize(carries.size(), const_false);
  b.resize(carries.size(), const_false);
  s.finite_domain_solver = true;  // AND/OR cones: SAT alone is faster (core/linear_spec.hpp)
  for (size_t k = 0; k < carries.size(); ++k) {
    s.is_nonnegative(prefix + "c" + std::to_string(k + 1), carries[k],
                     position_sum(a, b, carries, k).add_constant(-2));
  }
}

void require_carry_recurrence(linear_spec& s, std::string const& prefix, std::vector<signal> a,
                              std::vector<signal> b, std::vector<signal> const& carries) {
  a.resize(carries.size(), const_false);
  b.resize(carries.size(), const_false);
  for (size_t k = 0; k < carries.size(); ++k) {
    // MAJ(a, b, c) = c' exactly when 0 <= a + b + c - 2c' <= 1
    auto excess = position_sum(a, b, carries, k);
    excess.add_term(-2, carries[k]);
    auto const name = prefix + "c" + std::to_string(k + 1) + " = MAJ";
    s.require(name + " (low)", excess);
    s.require(name + " (high)", linear_expr{}.add_constant(1).add(excess, -1));
  }
}

}  // namespace tc0
