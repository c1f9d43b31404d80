// Lemma int.iterated_mul — the product of n m-bit unsigned integers in constant depth, by the
// Chinese remainder theorem (Hesse, Allender and Barrington, JCSS 65 (2002); SPEC §3: genuine
// TC0, not a tree of multipliers).
//
// Claim: x_0 * ... * x_(n-1) has a threshold circuit of constant depth and polynomial size with
//   small weights (the integer engine under the paper's d_⊗ and, through powers, exp/sin/cos).
// Construction (proofs/blocks/crt_plan.hpp chooses the primes q with product M > (2^m - 1)^n):
//   1. residues:    one-hot h_(i,q) = x_i mod q, from sum_j (2^j mod q) x_ij (depth 3)
//   2. log_tables:  z_q = [some h_(i,q) is 0]; l_(i,q) = log_g(h_(i,q)) in binary (an OR per
//                   bit over the one-hot residue: the table is wiring; depth 1)
//   3. log_sums:    one-hot E_q = sum_i l_(i,q) mod (q - 1) (depth 3)
//   4. exp_tables:  one-hot P_q = product residue: P_q[0] = z_q, P_q[g^w] = E_q[w] AND NOT z_q
//                   (the exponentiation table is wiring; depth 1)
//   5-13. back to binary: the Chinese-remainder reconstruction
//                   (proofs/blocks/crt_reconstruction.hpp: each prime's CRT term selected, their
//                   sum T by the column-sum block, comparisons with multiples of M, one
//                   multiplexed offset, one adder; depth 17)
//   Depth 3 + 1 + 3 + 1 + 17 = 25 whatever n and m are (24 measured); size polynomial in n m
//   because every prime is O(n m) (the residues' sums stay below m q, the logs' below n q).
// Specification: value(product) = x_0 * ... * x_(n-1), stated as a product (never expanded).
// Obligations: every stage against its own specification (residue = x mod q; the log table
//   lookups and the zero flags; the log sum mod q - 1; the exponentiation table; the
//   reconstruction's stages) and the implications between them; composition in steps: (e) the
//   discrete-log tables (checked on every entry) with Fermat's little theorem give P_q =
//   prod_i x_i mod q, then the reconstruction's steps, the last of which, (f), checks the primes
//   (M > (2^m - 1)^n) and the CRT coefficients and cites the Chinese remainder theorem.
//   Monolithic miter at small sizes; simulation; S1 across n and m; S2 with degree <= 6
//   (derivation at degree_bound below).
// Expected: all proved; with a prime dropped, (f) is refuted with the all-ones input; with a
//   wrong log entry, stage log_tables is refuted.
#include "proofs/integer_iterated_multiplication.hpp"

#include "proofs/blocks/crt_plan.hpp"
#include "proofs/blocks/crt_reconstruction.hpp"
#include "proofs/blocks/log_product.hpp"
#include "proofs/blocks/residue.hpp"
#include "proofs/lemmas.hpp"

