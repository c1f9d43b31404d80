#include "core/aiger.hpp"

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "core/printable.hpp"

namespace tc0 {
namespace {

constexpr uint32_t lit_false = 0, lit_true = 1;

// Builds ANDs with constant folding and structural hashing.
class aig_builder {
 public:
  explicit aig_builder(aig& g) : g_{g} {}

  uint32_t and2(uint32_t a, uint32_t b) {
    if (a > b) std::swap(a, b);
    if (a == lit_false || a == (b ^ 1u)) return lit_false;
    if (a == lit_true || a == b) return b;
    auto const key = (uint64_t{a} << 32) | b;
    if (auto it = hash_.find(key); it != hash_.end()) return it->second;
    g_.ands.emplace_back(a, b);
    auto const lit = 2 * (g_.num_inputs + static_cast<uint32_t>(g_.ands.size()));
    hash_.emplace(key, lit);
    return lit;
  }
  uint32_t or2(uint32_t a, uint32_t b) { return and2(a ^ 1u, b ^ 1u) ^ 1u; }
  uint32_t xor2(uint32_t a, uint32_t b) { return or2(and2(a, b ^ 1u), and2(a ^ 1u, b)); }
  uint32_t maj3(uint32_t a, uint32_t b, uint32_t c) { return or2(and2(a, b), and2(c, or2(a, b))); }
  uint32_t and_all(std::vector<uint32_t> const& ls) {
    uint32_t r = lit_true;
    for (auto l : ls) r = and2(r, l);
    return r;
  }

  // [sum_i w_i * l_i >= t] with w_i > 0: ripple-carry accumulation, then compare with t.
  uint32_t at_least(std::vector<uint32_t> const& ls, std::vector<big_int> const& ws,
                    big_int const& t) {
    if (t <= 0) return lit_true;
    big_int total = 0;
    for (auto const& w : ws) total += w;
    if (total < t) return lit_false;
    std::vector<uint32_t> acc;  // least significant bit first
    for (size_t i = 0; i < ls.size(); ++i) {
      std::vector<uint32_t> term;
      for (big_int w = ws[i]; w > 0; w >>= 1) term.push_back((w & 1) != 0 ? ls[i] : lit_false);
      acc.resize(std::max(acc.size(), term.size()), lit_false);
      term.resize(acc.size(), lit_false);
      uint32_t carry = lit_false;
      for (size_t j = 0; j < acc.size(); ++j) {
        auto const a = acc[j], b = term[j];
        acc[j] = xor2(xor2(a, b), carry);
        carry = maj3(a, b, carry);
      }
      acc.push_back(carry);
    }
    // acc >= t from the least significant bit up: ge_j covers bits 0..j
    uint32_t ge = lit_true;
    auto const width = std::max<size_t>(acc.size(), width_for(t));
    for (size_t j = 0; j < width; ++j) {
      auto const a = j < acc.size() ? acc[j] : lit_false;
      ge = bit(t, j) ? and2(a, ge) : or2(a, ge);
    }
    return ge;
  }

 private:
  static bool bit(big_int const& t, size_t j) { return ((t >> j) & 1) != 0; }

  aig& g_;
  std::unordered_map<uint64_t, uint32_t> hash_;
};

[[noreturn]] void fail(std::string const& file, unsigned line, std::string const& what) {
  throw std::runtime_error(file + ":" + std::to_string(line) + ": " + printable(what));
}

// "BUS[i]" -> (BUS, i); anything else -> (name, 0) as a bus of its own.
std::pair<std::string, uint32_t> split_symbol(std::string const& s) {
  auto const open = s.rfind('[');
  if (open != std::string::npos && open > 0 && s.back() == ']') {
    auto const digits = s.substr(open + 1, s.size() - open - 2);
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos &&
        digits.size() < 9)
      return {s.substr(0, open), static_cast<uint32_t>(std::stoul(digits))};
  }
  return {s, 0};
}

}  // namespace

