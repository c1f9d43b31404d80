#include "proofs/lemmas/export_check_sizes.hpp"

namespace tc0 {

std::vector<export_check_size> const& export_check_sizes() {
  static std::vector<export_check_size> const sizes{
      {"int.add", {{"m", 3}}},
      {"int.compare", {{"m", 3}}},
      {"int.iterated_add", {{"n", 3}, {"m", 2}}},
      {"int.mul", {{"m", 3}}},
      {"int.iterated_mul", {{"n", 2}, {"m", 2}}},
      {"int.power", {{"k", 2}, {"m", 3}}},
      {"int.div", {{"m", 2}}, true},
      {"float.compare", {{"p", 2}, {"k", 1}}},
      {"float.max", {{"n", 2}, {"p", 2}, {"k", 1}}},
      {"float.add", {{"p", 2}, {"k", 1}}},
      {"float.iterated_add", {{"n", 2}, {"p", 2}, {"k", 1}}},
      {"float.mul", {{"p", 2}, {"k", 1}}},
      {"float.div", {{"p", 2}, {"k", 1}}, true},
      {"float.iterated_mul", {{"n", 2}, {"p", 2}, {"k", 1}}},
      {"float.sqrt", {{"p", 2}, {"k", 1}}},
      {"float.exp", {{"p", 2}, {"k", 1}}, true},
      {"float.sin", {{"p", 2}, {"k", 1}, {"K", 1}}, true},
      {"float.cos", {{"p", 2}, {"k", 1}, {"K", 1}}, true},
      {"tf.matmul", {{"n1", 1}, {"d", 1}, {"n2", 1}, {"p", 2}, {"k", 1}}},  // 12 input bits at most
      {"tf.rope", {{"n", 2}, {"d", 2}, {"i", 0}, {"j", 1}, {"p", 3}, {"k", 3}}},  // no inputs
      {"tf.mlp", {{"n", 1}, {"d", 1}, {"p", 2}, {"k", 1}}},                       // 12 input bits
      {"tf.layernorm", {{"n", 1}, {"d", 2}, {"p", 2}, {"k", 1}}, true},           // 8 input bits
      {"hardness.bfvp", {{"n", 4}}},                                              // 10 input bits
      {"hardness.arithmetic", {{"n", 2}, {"q", 3}}},                              // 5 input bits
  };
  return sizes;
}

std::vector<std::pair<std::string, std::string>> const& export_check_exempt() {
  static std::vector<std::pair<std::string, std::string>> const exempt = {
      {"tf.attention_matrix",
       "its smallest size (n = 1, d = 2, p = 2, k = 1) has 40 input bits: X and two d x d "
       "weight matrices"},
      {"tf.attention",
       "its smallest size (n = 2, d = 2, p = 2, k = 1) has 64 input bits: X and three d x d "
       "weight matrices"},
      {"tf.transformer",
       "its smallest size (n = 2, d = 2, one layer, p = 2, k = 1) has 112 input bits: X, two "
       "MLPs' weights and an attention layer's"},
  };
  return exempt;
}

}  // namespace tc0
