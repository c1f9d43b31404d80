#include "proofs/lemmas/transformer/composite.hpp"

#include "core/metrics.hpp"
#include "proofs/blocks/float_sign.hpp"
#include "proofs/lemmas/registry.hpp"

namespace tc0 {

std::string matrix_entry(std::string const& matrix, unsigned r, unsigned c) {
  return matrix + "_" + std::to_string(r) + "_" + std::to_string(c);
}

depth_term measured_depth(parameters const& at, std::string const& symbol, std::string const& name,
                          parameters q) {
  q["p"] = param(at, "p");
  q["k"] = param(at, "k");
  return {symbol, name + " [" + to_string(q) + "]", measure(find_lemma(name).build(q).c).depth};
}

depth_term block_depth(parameters const& at, std::string const& symbol, std::string const& what,
                       std::function<std::vector<signal>(construction&, float_format const&,
                                                         float_bus const&)> const& build) {
  auto const f = format_of(at);
  construction k;
  auto const x = create_float_input(k.c, "x", f);
  add_float_output(k.c, "r", f, build(k, f, x));
  parameters const q{{"p", param(at, "p")}, {"k", param(at, "k")}};
  return {symbol, what + " [" + to_string(q) + "]", measure(k.c).depth};
}

depth_term trig_depth(parameters const& at, unsigned K) {
  auto const sin = measured_depth(at, "d_trig", "float.sin", {{"K", K}});
  auto const cos = measured_depth(at, "d_trig", "float.cos", {{"K", K}});
  return sin.depth >= cos.depth ? sin : cos;
}

depth_term negation_depth(parameters const& at) {
  return block_depth(at, "d_neg", "the negation block",
                     [](construction& k, float_format const& f, float_bus const& x) {
                       return create_float_negation(k, f, x).bits;
                     });
}

}  // namespace tc0
