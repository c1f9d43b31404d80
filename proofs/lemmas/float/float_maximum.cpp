// Lemma float.max — the largest of n floats, exact: the row maximum of a max-subtracted softmax
// (attention with the option maxsub; not a lemma of the paper, whose attention exponentiates raw
// scores: NEXT-LAYER.md §1 and the report's paper gap softmax_overflow).
//
// Claim: max(x_0, ..., x_(n-1)) for valid p-bit floats has a threshold circuit of constant depth
//   (whatever n) and size polynomial in n, p and the exponent width.
// Construction (one stage, maximum): proofs/blocks/float_maximum.hpp — every pair compared once
//   (proofs/blocks/float_less.hpp, depth 5), the first largest operand selected by one AND per
//   operand and bit and one OR per bit. Depth 7 at n >= 2; n (n - 1) / 2 comparators.
// Specification: every input valid (a precondition, core/float_format.hpp), then r = max_i x_i: r
//   is one input's bits and that input's value is at least every other's (a maximum clause,
//   values compared exactly in bit-vectors).
// Obligations: the stage; the composition (the stage's clause is the lemma's); monolithic miter
//   at small sizes; exhaustive simulation; S1 over n and p; S2.
// Expected: all proved.
#include "proofs/blocks/float_maximum.hpp"

#include "proofs/blocks/float_interface.hpp"
#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

linear_spec spec_maximum(circuit const& c, parameters const& p) {
  auto const f = format_of(p);
  std::vector<float_bus> xs;
  for (unsigned i = 0; i < param(p, "n"); ++i) xs.push_back(input_float(c, iterated_operand(i)));
  linear_spec s;
  s.description =
      "r = max of the " + std::to_string(xs.size()) + " inputs (exact), " + f.describe();
  for (auto const& x : xs) require_valid(s, x, f);
  s.clauses.push_back(float_maximum_clause("r", f, xs, output_float(c, "r").bits()));
  return s;
}

construction build_maximum(parameters const& p) {
  auto const f = format_of(p);
  construction k;
  std::vector<float_bus> xs;
  for (unsigned i = 0; i < param(p, "n"); ++i)
    xs.push_back(create_float_input(k.c, iterated_operand(i), f));
  auto const r = create_float_maximum(k, f, xs);
  add_float_output(k.c, "r", f, r.bits);
  k.output_hypotheses = {.steps = {r.conclusion}};
  return k;
}

}  // namespace

lemma float_maximum_lemma() {
  auto l = iterated_float_lemma("float.max", 64, 12);
  l.title = "the largest of n p-bit floats, exact";
  l.paper_ref = "not in the paper: the max-subtracted softmax (NEXT-LAYER.md §1)";
  l.claim = "r = max(x_0, ..., x_(n-1)) for valid floats, in depth independent of n";
  l.build = build_maximum;
  l.specification = spec_maximum;
  l.depth_bound = 7;
  // n (n - 1) / 2 comparators of O(p + E) gates each (O((p + E)^2) wires)
  l.degree_bound = 3;
  l.monolithic_max_input_bits = 16;
  l.self_check_size = {{"n", 2}, {"p", 2}, {"k", 2}};
  l.default_sweeps = {sweep({{"p", 3}, {"k", 2}}, "n", {2, 3, 4}),
                      sweep({{"n", 3}, {"k", 2}}, "p", {2, 3, 4})};
  l.measured_only["n"] = {8, 16};
  return l;
}

}  // namespace tc0
