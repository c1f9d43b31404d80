#include "encodings/linear_form_domain.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/check_by_simulation.hpp"
#include "encodings/prove_by_enumeration.hpp"

using namespace tc0;

namespace {

// x mod q one-hot from the thermometer of f = sum_j (2^j mod q) x_j (as proofs/blocks/residue
// builds it), with the spec "x mod q" and f as the hint. `off_by_one`: the gate for f >= a
// compares with a + 1 instead (still a threshold of f, but the residue is wrong).
struct residue_circuit {
  circuit c;
  std::vector<signal> x, out;
  std::vector<big_int> w;
  linear_spec spec;
  residue_circuit(unsigned n, unsigned q, std::optional<unsigned> off_by_one = std::nullopt,
                  bool extra_reader = false) {
    x = c.create_input_bus("x", n).bits;
    unsigned total = 0;
    for (unsigned j = 0; j < n; ++j)
      w.push_back(big_int(pow2(j) % q)), total += static_cast<unsigned>(pow2(j) % q);
    std::vector<signal> at_least(total + 2, const_false);
    at_least[0] = const_true;
    for (unsigned a = 1; a <= total; ++a)
      at_least[a] = c.create_threshold(x, w, a + (off_by_one == a ? 1 : 0));
    for (unsigned v = 0; v < q; ++v) {
      std::vector<signal> equal;
      for (unsigned a = v; a <= total; a += q)
        equal.push_back(c.create_and({at_least[a], !at_least[a + 1]}));
      if (extra_reader && v == 0) equal.push_back(c.create_and({x[0], x[1]}));
      out.push_back(c.create_or(std::move(equal)));
    }
    c.add_output_bus("r", out);
    spec.one_hot_residue("x mod " + std::to_string(q), out, linear_expr::value_of(x));
    spec.linear_forms.push_back(form(w));
  }
  linear_expr form(std::vector<big_int> const& weights) const {
    linear_expr f;
    for (size_t j = 0; j < x.size(); ++j) f.add_term(weights[j], x[j]);
    return f;
  }
};

}  // namespace

TEST_CASE("a linear form's witnesses: one input pattern per reachable value, every value") {
  residue_circuit const r{8, 5};
  auto const d = linear_form_domain_of(r.c, r.spec, r.spec.linear_forms[0]);
  REQUIRE(d.has_value());
  CHECK(d->positions.size() == 8);
  std::set<unsigned> values, reachable;
  for (auto const& pattern : d->witnesses) {
    unsigned f = 0;
    for (auto j : pattern) f += r.w.at(j).convert_to<unsigned>();
    CHECK(values.insert(f).second);  // distinct values
  }
  for (unsigned pattern = 0; pattern < 256; ++pattern) {
    unsigned f = 0;
    for (unsigned j = 0; j < 8; ++j)
      if ((pattern >> j) & 1u) f += r.w[j].convert_to<unsigned>();
    reachable.insert(f);
  }
  CHECK(values == reachable);
}

TEST_CASE("a residue over 24 inputs is proved by the form's values, and a wrong one refuted") {
  residue_circuit const good{24, 17};
  auto const proved = prove_by_enumeration(good.c, good.spec, {0, 1});
  REQUIRE(proved.has_value());
  CHECK(proved->result == verdict::proved);
  CHECK(proved->note.find("linear form") != std::string::npos);
  // without the hint, 2^24 patterns are beyond enumeration
  auto no_hint = good.spec;
  no_hint.linear_forms.clear();
  CHECK_FALSE(prove_by_enumeration(good.c, no_hint, {0, 1}).has_value());

  residue_circuit const wrong{24, 17, 40};  // [f >= 41] where [f >= 40] belongs
  auto const refuted = prove_by_enumeration(wrong.c, wrong.spec, {0, 1});
  REQUIRE(refuted.has_value());
  REQUIRE(refuted->result == verdict::refuted);
  REQUIRE(refuted->inputs.has_value());
  auto const values = simulate_pattern(wrong.c, *refuted->inputs);
  CHECK(first_failing_clause(wrong.spec, values).has_value());
}

