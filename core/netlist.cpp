#include "core/netlist.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "core/printable.hpp"

namespace tc0 {
namespace {

bool valid_name(std::string const& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char ch : s)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.')) return false;
  return true;
}

std::vector<std::string> tokens(std::string const& line) {
  std::vector<std::string> t;
  std::istringstream in(line.substr(0, line.find('#')));
  for (std::string w; in >> w;) t.push_back(w);
  return t;
}

class reader {
 public:
  reader(std::string file, netlist_limits const& limits)
      : file_{std::move(file)}, limits_{limits} {}

  circuit read(std::istream& in) {
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    // Pass 1: where every name is defined, so "used before its definition" can be told apart
    // from "never defined".
    for (size_t i = 0; i < lines.size(); ++i) {
      auto const t = tokens(lines[i]);
      if (t.size() >= 2 && t[0] == "input")
        later_.emplace(t[1], i + 1);
      else if (t.size() >= 2 && t[1] == "=" && t[0] != "output")
        later_.emplace(t[0], i + 1);
    }
    bool header = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      line_ = i + 1;
      auto const t = tokens(lines[i]);
      if (t.empty()) continue;
      if (!header) {
        if (t.size() != 2 || t[0] != "tc0check-netlist")
          fail("expected the header line 'tc0check-netlist 1'");
        if (t[1] != "1")
          fail("unsupported netlist version '" + t[1] + "' (this tc0check reads version 1)");
        header = true;
        continue;
      }
      if (t[0] == "input")
        read_input(t);
      else if (t[0] == "output")
        read_output(t);
      else if (t.size() >= 3 && t[1] == "=")
        read_gate(t);
      else
        fail("expected 'input NAME WIDTH', 'NAME = KIND ...' or 'output NAME = ...', found '" +
             t[0] + "'");
    }
    line_ = lines.size();
    if (!header) fail("empty netlist: expected the header line 'tc0check-netlist 1'");
    if (c_.output_buses().empty()) fail("the netlist declares no output bus");
    return std::move(c_);
  }

 private:
  [[noreturn]] void fail(std::string const& what) const {
    // echoed input may hold control or non-ASCII bytes
    throw netlist_error(file_ + ":" + std::to_string(line_) + ": " + printable(what));
  }

  void define(std::string const& name) {
    if (!valid_name(name)) fail("invalid name '" + name + "' (expected [A-Za-z_][A-Za-z0-9_.]*)");
    if (defined_.count(name) || buses_.count(name)) fail("'" + name + "' is defined twice");
  }

  unsigned number(std::string const& s, uint64_t max, std::string const& what) {
    if (s.empty() || s.size() > 12 || !std::all_of(s.begin(), s.end(), [](char ch) {
          return std::isdigit(static_cast<unsigned char>(ch));
        }))
      fail("expected " + what + " (a non-negative integer), found '" + s + "'");
    auto const v = std::stoull(s);
    if (v > max) fail(what + " " + s + " is larger than the limit " + std::to_string(max));
    return static_cast<unsigned>(v);
  }

