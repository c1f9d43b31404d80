#include "proofs/engine/counterexample.hpp"

#include <stdexcept>

#include "core/check_by_simulation.hpp"
#include "core/float_format.hpp"
#include "core/json.hpp"

namespace tc0 {
namespace {

bus_reading read_bus(bus const& b, std::vector<bool> const& values) {
  bus_reading r{b.name, "", bus_value(b.bits, values).str()};
  for (size_t i = b.bits.size(); i-- > 0;) r.bits += literal_value(values, b.bits[i]) ? '1' : '0';
  return r;
}

json::value readings_to_json(std::vector<bus_reading> const& rs) {
  json::array a;
  for (auto const& r : rs)
    a.push_back(json::object{{"bus", r.name}, {"bits", r.bits}, {"value", r.value}});
  return a;
}

std::vector<bus_reading> readings_from_json(json::value const& v) {
  std::vector<bus_reading> rs;
  for (auto const& x : v.as_array())
    rs.push_back({x.at("bus").as_string(), x.at("bits").as_string(), x.at("value").as_string()});
  return rs;
}

std::string describe(float_format const& f, big_int const& packed) {
  auto const v = unpack(f, packed);
  return to_string(v) + " = " + to_rational(v).str() + (is_valid(f, v) ? "" : " (not valid)");
}

// Every float among the buses: NAME_mag, NAME_exp, NAME_sign side by side. The format follows
// from the widths (p and E; e_min = -2^(E-1), which is the paper's range when E = p + 1).
void decode_floats(std::vector<bus_reading> const& buses, counterexample& cx) {
  auto find = [&](std::string const& name) -> bus_reading const* {
    for (auto const& b : buses)
      if (b.name == name) return &b;
    return nullptr;
  };
  for (auto const& b : buses) {
    if (!b.name.ends_with("_mag")) continue;
    auto const base = b.name.substr(0, b.name.size() - 4);
    auto const* e = find(base + "_exp");
    auto const* sg = find(base + "_sign");
    if (!e || !sg || b.bits.size() < 2 || sg->bits.size() != 1 || e->bits.empty() ||
        e->bits.size() > 30)
      continue;
    auto const f = float_format::with_exponent_bits(static_cast<unsigned>(b.bits.size()),
                                                    static_cast<unsigned>(e->bits.size()));
    big_int const packed = big_int(b.value) + (big_int(e->value) << f.p) +
                           (big_int(sg->value) << (f.p + f.exponent_bits()));
    cx.floats.emplace_back(base, describe(f, packed));
  }
}

}  // namespace

counterexample describe_counterexample(circuit const& c, linear_spec const& spec,
                                       std::vector<bool> const& inputs) {
  auto const values = simulate_pattern(c, inputs);
  counterexample cx;
  cx.input_bits = inputs;
  for (auto const& b : c.input_buses()) cx.inputs.push_back(read_bus(b, values));
  for (auto const& b : c.output_buses()) cx.outputs.push_back(read_bus(b, values));
  for (auto const& cl : spec.clauses) {
    if (holds(cl, values)) continue;
    cx.clause = cl.name;
    auto const expected = expected_value(cl, values);
    auto const actual = actual_value(cl, values);
    cx.expected = expected ? expected->str() : "none";
    cx.actual = actual.str();
    if (cl.kind == clause_kind::computes) {
      auto const& f = cl.program->format;
      if (expected)
        cx.floats.emplace_back((approximated(cl.program->node_of(cl.program_output).op)
                                    ? "reference (within 2^-p of the true value is enough) "
                                    : "expected ") +
                                   cl.name,
                               describe(f, *expected));
      cx.floats.emplace_back("actual " + cl.name, describe(f, actual));
    }
    if (cl.kind == clause_kind::maximum) {
      if (expected)
        cx.floats.emplace_back("expected " + cl.name, describe(*cl.operand_format, *expected));
      cx.floats.emplace_back("actual " + cl.name, describe(*cl.operand_format, actual));
    }
    if (cl.kind == clause_kind::rounds_to || cl.kind == clause_kind::approximates) {
      if (expected)
        cx.floats.emplace_back(cl.function ? "round_p(" + to_string(*cl.function) + " x), for " +
                                                 cl.name + " (within 2^-p of it is enough)"
                                           : "expected " + cl.name,
                               describe(cl.rounding->format, *expected));
      cx.floats.emplace_back("actual " + cl.name, describe(cl.rounding->format, actual));
    }
    if (expected && cl.is_binary_value() && !cl.function && cl.kind != clause_kind::computes)
      for (unsigned k = 0; k < cl.out_bits.size(); ++k)
        if (boost::multiprecision::bit_test(*expected, k) !=
            boost::multiprecision::bit_test(actual, k)) {
          cx.first_differing_bit = k;
          break;
        }
    break;
  }
  if (cx.clause.empty())
    throw std::logic_error("describe_counterexample: the pattern satisfies the spec");
  auto all = cx.inputs;
  all.insert(all.end(), cx.outputs.begin(), cx.outputs.end());
  decode_floats(all, cx);
  return cx;
}

std::string to_json(counterexample const& cx) {
  std::string raw;
  for (bool b : cx.input_bits) raw += b ? '1' : '0';
  json::object o{
      {"format", "tc0check-counterexample 1"},
      {"lemma", cx.lemma},
      {"parameters", parameters_json(cx.params)},
      {"source", cx.source},
      {"stage", cx.stage},
      {"obligation", cx.obligation},
      {"input_bits", raw},
      {"inputs", readings_to_json(cx.inputs)},
      {"outputs", readings_to_json(cx.outputs)},
      {"clause", cx.clause},
      {"expected", cx.expected},
      {"actual", cx.actual},
      {"first_differing_bit",
       cx.first_differing_bit ? json::value(*cx.first_differing_bit) : json::value()},
  };
  if (!cx.floats.empty()) {
    json::object floats;
    for (auto const& [name, text] : cx.floats) floats.emplace_back(name, text);
    o.emplace_back("floats", floats);
  }
  return json::dump(o) + "\n";
}

counterexample counterexample_from_json(std::string const& text) {
  auto const v = json::parse(text);
  if (!v.is_object() || !v.find("format") ||
      v.at("format").as_string() != "tc0check-counterexample 1")
    throw std::invalid_argument(
        "not a tc0check counterexample (missing format \"tc0check-counterexample 1\")");
  counterexample cx;
  cx.lemma = v.at("lemma").as_string();
  cx.params = parameters_from_json(v.at("parameters"));
  cx.source = v.at("source").as_string();
  cx.stage = v.at("stage").as_string();
  cx.obligation = v.at("obligation").as_string();
  for (char ch : v.at("input_bits").as_string()) {
    if (ch != '0' && ch != '1') throw std::invalid_argument("input_bits must consist of 0 and 1");
    cx.input_bits.push_back(ch == '1');
  }
  cx.inputs = readings_from_json(v.at("inputs"));
  cx.outputs = readings_from_json(v.at("outputs"));
  cx.clause = v.at("clause").as_string();
  cx.expected = v.at("expected").as_string();
  cx.actual = v.at("actual").as_string();
  if (auto const* b = v.find("first_differing_bit");
      b && std::holds_alternative<json::number>(b->v))
    cx.first_differing_bit = static_cast<unsigned>(b->as_int());
  if (auto const* f = v.find("floats"))
    for (auto const& [name, text] : f->as_object()) cx.floats.emplace_back(name, text.as_string());
  return cx;
}

}  // namespace tc0
