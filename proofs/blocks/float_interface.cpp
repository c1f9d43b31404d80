#include "proofs/blocks/float_interface.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/check_by_simulation.hpp"
#include "core/float_validity.hpp"

namespace tc0 {

float_format format_of(parameters const& p) {
  auto const k = param(p, "k");
  return k == 0 ? float_format::paper(param(p, "p"))
                : float_format::with_exponent_bits(param(p, "p"), k);
}

std::vector<parameter_range> float_parameters(unsigned p_max) {
  return {{"p", 2, p_max}, {"k", 0, 16}};
}

std::vector<signal> float_bus::bits() const {
  auto out = magnitude.bits;
  out.insert(out.end(), exponent.bits.begin(), exponent.bits.end());
  out.insert(out.end(), sign.bits.begin(), sign.bits.end());
  return out;
}

float_bus create_float_input(circuit& c, std::string const& name, float_format const& f) {
  // copies: a reference into the circuit's bus list dangles once the next bus is created
  bus const m = c.create_input_bus(name + "_mag", f.p);
  bus const e = c.create_input_bus(name + "_exp", f.exponent_bits());
  bus const s = c.create_input_bus(name + "_sign", 1);
  return {m, e, s};
}

float_bus split_float(std::string const& name, float_format const& f,
                      std::vector<signal> const& bits) {
  if (bits.size() != f.total_bits())
    throw std::logic_error("split_float: " + std::to_string(bits.size()) + " bits for " +
                           f.describe());
  auto const p = f.p, E = f.exponent_bits();
  return {{name + "_mag", {bits.begin(), bits.begin() + p}},
          {name + "_exp", {bits.begin() + p, bits.begin() + p + E}},
          {name + "_sign", {bits.back()}}};
}

void add_float_output(circuit& c, std::string const& name, float_format const& f,
                      std::vector<signal> const& bits) {
  auto const x = split_float(name, f, bits);
  for (auto const* b : {&x.magnitude, &x.exponent, &x.sign}) c.add_output_bus(b->name, b->bits);
}

std::map<std::string, float_value> simulate_floats(circuit const& c, float_format const& f,
                                                   std::map<std::string, float_value> const& in,
                                                   std::vector<std::string> const& outputs) {
  auto const& nodes = c.input_nodes();
  std::vector<bool> inputs(nodes.size());
  for (auto const& [name, x] : in) {
    auto const bits = input_float(c, name).bits();
    auto const packed = pack(f, x);
    for (unsigned i = 0; i < bits.size(); ++i) {
      auto const at = std::find(nodes.begin(), nodes.end(), bits[i].index());
      if (at == nodes.end())
        throw std::invalid_argument("simulate_floats: " + name + " is not an input");
      inputs[at - nodes.begin()] = boost::multiprecision::bit_test(packed, i);
    }
  }
  auto const values = simulate_pattern(c, inputs);
  std::map<std::string, float_value> out;
  for (auto const& name : outputs) {
    auto const bits = output_float(c, name).bits();
    big_int r = 0;
    for (unsigned i = 0; i < bits.size(); ++i)
      if (values[bits[i].index()] != bits[i].complemented()) r |= pow2(i);
    out[name] = unpack(f, r);
  }
  return out;
}

float_value simulate_unary(circuit const& c, float_format const& f, float_value const& x) {
  return simulate_floats(c, f, {{"x", x}}, {"r"}).at("r");
}

float_bus input_float(circuit const& c, std::string const& name) {
  return {{name + "_mag", input_bits(c, name + "_mag")},
          {name + "_exp", input_bits(c, name + "_exp")},
          {name + "_sign", input_bits(c, name + "_sign")}};
}

float_bus output_float(circuit const& c, std::string const& name) {
  return {{name + "_mag", output_bits(c, name + "_mag")},
          {name + "_exp", output_bits(c, name + "_exp")},
          {name + "_sign", output_bits(c, name + "_sign")}};
}

std::vector<bus_decl> float_declarations(std::string const& name, float_format const& f,
                                         bool is_input) {
  return {{name + "_mag", f.p, is_input},
          {name + "_exp", f.exponent_bits(), is_input},
          {name + "_sign", 1, is_input}};
}

lemma binary_float_lemma(std::string name, unsigned p_max,
                         std::vector<bus_decl> (*outputs)(float_format const&)) {
  lemma l;
  l.name = std::move(name);
  l.parameter_table = float_parameters(p_max);
  l.interface = [outputs](parameters const& p) {
    auto const f = format_of(p);
    auto d = float_declarations("a", f, true);
    for (auto const& x : float_declarations("b", f, true)) d.push_back(x);
    for (auto const& x : outputs(f)) d.push_back(x);
    return d;
  };
  return l;
}

lemma unary_float_lemma(std::string name, unsigned p_max) {
  lemma l;
  l.name = std::move(name);
  l.parameter_table = float_parameters(p_max);
  l.interface = [](parameters const& p) {
    auto const f = format_of(p);
    auto d = float_declarations("x", f, true);
    for (auto const& x : float_result(f)) d.push_back(x);
    return d;
  };
  return l;
}

std::string iterated_operand(unsigned i) {
  return "x" + std::to_string(i);
}

lemma iterated_float_lemma(std::string name, unsigned n_max, unsigned p_max) {
  lemma l;
  l.name = std::move(name);
  l.parameter_table = float_parameters(p_max);
  l.parameter_table.insert(l.parameter_table.begin(), {"n", 1, n_max});
  l.interface = [](parameters const& p) {
    auto const f = format_of(p);
    std::vector<bus_decl> d;
    for (unsigned i = 0; i < param(p, "n"); ++i)
      for (auto const& x : float_declarations(iterated_operand(i), f, true)) d.push_back(x);
    for (auto const& x : float_result(f)) d.push_back(x);
    return d;
  };
  return l;
}

std::vector<bus_decl> float_result(float_format const& f) {
  return float_declarations("r", f, false);
}

program_operand operand_of(float_bus const& x) {
  return {linear_expr::value_of(x.magnitude.bits), linear_expr::value_of(x.exponent.bits),
          linear_expr::value_of(x.sign.bits)};
}

linear_expr scaled_value(float_bus const& x) {
  return scaled_value(operand_of(x));
}

namespace {

std::vector<std::pair<std::string, linear_expr>> validity_conditions(float_bus const& x,
                                                                     float_format const& f) {
  return float_validity(x.magnitude.name.substr(0, x.magnitude.name.size() - 4), f,
                        x.magnitude.bits, x.exponent.bits, x.sign.bits[0]);
}

}  // namespace

void require_valid(linear_spec& s, float_bus const& x, float_format const& f) {
  for (auto& [name, e] : validity_conditions(x, f)) s.require(name, e);
}

void state_valid(linear_spec& s, float_bus const& x, float_format const& f) {
  for (auto& [name, e] : validity_conditions(x, f)) s.constrain(name, e);
}

std::pair<std::string, linear_expr> magnitude_at_most(std::string const& what, float_bus const& x,
                                                      float_format const& f, int64_t K) {
  if (K < f.e_min)
    throw std::invalid_argument("|" + what + "| <= 2^" + std::to_string(K) +
                                ": the bound lies below the format's smallest step");
  // m 2^(u + e_min) <= 2^K, i.e. m 2^u <= 2^(K - e_min)
  return {"|" + what + "| <= 2^" + std::to_string(K),
          linear_expr{}
              .add_constant(pow2(static_cast<unsigned>(K - f.e_min)))
              .add_shifted(-1, linear_expr::value_of(x.magnitude.bits),
                           linear_expr::value_of(x.exponent.bits))};
}

}  // namespace tc0
