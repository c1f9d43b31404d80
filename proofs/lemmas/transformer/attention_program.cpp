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
  bool scaled, causal, half_split;  // the options (attention_options)
  shape(parameters const& p, attention_part part)
      : n{param(p, "n")},
        d{param(p, "d")},
        part{part},
        scaled{option(p, "scale")},
        causal{option(p, "causal")},
        half_split{option(p, "split")} {}
  // operands: X, then W_Q, W_K and (layer) W_V, row by row
  uint32_t x(unsigned i, unsigned c) const { return i * d + c; }
  uint32_t w(unsigned which, unsigned r, unsigned c) const {
    return n * d + which * d * d + r * d + c;
  }
  std::vector<std::string> weights() const {
    if (part == attention_part::layer) return {"WQ", "WK", "WV"};
    return {"WQ", "WK"};
  }
  std::string output_matrix() const { return part == attention_part::layer ? "Y" : "A"; }
  unsigned output_columns() const { return part == attention_part::layer ? d : n; }
};

}  // namespace

attention_program attention_program_of(parameters const& p, attention_part part,
                                       attention_faults const& faults, bool max_subtracted) {
  shape const s{p, part};
  attention_program a;
  auto& pr = *a.program;
  pr.format = format_of(p);
  pr.operands = s.n * s.d + static_cast<uint32_t>(s.weights().size()) * s.d * s.d;
  auto const name = [&](uint32_t v, std::string n) {
    if (a.names.size() <= v) a.names.resize(v + 1);
    a.names[v] = std::move(n);
    return v;
  };
  auto const sum = [&](std::string const& prefix, std::vector<uint32_t> const& terms) {
    return name(pr.add(float_op::sum, terms), prefix + "_");
  };
  // a matrix product entry: the products, then one sum
  auto const dot = [&](std::string const& prefix,
                       std::vector<std::pair<uint32_t, uint32_t>> terms) {
    std::vector<uint32_t> products;
    for (size_t t = 0; t < terms.size(); ++t)
      products.push_back(name(pr.add(float_op::mul, {terms[t].first, terms[t].second}),
                              prefix + "_" + std::to_string(t) + "_"));
    return sum(prefix, products);
  };
  // row i of X times the weight matrix `which`
  auto const row_times = [&](std::string const& matrix, unsigned which, unsigned i) {
    std::vector<uint32_t> out;
    for (unsigned c = 0; c < s.d; ++c) {
      std::vector<std::pair<uint32_t, uint32_t>> terms;
      for (unsigned r = 0; r < s.d; ++r) terms.emplace_back(s.x(i, r), s.w(which, r, c));
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
        rotation[delta] = add_rotation(pr, s.d, delta, s.half_split);
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
    auto const c = pr.constant(round_root(pr.format, rational(1, s.d), 2));  // round_p(1/sqrt d)
    for (unsigned i = 0; i < s.n; ++i)
      for (unsigned j = 0; j < s.n; ++j)
        a.scores[i][j] =
            name(pr.add(float_op::mul, {a.scores[i][j], c}), matrix_entry("scaled", i, j) + "_");
  }
  // with a causal mask, the entries j > i: exp(-infinity) = 0, and no term of a row's sums
  auto const masked = [&](unsigned i, unsigned j) { return s.causal && j > i; };
  auto const zero = pr.constant(zero_of(pr.format));
  std::vector<std::vector<uint32_t>> A(s.n, std::vector<uint32_t>(s.n));
  for (unsigned i = 0; i < s.n; ++i) {
    std::optional<uint32_t> minus_max;
    if (max_subtracted)
      minus_max =
          pr.add(float_op::neg,
                 {name(pr.add(float_op::max, a.scores[i]), "max_" + std::to_string(i) + "_")});
    for (unsigned j = 0; j < s.n; ++j) {
      if (masked(i, j)) {
        A[i][j] = zero;
        continue;
      }
      auto x = a.scores[i][j];
      if (minus_max) x = pr.add(float_op::sum, {x, *minus_max});
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
        auto const prefix = matrix_entry("N", i, c);
        std::vector<uint32_t> products;
        for (unsigned j = 0; j < s.n; ++j)
          products.push_back(masked(i, j) ? zero
                                          : name(pr.add(float_op::mul, {A[i][j], v[j][c]}),
                                                 prefix + "_" + std::to_string(j) + "_"));
        auto const N = sum(prefix, products);
        row.push_back(name(pr.add(float_op::div, {N, D}), matrix_entry("Y", i, c) + "_"));
      }
      a.output.push_back(row);
    }
  }
  a.names.resize(pr.values());
  return a;
}

std::vector<parameter_range> attention_options() {
  return {{"scale", 0, 1, 0}, {"causal", 0, 1, 0}, {"split", 0, 1, 0}};
}

std::string attention_form(parameters const& p) {
  shape const s{p, attention_part::matrix};
  std::string form = s.scaled ? "scores times round_p(1/sqrt(d))" : "no 1/sqrt(d) scale";
  form += s.causal ? ", causal mask (A_ij = 0 for j > i)" : ", no causal mask";
  form += ", no max-subtraction; theta hard-wired, ";
  form += s.half_split ? "half-split pairs (k, k + d/2)" : "interleaved pairs (2k, 2k + 1)";
  return (s.scaled || s.causal || s.half_split ? "" : "the paper's form: ") + form;
}

