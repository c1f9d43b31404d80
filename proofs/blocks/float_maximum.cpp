#include "proofs/blocks/float_maximum.hpp"

#include <stdexcept>

#include "proofs/blocks/exact_float_stage.hpp"
#include "proofs/blocks/float_less.hpp"

namespace tc0 {

spec_clause float_maximum_clause(std::string const& name, float_format const& f,
                                 std::vector<float_bus> const& x, std::vector<signal> const& r) {
  std::vector<program_operand> operands;
  for (auto const& b : x) operands.push_back(operand_of(b));
  linear_spec s;
  s.maximum(name, r, std::move(operands), f);
  return s.clauses.at(0);
}

rounded_float create_float_maximum(construction& k, float_format const& f,
                                   std::vector<float_bus> const& x, std::string const& prefix,
                                   std::vector<size_t> const& operand_facts) {
  if (x.empty()) throw std::invalid_argument("create_float_maximum: no operands");
  auto& c = k.c;
  std::vector<bus> inputs;
  for (auto const& b : x)
    for (auto const& part : {b.magnitude, b.exponent, b.sign}) inputs.push_back(part);
  c.begin_stage(prefix + "maximum", inputs);
  auto const m = x.size();
  // below[j][i] = [x_j < x_i] for j < i
  std::vector<std::vector<signal>> below(m, std::vector<signal>(m, const_false));
  for (size_t i = 0; i < m; ++i)
    for (size_t j = 0; j < i; ++j) below[j][i] = create_float_less(c, x[j], x[i]);
  std::vector<std::vector<signal>> bits;
  for (auto const& b : x) bits.push_back(b.bits());
  auto r = bits[0];  // one operand: its own bits, no gates
  if (m > 1)
    for (size_t b = 0; b < r.size(); ++b) {
      std::vector<signal> picks;
      for (size_t i = 0; i < m; ++i) {
        std::vector<signal> wins{bits[i][b]};
        for (size_t j = 0; j < i; ++j) wins.push_back(below[j][i]);
        for (size_t j = i + 1; j < m; ++j) wins.push_back(!below[i][j]);
        picks.push_back(c.create_and(wins));
      }
      r[b] = c.create_or(picks);
    }
  return end_exact_float_stage(k, f, x, prefix, "maximum", "maximum_result",
                               "r = max_i x_i (exact)", r,
                               float_maximum_clause(prefix + "r", f, x, r), operand_facts, true);
}

}  // namespace tc0
