#include "proofs/blocks/residue.hpp"

#include <stdexcept>

namespace tc0 {

std::vector<signal> create_residue_one_hot(circuit& c, std::vector<signal> const& literals,
                                           std::vector<big_int> const& weights, unsigned q) {
  if (q == 0) throw std::invalid_argument("create_residue_one_hot: modulus 0");
  std::vector<signal> lits;
  std::vector<big_int> ws;
  big_int total = 0;
  for (size_t i = 0; i < literals.size(); ++i) {
    if (weights[i] < 0) throw std::invalid_argument("create_residue_one_hot: negative weight");
    if (weights[i] == 0) continue;
    lits.push_back(literals[i]), ws.push_back(weights[i]), total += weights[i];
  }
  if (total > pow2(20)) throw std::invalid_argument("create_residue_one_hot: sum too large");
  auto const s_max = total.convert_to<unsigned>();
  std::vector<signal> at_least(s_max + 2);  // at_least[a] = [s >= a]
  at_least[0] = const_true;
  for (unsigned a = 1; a <= s_max; ++a) at_least[a] = c.create_threshold(lits, ws, a);
  at_least[s_max + 1] = const_false;
  std::vector<signal> one_hot;
  for (unsigned v = 0; v < q; ++v) {
    std::vector<signal> equal_to;
    for (unsigned a = v; a <= s_max; a += q)
      equal_to.push_back(c.create_and({at_least[a], !at_least[a + 1]}));
    one_hot.push_back(c.create_or(std::move(equal_to)));
  }
  return one_hot;
}

std::vector<signal> create_binary_residue(circuit& c, linear_spec& spec,
                                          std::vector<signal> const& bits, unsigned q,
                                          std::string const& label) {
  std::vector<big_int> weights;
  for (unsigned j = 0; j < bits.size(); ++j) weights.push_back(pow2(j) % q);
  auto one_hot = create_residue_one_hot(c, bits, weights, q);
  spec.one_hot_residue(label + " mod " + std::to_string(q), one_hot, linear_expr::value_of(bits));
  // the proof hint: the gates read `bits` only through thresholds of this small sum
  linear_expr small_sum;
  for (unsigned j = 0; j < bits.size(); ++j) small_sum.add_term(weights[j], bits[j]);
  spec.linear_forms.push_back(std::move(small_sum));
  return one_hot;
}

}  // namespace tc0
