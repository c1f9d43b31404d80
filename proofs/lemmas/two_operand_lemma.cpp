#include "proofs/lemmas/two_operand_lemma.hpp"

namespace tc0 {

lemma make_two_operand_lemma(two_operand_shape shape) {
  lemma l;
  l.name = shape.name;
  l.title = shape.title;
  l.paper_ref = shape.paper_ref;
  l.claim = shape.claim;
  l.parameter_table = {{"m", 1, 512}};
  l.interface = [shape](parameters const& p) {
    auto const m = param(p, "m");
    return std::vector<bus_decl>{
        {"a", m, true}, {"b", m, true}, {shape.output, shape.output_width(m), false}};
  };
  l.build = [shape](parameters const& p) {
    auto const m = param(p, "m");
    construction k;
    auto& c = k.c;
    auto const a = c.create_input_bus("a", m);
    auto const b = c.create_input_bus("b", m);
    c.begin_stage(shape.stage, {a, b});
    bus out{shape.output, shape.body(c, a.bits, b.bits)};
    c.end_stage({out});
    c.add_output_bus(shape.output, out.bits);
    k.stage_specs.push_back(shape.specification(c, p));
    return k;
  };
  l.specification = shape.specification;
  l.depth_bound = shape.depth_bound;
  l.degree_bound = shape.degree_bound;
  l.default_sweeps = {sweep({}, "m", {2, 4, 8, 16, 32})};
  l.self_check_size = {{"m", 4}};
  return l;
}

}  // namespace tc0
