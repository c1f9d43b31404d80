#include "proofs/blocks/iterated_product.hpp"

#include "proofs/blocks/crt_plan.hpp"
#include "proofs/blocks/crt_reconstruction.hpp"
#include "proofs/blocks/log_product.hpp"
#include "proofs/blocks/residue.hpp"

namespace tc0 {

block_output create_iterated_product(construction& k, std::string const& prefix,
                                     std::vector<bus> const& x, size_t input_count,
                                     crt_faults const& faults) {
  auto const n = static_cast<unsigned>(x.size());
  unsigned m = 0;
  for (auto const& b : x) m = std::max(m, static_cast<unsigned>(b.bits.size()));
  std::vector<linear_expr> factors;
  for (auto const& b : x) factors.push_back(linear_expr::value_of(b.bits));
  linear_expr value;
  value.add_product(1, std::move(factors));
  auto const plan = faults.understate_bound
                        ? plan_crt_for_bound(boost::multiprecision::pow(pow2(m) - 2, n))
                        : plan_crt(n, m, faults.drop_primes);
  auto const& primes = plan.primes;
  auto& c = k.c;
  auto const factor = [&](unsigned i) { return x[i].name; };
  auto const qname = [&](size_t a) { return std::to_string(primes[a].q); };

  // 1. residues
  c.begin_stage(prefix + "residues", x);
  linear_spec residue_spec;
  residue_spec.description = "h_(i,q) one-hot at x_i mod q";
  std::vector<std::vector<bus>> h(primes.size());  // h[a][i]
  for (size_t a = 0; a < primes.size(); ++a)
    for (unsigned i = 0; i < n; ++i)
      h[a].push_back(
          bus{prefix + "h" + std::to_string(i) + "_" + qname(a),
              create_binary_residue(c, residue_spec, x[i].bits, primes[a].q, factor(i))});
  std::vector<bus> all_h;
  for (auto const& hs : h) all_h.insert(all_h.end(), hs.begin(), hs.end());
  c.end_stage(all_h);
  k.add_stage_spec(std::move(residue_spec));

  // 2. log_tables: the zero flags, and each residue's discrete log in binary (an OR per bit
  // over the one-hot residue: the table is wiring plus one OR layer)
  c.begin_stage(prefix + "log_tables", all_h);
  linear_spec table_spec;
  table_spec.description = "z_q = [some residue is 0], l_(i,q) = log_g(h_(i,q)) in binary";
  for (size_t a = 0; a < primes.size(); ++a)
    for (unsigned i = 0; i < n; ++i)
      table_spec.require_at_most_one("h" + std::to_string(i) + "_" + qname(a), h[a][i].bits);
  std::vector<signal> zero(primes.size());
  std::vector<std::vector<bus>> logs(primes.size());
  std::vector<bus> table_outputs;
  for (size_t a = 0; a < primes.size(); ++a) {
    auto const& pr = primes[a];
    unsigned const width = width_for(pr.q > 2 ? pr.q - 2 : 0);
    std::vector<signal> zeros;
    linear_expr zero_count = linear_expr{}.add_constant(-1);
    for (unsigned i = 0; i < n; ++i) {
      zeros.push_back(h[a][i].bits[0]);
      zero_count.add_term(1, h[a][i].bits[0]);
      std::vector<std::pair<signal, unsigned>> entries;
      linear_expr log_value;
      for (unsigned u = 1; u < pr.q; ++u) {
        bool const broken = faults.wrong_log_entry && a + 1 == primes.size() && u == 2;
        entries.emplace_back(h[a][i].bits[u], broken ? (pr.log[u] + 1) % (pr.q - 1) : pr.log[u]);
        log_value.add_term(pr.log[u], h[a][i].bits[u]);
      }
      auto const bits = create_log_lookup(c, entries, width);
      auto const name = prefix + "l" + std::to_string(i) + "_" + qname(a);
      table_spec.equals(name, bits, std::move(log_value));
      logs[a].push_back(bus{name, bits});
      table_outputs.push_back(logs[a].back());
    }
    zero[a] = c.create_or(zeros);
    table_spec.is_nonnegative("zero " + qname(a), zero[a], zero_count);
    table_outputs.push_back(bus{prefix + "z" + qname(a), {zero[a]}});
  }
  c.end_stage(table_outputs);
  auto const table_stage = k.add_stage_spec(std::move(table_spec));

  // 3-4. log_sums, exp_tables
  auto const product = create_log_product(k, prefix, plan, logs, zero, {faults.swap_exp_entries});

  composition_step dlog{.name = prefix + "discrete_logs"};
  dlog.theorem =
      "for each prime q with primitive root g: if no residue is 0, prod_i r_i = g^(sum_i log r_i "
      "mod (q - 1)) mod q (Fermat's little theorem), else it is 0; with the residues, log_sums "
      "and exp_tables stage specifications, P_q is one-hot at prod_i x_i mod q";
  dlog.check = [plan]() -> std::optional<certified_failure> {
    for (auto const& pr : plan.primes)
      if (auto f = check_discrete_logs(pr)) return certified_failure{*f, std::nullopt};
    return std::nullopt;
  };
  auto const dlog_step = k.add_step(std::move(dlog));

  // back to binary (log_tables, log_sums and exp_tables make every P_q one-hot)
  return create_crt_reconstruction(k, prefix, plan, product.P,
                                   {table_stage, product.sums, product.tables}, dlog_step,
                                   input_count, {.value = value});
}

}  // namespace tc0
