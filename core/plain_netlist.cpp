#include "core/plain_netlist.hpp"

#include <map>
#include <sstream>
#include <stdexcept>

namespace tc0 {
namespace {

plain_literal literal(std::string token, bool weighted) {
  plain_literal l;
  if (weighted) {
    auto const star = token.find('*');
    if (star == std::string::npos) throw std::invalid_argument("plain netlist: W*SIG expected");
    l.weight = big_int(token.substr(0, star));
    token = token.substr(star + 1);
  }
  if (!token.empty() && token[0] == '!') l.negated = true, token = token.substr(1);
  if (token.empty()) throw std::invalid_argument("plain netlist: empty signal");
  l.name = token;
  return l;
}

}  // namespace

plain_netlist parse_plain_netlist(std::string const& text) {
  plain_netlist n;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    if (w.empty() || w[0] == "tc0check-netlist") continue;
    if (w[0] == "input" && w.size() == 3) {
      n.inputs.emplace_back(w[1], static_cast<unsigned>(std::stoul(w[2])));
    } else if (w[0] == "output" && w.size() >= 3 && w[2] == "=") {
      std::vector<plain_literal> bits;
      for (size_t i = 3; i < w.size(); ++i) bits.push_back(literal(w[i], false));
      n.outputs.emplace_back(w[1], std::move(bits));
    } else if (w.size() >= 4 && w[1] == "=") {
      plain_gate g{w[0], w[2], 0, {}};
      size_t first = 3;
      if (g.kind == "thr")
        g.threshold = big_int(w[3]), first = 4;
      else if (g.kind != "and" && g.kind != "or" && g.kind != "maj")
        throw std::invalid_argument("plain netlist: unknown gate kind " + g.kind);
      for (size_t i = first; i < w.size(); ++i) g.fanins.push_back(literal(w[i], g.kind == "thr"));
      n.gates.push_back(std::move(g));
    } else {
      throw std::invalid_argument("plain netlist: cannot read '" + line + "'");
    }
  }
  return n;
}

std::string to_text(plain_netlist const& n) {
  std::ostringstream out;
  auto lit = [&](plain_literal const& l, bool weighted) {
    out << ' ';
    if (weighted) out << l.weight.str() << '*';
    out << (l.negated ? "!" : "") << l.name;
  };
  out << "tc0check-netlist 1\n";
  for (auto const& [name, width] : n.inputs) out << "input " << name << ' ' << width << '\n';
  for (auto const& g : n.gates) {
    out << g.name << " = " << g.kind;
    if (g.kind == "thr") out << ' ' << g.threshold.str();
    for (auto const& l : g.fanins) lit(l, g.kind == "thr");
    out << '\n';
  }
  for (auto const& [name, bits] : n.outputs) {
    out << "output " << name << " =";
    for (auto const& l : bits) lit(l, false);
    out << '\n';
  }
  return out.str();
}

plain_evaluator::plain_evaluator(plain_netlist const& n) {
  std::map<std::string, size_t> position{{"0", 0}, {"1", 1}};
  size_t next = 2;
  for (auto const& [name, width] : n.inputs) {
    input_widths_.push_back(width);
    for (unsigned i = 0; i < width; ++i) position[name + "[" + std::to_string(i) + "]"] = next++;
  }
  auto resolve = [&](plain_literal const& l) {
    auto const it = position.find(l.name);
    if (it == position.end()) throw std::invalid_argument("plain netlist: undefined " + l.name);
    return ref{it->second, l.negated, l.weight};
  };
  for (auto const& g : n.gates) {
    gate r{g.kind, g.threshold, {}};
    for (auto const& l : g.fanins) r.fanins.push_back(resolve(l));
    gates_.push_back(std::move(r));
    if (!position.emplace(g.name, next++).second)
      throw std::invalid_argument("plain netlist: " + g.name + " defined twice");
  }
  for (auto const& [name, bits] : n.outputs) {
    outputs_.emplace_back();
    for (auto const& l : bits) outputs_.back().push_back(resolve(l));
  }
}

std::vector<big_int> plain_evaluator::operator()(std::vector<big_int> const& input_values) const {
  std::vector<bool> value{false, true};
  for (size_t b = 0; b < input_widths_.size(); ++b)
    for (unsigned i = 0; i < input_widths_[b]; ++i)
      value.push_back(b < input_values.size() && bit_test(input_values[b], i));
  auto read = [&](ref const& r) { return value[r.at] != r.negated; };
  for (auto const& g : gates_) {
    size_t ones = 0;
    big_int sum = 0;
    for (auto const& f : g.fanins)
      if (read(f)) ++ones, sum += f.weight;
    bool out = false;
    if (g.kind == "and")
      out = ones == g.fanins.size();
    else if (g.kind == "or")
      out = ones > 0;
    else if (g.kind == "maj")
      out = 2 * ones > g.fanins.size();
    else
      out = sum >= g.threshold;
    value.push_back(out);
  }
  std::vector<big_int> out;
  for (auto const& bits : outputs_) {
    big_int v = 0;
    for (size_t i = bits.size(); i-- > 0;) v = v * 2 + (read(bits[i]) ? 1 : 0);
    out.push_back(v);
  }
  return out;
}

}  // namespace tc0
