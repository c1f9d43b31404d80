#include "proofs/engine/lemma.hpp"

#include <algorithm>
#include <stdexcept>

namespace tc0 {

std::string to_string(parameters const& p) {
  std::string s;
  for (auto const& [k, v] : p) s += (s.empty() ? "" : ",") + k + "=" + std::to_string(v);
  return s;
}

json::value parameters_json(parameters const& p) {
  json::object o;
  for (auto const& [k, v] : p) o.emplace_back(k, v);
  return o;
}

parameters parameters_from_json(json::value const& v) {
  parameters p;
  for (auto const& [k, x] : v.as_object()) {
    auto const n = x.as_int();
    if (n < 0 || n > 1'000'000) throw std::invalid_argument("parameter " + k + " out of range");
    p[k] = static_cast<unsigned>(n);
  }
  return p;
}

std::vector<signal> const& input_bits(circuit const& c, std::string const& name) {
  auto const* b = c.find_input_bus(name);
  if (!b) throw std::invalid_argument("the circuit has no input bus '" + name + "'");
  return b->bits;
}

std::vector<signal> const& output_bits(circuit const& c, std::string const& name) {
  auto const* b = c.find_output_bus(name);
  if (!b) throw std::invalid_argument("the circuit has no output bus '" + name + "'");
  return b->bits;
}

unsigned param(parameters const& p, std::string const& name) {
  auto it = p.find(name);
  if (it == p.end()) throw std::invalid_argument("missing parameter '" + name + "'");
  return it->second;
}

unsigned param_or(parameters const& p, std::string const& name, unsigned fallback) {
  auto it = p.find(name);
  return it == p.end() ? fallback : it->second;
}

std::vector<parameters> sweep(parameters const& fixed, std::string const& varied,
                              std::vector<unsigned> const& values) {
  std::vector<parameters> out;
  for (auto v : values) {
    auto p = fixed;
    p[varied] = v;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string> lemma::parameter_names() const {
  std::vector<std::string> names;
  for (auto const& r : parameter_table) names.push_back(r.name);
  return names;
}

double lemma::degree_bound_for(std::string const& swept) const {
  auto const along = degree_bound_along.find(swept);
  return along == degree_bound_along.end() ? degree_bound : along->second;
}

void lemma::validate(parameters const& p) const {
  for (auto const& r : parameter_table) {
    if (r.fallback && !p.count(r.name)) continue;
    auto const v = param(p, r.name);
    if (v < r.lo || v > r.hi)
      throw std::invalid_argument("parameter " + r.name + "=" + std::to_string(v) + " is outside " +
                                  std::to_string(r.lo) + ".." + std::to_string(r.hi));
  }
  for (auto const& [k, v] : p)
    if (std::none_of(parameter_table.begin(), parameter_table.end(),
                     [&k = k](parameter_range const& r) { return r.name == k; }))
      throw std::invalid_argument(name + " has no parameter '" + k + "'");
  if (constraints) constraints(p);
}

void check_interface(lemma const& l, parameters const& p, circuit const& c) {
  auto const decls = l.interface(p);
  size_t inputs = 0, outputs = 0;
  for (auto const& d : decls) {
    auto const* b = d.is_input ? c.find_input_bus(d.name) : c.find_output_bus(d.name);
    std::string const what = d.is_input ? "input" : "output";
    if (!b)
      throw std::invalid_argument(l.name + " [" + to_string(p) + "] expects an " + what + " bus '" +
                                  d.name + "' of width " + std::to_string(d.width) +
                                  "; the circuit has none");
    if (b->bits.size() != d.width)
      throw std::invalid_argument(l.name + " [" + to_string(p) + "] expects " + what + " bus '" +
                                  d.name + "' of width " + std::to_string(d.width) +
                                  ", found width " + std::to_string(b->bits.size()));
    ++(d.is_input ? inputs : outputs);
  }
  if (inputs != c.input_buses().size() || outputs != c.output_buses().size())
    throw std::invalid_argument(
        l.name + " [" + to_string(p) + "] expects " + std::to_string(inputs) + " input and " +
        std::to_string(outputs) + " output buses; the circuit has " +
        std::to_string(c.input_buses().size()) + " and " + std::to_string(c.output_buses().size()));
}

}  // namespace tc0
