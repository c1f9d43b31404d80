#include "proofs/lemmas/transformer/attention_program.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>

#include "core/enclosure.hpp"
#include "proofs/blocks/float_sequence.hpp"
#include "proofs/lemmas/lemmas.hpp"
#include "proofs/lemmas/transformer/composite.hpp"
#include "proofs/lemmas/transformer/rope_rotation.hpp"

namespace tc0 {
namespace {

// Option `name` at p: its given value, else the fallback attention_options declares.
bool option(parameters const& p, std::string const& name) {
  for (auto const& r : attention_options())
    if (r.name == name) return param_or(p, name, *r.fallback) != 0;
  throw std::logic_error("attention: no option " + name);
}

struct shape {
  unsigned n, d;
  attention_part part;
  bool scaled, causal, half_split, max_subtracted, theta_inputs;  // the options
  shape(parameters const& p, attention_part part)
      : n{param(p, "n")},
        d{param(p, "d")},
        part{part},
        scaled{option(p, "scale")},
        causal{option(p, "causal")},
        half_split{option(p, "split")},
        max_subtracted{option(p, "maxsub")},
        theta_inputs{option(p, "theta")} {}
  std::vector<std::string> weights() const {
    if (part == attention_part::layer) return {"WQ", "WK", "WV"};
    return {"WQ", "WK"};
  }
  std::string output_matrix() const { return part == attention_part::layer ? "Y" : "A"; }
};

}  // namespace

attention_values append_attention(program_layout& l, parameters const& p, attention_part part,
                                  value_matrix const& X, std::vector<value_matrix> const& W,
                                  theta_inputs const* theta, std::string const& prefix,
                                  attention_faults const& faults) {
  shape const s{p, part};
  if (X.size() != s.n || W.size() != s.weights().size())
    throw std::logic_error("append_attention: X or the weights do not fit the parameters");
  if (s.theta_inputs != (theta != nullptr))
    throw std::logic_error("append_attention: theta inputs given without the option, or none");
  auto& pr = *l.program;
  attention_values a;
  auto const name = [&](uint32_t v, std::string const& n) {
    if (l.prefixes.size() <= v) l.prefixes.resize(v + 1);
    l.prefixes[v] = prefix + n;
    return v;
  };
  auto const sum = [&](std::string const& block, std::vector<uint32_t> const& terms) {
    return name(pr.add(float_op::sum, terms), block + "_");
  };
  // a matrix product entry: the products, then one sum
  auto const dot = [&](std::string const& block, std::vector<std::pair<uint32_t, uint32_t>> terms) {
    std::vector<uint32_t> products;
    for (size_t t = 0; t < terms.size(); ++t)
      products.push_back(name(pr.add(float_op::mul, {terms[t].first, terms[t].second}),
                              block + "_" + std::to_string(t) + "_"));
    return sum(block, products);
  };
  // row i of X times the weight matrix `which`
  auto const row_times = [&](std::string const& matrix, unsigned which, unsigned i) {
    std::vector<uint32_t> out;
    for (unsigned c = 0; c < s.d; ++c) {
      std::vector<std::pair<uint32_t, uint32_t>> terms;
      for (unsigned r = 0; r < s.d; ++r) terms.emplace_back(X[i][r], W[which][r][c]);
      out.push_back(dot(matrix_entry(matrix, i, c), terms));
    }
    return out;
  };
  std::vector<std::vector<uint32_t>> q, k;
  for (unsigned i = 0; i < s.n; ++i) {
    q.push_back(row_times("q", 0, i));
    k.push_back(row_times("k", 1, i));
  }
  std::map<int64_t, std::vector<std::vector<uint32_t>>> rotation;
  a.scores.assign(s.n, std::vector<uint32_t>(s.n));
  for (unsigned i = 0; i < s.n; ++i)
    for (unsigned j = 0; j < s.n; ++j) {
      auto const delta = static_cast<int64_t>(j) - static_cast<int64_t>(i);
      if (!rotation.count(delta)) {
        auto const first = pr.values();
        rotation[delta] = add_rotation(pr, s.d, delta, s.half_split, theta);
        for (auto v = first; v < pr.values(); ++v)
          name(v, "rot" + std::to_string(delta < 0 ? -delta : delta) + (delta < 0 ? "m" : "p") +
                      "_v" + std::to_string(v) + "_");
        if (faults.flipped_rotation_sign) rotation[delta][0][1] = rotation[delta][1][0];
      }
      auto R = rotation[delta];
      if (faults.flipped_for_one_pair && i == 0 && j == 1) R[0][1] = R[1][0];
      auto const pair = matrix_entry("u", i, j);
      std::vector<std::pair<uint32_t, uint32_t>> ts;
      for (unsigned c = 0; c < s.d; ++c) {
        // the two rows of R with entries in column c: c and its partner, in order
        auto const r0 = std::min(c, rope_partner(c, s.d, s.half_split));
        auto const r1 = std::max(c, rope_partner(c, s.d, s.half_split));
        auto const u =
            dot(pair + "_" + std::to_string(c), {{q[i][r0], R[r0][c]}, {q[i][r1], R[r1][c]}});
        ts.emplace_back(u, k[j][c]);
      }
      a.scores[i][j] = dot(matrix_entry("s", i, j), ts);
    }
  if (s.scaled) {
    // round_p(1/sqrt d)
    auto const c = name(pr.constant(round_root(pr.format, rational(1, s.d), 2)), "scale_");
    for (unsigned i = 0; i < s.n; ++i)
      for (unsigned j = 0; j < s.n; ++j)
        a.scores[i][j] =
            name(pr.add(float_op::mul, {a.scores[i][j], c}), matrix_entry("scaled", i, j) + "_");
  }
  // with a causal mask, the entries j > i: exp(-infinity) = 0, and no term of a row's sums
  auto const masked = [&](unsigned i, unsigned j) { return s.causal && j > i; };
  auto const zero = name(pr.constant(zero_of(pr.format)), "zero_");
  std::vector<std::vector<uint32_t>> A(s.n, std::vector<uint32_t>(s.n));
  for (unsigned i = 0; i < s.n; ++i) {
    // the row's maximum over the entries that are not masked (any shift leaves softmax as it is;
    // the largest unmasked score makes every exponent <= 0 and one of them 0)
    std::optional<uint32_t> minus_max;
    if (s.max_subtracted) {
      std::vector<uint32_t> row;
      for (unsigned j = 0; j < s.n; ++j)
        if (!masked(i, j)) row.push_back(a.scores[i][j]);
      // a row with one unmasked entry (the causal mask's first) is its own maximum
      auto const largest = row.size() == 1
                               ? row[0]
                               : name(pr.add(float_op::max, row), "max_" + std::to_string(i) + "_");
      minus_max = name(pr.add(float_op::neg, {largest}), "negmax_" + std::to_string(i) + "_");
    }
    for (unsigned j = 0; j < s.n; ++j) {
      if (masked(i, j)) {
        A[i][j] = zero;
        continue;
      }
      auto x = a.scores[i][j];
      if (minus_max)
        x = name(pr.add(float_op::sum, {x, *minus_max}), matrix_entry("shifted", i, j) + "_");
      A[i][j] = name(pr.add(float_op::exp, {x}), matrix_entry("exp", i, j) + "_");
    }
  }
  if (part == attention_part::matrix) {
    a.output = A;
  } else {
    std::vector<std::vector<uint32_t>> v;
    for (unsigned j = 0; j < s.n; ++j) v.push_back(row_times("v", 2, j));
    for (unsigned i = 0; i < s.n; ++i) {
      // a masked entry is the constant 0 in D_i and in N_ic (no product: 0 v is 0), so every row
      // sums n terms and D_i is a sum block's result, valid for the division
      auto const D = sum("D_" + std::to_string(i), A[i]);
      std::vector<uint32_t> row;
      for (unsigned c = 0; c < s.d; ++c) {
        auto const block = matrix_entry("N", i, c);
        std::vector<uint32_t> products;
        for (unsigned j = 0; j < s.n; ++j)
          products.push_back(masked(i, j) ? zero
                                          : name(pr.add(float_op::mul, {A[i][j], v[j][c]}),
                                                 block + "_" + std::to_string(j) + "_"));
        auto const N = sum(block, products);
        row.push_back(name(pr.add(float_op::div, {N, D}), matrix_entry("Y", i, c) + "_"));
      }
      a.output.push_back(row);
    }
  }
  l.prefixes.resize(pr.values());
  return a;
}

attention_program attention_program_of(parameters const& p, attention_part part,
                                       attention_faults const& faults) {
  shape const s{p, part};
  attention_program a;
  a.layout.program->format = format_of(p);
  auto const X = a.layout.input_matrix("X", s.n, s.d);
  std::vector<value_matrix> W;
  for (auto const& w : s.weights()) W.push_back(a.layout.input_matrix(w, s.d, s.d));
  auto const theta = declare_theta(a.layout, p);
  static_cast<attention_values&>(a) =
      append_attention(a.layout, p, part, X, W, theta ? &*theta : nullptr, "", faults);
  add_output_matrix(a.layout, s.output_matrix(), a.output);
  a.program = a.layout.program;
  return a;
}

std::vector<parameter_range> attention_options() {
  return {{"scale", 0, 1, 0},
          {"causal", 0, 1, 0},
          {"split", 0, 1, 0},
          {"maxsub", 0, 1, 0},
          {"theta", 0, 1, 0}};
}

std::string attention_form(parameters const& p) {
  shape const s{p, attention_part::matrix};
  std::string form = s.scaled ? "scores times round_p(1/sqrt(d))" : "no 1/sqrt(d) scale";
  form += s.causal ? ", causal mask (A_ij = 0 for j > i)" : ", no causal mask";
  form += s.max_subtracted ? ", each row's maximum subtracted before exp" : ", no max-subtraction";
  form += s.theta_inputs ? "; theta_k circuit inputs (|theta_k| <= 1), " : "; theta hard-wired, ";
  form += s.half_split ? "half-split pairs (k, k + d/2)" : "interleaved pairs (2k, 2k + 1)";
  bool const paper = !(s.scaled || s.causal || s.half_split || s.max_subtracted || s.theta_inputs);
  return (paper ? "the paper's form: " : "") + form;
}

std::vector<depth_term> attention_depth(parameters const& p, attention_part part) {
  shape const s{p, part};
  auto const mul = measured_depth(p, "d_std", "float.mul");
  auto const sum_d = measured_depth(p, "d_⊕(d)", "float.iterated_add", {{"n", s.d}});
  auto const sum_2 = measured_depth(p, "d_⊕(2)", "float.iterated_add", {{"n", 2}});
  // q (d_std + d_⊕ over d terms), u (d_std + d_⊕ over 2), s (d_std + d_⊕ over d), the scale
  // (d_std), exp (d_exp)
  std::vector<depth_term> terms{mul, sum_d, mul, sum_2, mul, sum_d};
  // theta as inputs: the angle's product, its sin or cos (the deeper) and -sin, on a path beside
  // q's (a sum of both paths bounds the longer)
  if (s.theta_inputs) {
    terms.push_back(mul);
    terms.push_back(trig_depth(p, rope_angle_domain(s.n)));
    terms.push_back(negation_depth(p));
  }
  if (s.scaled) terms.push_back(mul);
  // the row's maximum over n scores, its negation and the shift (a sum of two)
  if (s.max_subtracted) {
    terms.push_back(measured_depth(p, "d_max(n)", "float.max", {{"n", s.n}}));
    terms.push_back(negation_depth(p));
    terms.push_back(sum_2);
  }
  terms.push_back(measured_depth(p, "d_exp", "float.exp"));
  // the layer: N (d_std + d_⊕ over n) and the division; v and D lie beside that path
  if (part == attention_part::layer) {
    terms.push_back(mul);
    terms.push_back(measured_depth(p, "d_⊕(n)", "float.iterated_add", {{"n", s.n}}));
    terms.push_back(measured_depth(p, "d_div", "float.div"));
  }
  return terms;
}

std::vector<bus_decl> attention_interface(parameters const& p, attention_part part) {
  return program_interface(attention_program_of(p, part).layout);
}

linear_spec attention_specification(circuit const& c, parameters const& p, attention_part part,
                                    std::string description) {
  return program_specification(c, attention_program_of(p, part).layout,
                               std::move(description) + " (" + attention_form(p) + ")");
}

construction build_attention(parameters const& p, attention_part part, attention_faults faults) {
  shape const s{p, part};
  auto const a = attention_program_of(p, part);
  program_faults wiring;
  if (faults.flipped_rotation_sign || faults.flipped_for_one_pair)
    wiring.blocks_from = attention_program_of(p, part, faults).program;
  if (faults.transposed_wk)
    for (unsigned r = 0; r < s.d; ++r)
      for (unsigned c = 0; c < s.d; ++c)
        wiring.rewired[a.layout.operand(matrix_entry("WK", r, c))] =
            a.layout.operand(matrix_entry("WK", c, r));
  return build_program_lemma(a.layout, wiring);
}

}  // namespace tc0
