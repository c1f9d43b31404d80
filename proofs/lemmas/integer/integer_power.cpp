// Lemma int.power — x^k for an m-bit unsigned integer x, in constant depth (the special case of
// iterated multiplication the series for exp, sin, cos and division need).
//
// Claim: x^k has a threshold circuit of constant depth and polynomial size in k m with small
//   weights.
// Construction (primes from proofs/blocks/crt_plan.hpp with product M > (2^m - 1)^k):
//   1. residues:      one-hot h_q = x mod q (depth 3)
//   2. power_tables:  one-hot P_q[w] = OR of h_q[v] over the v with v^k = w mod q (the table is
//                     wiring plus one OR layer; no discrete logarithms needed, depth 1)
//   3-11. the Chinese-remainder reconstruction (proofs/blocks/crt_reconstruction.hpp, depth 17)
//   Depth 3 + 1 + 17 = 21 whatever k and m are.
// Specification: value(power) = x * ... * x (k factors), stated as a product.
// Obligations: the stages, their preconditions, the reconstruction's composition steps, and the
//   certified step power_tables: every table entry is checked against v^k mod q computed by
//   repeated multiplication, and x = v mod q implies x^k = v^k mod q (congruence is
//   multiplicative). Monolithic miter at small sizes; exhaustive simulation; S1 and S2.
// Expected: all proved.
#include "proofs/blocks/crt_plan.hpp"
#include "proofs/blocks/crt_reconstruction.hpp"
#include "proofs/blocks/residue.hpp"
#include "proofs/lemmas/lemmas.hpp"