std::vector<depth_term> attention_depth(parameters const& p, attention_part part) {
  shape const s{p, part};
  auto const mul = measured_depth(p, "d_std", "float.mul");
  auto const sum_d = measured_depth(p, "d_⊕(d)", "float.iterated_add", {{"n", s.d}});
  auto const sum_2 = measured_depth(p, "d_⊕(2)", "float.iterated_add", {{"n", 2}});
  // q (d_std + d_⊕ over d terms), u (d_std + d_⊕ over 2), s (d_std + d_⊕ over d), the scale
  // (d_std), exp (d_exp)
  std::vector<depth_term> terms{mul, sum_d, mul, sum_2, mul, sum_d};
  if (s.scaled) terms.push_back(mul);
  terms.push_back(measured_depth(p, "d_exp", "float.exp"));
  // the layer: N (d_std + d_⊕ over n) and the division; v and D lie beside that path
  if (part == attention_part::layer) {
    terms.push_back(mul);
    terms.push_back(measured_depth(p, "d_⊕(n)", "float.iterated_add", {{"n", s.n}}));
    terms.push_back(measured_depth(p, "d_div", "float.div"));
  }
  return terms;
}

std::vector<float_bus> attention_operands(circuit const& c, parameters const& p,
                                          attention_part part) {
  shape const s{p, part};
  std::vector<float_bus> out;
  for (unsigned i = 0; i < s.n; ++i)
    for (unsigned col = 0; col < s.d; ++col)
      out.push_back(input_float(c, matrix_entry("X", i, col)));
  for (auto const& w : s.weights())
    for (unsigned r = 0; r < s.d; ++r)
      for (unsigned col = 0; col < s.d; ++col)
        out.push_back(input_float(c, matrix_entry(w, r, col)));
  return out;
}

std::vector<bus_decl> attention_interface(parameters const& p, attention_part part) {
  shape const s{p, part};
  auto const f = format_of(p);
  std::vector<bus_decl> d;
  auto const add = [&](std::string const& name, bool input) {
    for (auto const& x : float_declarations(name, f, input)) d.push_back(x);
  };
  for (unsigned i = 0; i < s.n; ++i)
    for (unsigned c = 0; c < s.d; ++c) add(matrix_entry("X", i, c), true);
  for (auto const& w : s.weights())
    for (unsigned r = 0; r < s.d; ++r)
      for (unsigned c = 0; c < s.d; ++c) add(matrix_entry(w, r, c), true);
  for (unsigned i = 0; i < s.n; ++i)
    for (unsigned c = 0; c < s.output_columns(); ++c)
      add(matrix_entry(s.output_matrix(), i, c), false);
  return d;
}

linear_spec attention_specification(circuit const& c, parameters const& p, attention_part part,
                                    std::string description) {
  shape const s{p, part};
  auto const a = attention_program_of(p, part);
  std::vector<program_operand> reads;
  for (auto const& x : attention_operands(c, p, part)) reads.push_back(operand_of(x));
  linear_spec spec;
  spec.description =
      std::move(description) + " (" + attention_form(p) + "), " + a.program->format.describe();
  for (unsigned i = 0; i < s.n; ++i)
    for (unsigned col = 0; col < s.output_columns(); ++col) {
      auto const name = matrix_entry(s.output_matrix(), i, col);
      spec.computes(name, output_float(c, name).bits(), a.program, reads, a.output[i][col]);
    }
  return spec;
}

construction build_attention(parameters const& p, attention_part part, attention_faults faults) {
  shape const s{p, part};
  auto const f = format_of(p);
  auto const a = attention_program_of(p, part);
  auto const wired_program = attention_program_of(p, part, faults);
  construction k;
  for (unsigned i = 0; i < s.n; ++i)
    for (unsigned c = 0; c < s.d; ++c) create_float_input(k.c, matrix_entry("X", i, c), f);
  for (auto const& w : s.weights())
    for (unsigned r = 0; r < s.d; ++r)
      for (unsigned c = 0; c < s.d; ++c) create_float_input(k.c, matrix_entry(w, r, c), f);
  auto const operands = attention_operands(k.c, p, part);
  auto wired = operands;
  if (faults.transposed_wk)
    for (unsigned r = 0; r < s.d; ++r)
      for (unsigned c = 0; c < s.d; ++c) wired[s.w(1, r, c)] = operands[s.w(1, c, r)];
  auto const built = create_float_program(k, *wired_program.program, wired,
                                          [&](uint32_t v) { return a.names.at(v); });
  for (unsigned i = 0; i < s.n; ++i)
    for (unsigned c = 0; c < s.output_columns(); ++c)
      add_float_output(k.c, matrix_entry(s.output_matrix(), i, c), f,
                       built.values.at(a.output[i][c]).bits());
  auto const spec = attention_specification(k.c, p, part, "");
  k.output_hypotheses = {
      .steps = {add_program_sequence(k, "sequence", a.program, operands, built, spec.clauses)}};
  return k;
}

}  // namespace tc0
