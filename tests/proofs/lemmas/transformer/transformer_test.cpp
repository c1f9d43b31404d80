// tf.transformer: the composed program is its parts' programs one after another; the depth is
// identical in n and grows by one layer's depth per layer; one layer is proved from its blocks;
// a crossed weight is caught by the sequence step and refuted by simulation.
#include "proofs/lemmas/transformer/transformer.hpp"

#include <doctest/doctest.h>

#include <random>

#include "core/metrics.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"
#include "proofs/lemmas/transformer/attention_program.hpp"
#include "proofs/lemmas/transformer/mlp.hpp"
#include "tests/proofs/lemmas/transformer/composite_checks.hpp"

using namespace tc0;

namespace {

// The values of `names` among a layout's inputs, from `given`.
std::vector<float_value> operands_of(program_layout const& l,
                                     std::map<std::string, float_value> const& given) {
  std::vector<float_value> out;
  for (auto const& name : l.inputs) out.push_back(given.at(name));
  return out;
}

// Every output of l on `given`, each approximation read as its reference rounding.
std::map<std::string, float_value> outputs_of(program_layout const& l,
                                              std::map<std::string, float_value> const& given) {
  auto const operands = operands_of(l, given);
  std::map<std::string, float_value> out;
  for (auto const& [name, v] : l.outputs) out[name] = *evaluate(*l.program, operands, v);
  return out;
}

}  // namespace

TEST_CASE("one layer's program is g_0, then the attention layer, then g_1, each its own lemma's") {
  parameters const p{{"n", 2}, {"d", 2}, {"layers", 1}, {"p", 4}, {"k", 3}};
  auto const model = transformer_layout(p);
  auto const f = model.program->format;
  auto const floats = valid_floats(f);
  std::mt19937_64 random{7};
  std::uniform_int_distribution<size_t> pick(0, floats.size() - 1);
  unsigned compared = 0;
  for (int trial = 0; trial < 20; ++trial) {
    std::map<std::string, float_value> in;
    for (auto const& name : model.inputs) in[name] = floats[pick(random)];
    // the parts on their own, each reading the previous part's outputs as its X
    auto const rename = [](std::map<std::string, float_value> const& from, std::string const& to) {
      std::map<std::string, float_value> out;
      for (auto const& [name, v] : from) out[to + name.substr(name.find('_'))] = v;
      return out;
    };
    auto const part = [&](program_layout const& l, std::map<std::string, float_value> X,
                          std::string const& suffix) {
      for (auto const& name : l.inputs)
        if (!X.count(name)) {
          auto const at = name.find('_');
          X[name] = in.at(name.substr(0, at) + suffix + name.substr(at));
        }
      return outputs_of(l, X);
    };
    parameters const q{{"n", 2}, {"d", 2}, {"p", 4}, {"k", 3}};
    std::map<std::string, float_value> X;
    for (auto const& [name, v] : in)
      if (name.starts_with("X_")) X[name] = v;
    auto const g0 = part(mlp_layout(q), X, "0");
    auto const attention =
        part(attention_program_of(q, attention_part::layer).layout, rename(g0, "X"), "1");
    auto const g1 = part(mlp_layout(q), rename(attention, "X"), "1");
    auto const whole = outputs_of(model, in);
    CHECK(whole == g1);
    ++compared;
  }
  CHECK(compared == 20);
}

TEST_CASE("the model's depth is identical in n and grows by the same amount per layer") {
  auto const& l = find_lemma("tf.transformer");
  auto const depth = [&](unsigned n, unsigned layers) {
    return measure(l.build({{"n", n}, {"d", 2}, {"layers", layers}, {"p", 2}, {"k", 2}}).c).depth;
  };
  auto const one = depth(2, 1), two = depth(2, 2), three = depth(2, 3);
  CHECK(depth(3, 1) == one);
  CHECK(depth(4, 1) == one);
  CHECK(two > one);
  CHECK(three - two == two - one);
}

TEST_SUITE("solver") {
  TEST_CASE("tf.transformer with one layer is proved, most obligations by reference") {
    auto const& l = find_lemma("tf.transformer");
    auto const r =
        check_construction(l, {{"n", 2}, {"d", 2}, {"layers", 1}, {"p", 2}, {"k", 2}}, {});
    auto const n = check_every_obligation_proved(r);
    CHECK(n.by_reference * 10 > n.obligations * 7);
    auto const depth = detail_of(r, "/depth_formula");
    REQUIRE(depth);
    CHECK(depth->find("d_mlp(0) + d_attn(1) + d_mlp(1)") != std::string::npos);
  }

  TEST_CASE("W_Q of layer 1 wired transposed: the sequence step fails, simulation refutes") {
    auto const& l = find_lemma("tf.transformer");
    parameters const p{{"n", 2}, {"d", 2}, {"layers", 1}, {"p", 2}, {"k", 2}};
    auto const layout = transformer_layout(p);
    auto const k = build_program_lemma(
        layout, {.rewired = {{layout.operand("WQ1_0_1"), layout.operand("WQ1_1_0")},
                             {layout.operand("WQ1_1_0"), layout.operand("WQ1_0_1")}}});
    check_params cp;
    cp.select = [](std::string const& name) {
      return name == "composition:sequence" || name == "random";
    };
    check_wiring_fault(check_built(l, p, k, cp), {"WQ1_0_1;", "WQ1_1_0;", "actual Y_"});
  }
}
