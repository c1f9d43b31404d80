#include "proofs/blocks/power.hpp"

#include "proofs/blocks/crt_plan.hpp"
#include "proofs/blocks/crt_reconstruction.hpp"
#include "proofs/blocks/residue.hpp"

namespace tc0 {
namespace {

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

}  // namespace

block_output create_power(construction& k, std::string const& prefix, bus const& x,
                          unsigned exponent, size_t input_count) {
  auto const m = static_cast<unsigned>(x.bits.size());
  auto const plan = plan_crt(exponent, m);
  auto& c = k.c;

  // residues
  c.begin_stage(prefix + "residues", {x});
  linear_spec residue_spec;
  residue_spec.description = "h_q one-hot at x mod q";
  std::vector<bus> h;
  for (auto const& pr : plan.primes)
    h.push_back(bus{prefix + "h" + std::to_string(pr.q),
                    create_binary_residue(c, residue_spec, x.bits, pr.q, "x")});
  c.end_stage(h);
  auto const residue_stage = k.add_stage_spec(std::move(residue_spec));

  // power_tables
  c.begin_stage(prefix + "power_tables", h);
  linear_spec table_spec;
  table_spec.description = "P_q[w] = sum of h_q[v] over v^k = w mod q";
  std::vector<std::vector<unsigned>> tables;
  std::vector<bus> P;
  for (size_t a = 0; a < plan.primes.size(); ++a) {
    auto const q = plan.primes[a].q;
    auto const qs = std::to_string(q);
    table_spec.require_at_most_one("h" + qs, h[a].bits);
    tables.push_back(power_table(q, exponent));
    bus out{prefix + "P" + qs, {}};
    for (unsigned w = 0; w < q; ++w) {
      std::vector<signal> preimages;
      for (unsigned v = 0; v < q; ++v)
        if (tables[a][v] == w) preimages.push_back(h[a].bits[v]);
      out.bits.push_back(c.create_or(std::move(preimages)));
    }
    // the specification from the definition of v^k mod q, not from the table the circuit uses
    std::vector<linear_expr> count(q);
    for (unsigned v = 0; v < q; ++v)
      count[power_mod_by_definition(v, exponent, q)].add_term(1, h[a].bits[v]);
    for (unsigned w = 0; w < q; ++w)
      table_spec.equals("P" + qs + "[" + std::to_string(w) + "]", {out.bits[w]},
                        std::move(count[w]));
    P.push_back(std::move(out));
  }
  c.end_stage(P);
  auto const table_stage = k.add_stage_spec(std::move(table_spec));
  // every h_q is one-hot by the residues stage alone: naming it makes the implications of two
  // power blocks the same statement (proved by reference), where every earlier stage would not
  k.precondition_hypotheses[prefix + "power_tables"] = {{residue_stage}, {}};

  composition_step tables_step{.name = prefix + "power_tables"};
  tables_step.theorem =
      "x = v mod q implies x^k = v^k mod q; with the residues and power_tables stage "
      "specifications and every table entry checked, P_q is one-hot at x^k mod q";
  tables_step.check = [plan, tables, exponent]() -> std::optional<certified_failure> {
    for (size_t a = 0; a < plan.primes.size(); ++a)
      if (auto f = check_power_table(plan.primes[a].q, exponent, tables[a]))
        return certified_failure{*f, std::nullopt};
    return std::nullopt;
  };
  auto const tables_index = k.add_step(std::move(tables_step));

  // back to binary (the residues and power_tables stages make every P_q one-hot)
  linear_expr power;
  power.add_product(1, std::vector<linear_expr>(exponent, linear_expr::value_of(x.bits)));
  return create_crt_reconstruction(k, prefix, plan, P, {residue_stage, table_stage}, tables_index,
                                   input_count, {.value = power});
}

}  // namespace tc0