aig lower_to_aig(circuit const& c) {
  aig g;
  g.num_inputs = static_cast<uint32_t>(c.input_nodes().size());
  std::vector<uint32_t> lit(c.num_nodes(), lit_false);
  for (uint32_t i = 0; i < g.num_inputs; ++i) lit[c.input_nodes()[i]] = 2 * (i + 1);
  g.input_names.resize(g.num_inputs);
  {
    std::unordered_map<uint32_t, uint32_t> input_index;
    for (uint32_t i = 0; i < g.num_inputs; ++i) input_index[c.input_nodes()[i]] = i;
    for (auto const& b : c.input_buses())
      for (size_t i = 0; i < b.bits.size(); ++i)
        g.input_names[input_index.at(b.bits[i].index())] = b.name + "[" + std::to_string(i) + "]";
  }
  aig_builder build{g};
  auto of = [&](signal s) { return lit[s.index()] ^ (s.complemented() ? 1u : 0u); };
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    auto const k = c.kind(n);
    std::vector<uint32_t> ins;
    for (auto s : c.fanins(n)) ins.push_back(of(s));
    switch (k) {
      case gate_kind::constant:
      case gate_kind::input:
        break;
      case gate_kind::and_:
        lit[n] = build.and_all(ins);
        break;
      case gate_kind::or_:
        for (auto& l : ins) l ^= 1u;
        lit[n] = build.and_all(ins) ^ 1u;
        break;
      case gate_kind::maj:
      case gate_kind::threshold: {
        std::vector<big_int> ws;
        for (uint32_t i = 0; i < ins.size(); ++i) ws.push_back(c.weight(n, i));
        lit[n] = build.at_least(ins, ws, c.threshold(n));
        break;
      }
    }
  }
  for (auto const& b : c.output_buses())
    for (size_t i = 0; i < b.bits.size(); ++i) {
      g.outputs.push_back(of(b.bits[i]));
      g.output_names.push_back(b.name + "[" + std::to_string(i) + "]");
    }
  return g;
}

void write_aiger(std::ostream& out, aig const& g, std::string const& comment, aiger_mode mode) {
  bool const binary = mode == aiger_mode::binary;
  auto const m = g.num_inputs + static_cast<uint32_t>(g.ands.size());
  out << (binary ? "aig " : "aag ") << m << ' ' << g.num_inputs << " 0 " << g.outputs.size() << ' '
      << g.ands.size() << '\n';
  if (!binary)
    for (uint32_t i = 1; i <= g.num_inputs; ++i) out << 2 * i << '\n';
  for (auto o : g.outputs) out << o << '\n';
  auto varint = [&](uint32_t x) {
    for (; x >= 0x80; x >>= 7) out.put(static_cast<char>((x & 0x7f) | 0x80));
    out.put(static_cast<char>(x));
  };
  for (size_t k = 0; k < g.ands.size(); ++k) {
    auto const lhs = static_cast<uint32_t>(2 * (g.num_inputs + k + 1));
    auto const r0 = std::max(g.ands[k].first, g.ands[k].second);
    auto const r1 = std::min(g.ands[k].first, g.ands[k].second);
    if (binary) {
      varint(lhs - r0);
      varint(r0 - r1);
    } else {
      out << lhs << ' ' << r0 << ' ' << r1 << '\n';
    }
  }
  for (size_t i = 0; i < g.input_names.size(); ++i)
    if (!g.input_names[i].empty()) out << 'i' << i << ' ' << g.input_names[i] << '\n';
  for (size_t i = 0; i < g.output_names.size(); ++i)
    if (!g.output_names[i].empty()) out << 'o' << i << ' ' << g.output_names[i] << '\n';
  out << "c\n" << comment << '\n';
}