namespace tc0 {
namespace {

std::string factor(unsigned i) {
  return "x" + std::to_string(i);
}

unsigned product_width(unsigned n, unsigned m) {
  return width_for(boost::multiprecision::pow(pow2(m) - 1, n));
}

linear_spec spec_iterated_multiplication(circuit const& c, parameters const& p) {
  linear_spec s;
  s.description = "product = x0 * ... * x(n-1)";
  std::vector<linear_expr> factors;
  for (unsigned i = 0; i < param(p, "n"); ++i)
    factors.push_back(linear_expr::value_of(input_bits(c, factor(i))));
  linear_expr rhs;
  rhs.add_product(1, std::move(factors));
  s.equals("product", output_bits(c, "product"), std::move(rhs));
  return s;
}

}  // namespace

construction build_iterated_multiplication(parameters const& p, crt_faults const& faults) {
  auto const n = param(p, "n"), m = param(p, "m");
  auto const plan = plan_crt(n, m, faults.drop_primes);
  auto const& primes = plan.primes;
  construction k;
  k.compose_all_stages = false;  // the composition steps below reach the lemma
  auto& c = k.c;
  std::vector<bus> x;
  for (unsigned i = 0; i < n; ++i) x.push_back(c.create_input_bus(factor(i), m));
  auto const qname = [&](size_t a) { return std::to_string(primes[a].q); };

  // 1. residues
  c.begin_stage("residues", x);
  linear_spec residue_spec;
  residue_spec.description = "h_(i,q) one-hot at x_i mod q";
  std::vector<std::vector<bus>> h(primes.size());  // h[a][i]
  for (size_t a = 0; a < primes.size(); ++a)
    for (unsigned i = 0; i < n; ++i)
      h[a].push_back(
          bus{"h" + std::to_string(i) + "_" + qname(a),
              create_binary_residue(c, residue_spec, x[i].bits, primes[a].q, factor(i))});
  std::vector<bus> all_h;
  for (auto const& hs : h) all_h.insert(all_h.end(), hs.begin(), hs.end());
  c.end_stage(all_h);
  k.stage_specs.push_back(std::move(residue_spec));

  // 2. log_tables: the zero flags, and each residue's discrete log in binary (an OR per bit
  // over the one-hot residue: the table is wiring plus one OR layer)
  c.begin_stage("log_tables", all_h);
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
      auto const name = "l" + std::to_string(i) + "_" + qname(a);
      table_spec.equals(name, bits, std::move(log_value));
      logs[a].push_back(bus{name, bits});
      table_outputs.push_back(logs[a].back());
    }
    zero[a] = c.create_or(zeros);
    table_spec.is_nonnegative("zero " + qname(a), zero[a], zero_count);
    table_outputs.push_back(bus{"z" + qname(a), {zero[a]}});
  }
  c.end_stage(table_outputs);
  k.stage_specs.push_back(std::move(table_spec));

  // 3-4. log_sums, exp_tables
  auto const P = create_log_product(k, plan, logs, zero);

  composition_step dlog{"discrete_logs", {}, {}, {}, {}, {}};
  dlog.theorem =
      "for each prime q with primitive root g: if no residue is 0, prod_i r_i = g^(sum_i log r_i "
      "mod (q - 1)) mod q (Fermat's little theorem), else it is 0; with the residues, log_sums "
      "and exp_tables stage specifications, P_q is one-hot at prod_i x_i mod q";
  dlog.check = [plan]() -> std::optional<certified_failure> {
    for (auto const& pr : plan.primes)
      if (auto f = check_discrete_logs(pr)) return certified_failure{*f, std::nullopt};
    return std::nullopt;
  };
  k.composition.push_back(std::move(dlog));

  // 5-12. back to binary (stages 1-3 make every P_q one-hot)
  auto out =
      create_crt_reconstruction(k, plan, P, {1, 2, 3}, "discrete_logs", static_cast<size_t>(n) * m);
  out.resize(product_width(n, m), const_false);
  c.add_output_bus("product", out);

  return k;
}

lemma integer_iterated_multiplication_lemma() {
  lemma l;
  l.name = "int.iterated_mul";
  l.title = "iterated multiplication of n m-bit unsigned integers (Chinese remainders)";
  l.paper_ref =
      "integer core of d_⊗ (float iterated multiplication) and of powers in exp, sin, cos";
  l.claim = "product = x0 * ... * x(n-1) exactly, in constant depth and polynomial size";
  l.parameter_names = {"n", "m"};
  l.validate = [](parameters const& p) {
    require_range(p, "n", 1, 64);
    require_range(p, "m", 1, 64);
  };
  l.interface = [](parameters const& p) {
    auto const n = param(p, "n"), m = param(p, "m");
    std::vector<bus_decl> d;
    for (unsigned i = 0; i < n; ++i) d.push_back({factor(i), m, true});
    d.push_back({"product", product_width(n, m), false});
    return d;
  };
  l.build = [](parameters const& p) { return build_iterated_multiplication(p, {}); };
  l.specification = spec_iterated_multiplication;
  l.depth_bound = 25;
  // Polynomial, but not small: with ~n m / ln(n m) primes of size O(n m), the CRT sum has
  // O((n m)^2) rows of O(n m) bits, and its column counts (H threshold gates of fan-in H per
  // column of height H) reach MAJ-normalised size O((n m)^5); the log sums cost O(n^2 q^2) per
  // prime, O(n^5 m^3) in all. Gate counts grow about quadratically at the sizes measured.
  l.degree_bound = 6;
  l.monolithic_max_input_bits = 12;
  l.default_sweeps.resize(2);
  for (unsigned n : {2u, 4u, 6u, 8u}) l.default_sweeps[0].push_back({{"n", n}, {"m", 4}});
  for (unsigned m : {2u, 4u, 6u, 8u}) l.default_sweeps[1].push_back({{"n", 4}, {"m", m}});
  return l;
}

}  // namespace tc0
