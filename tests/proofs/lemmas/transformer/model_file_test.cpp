// A concrete model file: its numbers (decimals rounded by round_p, "<m, e>" exact), its errors
// naming the field, and its weights as constants giving what the same weights as inputs give.
#include "proofs/lemmas/transformer/model_file.hpp"

#include <doctest/doctest.h>

#include <random>

#include "proofs/blocks/float_interface.hpp"
#include "proofs/lemmas/transformer/composite.hpp"

using namespace tc0;

namespace {

std::string const model_text = R"({"n": 2, "d": 2, "layers": 1, "p": 4, "k": 3,
  "mlp": [{"W": [[1, 0.5], [-0.5, "1e0"]], "b": [0, 0.3]},
          {"W": [[0.75, 0], [0, 0.75]], "b": ["<-8, -4>", 0]}],
  "attention": [{"WQ": [[0.5, 0], [0, 0.5]], "WK": [[0.5, 0.75], [0, 0.5]],
                 "WV": [[1, 0], [0.5, 1]]}],
  "inputs": [[[1, 0.5], [0.5, 1]]]})";

}  // namespace

TEST_CASE("a model file's numbers: decimals rounded to the format, <m, e> exact") {
  auto const m = parse_model(model_text);
  auto const f = format_of(m.params);
  CHECK(m.params.at("g") == 1);
  CHECK(m.params.at("relu") == 0);
  CHECK(m.weights.g.size() == 2);
  CHECK(m.weights.attention.size() == 2);  // [0] unused
  CHECK(m.weights.g[0].W[1][1] == round_to_format(f, rational(1)));
  // 0.3 is not a float at p = 4: rounded (0.3 -> 0.5 or 0: below the smallest normal 0.5)
  CHECK(m.rounded == 1);
  CHECK(m.weights.g[0].b[1] == round_to_format(f, rational(3, 10)));
  CHECK(m.weights.g[1].b[0] == float_value{true, 8, -4});
  REQUIRE(m.inputs.size() == 1);
  CHECK(m.inputs[0][0][1] == round_to_format(f, rational(1, 2)));
}

TEST_CASE("a malformed model file names the field") {
  auto const fails = [](std::string const& text, std::string const& what) {
    CAPTURE(text);
    CHECK_THROWS_WITH_AS(parse_model(text), doctest::Contains(what.c_str()), std::invalid_argument);
  };
  fails(R"({"n": 2})", "field 'd': missing");
  auto with = [&](std::string const& from, std::string const& to) {
    auto t = model_text;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  fails(with(R"("WQ": [[0.5, 0], [0, 0.5]])", R"("WQ": [[0.5, 0]])"),
        "field 'attention[0].WQ': 1 rows, expected 2");
  fails(with(R"("b": [0, 0.3])", R"("b": [0, "x"])"),
        "field 'mlp[0].b[1]': \"x\" is not a decimal");
  fails(with(R"("<-8, -4>")", R"("<-3, -4>")"),
        "field 'mlp[1].b[0]': <-3, -4> is not a valid float");
  fails(with(R"("layers": 1)", R"("layers": 1, "colour": 2)"), "field 'colour': unknown field");
  fails(with(R"("n": 2)", R"("n": 1)"), "the model's shape: parameter n=1 is outside");
  fails(with(R"("mlp": [)", R"("g": "layernorm", "mlp": [)"),
        "field 'mlp': given, but g has no MLP");
}

TEST_CASE("weights as constants give the program the same weights as inputs give") {
  auto const m = parse_model(model_text);
  auto const constant = transformer_layout(m.params, &m.weights);
  auto const free = transformer_layout(m.params);
  CHECK(constant.inputs.size() == 4);  // X only
  auto const f = format_of(m.params);
  auto const floats = valid_floats(f);
  std::mt19937_64 random{3};
  std::uniform_int_distribution<size_t> pick(0, floats.size() - 1);
  for (int trial = 0; trial < 10; ++trial) {
    std::vector<float_value> X, all;
    for (int i = 0; i < 4; ++i) X.push_back(floats[pick(random)]);
    // the free layout's operands: X, then the weights in its declared order
    std::map<std::string, float_value> named;
    for (unsigned i = 0; i < 4; ++i) named[free.inputs[i]] = X[i];
    for (unsigned r = 0; r < 2; ++r)
      for (unsigned c = 0; c < 2; ++c) {
        named[matrix_entry("W0", r, c)] = m.weights.g[0].W[r][c];
        named[matrix_entry("W1", r, c)] = m.weights.g[1].W[r][c];
        named[matrix_entry("WQ1", r, c)] = m.weights.attention[1].WQ[r][c];
        named[matrix_entry("WK1", r, c)] = m.weights.attention[1].WK[r][c];
        named[matrix_entry("WV1", r, c)] = m.weights.attention[1].WV[r][c];
      }
    for (unsigned c = 0; c < 2; ++c) {
      named["b0_" + std::to_string(c)] = m.weights.g[0].b[c];
      named["b1_" + std::to_string(c)] = m.weights.g[1].b[c];
    }
    for (auto const& name : free.inputs) all.push_back(named.at(name));
    for (size_t o = 0; o < free.outputs.size(); ++o) {
      CAPTURE(free.outputs[o].first);
      CHECK(evaluate(*constant.program, X, constant.outputs[o].second) ==
            evaluate(*free.program, all, free.outputs[o].second));
    }
  }
}