aig read_aiger(std::istream& in, std::string const& file) {
  aig g;
  std::string line;
  unsigned at = 0;
  auto next_line = [&](char const* what) {
    if (!std::getline(in, line)) fail(file, at + 1, std::string("expected ") + what);
    if (!line.empty() && line.back() == '\r') line.pop_back();  // CRLF files
    ++at;
    return std::istringstream(line);
  };
  auto header = next_line("the header 'aag M I L O A'");
  std::string magic;
  uint64_t m = 0, i = 0, l = 0, o = 0, a = 0;
  if (!(header >> magic >> m >> i >> l >> o >> a) || (magic != "aag" && magic != "aig"))
    fail(file, at, "expected the header 'aag M I L O A' or 'aig M I L O A' (AIGER)");
  bool const binary = magic == "aig";
  if (l != 0) fail(file, at, "latches are not supported (combinational circuits only)");
  if (m != i + a || m > (1u << 30)) fail(file, at, "M must equal I + A (and be below 2^30)");
  // limits checked before anything is allocated for the counts the header declares
  if (i > (1u << 20)) fail(file, at, "more than 2^20 inputs (I = " + std::to_string(i) + ")");
  if (o > (1u << 20)) fail(file, at, "more than 2^20 outputs (O = " + std::to_string(o) + ")");
  if (a > 10'000'000) fail(file, at, "more than 10^7 AND gates (A = " + std::to_string(a) + ")");
  g.num_inputs = static_cast<uint32_t>(i);
  auto read_literal = [&](std::istringstream& s, char const* what) {
    uint64_t v = 0;
    if (!(s >> v)) fail(file, at, std::string("expected ") + what);
    if (v / 2 > m) fail(file, at, "literal " + std::to_string(v) + " exceeds 2M+1");
    return static_cast<uint32_t>(v);
  };
  for (uint32_t k = 1; k <= i && !binary; ++k) {
    auto s = next_line("an input literal");
    if (read_literal(s, "an input literal") != 2 * k)
      fail(file, at, "inputs must be the literals 2, 4, ... in order");
  }
  for (uint64_t k = 0; k < o; ++k) {
    auto s = next_line("an output literal");
    g.outputs.push_back(read_literal(s, "an output literal"));
  }
  auto varint = [&]() {
    uint32_t x = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
      auto const ch = in.get();
      if (ch == std::char_traits<char>::eof()) fail(file, at + 1, "the AND section ends early");
      x |= static_cast<uint32_t>(ch & 0x7f) << shift;
      if ((ch & 0x80) == 0) return x;
    }
    fail(file, at + 1, "a malformed number in the AND section");
  };
  for (uint64_t k = 0; k < a && binary; ++k) {
    auto const lhs = static_cast<uint32_t>(2 * (i + k + 1));
    auto const d0 = varint(), d1 = varint();
    if (d0 == 0 || d0 > lhs || d1 > lhs - d0)
      fail(file, at + 1, "AND " + std::to_string(k) + " reads a literal not below its own");
    g.ands.emplace_back(lhs - d0, lhs - d0 - d1);
  }
  if (binary && a > 0) ++at;  // the binary section counts as one line in messages
  for (uint64_t k = 0; k < a && !binary; ++k) {
    auto s = next_line("an AND line 'LHS RHS0 RHS1'");
    auto const lhs = read_literal(s, "the AND's literal");
    auto const r0 = read_literal(s, "the AND's first input");
    auto const r1 = read_literal(s, "the AND's second input");
    if (lhs != 2 * (i + k + 1))
      fail(file, at, "AND gates must define the literals 2(I+1), 2(I+2), ... in order");
    if (r0 >= lhs || r1 >= lhs) fail(file, at, "an AND may only read earlier literals");
    g.ands.emplace_back(r0, r1);
  }
  g.input_names.resize(i);
  g.output_names.resize(o);
  while (std::getline(in, line)) {
    ++at;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "c") break;
    if (line.size() < 3 || (line[0] != 'i' && line[0] != 'o'))
      fail(file, at, "expected a symbol 'iN NAME' or 'oN NAME', or 'c'");
    auto const space = line.find(' ');
    if (space == std::string::npos) fail(file, at, "expected a symbol 'iN NAME'");
    auto const digits = line.substr(1, space - 1);
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
      fail(file, at, "expected a symbol 'iN NAME' with a number N");
    auto const index = std::stoul(digits);
    auto& names = line[0] == 'i' ? g.input_names : g.output_names;
    if (index >= names.size()) fail(file, at, "symbol index out of range");
    names[index] = line.substr(space + 1);
  }
  for (size_t k = 0; k < g.input_names.size(); ++k)
    if (g.input_names[k].empty()) g.input_names[k] = "i[" + std::to_string(k) + "]";
  for (size_t k = 0; k < g.output_names.size(); ++k)
    if (g.output_names[k].empty()) g.output_names[k] = "o[" + std::to_string(k) + "]";
  return g;
}

circuit to_circuit(aig const& g) {
  // Buses in order of first appearance, bits placed by index.
  auto group = [](std::vector<std::string> const& names) {
    std::vector<std::pair<std::string, std::map<uint32_t, size_t>>> buses;
    for (size_t k = 0; k < names.size(); ++k) {
      auto const split = split_symbol(names[k]);  // not a structured binding: C++20 lambdas
      auto const& bus_name = split.first;         // cannot capture those (clang refuses)
      auto const bit = split.second;
      auto it = std::find_if(buses.begin(), buses.end(),
                             [&](auto const& b) { return b.first == bus_name; });
      if (it == buses.end()) it = buses.insert(buses.end(), {bus_name, {}});
      if (!it->second.emplace(bit, k).second)
        throw std::runtime_error("AIGER symbol " + names[k] + " appears twice");
    }
    for (auto const& [name, bits] : buses)
      if (bits.rbegin()->first + 1 != bits.size())
        throw std::runtime_error("AIGER bus " + name + " has gaps in its bit indices");
    return buses;
  };
  circuit c;
  std::vector<signal> sig(1 + g.num_inputs + g.ands.size(), const_false);
  for (auto const& [name, bits] : group(g.input_names)) {
    bus const b = c.create_input_bus(name, static_cast<unsigned>(bits.size()));
    for (auto const& [bit, k] : bits) sig[k + 1] = b.bits[bit];
  }
  auto of = [&](uint32_t l) { return sig[l / 2] ^ ((l & 1u) != 0); };
  for (size_t k = 0; k < g.ands.size(); ++k)
    sig[g.num_inputs + 1 + k] = c.create_and({of(g.ands[k].first), of(g.ands[k].second)});
  for (auto const& [name, bits] : group(g.output_names)) {
    std::vector<signal> out;
    for (auto const& [bit, k] : bits) out.push_back(of(g.outputs[k]));
    c.add_output_bus(name, out);
  }
  return c;
}

}  // namespace tc0