TEST_CASE("the form is refused when a gate or a clause reads its inputs any other way") {
  std::string why;
  residue_circuit const extra{6, 5, std::nullopt, true};  // an AND of x_0, x_1 into r_0
  CHECK_FALSE(linear_form_domain_of(extra.c, extra.spec, extra.spec.linear_forms[0], &why));
  CHECK(why.find("not a threshold of the form") != std::string::npos);
  // small enough to enumerate bit by bit, which finds the extra gate's error
  auto const r = prove_by_enumeration(extra.c, extra.spec, {0, 1});
  REQUIRE(r.has_value());
  CHECK(r->result == verdict::refuted);

  residue_circuit const good{6, 5};
  // a hint that is not the sum the gates compare (2^j instead of 2^j mod 5)
  std::vector<big_int> plain;
  for (unsigned j = 0; j < 6; ++j) plain.push_back(pow2(j));
  CHECK_FALSE(linear_form_domain_of(good.c, good.spec, good.form(plain), &why));
  CHECK(why.find("not a threshold of the form") != std::string::npos);
  // a clause whose value is not a function of the form: x mod 5 + x_0
  auto skewed = good.spec;
  skewed.clauses[1].rhs.add_term(1, good.x[0]);
  CHECK_FALSE(linear_form_domain_of(good.c, skewed, skewed.linear_forms[0], &why));
  CHECK(why.find("reads its inputs otherwise") != std::string::npos);
  // but x mod 5 + 5 x_0 is (congruent coefficient by coefficient)
  auto congruent = good.spec;
  congruent.clauses[1].rhs.add_term(5, good.x[0]);
  CHECK(linear_form_domain_of(good.c, congruent, congruent.linear_forms[0]).has_value());
  // a precondition over the inputs that is not the form
  auto constrained = good.spec;
  constrained.require_at_most_one("x", good.x);
  CHECK_FALSE(linear_form_domain_of(good.c, constrained, constrained.linear_forms[0], &why));
  CHECK(why.find("precondition") != std::string::npos);
}

TEST_CASE("a count over 100 inputs, wider than a 64-bit pattern, is proved by its values") {
  // bits = sum of x from the thermometer [sum >= t] (as proofs/blocks/weighted_counter builds
  // it): bit r is [sum mod 2^(r+1) >= 2^r], an alternating sum of thermometer gates
  auto counter = [](std::optional<unsigned> off_by_one) {
    struct built {
      circuit c;
      linear_spec spec;
    } b;
    unsigned const n = 100;
    auto const x = b.c.create_input_bus("x", n).bits;
    std::vector<big_int> const ones(n, 1);
    std::vector<signal> at_least(n + 1, const_true);
    for (unsigned t = 1; t <= n; ++t)
      at_least[t] = b.c.create_threshold(x, ones, t + (off_by_one == t ? 1 : 0));
    std::vector<signal> bits;
    for (unsigned r = 0; r < 7; ++r) {
      std::vector<signal> g;
      std::vector<big_int> w;
      for (unsigned start = 1u << r; start <= n; start += 2u << r) {
        g.push_back(at_least[start]), w.push_back(1);
        if (start + (1u << r) <= n) g.push_back(at_least[start + (1u << r)]), w.push_back(-1);
      }
      bits.push_back(b.c.create_threshold(std::move(g), std::move(w), 1));
    }
    b.c.add_output_bus("count", bits);
    linear_expr sum;
    for (auto s : x) sum.add_term(1, s);
    b.spec.equals("count", bits, sum);
    b.spec.linear_forms.push_back(std::move(sum));
    return b;
  };
  auto const good = counter(std::nullopt);
  auto const d = linear_form_domain_of(good.c, good.spec, good.spec.linear_forms[0]);
  REQUIRE(d.has_value());
  CHECK(d->positions.size() == 100);
  CHECK(d->witnesses.size() == 101);
  auto const proved = prove_by_enumeration(good.c, good.spec, {0});
  REQUIRE(proved.has_value());
  CHECK(proved->result == verdict::proved);
  CHECK(proved->note.find("linear form") != std::string::npos);

  auto const wrong = counter(37u);  // [sum >= 38] where [sum >= 37] belongs: 37 counts as 36
  auto const refuted = prove_by_enumeration(wrong.c, wrong.spec, {0});
  REQUIRE(refuted.has_value());
  REQUIRE(refuted->result == verdict::refuted);
  REQUIRE(refuted->inputs.has_value());
  auto const values = simulate_pattern(wrong.c, *refuted->inputs);
  CHECK(first_failing_clause(wrong.spec, values).has_value());
  CHECK(std::count(refuted->inputs->begin(), refuted->inputs->end(), true) == 37);
}
