#include "encodings/prove.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/check_by_simulation.hpp"
#include "core/deadline.hpp"
#include "encodings/circuit_encoder.hpp"
#include "encodings/encode_linear.hpp"
#include "encodings/prove_by_bounds.hpp"
#include "encodings/prove_by_enumeration.hpp"
#include "encodings/prove_by_factoring.hpp"
#include "encodings/prove_by_rewriting.hpp"

namespace tc0 {
namespace {

// Time and effort of a finished check, shared by both query kinds.
void record_solver_effort(z3::solver& s, query_outcome& out, double seconds);

// The per-query time limit. Z3's own `timeout` parameter runs a scoped_timer that can deadlock
// in Z3 4.8.10..4.8.12 (Debian 12 ships 4.8.12; Z3Prover/z3#5369, #5990): a run here slept on a
// futex with no CPU time for minutes, another overran its limit tenfold. A thread of ours
// interrupts the context instead, and keeps interrupting it every 50 ms until the query returns.
// A single interrupt was not always enough: twice, under heavy load, a test query with a 1 ms
// limit ran on for 5 and 18 minutes (inside Z3's rewriter, by a backtrace); the cause, perhaps an
// interrupt that a later phase of the check does not see, was not pinned down.
class watchdog {
 public:
  watchdog(z3::context& ctx, unsigned timeout_ms)
      : thread_{[this, &ctx, timeout_ms] {
          std::unique_lock lock{mutex_};
          auto const done = [this] { return done_; };
          if (done_changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms), done)) return;
          fired_ = true;
          do ctx.interrupt();
          while (!done_changed_.wait_for(lock, std::chrono::milliseconds(50), done));
        }} {}
  ~watchdog() {
    {
      std::lock_guard lock{mutex_};
      done_ = true;
    }
    done_changed_.notify_one();
    thread_.join();
  }
  watchdog(watchdog const&) = delete;
  watchdog& operator=(watchdog const&) = delete;
  bool fired() {
    std::lock_guard lock{mutex_};
    return fired_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_changed_;
  bool done_ = false, fired_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

void write_smt2(z3::solver& s, std::string const& path) {
  if (path.empty()) return;
  std::ofstream out(path);
  if (!out) throw std::runtime_error("cannot write SMT-LIB2 file '" + path + "'");
  // unsat means the obligation holds; the logic is declared so that any SMT-LIB2 solver takes
  // the file (bit-vectors alone, or ALL where integers or reals appear)
  auto const text = s.to_smt2();
  bool const arithmetic =
      text.find(" Int)") != std::string::npos || text.find(" Real)") != std::string::npos;
  out << "; tc0check obligation: unsat = proved, sat = counterexample\n"
      << "(set-logic " << (arithmetic ? "ALL" : "QF_BV") << ")\n"
      << text;
}

template <class Check>
query_outcome timed_check(z3::solver& s, solver_params const& p, Check&& on_result) {
  // the query's own limit, shortened to what is left before a deadline in force (--timeout on
  // the whole obligation, --budget on the run: core/deadline.hpp)
  auto const timeout_ms = time_left_ms(p.timeout_ms);
  bool const deadline_first = current_deadline() && timeout_ms < p.timeout_ms;
  query_outcome out;
  if (deadline_passed()) throw deadline_reached(current_deadline()->why);
  if (p.rlimit > 0) {
    z3::params limits{s.ctx()};
    limits.set("rlimit", p.rlimit);
    s.set(limits);
  }
  auto const start = std::chrono::steady_clock::now();
  try {
    auto const r = [&] {
      watchdog limit{s.ctx(), timeout_ms};
      auto const answer = s.check();
      if (limit.fired()) return z3::unknown;
      return answer;
    }();
    auto const seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    record_solver_effort(s, out, seconds);
    auto second = p.second_opinion;  // it runs after Z3, with what is left
    if (auto const d = current_deadline(); d && (!second.deadline || d->when < *second.deadline))
      second.deadline = d->when;
    if (second.enabled)
      out.opinions.push_back(ask_second_solver(s.to_smt2(),
                                               r == z3::sat     ? "sat"
                                               : r == z3::unsat ? "unsat"
                                                                : "unknown",
                                               second));
    switch (r) {
      case z3::unsat:
        out.result = verdict::proved;
        break;
      case z3::unknown:
        out.result = verdict::unknown;
        if (seconds * 1000 < timeout_ms)
          out.note = "solver: " + s.reason_unknown();
        else if (deadline_first)
          throw deadline_reached(current_deadline()->why);
        else
          out.note = "solver: timeout (" + std::to_string(p.timeout_ms / 1000) + " s)";
        break;
      case z3::sat:
        on_result(out);
        break;
    }
  } catch (z3::exception const& e) {
    out.result = verdict::unknown;
    out.note = std::string("solver error: ") + e.msg();
  }
  return out;
}

void record_solver_effort(z3::solver& s, query_outcome& out, double seconds) {
  out.seconds = seconds;
  auto const st = s.statistics();
  for (unsigned i = 0; i < st.size(); ++i)
    if (st.key(i) == "rlimit count" && st.is_uint(i)) out.resource_count = st.uint_value(i);
}

}  // namespace

// About a quarter second of Z3 on the development machine (int.div's residue stage at m = 6
// used 155M units in 36 s); int.div's column-count clauses need about 65k.
constexpr unsigned quick_solver_rlimit = 1000000;

std::string solver_version() {
  unsigned major = 0, minor = 0, build = 0, revision = 0;
  Z3_get_version(&major, &minor, &build, &revision);
  return "Z3 " + std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(build);
}

query_outcome prove_circuit(circuit const& c, linear_spec const& spec, solver_params const& p,
                            std::vector<size_t> const& clauses) {
  std::vector<size_t> selected = clauses;
  if (selected.empty())
    for (size_t i = 0; i < spec.clauses.size(); ++i) selected.push_back(i);
  query_outcome enumerated;  // clauses proved by enumeration, and its time
  // SMT-LIB2 files and second opinions are requests for solver queries: no enumeration then
  if (p.enumerate_small_support && p.smt2_path.empty() && !p.second_opinion.enabled) {
    // the clauses together, else one by one (a batch's one-hot groups multiply); what is left
    // goes to the solver
    if (selected.size() > 1)
      if (auto r = prove_by_enumeration(c, spec, selected)) return *r;
    std::vector<size_t> left;
    for (auto i : selected) {
      double expected = 0;  // stays 0 where enumeration does not apply at all
      auto r = prove_by_enumeration(c, spec, {i}, quick_enumeration_ns, &expected);
      if (!r)
        if (auto f = prove_by_factoring(c, spec, i)) {
          enumerated.factored_clauses += 1, enumerated.seconds += f->seconds;
          continue;
        }
      if (!r && expected > 0 && expected <= slow_enumeration_ns) {
        // slow to enumerate: the solver first, under a small deterministic resource limit
        solver_params quick = p;
        quick.enumerate_small_support = false;
        quick.rlimit = quick_solver_rlimit;
        auto q = prove_circuit(c, spec, quick, {i});
        enumerated.seconds += q.seconds;
        if (q.result == verdict::refuted) return q;
        if (q.result == verdict::proved) continue;  // counted as a solver proof
        r = prove_by_enumeration(c, spec, {i}, slow_enumeration_ns);
      }
      if (r && r->result == verdict::refuted) return *r;
      if (r) enumerated.enumerated_clauses += 1, enumerated.seconds += r->seconds;
      if (!r) left.push_back(i);
    }
    if (left.empty()) {
      enumerated.result = verdict::proved;
      return enumerated;
    }
    selected = std::move(left);
  }
  for (auto i : selected)
    if (spec.clauses.at(i).kind == clause_kind::approximates ||
        spec.clauses.at(i).kind == clause_kind::computes) {
      enumerated.result = verdict::unknown;
      enumerated.note = no_smt_encoding(spec.clauses.at(i)).what();
      return enumerated;
    }
  z3::context ctx;
  circuit_encoder enc{ctx, c};
  literal_encoder lit = [&](signal s) { return enc.literal(s); };
  z3::solver s = spec.finite_domain_solver ? z3::solver{ctx, "QF_FD"} : z3::solver{ctx};
  for (auto const& [name, e] : spec.preconditions) s.add(encode_nonnegative_bv(ctx, e, lit));
  z3::expr_vector differs{ctx};
  linear_spec checked{spec.description, spec.preconditions, {}};
  for (auto i : selected) {
    differs.push_back(encode_clause_violation_bv(ctx, spec.clauses.at(i), lit));
    checked.clauses.push_back(spec.clauses.at(i));
  }
  s.add(z3::mk_or(differs));
  s.add(enc.take_definitions());
  write_smt2(s, p.smt2_path);

  auto out = timed_check(s, p, [&](query_outcome& out) {
    auto const model = s.get_model();
    std::vector<bool> inputs;
    for (auto n : c.input_nodes())
      inputs.push_back(model.eval(enc.literal(signal{n, false}), true).is_true());
    auto const values = simulate_pattern(c, inputs);
    auto const failing = first_failing_clause(checked, values);
    if (!preconditions_hold(checked, values) || !failing) {
      out.result = verdict::unknown;
      out.encoding_bug = true;
      out.note = "encoding bug: the solver's counterexample does not fail on the simulator";
      return;
    }
    out.result = verdict::refuted;
    out.inputs = std::move(inputs);
    out.failing_clause = *failing;
  });
  out.enumerated_clauses = enumerated.enumerated_clauses;
  out.factored_clauses = enumerated.factored_clauses;
  out.seconds += enumerated.seconds;
  return out;
}

namespace {

bool has_modular(linear_spec const& s) {
  for (auto const& c : s.clauses)
    if (c.modulus) return true;
  return false;
}

// Equations and congruences only: what rewriting can prove (encodings/prove_by_rewriting.hpp).
bool only_equations(linear_spec const& s) {
  for (auto const& c : s.clauses)
    if (c.kind != clause_kind::value_equals) return false;
  return !s.clauses.empty() && s.preconditions.empty();
}

query_outcome implication_query(std::vector<linear_spec const*> const& hypotheses,
                                linear_spec const& goal, solver_params const& p, bool reals) {
  z3::context ctx;
  int_encoder ie{ctx, reals, p.products_as_atoms};
  z3::solver s{ctx};
  for (auto const* h : hypotheses) {
    for (auto const& [name, e] : h->preconditions) s.add(ie.expr(e) >= 0);
    for (auto const& c : h->clauses) s.add(ie.clause(c));
  }
  z3::expr_vector g{ctx};
  for (auto const& [name, e] : goal.preconditions) g.push_back(ie.expr(e) >= 0);
  for (auto const& c : goal.clauses) g.push_back(ie.clause(c));
  s.add(!z3::mk_and(g));
  s.add(ie.bounds());
  write_smt2(s, p.smt2_path);
  return timed_check(s, p, [&](query_outcome& out) {
    if (reals) {  // a real model may be fractional: not a counterexample, only "not decided here"
      out.result = verdict::unknown;
      out.note = "not a consequence over the reals";
      return;
    }
    // No circuit to replay here: the model is replayed on the Boost twin instead, which must
    // satisfy every hypothesis and violate the goal.
    auto const model = s.get_model();
    // A model may give a monomial's variable a value its factors do not have: the abstraction
    // then, not the specifications, made the goal fail, and nothing was decided.
    for (auto const& [m, mu] : ie.monomial_variables()) {
      bool product = true;
      for (auto n : m)
        product = product && model.eval(ie.variables().at(n), true).get_numeral_int();
      if (model.eval(mu, true).get_numeral_int() != (product ? 1 : 0)) {
        out.result = verdict::unknown;
        out.note =
            "not decided: the solver's model needs a monomial to differ from the product "
            "of its factors (normalised products are abstracted linearly)";
        return;
      }
    }
    uint32_t max_node = 0;
    for (auto const& [n, x] : ie.variables()) max_node = std::max(max_node, n);
    std::vector<bool> values(max_node + 1, false);
    std::string assignment;
    for (auto const& [n, x] : ie.variables()) {
      values[n] = model.eval(x, true).get_numeral_int() != 0;
      if (values[n]) assignment += " n" + std::to_string(n);
    }
    for (auto const& a : ie.atoms())
      if (big_int(model.eval(a.variable, true).get_decimal_string(0)) != evaluate(a.term, values)) {
        out.result = verdict::unknown;
        out.note =
            "not decided: the solver's model gives a shifted term or product a value it does "
            "not have (they are opaque atoms in linear arithmetic)";
        return;
      }
    bool hypotheses_hold = true;
    for (auto const* h : hypotheses)
      hypotheses_hold =
          hypotheses_hold && preconditions_hold(*h, values) && !first_failing_clause(*h, values);
    bool const goal_holds = preconditions_hold(goal, values) && !first_failing_clause(goal, values);
    if (!hypotheses_hold || goal_holds) {
      out.result = verdict::unknown;
      out.encoding_bug = true;
      out.note =
          "encoding bug: the solver's model of the implication does not replay on the Boost twin";
      return;
    }
    out.result = verdict::refuted;
    out.note = "implication fails (replayed); true nodes:" + assignment;
  });
}

// The implication as a Boolean problem (one Boolean per node, sums in bit-vectors that cannot
// overflow): complete for 0/1 bits, and the better tool where the facts are Boolean structure
// (at most one of some ANDs) rather than arithmetic. Only an unsat answer is used (a proof);
// a model is not replayed here, so `sat` is reported as unknown.
query_outcome implication_query_bits(std::vector<linear_spec const*> const& hypotheses,
                                     linear_spec const& goal, solver_params const& p) {
  z3::context ctx;
  free_literals literals{ctx};
  auto const lit = literals.encoder();
  z3::solver s{ctx};
  for (auto const* h : hypotheses) {
    for (auto const& [name, e] : h->preconditions) s.add(encode_nonnegative_bv(ctx, e, lit));
    for (auto const& c : h->clauses) s.add(encode_clause_bv(ctx, c, lit));
  }
  z3::expr_vector violated{ctx};
  for (auto const& [name, e] : goal.preconditions)
    violated.push_back(!encode_nonnegative_bv(ctx, e, lit));
  for (auto const& c : goal.clauses) violated.push_back(encode_clause_violation_bv(ctx, c, lit));
  s.add(z3::mk_or(violated));
  write_smt2(s, p.smt2_path);
  return timed_check(s, p, [&](query_outcome& out) {
    out.result = verdict::unknown;
    out.note = "not a consequence of these hypotheses (Boolean encoding)";
  });
}

}  // namespace

namespace {

void add_effort(query_outcome& total, query_outcome const& part) {
  total.seconds += part.seconds;
  total.resource_count += part.resource_count;
  total.opinions.insert(total.opinions.end(), part.opinions.begin(), part.opinions.end());
}

// The whole implication: over the reals first, then over the integers.
// Rounding relations and float maxima are stated in bit-vectors only.
bool has_rounding(linear_spec const& s) {
  return std::any_of(s.clauses.begin(), s.clauses.end(), [](spec_clause const& c) {
    return c.kind == clause_kind::rounds_to || c.kind == clause_kind::maximum;
  });
}

query_outcome prove_arithmetic(std::vector<linear_spec const*> const& hypotheses,
                               linear_spec const& goal, solver_params const& p);

// Shifted terms (m 2^u) anywhere: opaque atoms in linear arithmetic, shifts in bit-vectors.
bool has_shifted_terms(linear_spec const& s) {
  bool shifted = false;
  auto look = [&](linear_expr const& e) { shifted = shifted || !e.shifts.empty(); };
  for (auto const& [name, e] : s.preconditions) look(e);
  for (auto const& c : s.clauses) c.for_each_expr(look);
  return shifted;
}

bool has_power_of_two_modulus(linear_spec const& s) {
  for (auto const& c : s.clauses)
    if (c.modulus && *c.modulus > 1 && (*c.modulus & (*c.modulus - 1)) == 0) return true;
  return false;
}

constexpr unsigned modular_bits_rlimit = 50'000'000;

// Rounding relations are bit-blasted; shifted terms (m 2^u) are tried in arithmetic, as opaque
// atoms, and bit-blasted when that does not settle them.
query_outcome prove_with_solvers(std::vector<linear_spec const*> const& hypotheses,
                                 linear_spec const& goal, solver_params const& p, bool rounding,
                                 bool shifted);

query_outcome prove_whole(std::vector<linear_spec const*> const& hypotheses,
                          linear_spec const& goal, solver_params const& p) {
  bool rounding = has_rounding(goal), shifted = has_shifted_terms(goal);
  for (auto const* h : hypotheses)
    rounding = rounding || has_rounding(*h), shifted = shifted || has_shifted_terms(*h);
  if (rounding) return prove_with_solvers(hypotheses, goal, p, rounding, shifted);
  // Solver-free methods first, where they apply: a proof is reported with its note and time.
  auto const start = std::chrono::steady_clock::now();
  auto proved_by = [&](std::string note) {
    query_outcome r;
    r.result = verdict::proved;
    r.note = std::move(note);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
  };
  // Equations and congruences by rewriting and normalisation: exact where it applies.
  std::string not_rewritten;  // why rewriting did not prove an equation
  if (only_equations(goal) && !shifted) {
    auto const rewritten = prove_by_rewriting(hypotheses, goal, p.timeout_ms / 1000.0);
    if (rewritten.proved) return proved_by(rewritten.note);
    not_rewritten = rewritten.note;
  }
  // A single inequality by bounding (encodings/prove_by_bounds.hpp, which says where it applies).
  if (!shifted)
    if (auto const bounded = prove_by_bounds(hypotheses, goal); bounded.proved)
      return proved_by(bounded.note);
  // The solvers; the time of the attempts above counts too (a failed rewriting of int.div's
  // Y_mod_q steps at m = 16 took about 16 s of the 18 s each step took).
  double const attempts =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto r = prove_with_solvers(hypotheses, goal, p, rounding, shifted);
  r.seconds += attempts;
  if (!not_rewritten.empty()) r.note += "; not by rewriting: " + not_rewritten;
  return r;
}

query_outcome prove_with_solvers(std::vector<linear_spec const*> const& hypotheses,
                                 linear_spec const& goal, solver_params const& p, bool rounding,
                                 bool shifted) {
  auto bits = [&](solver_params const& q) {
    auto r = implication_query_bits(hypotheses, goal, q);
    if (r.result == verdict::proved) r.note = "holds (bit-vector encoding)";
    return r;
  };
  if (rounding) return bits(p);
  if (shifted) {
    query_outcome r;  // stays empty when there is no arithmetic reading
    try {
      r = prove_arithmetic(hypotheses, goal, p);
      if (r.result == verdict::proved || r.result == verdict::refuted) return r;
    } catch (not_linear const&) {  // e.g. a product of two shifted terms: bit-vectors only
    }
    auto b = bits(p);
    add_effort(b, r);
    return b;
  }
  // A congruence modulo a power of two is truncation in bit-vectors: tried there first, under a
  // resource limit, then in arithmetic; so are steps that ask for it (bit_vectors_first).
  if (has_power_of_two_modulus(goal) || p.bit_vectors_first) {
    solver_params bounded = p;
    bounded.rlimit = modular_bits_rlimit;
    auto b = bits(bounded);
    if (b.result == verdict::proved) return b;
    auto r = prove_arithmetic(hypotheses, goal, p);
    add_effort(r, b);
    return r;
  }
  return prove_arithmetic(hypotheses, goal, p);
}

// Resource limits of the shortcut attempts (Z3 rlimit units; about 2.5 million per second
// here): a part tried from local hypotheses, and the relaxation over the reals.
constexpr unsigned local_part_rlimit = 5'000'000;
constexpr unsigned relaxation_rlimit = 40'000'000;

// Over the reals first, then over the integers.
query_outcome prove_arithmetic(std::vector<linear_spec const*> const& hypotheses,
                               linear_spec const& goal, solver_params const& p) {
  query_outcome relaxed;  // stays empty (no time, no effort) when the goal is modular
  if (!has_modular(goal)) {
    // Over the reals, modular hypotheses cannot be stated; leaving them out only weakens the
    // hypotheses, so a proof without them is a proof with them.
    std::vector<linear_spec> linear_parts;
    linear_parts.reserve(hypotheses.size());
    for (auto const* h : hypotheses) {
      linear_spec l{h->description, h->preconditions, {}};
      for (auto const& c : h->clauses)
        if (!c.modulus) l.clauses.push_back(c);
      linear_parts.push_back(std::move(l));
    }
    std::vector<linear_spec const*> linear_hyps;
    for (auto const& l : linear_parts) linear_hyps.push_back(&l);
    // The relaxation is a shortcut: when it does not answer soon, integers get the full budget.
    solver_params relaxed_p = p;
    relaxed_p.timeout_ms = std::max(1000u, p.timeout_ms / 4);
    relaxed_p.rlimit = relaxation_rlimit;
    relaxed = implication_query(linear_hyps, goal, relaxed_p, true);
    if (relaxed.result == verdict::proved) {
      relaxed.note = "holds over the reals with every bit in [0, 1], hence over 0/1 integers";
      return relaxed;
    }
  }
  auto r = implication_query(hypotheses, goal, p, false);
  if (r.result == verdict::proved) r.note = "holds in linear integer arithmetic";
  add_effort(r, relaxed);  // the time spent on the relaxation counts too
  return r;
}

// The nodes an expression or clause mentions, constants (node 0) left out.
std::set<uint32_t> nodes_of(linear_expr const& e, std::set<uint32_t> nodes = {}) {
  e.for_each_literal([&](signal s) {
    if (s.index() != 0) nodes.insert(s.index());
  });
  return nodes;
}

std::set<uint32_t> nodes_of(spec_clause const& c) {
  std::set<uint32_t> nodes;
  c.for_each_expr([&](linear_expr const& e) { nodes = nodes_of(e, std::move(nodes)); });
  for (auto s : c.out_bits)
    if (s.index() != 0) nodes.insert(s.index());
  return nodes;
}

bool within(std::set<uint32_t> const& inner, std::set<uint32_t> const& outer) {
  return std::includes(outer.begin(), outer.end(), inner.begin(), inner.end());
}

// The hypotheses that speak only of `nodes`.
linear_spec hypotheses_within(std::vector<linear_spec const*> const& hypotheses,
                              std::set<uint32_t> const& nodes) {
  linear_spec local{"local hypotheses", {}, {}};
  for (auto const* h : hypotheses) {
    for (auto const& pre : h->preconditions)
      if (within(nodes_of(pre.second), nodes)) local.preconditions.push_back(pre);
    for (auto const& c : h->clauses)
      if (within(nodes_of(c), nodes)) local.clauses.push_back(c);
  }
  return local;
}

// The goal's nodes and those of every hypothesis that mentions one of them (one step out),
// or nothing when that grows past `limit` nodes (then the neighbourhood is the whole problem).
std::optional<std::set<uint32_t>> neighbourhood(std::vector<linear_spec const*> const& hypotheses,
                                                std::set<uint32_t> const& goal_nodes,
                                                size_t limit) {
  auto nodes = goal_nodes;
  auto touches = [&](std::set<uint32_t> const& n) {
    return std::any_of(n.begin(), n.end(), [&](uint32_t x) { return goal_nodes.count(x) > 0; });
  };
  for (auto const* h : hypotheses) {
    for (auto const& pre : h->preconditions)
      if (auto n = nodes_of(pre.second); touches(n)) nodes.insert(n.begin(), n.end());
    for (auto const& c : h->clauses)
      if (auto n = nodes_of(c); touches(n)) nodes.insert(n.begin(), n.end());
    if (nodes.size() > limit) return std::nullopt;
  }
  return nodes;
}

}  // namespace

namespace {

// The goal less the parts some hypothesis states verbatim (equal canonical texts: a fact
// implies itself); `stated` counts those.
linear_spec unstated_parts(std::vector<linear_spec const*> const& hypotheses,
                           linear_spec const& goal, size_t& stated) {
  std::set<std::string> facts;
  for (auto const* h : hypotheses) {
    for (auto const& [name, e] : h->preconditions) facts.insert("pre " + canonical_key(e));
    for (auto const& c : h->clauses) facts.insert(canonical_key(c));
  }
  linear_spec rest{goal.description, {}, {}};
  stated = 0;
  for (auto const& pre : goal.preconditions)
    if (facts.count("pre " + canonical_key(pre.second)))
      ++stated;
    else
      rest.preconditions.push_back(pre);
  for (auto const& c : goal.clauses)
    if (facts.count(canonical_key(c)))
      ++stated;
    else
      rest.clauses.push_back(c);
  return rest;
}

query_outcome prove_unstated(std::vector<linear_spec const*> const& hypotheses,
                             linear_spec const& goal, solver_params const& p);

}  // namespace

query_outcome prove_implication(std::vector<linear_spec const*> const& all_hypotheses,
                                linear_spec const& goal, solver_params const& p) {
  size_t stated = 0;
  auto const rest = unstated_parts(all_hypotheses, goal, stated);
  if (stated > 0 && rest.preconditions.empty() && rest.clauses.empty()) {
    query_outcome out;
    out.result = verdict::proved;
    out.note = "holds: " + std::to_string(stated) + " goal part(s) stated verbatim by a hypothesis";
    return out;
  }
  // Hypothesis clauses no solver query can state (approximations, programs: judged on exact
  // enclosures) are left out of the queries: fewer hypotheses, so a proof without them is a
  // proof with them. A model of the query may then break a clause left out, so it refutes
  // nothing: such an answer is unknown. (Such a goal part can still hold verbatim, above.)
  std::vector<linear_spec> encodable;
  std::vector<linear_spec const*> hypotheses = all_hypotheses;
  size_t left_out = 0;
  for (auto const* h : all_hypotheses)
    for (auto const& c : h->clauses) left_out += has_smt_encoding(c) ? 0 : 1;
  if (left_out > 0) {
    encodable.reserve(all_hypotheses.size());
    hypotheses.clear();
    for (auto const* h : all_hypotheses) {
      encodable.push_back({h->description, h->preconditions, {}});
      for (auto const& c : h->clauses)
        if (has_smt_encoding(c)) encodable.back().clauses.push_back(c);
      hypotheses.push_back(&encodable.back());
    }
  }
  auto r = prove_unstated(hypotheses, stated == 0 ? goal : rest, p);
  if (stated > 0)
    r.note += "; " + std::to_string(stated) + " goal part(s) stated verbatim by a hypothesis";
  if (left_out > 0 && r.result == verdict::refuted) {
    r.result = verdict::unknown;
    r.inputs.reset();
    r.failing_clause.clear();
    r.note = "not a consequence of the hypotheses a solver can state (" + std::to_string(left_out) +
             " clause(s) without an SMT reading left out, so a failing model refutes nothing); " +
             r.note;
  }
  return r;
}

namespace {

query_outcome prove_unstated(std::vector<linear_spec const*> const& hypotheses,
                             linear_spec const& goal, solver_params const& p) try {
  // A goal of several parts is tried part by part from the hypotheses on that part's own
  // literals (fewer hypotheses: a proof from them is a proof from all); what that does not
  // settle goes to one query with every hypothesis. Local facts such as "each carry is the
  // majority of the position below" are then small queries, not one big one.
  size_t const parts = goal.preconditions.size() + goal.clauses.size();
  if (parts < 2) return prove_whole(hypotheses, goal, p);
  query_outcome local_effort;
  linear_spec rest{goal.description, {}, {}};
  solver_params local_p = p;
  local_p.smt2_path.clear();
  local_p.timeout_ms = std::min(p.timeout_ms, 10000u);  // a guard; the resource limit decides
  local_p.rlimit = local_part_rlimit;
  // First the hypotheses on the part's own nodes; then, when that fails, those within one
  // step of them (e.g. "at most one pair_(j,r) = lead_j AND r_q[r]" needs the AND clauses and
  // what is known of lead and r_q), as long as that stays a small problem, as a Boolean
  // problem: linear arithmetic took seconds per part there, SAT milliseconds.
  constexpr size_t neighbourhood_limit = 2000;
  auto try_local = [&](linear_spec const& part, std::set<uint32_t> const& nodes) {
    auto attempt = [&](std::set<uint32_t> const& scope) {
      auto const local = hypotheses_within(hypotheses, scope);
      if (local.preconditions.empty() && local.clauses.empty()) return false;
      auto const r = prove_whole({&local}, part, local_p);
      add_effort(local_effort, r);
      return r.result == verdict::proved;
    };
    if (attempt(nodes)) return true;
    auto const wider = neighbourhood(hypotheses, nodes, neighbourhood_limit);
    if (!wider || wider->size() == nodes.size()) return false;
    auto const near = hypotheses_within(hypotheses, *wider);
    auto const r = implication_query_bits({&near}, part, local_p);
    add_effort(local_effort, r);
    return r.result == verdict::proved;
  };
  for (auto const& pre : goal.preconditions)
    if (!try_local(linear_spec{goal.description, {pre}, {}}, nodes_of(pre.second)))
      rest.preconditions.push_back(pre);
  for (auto const& c : goal.clauses)
    if (!try_local(linear_spec{goal.description, {}, {c}}, nodes_of(c))) rest.clauses.push_back(c);
  size_t const settled = parts - rest.preconditions.size() - rest.clauses.size();
  auto const local_note = std::to_string(settled) + " of " + std::to_string(parts) +
                          " goal parts from the hypotheses on or next to their own literals";
  if (settled == parts) {
    local_effort.result = verdict::proved;
    local_effort.note = "holds: " + local_note;
    return local_effort;
  }
  auto r = prove_whole(hypotheses, rest, p);
  add_effort(r, local_effort);
  if (settled > 0 && r.result == verdict::proved) r.note += "; " + local_note;
  return r;
} catch (not_linear const& e) {
  query_outcome out;
  out.result = verdict::unknown;
  out.note = std::string("not encoded: ") + e.what();
  return out;
} catch (std::length_error const& e) {
  query_outcome out;
  out.result = verdict::unknown;
  out.note = std::string("not encoded: ") + e.what();
  return out;
}

}  // namespace

}  // namespace tc0
