// RoPE with theta as circuit inputs: the sin and cos blocks then see a computed angle, and their
// error budget holds only on |phi| <= 2^K. The block's first stage requires that bound, so where
// it is embedded an implication obligation must prove it: from |theta_k| <= 1 and the angle's
// product in tf.rope, and nowhere when nothing bounds the angle (a wrong circuit is not proved).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/attention_program.hpp"
#include "proofs/lemmas/transformer/program_lemma.hpp"
#include "proofs/lemmas/transformer/rope_rotation.hpp"
#include "tests/proofs/lemmas/transformer/composite_checks.hpp"

using namespace tc0;

namespace {

// r = sin x for a valid input x, the block built for |x| <= 2^1; with `bounded` the lemma
// requires |x| <= 2^1, without it nothing bounds x.
program_layout sine_of_input(parameters const& p) {
  program_layout l;
  l.program->format = format_of(p);
  auto const x = l.input("x");
  if (param(p, "bounded") != 0) l.input_bounds[x] = 1;
  auto const r = l.program->add_angle_function(float_op::sin, x, 1);
  l.prefixes.resize(l.program->values());
  l.prefixes[r] = "sin_";
  l.outputs.emplace_back("r", r);
  return l;
}

lemma sine_lemma() {
  lemma l;
  l.name = "example.sine_of_input";
  l.parameter_table = float_parameters(8);
  l.parameter_table.push_back({"bounded", 0, 1});
  l.interface = [](parameters const& p) { return program_interface(sine_of_input(p)); };
  l.build = [](parameters const& p) { return build_program_lemma(sine_of_input(p)); };
  l.specification = [](circuit const& c, parameters const& p) {
    auto s = program_specification(c, sine_of_input(p), "r = sin x");
    require_valid(s, input_float(c, "x"), format_of(p));  // the block reads x's top bit
    return s;
  };
  return l;
}

}  // namespace

TEST_CASE("a sin of a non-constant angle needs its block's domain") {
  float_program p;
  p.format = float_format::with_exponent_bits(3, 3);
  p.operands = 1;
  CHECK_THROWS_AS(p.add_angle_function(float_op::exp, 0, 2), std::invalid_argument);
  CHECK_THROWS_AS(p.add_angle_function(float_op::sin, 0, 0), std::invalid_argument);
  auto const v = p.add_angle_function(float_op::cos, 0, 2);
  CHECK(p.node_of(v).domain == 2);
  CHECK(p.text().find("block on |a| <= 2^2") != std::string::npos);
  // the construction refuses a sin whose domain nobody gave
  program_layout l;
  l.program->format = p.format;
  auto const x = l.input("x");
  l.outputs.emplace_back("r", l.add(float_op::sin, {x}, "sin_"));
  CHECK_THROWS_AS(build_program_lemma(l), std::invalid_argument);
  CHECK(rope_angle_domain(1) == 1);
  CHECK(rope_angle_domain(3) == 1);
  CHECK(rope_angle_domain(4) == 2);
  CHECK(rope_angle_domain(17) == 4);
  CHECK(rope_angle_domain(18) == 5);
}

TEST_SUITE("solver") {
  TEST_CASE("the trig block's domain is proved where it is embedded, and not where unbounded") {
    auto const l = sine_lemma();
    check_params cp;
    cp.select = [](std::string const& name) {
      return name == "structural" || name == "implication:sin_trig_operands" ||
             name == "exhaustive";
    };
    auto const verdicts = [&](unsigned bounded) {
      auto const r = check_construction(l, {{"p", 3}, {"k", 2}, {"bounded", bounded}}, cp);
      std::map<std::string, verdict> out;
      for (auto const& o : r.obligations) {
        CAPTURE(o.id);
        MESSAGE(o.detail);
        out[o.id.substr(o.id.find('/') + 1)] = o.result;
      }
      return out;
    };
    auto const bounded = verdicts(1);
    CHECK(bounded.at("implication:sin_trig_operands") == verdict::proved);
    CHECK(bounded.at("exhaustive") == verdict::proved);
    // x up to 2^3 at k = 2: the budget's domain does not follow (the argument stops: unknown),
    // and the circuit is indeed wrong there (every input simulated)
    auto const unbounded = verdicts(0);
    CHECK(unbounded.at("implication:sin_trig_operands") == verdict::unknown);
    CHECK(unbounded.at("exhaustive") == verdict::refuted);
  }

  TEST_CASE("tf.rope with theta as inputs: every obligation proved, the angle's bound among them") {
    auto const& l = find_lemma("tf.rope");
    auto const r = check_construction(
        l, {{"n", 2}, {"d", 2}, {"i", 0}, {"j", 1}, {"p", 2}, {"k", 2}, {"theta", 1}}, {});
    check_every_obligation_proved(r);
    CHECK(detail_of(r, "_trig_operands"));
    auto const depth = detail_of(r, "/depth_formula");
    REQUIRE(depth);
    CHECK(depth->find("d_std + d_trig + d_neg") != std::string::npos);
    CHECK(r.size.metrics.size > 0);  // the rotation is computed now
  }
}

TEST_CASE("theta as inputs: the interfaces gain theta_<k>, the form says so") {
  parameters const p{{"n", 2}, {"d", 4}, {"p", 3}, {"k", 2}, {"theta", 1}};
  unsigned theta = 0;
  for (auto const& b : attention_interface(p, attention_part::matrix))
    theta += b.is_input && b.name.starts_with("theta_") && b.name.ends_with("_sign");
  CHECK(theta == 2);
  CHECK(attention_form(p).find("theta_k circuit inputs") != std::string::npos);
  CHECK(attention_form(p).find("the paper's form") == std::string::npos);
}