namespace tc0 {
namespace {

unsigned power_width(unsigned k, unsigned m) {
  return width_for(boost::multiprecision::pow(pow2(m) - 1, k));
}

// table[v] = v^k mod q by square-and-multiply (the certified check recomputes it naively)
std::vector<unsigned> power_table(unsigned q, unsigned k) {
  std::vector<unsigned> table(q);
  for (unsigned v = 0; v < q; ++v) {
    uint64_t result = 1 % q, base = v, e = k;
    for (; e > 0; e >>= 1, base = base * base % q)
      if (e & 1) result = result * base % q;
    table[v] = static_cast<unsigned>(result);
  }
  return table;
}

// v^k mod q by k multiplications: the definition, for the specification and the check
unsigned power_mod_by_definition(unsigned v, unsigned k, unsigned q) {
  uint64_t r = 1 % q;
  for (unsigned i = 0; i < k; ++i) r = r * v % q;
  return static_cast<unsigned>(r);
}

std::optional<std::string> check_power_table(unsigned q, unsigned k,
                                             std::vector<unsigned> const& table) {
  for (unsigned v = 0; v < q; ++v) {
    auto const expected = power_mod_by_definition(v, k, q);
    if (table.at(v) != expected)
      return "power table mod " + std::to_string(q) + ": entry " + std::to_string(v) + " is " +
             std::to_string(table[v]) + ", not " + std::to_string(expected);
  }
  return std::nullopt;
}

construction build_power(parameters const& p) {
  auto const k_exp = param(p, "k"), m = param(p, "m");
  auto const plan = plan_crt(k_exp, m);
  construction k;
  auto& c = k.c;
  auto const x = c.create_input_bus("x", m);

  // 1. residues
  c.begin_stage("residues", {x});
  linear_spec residue_spec;
  residue_spec.description = "h_q one-hot at x mod q";
  std::vector<bus> h;
  for (auto const& pr : plan.primes)
    h.push_back(
        bus{"h" + std::to_string(pr.q), create_binary_residue(c, residue_spec, x.bits, pr.q, "x")});
  c.end_stage(h);
  k.stage_specs.push_back(std::move(residue_spec));

  // 2. power_tables
  c.begin_stage("power_tables", h);
  linear_spec table_spec;
  table_spec.description = "P_q[w] = sum of h_q[v] over v^k = w mod q";
  std::vector<std::vector<unsigned>> tables;
  std::vector<bus> P;
  for (size_t a = 0; a < plan.primes.size(); ++a) {
    auto const q = plan.primes[a].q;
    auto const qs = std::to_string(q);
    table_spec.require_at_most_one("h" + qs, h[a].bits);
    tables.push_back(power_table(q, k_exp));
    bus out{"P" + qs, {}};
    for (unsigned w = 0; w < q; ++w) {
      std::vector<signal> preimages;
      for (unsigned v = 0; v < q; ++v)
        if (tables[a][v] == w) preimages.push_back(h[a].bits[v]);
      out.bits.push_back(c.create_or(std::move(preimages)));
    }
    // the specification from the definition of v^k mod q, not from the table the circuit uses
    std::vector<linear_expr> count(q);
    for (unsigned v = 0; v < q; ++v)
      count[power_mod_by_definition(v, k_exp, q)].add_term(1, h[a].bits[v]);
    for (unsigned w = 0; w < q; ++w)
      table_spec.equals("P" + qs + "[" + std::to_string(w) + "]", {out.bits[w]},
                        std::move(count[w]));
    P.push_back(std::move(out));
  }
  c.end_stage(P);
  k.stage_specs.push_back(std::move(table_spec));

  composition_step tables_step{.name = "power_tables"};
  tables_step.theorem =
      "x = v mod q implies x^k = v^k mod q; with the residues and power_tables stage "
      "specifications and every table entry checked, P_q is one-hot at x^k mod q";
  tables_step.check = [plan, tables, k_exp]() -> std::optional<certified_failure> {
    for (size_t a = 0; a < plan.primes.size(); ++a)
      if (auto f = check_power_table(plan.primes[a].q, k_exp, tables[a]))
        return certified_failure{*f, std::nullopt};
    return std::nullopt;
  };
  k.composition.push_back(std::move(tables_step));

  // 3-10. back to binary (stages 0 and 1 make every P_q one-hot)
  linear_expr power;
  power.add_product(1, std::vector<linear_expr>(k_exp, linear_expr::value_of(x.bits)));
  auto out = create_crt_reconstruction(k, plan, P, {0, 1}, "power_tables", m, {.value = power});
  k.output_hypotheses = {.steps = {k.composition.size() - 1}};  // chinese_remainder: Y = x^k
  out.resize(power_width(k_exp, m), const_false);
  c.add_output_bus("power", out);
  return k;
}

linear_spec spec_power(circuit const& c, parameters const& p) {
  linear_spec s;
  s.description = "power = x^k";
  std::vector<linear_expr> factors(param(p, "k"), linear_expr::value_of(input_bits(c, "x")));
  linear_expr rhs;
  rhs.add_product(1, std::move(factors));
  s.equals("power", output_bits(c, "power"), std::move(rhs));
  return s;
}

}  // namespace

lemma integer_power_lemma() {
  lemma l;
  l.name = "int.power";
  l.title = "x^k for an m-bit unsigned integer (Chinese remainders, power tables)";
  l.paper_ref = "integer core of the truncated series for exp, sin, cos and of division";
  l.claim = "power = x^k exactly, in constant depth and polynomial size";
  l.parameter_table = {{"k", 1, 64}, {"m", 1, 64}};
  l.interface = [](parameters const& p) {
    return std::vector<bus_decl>{{"x", param(p, "m"), true},
                                 {"power", power_width(param(p, "k"), param(p, "m")), false}};
  };
  l.build = build_power;
  l.specification = spec_power;
  l.depth_bound = 21;
  // The reconstruction dominates as in int.iterated_mul (O((k m)^5) MAJ size at most); the
  // residue and table stages are O(k m) primes times O(m q) and O(q^2).
  l.degree_bound = 6;
  l.monolithic_max_input_bits = 8;
  l.self_check_size = {{"k", 3}, {"m", 4}};
  l.default_sweeps = {sweep({{"m", 4}}, "k", {2, 4, 6, 8}), sweep({{"k", 4}}, "m", {2, 4, 6, 8})};
  return l;
}

}  // namespace tc0
