// Benchmark for issue 4 (not a test: times depend on the machine): the float lemmas' circuits
// against the exact Boost.Multiprecision reference (the specification's twin: exact integers
// and round_p) on every pair of valid floats, at the paper's exponent range (k = 0).
// Only valid encodings are enumerated (each operand's input positions take the values of
// valid_floats, core/float_format.hpp): (2 * 2^(p+1) * 2^(p-1) + 1)^2 pairs, 4.2 million at
// p = 5, in three parts (see main) ordered so that the significands stay fixed within a block. The
// unit tests and `tc0check check` run every input pattern where that fits. Usage:
// float_exhaustive_bench [max p, default 5] [threads, default 2] [lemma, default all]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>

#include "core/check_by_simulation.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

namespace {

using domain = simulation_check_params::input_domain;

// One operand's input positions in pack() order (magnitude, biased exponent, sign), split into
// the significand's positions and the rest, and its valid values: the zero, and the non-zero
// floats as a product of significands and (exponent, sign) pairs (checked: every pair is valid).
struct operand {
  domain whole_zero, whole_nonzero, significand, exponent_and_sign;
};

operand valid_operand(circuit const& c, std::string const& name, float_format const& f) {
  std::map<uint32_t, uint32_t> position;  // input node -> its position among the inputs
  for (uint32_t i = 0; i < c.input_nodes().size(); ++i) position[c.input_nodes()[i]] = i;
  auto const x = input_float(c, name);
  operand o;
  for (auto const* b : {&x.magnitude, &x.exponent, &x.sign})
    for (auto s : b->bits) {
      o.whole_zero.positions.push_back(position.at(s.index()));
      (b == &x.magnitude ? o.significand : o.exponent_and_sign)
          .positions.push_back(position.at(s.index()));
    }
  o.whole_nonzero.positions = o.whole_zero.positions;
  std::set<uint64_t> significands, rest;
  for (auto const& v : valid_floats(f)) {
    auto const packed = pack(f, v).convert_to<uint64_t>();
    if (v == zero_of(f)) {
      o.whole_zero.values.push_back(domain::ones_of(packed));
      continue;
    }
    o.whole_nonzero.values.push_back(domain::ones_of(packed));
    significands.insert(packed & ((uint64_t{1} << f.p) - 1));
    rest.insert(packed >> f.p);
  }
  if (significands.size() * rest.size() != o.whole_nonzero.values.size())
    throw std::logic_error(
        "the non-zero valid floats are not a product of significands and "
        "(exponent, sign) pairs");
  for (auto v : significands) o.significand.values.push_back(domain::ones_of(v));
  for (auto v : rest) o.exponent_and_sign.values.push_back(domain::ones_of(v));
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned const max_p = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 5;
  unsigned const threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 2;
  char const* const only = argc > 3 ? argv[3] : nullptr;
  auto const benched = {"float.compare", "float.mul", "float.add", "float.div"};
  if (only && std::none_of(benched.begin(), benched.end(),
                           [&](char const* n) { return std::strcmp(n, only) == 0; })) {
    std::fprintf(stderr,
                 "unknown lemma %s: one of float.compare, float.mul, float.add, float.div\n", only);
    return 2;
  }
  int status = 0;
  std::printf("%-14s %3s %12s %9s  %s\n", "lemma", "p", "valid pairs", "seconds", "result");
  for (auto const* name : benched)
    for (unsigned p = 2; p <= max_p; ++p) {
      if (only && std::strcmp(only, name) != 0) continue;
      auto const& l = find_lemma(name);
      parameters const params{{"p", p}, {"k", 0}};
      auto const built = l.build(params);
      auto const f = format_of(params);
      auto const a = valid_operand(built.c, "a", f), b = valid_operand(built.c, "b", f);
      auto const spec = l.specification(built.c, params);
      // Three parts: 0 op (every valid b), (non-zero a) op 0, and non-zero by non-zero with the
      // exponents and signs as the fastest digits, so that a block of patterns (512 lanes)
      // holds both significands fixed and the simulator evaluates the significands' part of
      // the circuit (all of float.div's divider) once per 32 blocks at p = 5 (simulation_cache,
      // core/simulate.hpp).
      domain b_all = b.whole_zero;  // the zero, then the non-zero floats
      b_all.values.insert(b_all.values.end(), b.whole_nonzero.values.begin(),
                          b.whole_nonzero.values.end());
      std::vector<std::vector<domain>> const parts{
          {a.whole_zero, b_all},
          {a.whole_nonzero, b.whole_zero},
          {a.exponent_and_sign, b.exponent_and_sign, a.significand, b.significand}};
      simulation_check_stats stats;
      std::optional<simulation_failure> failure;
      for (auto const& part : parts) {
        if (failure) break;
        simulation_check_params sp;
        sp.exhaustive_max_input_bits = 24;
        sp.threads = threads;
        sp.domains = part;
        simulation_check_stats part_stats;
        failure = check_exhaustive(built.c, spec, sp, &part_stats);
        stats.patterns_checked += part_stats.patterns_checked;
        stats.patterns_skipped += part_stats.patterns_skipped;
        stats.seconds += part_stats.seconds;
      }
      std::printf("%-14s %3u %12llu %9.2f  %s\n", name, p,
                  static_cast<unsigned long long>(stats.patterns_checked), stats.seconds,
                  failure ? ("FAILS: clause " + failure->clause).c_str() : "agree on every pair");
      // the three parts cover every valid pair once
      auto const valid = a.whole_zero.values.size() + a.whole_nonzero.values.size();
      if (stats.patterns_checked + stats.patterns_skipped != valid * valid) {
        std::printf(
            "  the parts enumerated %llu pairs, not the %llu valid ones\n",
            static_cast<unsigned long long>(stats.patterns_checked + stats.patterns_skipped),
            static_cast<unsigned long long>(valid * valid));
        status = 1;
      }
      if (stats.patterns_skipped != 0) {
        std::printf("  %llu valid pairs violate the spec's preconditions\n",
                    static_cast<unsigned long long>(stats.patterns_skipped));
        status = 1;
      }
      std::fflush(stdout);
      if (failure) status = 1;
    }
  return status;
}
