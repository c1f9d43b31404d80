#include "proofs/cli/options.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace tc0::cli {
namespace {

unsigned to_unsigned(std::string const& flag, std::string const& s) {
  if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    throw usage_error("--" + flag + ": expected a non-negative integer, found '" + s + "'");
  return static_cast<unsigned>(std::stoul(s));
}

}  // namespace

std::string options::get(std::string const& f, std::string const& fallback) const {
  auto it = flags.find(f);
  return it == flags.end() ? fallback : it->second;
}

option_spec const* find_option(std::string_view name) {
  for (auto const& o : option_table)
    if (o.name == name) return &o;
  return nullptr;
}

namespace {

bool accepts(option_spec const& o, std::string const& command) {
  std::string const list = " " + std::string(o.commands) + " ";
  return list.find(" " + command + " ") != std::string::npos;
}

}  // namespace

std::string options_usage() {
  std::string out = "options (the commands that take each):\n";
  for (auto const& o : option_table) {
    std::string head = "  --" + std::string(o.name);
    if (!o.value.empty()) head += " " + std::string(o.value);
    out += head +
           (head.size() < 24 ? std::string(24 - head.size(), ' ') : "\n" + std::string(24, ' '));
    std::string text = std::string(o.help);
    if (!o.commands.empty()) text += " [" + std::string(o.commands) + "]";
    // words wrapped at 100 columns, continuation lines indented to the help column
    size_t column = 24;
    bool first = true;
    std::istringstream words(text);
    for (std::string word; words >> word; first = false) {
      if (!first && column + 1 + word.size() > 100)
        out += "\n" + std::string(24, ' '), column = 24;
      else if (!first)
        out += ' ', ++column;
      out += word;
      column += word.size();
    }
    out += "\n";
  }
  return out;
}

unsigned options::get_unsigned(std::string const& f) const {
  auto const* spec = find_option(f);
  if (!spec || spec->hi == 0) throw std::logic_error("--" + f + " is not a number option");
  auto it = flags.find(f);
  if (it == flags.end()) return spec->fallback;
  auto const v = to_unsigned(f, it->second);
  if (v < spec->lo || v > spec->hi)
    throw usage_error("--" + f + " " + it->second + " is outside " + std::to_string(spec->lo) +
                      ".." + std::to_string(spec->hi));
  return v;
}

void options::allow_only_declared(std::vector<std::string> const& parameters) const {
  for (auto const& [f, v] : flags) {
    if (std::find(parameters.begin(), parameters.end(), f) != parameters.end()) continue;
    auto const* spec = find_option(f);
    if (!spec || !accepts(*spec, command))
      throw usage_error("unknown option --" + f + " for '" + command + "'");
  }
}

std::vector<unsigned> parse_values(std::string const& flag, std::string const& text) {
  std::vector<unsigned> v;
  if (auto const dots = text.find(".."); dots != std::string::npos) {
    auto rest = text.substr(dots + 2);
    bool doubling = false;
    if (auto star = rest.find('*'); star != std::string::npos) {
      if (rest.substr(star + 1) != "2")
        throw usage_error("--" + flag + ": only '*2' (doubling) is supported in a range");
      doubling = true;
      rest = rest.substr(0, star);
    }
    auto const lo = to_unsigned(flag, text.substr(0, dots)), hi = to_unsigned(flag, rest);
    if (lo > hi) throw usage_error("--" + flag + ": empty range " + text);
    if (doubling && lo == 0)
      throw usage_error("--" + flag + ": a doubling range must start above 0");
    if (!doubling && hi - lo > 10000)
      throw usage_error("--" + flag + ": range " + text + " has too many values");
    for (uint64_t x = lo; x <= hi; x = doubling ? x * 2 : x + 1)
      v.push_back(static_cast<unsigned>(x));
    return v;
  }
  size_t start = 0;
  while (start <= text.size()) {
    auto const comma = text.find(',', start);
    v.push_back(to_unsigned(
        flag, text.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return v;
}

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--", 0) == 0) {
      auto name = a.substr(2);
      std::string value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      } else if (!is_switch(name)) {
        if (i + 1 >= argc) throw usage_error("--" + name + " needs a value");
        value = argv[++i];
      }
      if (name.empty()) throw usage_error("empty flag '--'");
      if (o.flags.count(name)) throw usage_error("--" + name + " is given twice");
      o.flags[name] = value;
    } else if (a == "-j" || a == "-o") {
      if (i + 1 >= argc) throw usage_error(a + " needs a value");
      o.flags[a == "-j" ? "jobs" : "out"] = argv[++i];
    } else if (o.command.empty()) {
      o.command = a;
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

std::vector<parameters> expand(std::map<std::string, std::vector<unsigned>> const& grid) {
  std::vector<parameters> out{parameters{}};
  for (auto const& [name, values] : grid) {
    std::vector<parameters> next;
    for (auto const& p : out)
      for (auto v : values) {
        auto q = p;
        q[name] = v;
        next.push_back(std::move(q));
      }
    out = std::move(next);
  }
  return out;
}

}  // namespace tc0::cli
