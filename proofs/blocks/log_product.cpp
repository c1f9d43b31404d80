#include "proofs/blocks/log_product.hpp"

#include "proofs/blocks/residue.hpp"

namespace tc0 {
std::vector<signal> create_log_lookup(circuit& c,
                                      std::vector<std::pair<signal, unsigned>> const& entries,
                                      unsigned width) {
  std::vector<signal> bits;
  for (unsigned b = 0; b < width; ++b) {
    std::vector<signal> with_bit;
    for (auto [literal, log] : entries)
      if ((log >> b) & 1u) with_bit.push_back(literal);
    bits.push_back(c.create_or(std::move(with_bit)));
  }
  return bits;
}

log_product create_log_product(construction& k, std::string const& prefix, crt_plan const& plan,
                               std::vector<std::vector<bus>> const& logs,
                               std::vector<signal> const& zero, log_product_faults faults) {
  auto& c = k.c;
  auto const& primes = plan.primes;
  auto const qname = [&](size_t a) { return std::to_string(primes[a].q); };
  // log_sums: E_q one-hot at the sum of the logs modulo q - 1
  std::vector<bus> log_buses;
  for (auto const& ls : logs) log_buses.insert(log_buses.end(), ls.begin(), ls.end());
  c.begin_stage(prefix + "log_sums", log_buses);
  linear_spec log_spec;
  log_spec.description = "E_q one-hot at (sum_i l_(i,q)) mod (q - 1)";
  std::vector<bus> E(primes.size());
  for (size_t a = 0; a < primes.size(); ++a) {
    std::vector<signal> lits;
    std::vector<big_int> weights;
    linear_expr log_sum;
    for (auto const& l : logs[a]) {
      for (unsigned b = 0; b < l.bits.size(); ++b)
        lits.push_back(l.bits[b]), weights.push_back(pow2(b));
      log_sum.add(linear_expr::value_of(l.bits));
    }
    E[a] = bus{prefix + "E" + qname(a), create_residue_one_hot(c, lits, weights, primes[a].q - 1)};
    log_spec.one_hot_residue("log " + qname(a), E[a].bits, log_sum);
  }
  c.end_stage(E);
  log_product out;
  out.sums = k.add_stage_spec(std::move(log_spec));
  std::vector<bus> log_outputs = E;
  for (size_t a = 0; a < primes.size(); ++a)
    log_outputs.push_back(bus{prefix + "z" + qname(a), {zero[a]}});

  // exp_tables: the circuit looks each residue v up by its log (P_q[v] reads E_q[log v]); the
  // specification states the table the other way round, by powers of the generator
  // (P_q[g^w mod q] = E_q[w] AND NOT z_q), so a wrongly wired entry disagrees with it instead of
  // being transcribed into it. The discrete_logs step checks that log and exp are inverse.
  c.begin_stage(prefix + "exp_tables", log_outputs);
  std::vector<bus> P(primes.size());
  for (size_t a = 0; a < primes.size(); ++a) {
    auto const& pr = primes[a];
    P[a] = bus{prefix + "P" + qname(a), {zero[a]}};
    for (unsigned v = 1; v < pr.q; ++v) {
      unsigned const read = faults.swap_exp_entries && pr.q > 3 && (v == 2 || v == 3) ? 5 - v : v;
      P[a].bits.push_back(c.create_and({E[a].bits[pr.log[read]], !zero[a]}));
    }
  }
  c.end_stage(P);
  linear_spec exp_spec;
  exp_spec.description = "P_q[g^w mod q] = E_q[w] AND NOT z_q, P_q[0] = z_q";
  for (size_t a = 0; a < primes.size(); ++a) {
    auto const& pr = primes[a];
    for (unsigned w = 0; w + 1 < pr.q; ++w) {
      auto const v = pr.exp[w];
      exp_spec.is_nonnegative(
          "P" + qname(a) + "[" + std::to_string(v) + "]", P[a].bits.at(v),
          linear_expr::of(E[a].bits[w]).add(linear_expr::of(!zero[a])).add_constant(-2));
    }
  }
  out.tables = k.add_stage_spec(std::move(exp_spec));
  out.P = std::move(P);
  return out;
}

}  // namespace tc0