  big_int integer(std::string const& s, std::string const& what) {
    size_t start = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (start == s.size() ||
        !std::all_of(s.begin() + static_cast<long>(start), s.end(),
                     [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      fail("expected " + what + " (an integer), found '" + s + "'");
    auto const too_wide = [&] {
      fail(what + " '" + s.substr(0, 20) + (s.size() > 20 ? "..." : "") + "' has more than " +
           std::to_string(limits_.max_weight_bits) + " bits");
    };
    // a decimal digit is log2(10) < 3.33 bits: far too many digits are refused before parsing,
    // the rest by the parsed value's width
    if ((s.size() - start) * 3 > static_cast<size_t>(limits_.max_weight_bits) + 3) too_wide();
    big_int const v(s[0] == '+' ? s.substr(1) : s);
    if (bit_width(v) > limits_.max_weight_bits) too_wide();
    return v;
  }

  signal sig(std::string s) {
    bool neg = false;
    while (!s.empty() && s[0] == '!') neg = !neg, s.erase(0, 1);
    if (s == "0") return const_false ^ neg;
    if (s == "1") return const_true ^ neg;
    if (auto const open = s.find('['); open != std::string::npos) {
      if (s.back() != ']') fail("expected NAME[INDEX], found '" + s + "'");
      auto const name = s.substr(0, open);
      auto it = buses_.find(name);
      if (it == buses_.end()) fail(undefined(name, "input bus"));
      auto const index = number(s.substr(open + 1, s.size() - open - 2), UINT32_MAX, "bit index");
      auto const& bits = c_.input_buses()[it->second].bits;
      if (index >= bits.size())
        fail("bit " + std::to_string(index) + " of input bus '" + name +
             "' does not exist (width " + std::to_string(bits.size()) + ")");
      return bits[index] ^ neg;
    }
    auto it = defined_.find(s);
    if (it == defined_.end()) fail(undefined(s, "signal"));
    return it->second ^ neg;
  }

  std::string undefined(std::string const& name, std::string const& what) const {
    auto it = later_.find(name);
    if (it != later_.end() && it->second >= line_)
      return what + " '" + name + "' is used before its definition on line " +
             std::to_string(it->second);
    return "undefined " + what + " '" + name + "'";
  }

  void read_input(std::vector<std::string> const& t) {
    if (t.size() != 3) fail("expected 'input NAME WIDTH'");
    define(t[1]);
    auto const width = number(t[2], limits_.max_bus_width, "bus width");
    if (width == 0) fail("input bus '" + t[1] + "' has width 0");
    input_bits_ += width;
    if (input_bits_ > limits_.max_input_bits)
      fail("more than " + std::to_string(limits_.max_input_bits) + " input bits in all");
    c_.create_input_bus(t[1], width);
    buses_[t[1]] = c_.input_buses().size() - 1;
  }

  void read_output(std::vector<std::string> const& t) {
    if (t.size() < 4 || t[2] != "=")
      fail("expected 'output NAME = SIG ...' with at least one signal");
    if (!valid_name(t[1])) fail("invalid name '" + t[1] + "'");
    if (c_.find_output_bus(t[1]) || buses_.count(t[1])) fail("bus '" + t[1] + "' is defined twice");
    if (t.size() - 3 > limits_.max_bus_width)
      fail("output bus wider than " + std::to_string(limits_.max_bus_width));
    std::vector<signal> bits;
    for (size_t i = 3; i < t.size(); ++i) bits.push_back(sig(t[i]));
    c_.add_output_bus(t[1], std::move(bits));
  }

  void read_gate(std::vector<std::string> const& t) {
    define(t[0]);
    if (++gates_ > limits_.max_gates)
      fail("more than " + std::to_string(limits_.max_gates) + " gates");
    auto const& kind = t[2];
    std::vector<signal> in;
    std::vector<big_int> w;
    signal out;
    if (kind == "and" || kind == "or" || kind == "maj") {
      if (t.size() < 4) fail("'" + kind + "' needs at least one input signal");
      if (t.size() - 3 > limits_.max_fanin)
        fail("fan-in above " + std::to_string(limits_.max_fanin));
      for (size_t i = 3; i < t.size(); ++i) in.push_back(sig(t[i]));
      out = kind == "and"  ? c_.create_and(std::move(in))
            : kind == "or" ? c_.create_or(std::move(in))
                           : c_.create_maj(std::move(in));
    } else if (kind == "thr") {
      if (t.size() < 5) fail("expected 'NAME = thr T W*SIG ...' with at least one weighted signal");
      if (t.size() - 4 > limits_.max_fanin)
        fail("fan-in above " + std::to_string(limits_.max_fanin));
      auto const threshold = integer(t[3], "threshold");
      for (size_t i = 4; i < t.size(); ++i) {
        auto const star = t[i].find('*');
        if (star == std::string::npos) fail("expected WEIGHT*SIGNAL, found '" + t[i] + "'");
        w.push_back(integer(t[i].substr(0, star), "weight"));
        in.push_back(sig(t[i].substr(star + 1)));
      }
      out = c_.create_threshold(std::move(in), std::move(w), threshold);
    } else {
      fail("unknown gate kind '" + kind + "' (expected and, or, maj or thr)");
    }
    defined_[t[0]] = out;
  }

  std::string file_;
  netlist_limits limits_;
  size_t line_ = 0;
  uint64_t gates_ = 0;
  uint64_t input_bits_ = 0;
  circuit c_;
  std::unordered_map<std::string, signal> defined_;
  std::unordered_map<std::string, size_t> buses_;
  std::unordered_map<std::string, size_t> later_;
};

std::string ref(std::vector<std::string> const& names, signal s) {
  if (s.index() == 0) return s.complemented() ? "1" : "0";
  return (s.complemented() ? "!" : "") + names[s.index()];
}

}  // namespace

circuit read_netlist(std::istream& in, std::string const& file_name, netlist_limits const& limits) {
  try {
    return reader{file_name, limits}.read(in);
  } catch (netlist_error const&) {
    throw;
  } catch (std::exception const& e) {  // anything the builder rejects, still with a location
    throw netlist_error(file_name + ": " + e.what());
  }
}

circuit read_netlist_file(std::string const& path, netlist_limits const& limits) {
  std::ifstream in(path);
  if (!in) throw netlist_error(path + ": cannot open the file");
  return read_netlist(in, path, limits);
}

void write_netlist(std::ostream& out, circuit const& c) {
  std::vector<std::string> names(c.num_nodes());
  out << "tc0check-netlist 1\n";
  for (auto const& b : c.input_buses()) {
    out << "input " << b.name << ' ' << b.bits.size() << '\n';
    for (size_t i = 0; i < b.bits.size(); ++i)
      names[b.bits[i].index()] = b.name + "[" + std::to_string(i) + "]";
  }
  uint32_t stage = 0;
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    auto const k = c.kind(n);
    if (!info(k).is_gate) continue;
    if (c.stage_of(n) != stage) {
      stage = c.stage_of(n);
      out << "# stage " << c.stages()[stage].name << '\n';
    }
    names[n] = "g" + std::to_string(n);
    out << names[n] << " = " << info(k).name;
    auto const f = c.fanins(n);
    switch (k) {
      case gate_kind::constant:
      case gate_kind::input:
        break;
      case gate_kind::and_:
      case gate_kind::or_:
      case gate_kind::maj:
        for (auto s : f) out << ' ' << ref(names, s);
        break;
      case gate_kind::threshold:
        out << ' ' << c.threshold(n);
        for (uint32_t i = 0; i < f.size(); ++i)
          out << ' ' << c.weight(n, i) << '*' << ref(names, f[i]);
        break;
    }
    out << '\n';
  }
  for (auto const& b : c.output_buses()) {
    out << "output " << b.name << " =";
    for (auto s : b.bits) out << ' ' << ref(names, s);
    out << '\n';
  }
}

}  // namespace tc0
