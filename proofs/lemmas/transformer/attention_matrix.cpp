// Lemma tf.attention_matrix — the paper's RoPE attention matrix (Lemma 4.3):
// A_ij = exp(X_i W_Q R_(j-i) W_K^T X_j^T) for an n x d input X and d x d weights W_Q, W_K, all
// circuit inputs (a proof for every input and every weight matrix), theta hard-wired.
//
// Claim: A_ij approximates e^(s_ij) within 2^-p (core/approximation.hpp) where s_ij is the
//   documented order of float operations of proofs/lemmas/transformer/attention_program.hpp (q,
//   k, u = q_i R_(j-i), s), each operation exact and rounded once, by default in the paper's
//   form (no 1/sqrt(d) scale, no causal mask, no max-subtraction; pairs interleaved); options
//   scale, causal, split and maxsub select the forms real models use (attention_program.hpp).
// Construction: the program's blocks (proofs/blocks/float_sequence.hpp): float products and
//   sums, one float exp per entry; q_i and k_j are built once and read by every pair, R's
//   entries are constant wires (the products by them fold where the constant allows).
// Specification: one computes clause per A_ij (no SMT encoding; judged by the Boost twin).
// Obligations: relative_position (for each j - i, the cones of the A_ij are one circuit with X's
//   rows i and j renamed: the paper's key property, checked structurally; not stated with maxsub,
//   where each A_ij reads its row's maximum); depth_formula (depth <=
//   3 d_std + 2 d_⊕(d) + d_⊕(2) + d_exp, each the measured depth of the standalone lemma at this
//   format); every block's stages and steps (identical blocks proved once, the rest by reference);
//   `sequence`, `composition`; random simulation.
// Expected: all proved; the depth does not change with n.
#include "proofs/lemmas/transformer/attention_matrix.hpp"

#include <map>
#include <unordered_map>

#include "core/metrics.hpp"
#include "proofs/engine/proof_reference.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/composite.hpp"

namespace tc0 {
namespace {

// The paper's key property, checked on the circuit: for every difference j - i, the cones of all
// A_ij with that difference are one circuit up to renaming X's rows i and j (and nothing else):
// the same rotation (constant wires), the same gates.
structural_claim::outcome relative_position(construction const& k, parameters const& p) {
  auto const n = param(p, "n");
  std::unordered_map<uint32_t, std::pair<std::string, size_t>> where;  // input node -> bus, bit
  for (auto const& b : k.c.input_buses())
    for (size_t i = 0; i < b.bits.size(); ++i) where[b.bits[i].index()] = {b.name, i};
  std::map<int64_t, std::pair<std::string, std::string>> first;  // difference -> text, entry
  for (unsigned i = 0; i < n; ++i)
    for (unsigned j = 0; j < n; ++j) {
      auto const role = [&](uint32_t node) {
        auto const& [bus, bit] = where.at(node);
        auto name = bus + "[" + std::to_string(bit) + "]";
        if (!bus.starts_with("X_")) return name;
        auto const row = static_cast<unsigned>(std::stoul(bus.substr(2)));
        auto const rest = bus.substr(bus.find('_', 2));
        auto const r = row == i && row == j ? std::string("Xqk")
                       : row == i           ? std::string("Xq")
                       : row == j           ? std::string("Xk")
                                            : "X(other row " + std::to_string(row) + ")";
        return r + rest + "[" + std::to_string(bit) + "]";
      };
      auto const a = matrix_entry("A", i, j);
      auto text = cone_statement(k.c, output_float(k.c, a).bits(), role);
      auto const delta = static_cast<int64_t>(j) - static_cast<int64_t>(i);
      auto const [it, fresh] = first.try_emplace(delta, std::move(text), a);
      if (!fresh && it->second.first != text)
        return {false, "the cones of " + it->second.second + " and " + a +
                           " (j - i = " + std::to_string(delta) +
                           ") are not the same circuit with X's rows renamed"};
    }
  return {true, "for each of the " + std::to_string(first.size()) +
                    " differences j - i, the cones of every A_ij with it (" +
                    std::to_string(n * n) +
                    " in all) are one circuit with X's rows i and j renamed: the same "
                    "rotation constants, the same gates"};
}

}  // namespace

construction build_attention_matrix(parameters const& p, attention_faults faults) {
  return build_attention(p, attention_part::matrix, faults);
}

lemma attention_matrix_lemma() {
  lemma l;
  l.name = "tf.attention_matrix";
  l.title = "the RoPE attention matrix exp(X_i W_Q R_(j-i) W_K^T X_j^T), inputs and weights free";
  l.paper_ref = "Lemma 4.3 (RoPE attention matrix)";
  l.paper_depth = "3 d_std + 3 d_⊕ + d_exp";
  l.uses = {"tf.matmul", "tf.rope", "float.mul", "float.iterated_add", "float.exp", "float.max"};
  l.claim =
      "A_ij approximates e^(s_ij), s_ij = q_i R_(j-i) k_j^T in the documented order of rounded "
      "float operations, for every X, W_Q, W_K, in constant depth and polynomial size";
  l.parameter_table = {{"n", 1, 16}, {"d", 2, 8}};
  for (auto const& r : float_parameters(8)) l.parameter_table.push_back(r);
  for (auto const& r : attention_options()) l.parameter_table.push_back(r);
  l.constraints = [](parameters const& p) {
    if (param(p, "d") % 2 != 0) throw std::invalid_argument("tf.attention_matrix: d must be even");
  };
  l.interface = [](parameters const& p) { return attention_interface(p, attention_part::matrix); };
  l.build = [](parameters const& p) { return build_attention_matrix(p, {}); };
  l.specification = [](circuit const& c, parameters const& p) {
    return attention_specification(
        c, p, attention_part::matrix,
        "A_ij = exp(round_p(sum_c round_p(u_c k_jc))), u = q_i R_(j-i), q = X W_Q, k = X W_K, "
        "every product and sum rounded once");
  };
  // 236 at p = 4, k = 3; maxsub adds the row maximum, its negation and the shift (281 there)
  l.depth_bound = 310;
  l.depth_formula = [](parameters const& p) { return attention_depth(p, attention_part::matrix); };
  // with maxsub every A_ij reads the maximum of its whole row, so its cone is not a function of
  // rows i and j alone: the property is the paper's form's (and scale's, causal's, split's)
  l.structural_claims = {{"relative_position", relative_position,
                          [](parameters const& p) { return param_or(p, "maxsub", 0) == 0; }}};
  // float.exp's 8 in p; 4 along n and d (n^2 d products)
  l.degree_bound = 8;
  l.degree_bound_along = {{"n", 4}, {"d", 4}};
  l.monolithic_max_input_bits = 0;  // the specification has no SMT encoding
  l.self_check_exempt =
      "its smallest size (n = 1, d = 2, p = 2, k = 1) has 40 input bits, too many to tell a "
      "mutant wrong by exhaustive simulation; its blocks are in the self-check as float.mul, "
      "float.iterated_add and float.exp, the sequence step is tested with wrong wirings";
  l.default_sweeps = {sweep({{"d", 2}, {"p", 2}, {"k", 2}}, "n", {2, 3})};
  l.slow_default_grid = true;  // about 2 minutes: `report --all` runs it
  l.measured_only["n"] = {4, 5};
  l.measured_only["d"] = {4, 8};
  return l;
}

}  // namespace tc0
