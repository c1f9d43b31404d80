#include "proofs/engine/check.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <variant>

#include "core/check_by_simulation.hpp"
#include "core/deadline.hpp"
#include "core/extract.hpp"
#include "core/metrics.hpp"
#include "proofs/engine/growth.hpp"
#include "proofs/engine/proof_reference.hpp"
#include "proofs/engine/structure.hpp"

namespace tc0 {
namespace {

// how the clauses of a circuit obligation were proved, e.g. " (14 by enumerating the inputs
// they depend on, 470 by factoring, the rest by Z3)"; empty when Z3 proved them all
std::string proof_methods(size_t clauses, size_t enumerated, size_t factored) {
  if (enumerated == clauses) return " by enumerating the inputs each depends on";
  if (factored == clauses) return " by factoring one node through another and enumerating the rest";
  std::vector<std::string> parts;
  if (enumerated > 0)
    parts.push_back(std::to_string(enumerated) + " by enumerating the inputs they depend on");
  if (factored > 0) parts.push_back(std::to_string(factored) + " by factoring");
  if (parts.empty()) return {};
  std::string out = " (";
  for (auto const& p : parts) out += p + ", ";
  return out + (enumerated + factored == clauses ? std::string("none by Z3)") : "the rest by Z3)");
}

std::string file_safe(std::string s) {
  for (auto& ch : s)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-' && ch != '_')
      ch = '_';
  return s;
}

// Consecutive clauses whose cones together stay under the budget share one query.
std::vector<std::vector<size_t>> clause_batches(circuit const& c, linear_spec const& spec) {
  constexpr uint64_t budget = 400;  // wires per batched query
  std::vector<std::vector<size_t>> batches;
  uint64_t used = 0;
  for (size_t i = 0; i < spec.clauses.size(); ++i) {
    std::vector<uint32_t> roots;
    for (auto s : spec.clauses[i].out_bits) roots.push_back(s.index());
    auto const w = cone_wires(c, roots);
    if (batches.empty() || used + w > budget) batches.emplace_back(), used = 0;
    batches.back().push_back(i);
    used += w;
  }
  return batches;
}

// The lemma's precondition, the named stage specifications and the named steps' goals.
// `stage_limit`: a stage precondition may only rest on earlier stages.
std::vector<linear_spec const*> hypotheses_of(construction const& k, linear_spec const& lemma_pre,
                                              std::vector<size_t> const& stages,
                                              std::vector<size_t> const& steps,
                                              size_t stage_limit) {
  std::vector<linear_spec const*> hyps{&lemma_pre};
  for (auto s : stages) {
    if (s >= stage_limit) throw std::logic_error("a hypothesis names a stage that comes later");
    hyps.push_back(&k.stage_specs.at(s));
  }
  for (auto s : steps) hyps.push_back(&k.composition.at(s).goal);
  return hyps;
}

// A result record for obligation `name` of lemma `l` at `p`, not yet decided.
obligation_result new_obligation(lemma const& l, parameters const& p, std::string const& name,
                                 method how) {
  obligation_result r;
  r.id = l.name + "[" + to_string(p) + "]/" + name;
  r.lemma = l.name;
  r.params = p;
  r.how = how;
  return r;
}

// An obligation's own limit: --timeout bounds all its work, not only its solver queries.
std::optional<deadline> obligation_deadline(check_params const& cp) {
  return deadline{
      std::chrono::steady_clock::now() + std::chrono::milliseconds(cp.solver.timeout_ms),
      "the time limit per obligation (--timeout " + std::to_string(cp.solver.timeout_ms / 1000) +
          " s) was reached"};
}

// The construction, or why it was not built: building is held to the same limits as an
// obligation (a construction can take longer than every proof of it: int.div at m = 12).
std::variant<construction, std::string> build_bounded(lemma const& l, parameters const& p,
                                                      check_params const& cp) {
  auto const begin = std::chrono::steady_clock::now();
  if (deadline_passed()) return current_deadline()->why;
  deadline_scope limit{obligation_deadline(cp)};
  try {
    return l.build(p);
  } catch (deadline_reached const& e) {
    return "stopped after " + seconds_text(seconds_since(begin)) + " s: " + e.what();
  }
}

// A size whose construction was stopped: no metrics, and one obligation that says why.
size_check unbuilt(lemma const& l, parameters const& p, std::string const& why) {
  size_check out{size_record{l.name, p, {}, {}, false, why}, {}};
  auto r = new_obligation(l, p, "structural", method::structural);
  r.result = verdict::unknown;
  r.detail = "not built: " + why;
  out.obligations.push_back(std::move(r));
  return out;
}

class runner {
 public:
  runner(lemma const& l, parameters const& p, check_params const& cp, std::string source)
      : l_{l}, p_{p}, cp_{cp}, source_{std::move(source)} {}

  // False (and counted as skipped) for obligations that check_params::only leaves out.
  bool wanted(std::string const& name) {
    if ((cp_.only.empty() || name.find(cp_.only) != std::string::npos) &&
        (!cp_.select || cp_.select(name)))
      return true;
    ++skipped_;
    return false;
  }
  unsigned skipped() const { return skipped_; }

  // Runs one obligation: `work` fills in its result, within the obligation's time limit
  // (--timeout, on all its work: encoding, enumeration, solving, simulation) and the run's
  // deadline (--budget). A limit that fires leaves it unknown, saying which and when; its time
  // is the wall time spent on it.
  template <class Work>
  void bounded(std::string const& name, method how, Work&& work) {
    auto r = new_obligation(l_, p_, name, how);
    if (cp_.progress) cp_.progress(r.id);
    auto const begin = std::chrono::steady_clock::now();
    if (deadline_passed()) {
      r.detail = "not run: " + current_deadline()->why;
    } else {
      deadline_scope limit{obligation_deadline(cp_)};
      try {
        work(r);
      } catch (deadline_reached const& e) {
        r.result = verdict::unknown;
        r.detail = "stopped after " + seconds_text(seconds_since(begin)) + " s: " + e.what();
      }
    }
    r.seconds = seconds_since(begin);
    results_.push_back(std::move(r));
  }

  verdict last_result() const { return results_.back().result; }

  std::string smt2_path(obligation_result const& r, std::string const& part) const {
    if (cp_.smt2_dir.empty()) return {};
    return cp_.smt2_dir + "/" + file_safe(r.id + (part.empty() ? "" : "." + part)) + ".smt2";
  }

  solver_params solver_for(obligation_result& r, std::string const& part) const {
    auto sp = cp_.solver;
    sp.smt2_path = smt2_path(r, part);
    if (!sp.smt2_path.empty()) r.smt2_file = part.empty() ? sp.smt2_path : cp_.smt2_dir;
    return sp;
  }

  // Records a refutation found on `c` against `spec` (already replayed by whoever found it).
  void refute(obligation_result& r, circuit const& c, linear_spec const& spec,
              std::vector<bool> const& inputs, std::string const& stage) {
    auto cx = describe_counterexample(c, spec, inputs);
    cx.lemma = l_.name;
    cx.params = p_;
    cx.source = source_;
    cx.stage = stage;
    cx.obligation = r.id;
    r.result = verdict::refuted;
    r.detail = "clause " + cx.clause + ": expected " + cx.expected + ", circuit gives " + cx.actual;
    if (!cp_.cex_dir.empty()) {
      auto const path = cp_.cex_dir + "/" + file_safe(r.id) + ".json";
      std::ofstream(path) << to_json(cx);
      r.detail += " (counterexample: " + path + ")";
      r.cex_file = path;
    }
    r.cex = std::move(cx);
  }

  // The SMT miter of `c` against `spec`, one query per batch of clauses: clauses with small
  // cones share a query (a thousand one-gate clauses cost a thousand solver set-ups otherwise),
  // a clause with a big cone gets a query of its own.
  void smt(obligation_result& r, circuit const& c, linear_spec const& spec,
           std::string const& stage, bool enumerate = true) {
    r.result = verdict::proved;
    auto const batches = clause_batches(c, spec);
    size_t enumerated = 0, factored = 0;
    std::vector<query_opinion> opinions;
    for (size_t b = 0; b < batches.size() && r.result == verdict::proved; ++b) {
      auto const& batch = batches[b];
      auto const part = batches.size() == 1 ? std::string{}
                        : batch.size() == 1 ? spec.clauses[batch[0]].name
                                            : "batch" + std::to_string(b);
      auto sp = solver_for(r, part);
      sp.enumerate_small_support = enumerate;
      auto const q = prove_circuit(c, spec, sp, batch);
      r.resource_count += q.resource_count;
      enumerated += q.enumerated_clauses;
      factored += q.factored_clauses;
      opinions.insert(opinions.end(), q.opinions.begin(), q.opinions.end());
      if (q.result == verdict::refuted) {
        refute(r, c, spec, *q.inputs, stage);
      } else if (q.result == verdict::unknown) {
        r.result = verdict::unknown;
        r.detail = "clause " + spec.clauses[batch[0]].name +
                   (batch.size() > 1 ? " and " + std::to_string(batch.size() - 1) + " more" : "") +
                   ": " + q.note;
      }
    }
    if (r.result == verdict::proved)
      r.detail = std::to_string(spec.clauses.size()) + " clause(s) proved" +
                 proof_methods(spec.clauses.size(), enumerated, factored) + ": " + spec.description;
    record_opinions(r, opinions);
  }

  // A second solver's answers: one line on the obligation; a disagreement leaves it unknown
  // (two solvers contradicting each other settle nothing).
  void record_opinions(obligation_result& r, std::vector<query_opinion> const& opinions) const {
    if (!cp_.solver.second_opinion.enabled) return;
    auto const s = summarise_opinions(opinions, cp_.solver.second_opinion.command);
    r.second_opinion = s.text.empty() ? "no solver query" : s.text;
    if (s.disagrees) {
      r.result = verdict::unknown;
      r.detail = "solvers disagree: " + s.text + "; Z3 alone: " + r.detail;
    }
  }

  void implication(obligation_result& r, std::vector<linear_spec const*> const& hyps,
                   linear_spec const& goal, composition_step const* step = nullptr) {
    auto sp = solver_for(r, "");
    if (step) sp.products_as_atoms = step->products_as_atoms;
    if (step) sp.bit_vectors_first = step->bit_vectors_first;
    auto const q = prove_implication(hyps, goal, sp);
    r.result = q.result;
    r.resource_count = q.resource_count;
    r.detail = q.note;
    record_opinions(r, q.opinions);
  }

  // An implication whose first hypothesis is the lemma's precondition (pruned to the part that
  // bears on it), proved by reference where this construction proved the same statement before.
  void implication_or_reference(obligation_result& r, std::vector<linear_spec const*> hyps,
                                linear_spec const& goal, composition_step const* step = nullptr) {
    auto const pre = relevant_preconditions(*hyps.at(0), {hyps.begin() + 1, hyps.end()}, goal);
    hyps[0] = &pre;
    // an implication from every earlier stage is never shared, and its text would be long
    constexpr size_t most_hypotheses = 64;
    std::optional<std::string> statement;
    if (hyps.size() <= most_hypotheses) statement = implication_statement(hyps, goal);
    if (statement && by_reference(r, *statement)) return;
    implication(r, hyps, goal, step);
    if (statement) remember(r, std::move(*statement));
  }

  // Proved, when an obligation of this construction proved the same statement (false otherwise).
  bool by_reference(obligation_result& r, std::string const& statement) {
    auto const same = proved_.find(statement);
    if (!same) return false;
    r.result = verdict::proved;
    r.same_as = *same;
    r.detail = "same as " + *same +
               " (the identical statement up to the names of signals: proved by reference)";
    return true;
  }
  void remember(obligation_result const& r, std::string statement) {
    if (r.result == verdict::proved) proved_.add(std::move(statement), r.id);
  }

  // The lemma's specification (built over the output buses by lemma::specification, apart from
  // the construction) from the facts the construction names, or every stage specification.
  // Where the facts are step goals, products stay atoms: the steps did the arithmetic, and what
  // is left is matching their values to the output bits.
  void outputs(obligation_result& r, construction const& k, linear_spec const& lemma_pre,
               std::vector<linear_spec const*> const& all_stages, linear_spec const& spec) {
    auto hyps = all_stages;
    std::string from = "every stage specification";
    composition_step how;
    if (k.output_hypotheses) {
      hyps = hypotheses_of(k, lemma_pre, k.output_hypotheses->stages, k.output_hypotheses->steps,
                           k.stage_specs.size());
      from.clear();
      for (auto s : k.output_hypotheses->stages)
        from += (from.empty() ? "stage " : ", stage ") + k.c.stages().at(s + 1).name;
      for (auto s : k.output_hypotheses->steps)
        from += (from.empty() ? "step " : ", step ") + k.composition.at(s).name;
      how.products_as_atoms = true;
    }
    implication(r, hyps, linear_spec{spec.description, {}, spec.clauses}, &how);
    r.detail = "the lemma's specification on its output buses, from " + from + ": " + r.detail;
  }

  // A cited theorem whose constant hypotheses are checked. A failed check breaks the argument;
  // it refutes the construction only with a witness that fails on the simulator.
  void certified(obligation_result& r, circuit const& c, linear_spec const& spec,
                 composition_step const& step) {
    auto const failure = step.check();
    if (!failure) {
      r.result = verdict::proved;
      r.detail = "hypotheses checked; then " + step.theorem;
      return;
    }
    if (failure->witness_inputs) {
      auto const values = simulate_pattern(c, *failure->witness_inputs);
      if (preconditions_hold(spec, values) && first_failing_clause(spec, values)) {
        refute(r, c, spec, *failure->witness_inputs, "composition:" + step.name);
        r.detail = failure->what + "; " + r.detail;
        return;
      }
    }
    r.result = verdict::unknown;
    r.detail = "the argument fails: " + failure->what + " (no failing input found)";
  }

  void simulation(circuit const& c, linear_spec const& spec) {
    auto const bits = c.input_nodes().size();
    simulation_check_params sp;
    sp.seed = cp_.seed;
    sp.random_patterns = cp_.random_patterns;
    sp.exhaustive_max_input_bits = cp_.exhaustive_max_input_bits;
    if (bits <= cp_.exhaustive_max_input_bits && wanted("exhaustive")) {
      bounded("exhaustive", method::exhaustive_simulation, [&](obligation_result& r) {
        simulation_check_stats st;
        auto const f = check_exhaustive(c, spec, sp, &st);
        finish_simulation(r, c, spec, f, st,
                          "all " + std::to_string(uint64_t{1} << bits) + " patterns");
      });
      return;  // every pattern was simulated: random patterns would repeat some of them
    }
    if (!wanted("random")) return;
    bounded("random", method::random_simulation, [&](obligation_result& r) {
      simulation_check_stats st;
      auto const f = check_random(c, spec, sp, &st);
      finish_simulation(
          r, c, spec, f, st,
          std::to_string(sp.random_patterns) + " random patterns, seed " + std::to_string(sp.seed));
    });
  }

  // The results; an SMT-LIB2 file is listed only if a query was written to it (an obligation
  // proved without a solver call has none).
  std::vector<obligation_result> take() {
    for (auto& r : results_)
      if (r.smt2_file.ends_with(".smt2") && !std::filesystem::exists(r.smt2_file))
        r.smt2_file.clear();
    return std::move(results_);
  }

 private:
  void finish_simulation(obligation_result& r, circuit const& c, linear_spec const& spec,
                         std::optional<simulation_failure> const& f,
                         simulation_check_stats const& st, std::string const& what) {
    if (f) {
      refute(r, c, spec, f->inputs, "");
      return;
    }
    r.result = verdict::proved;
    r.detail = what + ": " + std::to_string(st.patterns_checked) +
               " met the precondition and agree with the Boost twin";
  }

  lemma const& l_;
  parameters const& p_;
  check_params const& cp_;
  std::string source_;
  std::vector<obligation_result> results_;
  unsigned skipped_ = 0;
  proved_statements proved_;
};

size_record record_size(lemma const& l, parameters const& p, circuit const& c) {
  return size_record{l.name, p, measure(c), {}};
}

std::vector<std::pair<std::string, uint32_t>> stage_depths_of(circuit const& c) {
  std::vector<std::pair<std::string, uint32_t>> depths;
  for (uint32_t s = 1; s < c.stages().size(); ++s)
    depths.emplace_back(c.stages()[s].name, measure(extract_stage(c, s).c).depth);
  return depths;
}

}  // namespace

size_check check_construction(lemma const& l, parameters const& p, check_params const& cp) {
  l.validate(p);
  deadline_scope run_limit{cp.budget};
  auto const begin = std::chrono::steady_clock::now();
  auto built = build_bounded(l, p, cp);
  if (auto const* why = std::get_if<std::string>(&built)) {
    auto out = unbuilt(l, p, *why);
    out.obligations[0].seconds = seconds_since(begin);
    return out;
  }
  return check_built(l, p, std::get<construction>(built), cp);
}

size_check check_built(lemma const& l, parameters const& p, construction const& k,
                       check_params const& cp) {
  deadline_scope run_limit{cp.budget};
  auto const spec = l.specification(k.c, p);
  runner run{l, p, cp, "construction"};
  size_check out{record_size(l, p, k.c), {}};

  run.bounded("structural", method::structural, [&](obligation_result& r) {
    auto const violation = structural_violation(k);
    r.result = violation ? verdict::refuted : verdict::proved;
    r.detail = violation ? *violation
                         : std::to_string(k.c.stages().size() - 1) + " stages, wired as declared";
  });
  // the other obligations rest on the wiring: none runs unless it was proved
  bool const wired = run.last_result() == verdict::proved;
  if (l.depth_formula && run.wanted("depth_formula"))
    run.bounded("depth_formula", method::structural, [&](obligation_result& r) {
      auto const terms = l.depth_formula(p);
      unsigned total = 0;
      std::string symbols, values;
      for (auto const& t : terms) {
        total += t.depth;
        symbols += (symbols.empty() ? "" : " + ") + t.symbol;
        values +=
            (values.empty() ? "" : " + ") + std::to_string(t.depth) + " (" + t.measured_on + ")";
      }
      if (terms.empty()) symbols = values = "0 (no terms)";
      auto const depth = out.size.metrics.depth;
      r.result = depth <= total ? verdict::proved : verdict::refuted;
      r.detail = "depth " + std::to_string(depth) + (depth <= total ? " <= " : " > ") + symbols +
                 " = " + values + " = " + std::to_string(total) +
                 " (each term the measured depth of the standalone lemma)";
    });

  for (auto const& claim : l.structural_claims)
    if (wired && run.wanted(claim.name) && (!claim.applies || claim.applies(p)))
      run.bounded(claim.name, method::structural, [&](obligation_result& r) {
        auto const o = claim.check(k, p);
        r.result = o.holds ? verdict::proved : verdict::refuted;
        r.detail = o.detail;
      });

  // (1) every stage against its own specification, inputs free but for its precondition
  std::vector<linear_spec const*> established;
  linear_spec const lemma_pre{spec.description, spec.preconditions, {}};
  established.push_back(&lemma_pre);
  for (uint32_t s = 1; wired && s < k.c.stages().size(); ++s) {
    auto const& name = k.c.stages()[s].name;
    auto const& stage_spec = k.stage_specs[s - 1];
    // (2) what is established so far implies this stage's precondition
    if (!stage_spec.preconditions.empty() && run.wanted("implication:" + name))
      run.bounded("implication:" + name, method::implication, [&](obligation_result& r) {
        auto hyps = established;
        if (auto it = k.precondition_hypotheses.find(name); it != k.precondition_hypotheses.end())
          hyps = hypotheses_of(k, lemma_pre, it->second.stages, it->second.steps, s - 1);
        run.implication_or_reference(
            r, hyps, linear_spec{stage_spec.description, stage_spec.preconditions, {}});
      });
    // extracted to be proved, or to measure its depth (not for a selection's skipped stages)
    auto const measured = [&](extracted_stage const& x) {
      out.size.stage_depths.emplace_back(name, measure(x.c).depth);
    };
    if (run.wanted("stage:" + name))
      run.bounded("stage:" + name, method::smt_stage, [&](obligation_result& r) {
        auto const x = extract_stage(k.c, s);
        measured(x);
        auto const spec_x = remap(stage_spec, x.node_map);
        auto statement = stage_statement(x.c, spec_x);
        if (run.by_reference(r, statement)) return;
        run.smt(r, x.c, spec_x, name);
        run.remember(r, std::move(statement));
      });
    else if (!cp.select && !deadline_passed())
      measured(extract_stage(k.c, s));
    established.push_back(&stage_spec);
  }
  // (3) the composition argument's steps, then the lemma's own specification
  for (size_t i = 0; wired && i < k.composition.size(); ++i) {
    auto const& step = k.composition[i];
    if (!run.wanted("composition:" + step.name)) continue;
    if (step.check) {
      run.bounded("composition:" + step.name, method::certified_constants,
                  [&](obligation_result& r) { run.certified(r, k.c, spec, step); });
      continue;
    }
    auto const hyps = hypotheses_of(k, lemma_pre, step.stages, step.steps, k.stage_specs.size());
    for (auto s : step.steps)
      if (s >= i) throw std::logic_error("composition step refers to a later step");
    run.bounded("composition:" + step.name, method::composition, [&](obligation_result& r) {
      run.implication_or_reference(r, hyps, step.goal, &step);
    });
  }
  if (wired && run.wanted("composition"))
    run.bounded("composition", method::composition,
                [&](obligation_result& r) { run.outputs(r, k, lemma_pre, established, spec); });
  if (cp.cross_checks) {
    // the monolithic miter, as a cross-check where it finishes (and where a solver query can
    // state the specification: otherwise it could only say unknown)
    bool const small =
        k.c.input_nodes().size() <= l.monolithic_max_input_bits && has_smt_encoding(spec);
    if (cp.monolithic.value_or(small) && run.wanted("monolithic"))
      run.bounded("monolithic", method::smt_flat, [&](obligation_result& r) {
        run.smt(r, k.c, spec, "", false);  // a solver cross-check: simulation runs on its own
      });
    run.simulation(k.c, spec);
  }
  out.skipped = run.skipped();
  out.obligations = run.take();
  return out;
}

size_check check_circuit(lemma const& l, parameters const& p, circuit const& c,
                         std::string const& source, check_params const& cp) {
  l.validate(p);
  check_interface(l, p, c);
  deadline_scope run_limit{cp.budget};
  auto const spec = l.specification(c, p);
  runner run{l, p, cp, source};
  size_check out{record_size(l, p, c), {}};
  // Simulation first: it finds most errors in milliseconds, and its verdict stands even when
  // the solver later runs out of time.
  run.simulation(c, spec);
  // A specification no solver query can state (exp, a documented program) is decided by the
  // simulation where it covered every input pattern; elsewhere the miter's unknown says that
  // nothing complete was run.
  bool const every_pattern = c.input_nodes().size() <= cp.exhaustive_max_input_bits;
  if (cp.monolithic.value_or(has_smt_encoding(spec) || !every_pattern) && run.wanted("monolithic"))
    run.bounded("monolithic", method::smt_flat,
                [&](obligation_result& r) { run.smt(r, c, spec, "", false); });
  out.skipped = run.skipped();
  out.obligations = run.take();
  return out;
}

size_record measure_construction(lemma const& l, parameters const& p,
                                 std::optional<deadline> const& limit) {
  l.validate(p);
  deadline_scope scope{limit};
  if (deadline_passed()) return size_record{l.name, p, {}, {}, false, current_deadline()->why};
  try {
    auto const k = l.build(p);
    auto r = record_size(l, p, k.c);
    r.stage_depths = stage_depths_of(k.c);
    return r;
  } catch (deadline_reached const& e) {
    return size_record{l.name, p, {}, {}, false, e.what()};
  } catch (std::invalid_argument const& e) {  // a measured-only size the construction refuses
    return size_record{l.name, p, {}, {}, false, e.what()};
  }
}

std::vector<obligation_result> check_sweep(lemma const& l, std::string const& swept,
                                           std::vector<size_record> const& proved_sizes,
                                           std::vector<size_record> const& measured) {
  std::vector<growth_point> depth, gates, maj;
  parameters fixed;
  std::vector<size_record> sizes;
  std::string measured_note, unbuilt_note;
  auto const add_to = [&](std::string& note, size_record const& s) {
    note += (note.empty() ? "" : ", ") + std::to_string(param(s.params, swept));
    if (!s.built) note += " (" + not_built_reason(s) + ")";
  };
  for (auto const& s : proved_sizes) {
    if (s.built)
      sizes.push_back(s);
    else
      add_to(unbuilt_note, s);
  }
  for (auto const& s : measured) {
    if (s.built)
      sizes.push_back(s), add_to(measured_note, s);
    else
      add_to(unbuilt_note, s);
  }
  if (!measured_note.empty())
    measured_note = "; " + swept + " = " + measured_note + " built and measured, not proved";
  if (!unbuilt_note.empty()) measured_note += "; " + swept + " = " + unbuilt_note + " not built";
  for (auto const& s : sizes) {
    auto const x = static_cast<double>(param(s.params, swept));
    depth.push_back({x, static_cast<double>(s.metrics.depth), s.stage_depths});
    gates.push_back({x, static_cast<double>(s.metrics.size)});
    maj.push_back({x, s.metrics.maj_size.convert_to<double>()});
    fixed = s.params;
  }
  fixed.erase(swept);
  std::string const where =
      l.name + "[sweep " + swept + (fixed.empty() ? "" : "; " + to_string(fixed)) + "]";
  std::vector<obligation_result> out;
  auto const s1 = check_constant_depth(depth, l.depth_bound);
  out.push_back({where + "/S1",
                 l.name,
                 fixed,
                 method::depth_sweep,
                 s1.result,
                 0,
                 0,
                 s1.detail + measured_note,
                 {},
                 {},
                 {},
                 {}});
  auto const s2 = check_polynomial_size({{"gates", gates}, {"MAJ-normalised size", maj}},
                                        l.degree_bound_for(swept));
  out.push_back({where + "/S2",
                 l.name,
                 fixed,
                 method::size_sweep,
                 s2.result,
                 0,
                 0,
                 s2.detail + measured_note,
                 {},
                 {},
                 {},
                 {}});
  return out;
}

verdict overall(std::vector<obligation_result> const& results) {
  verdict v = verdict::proved;
  for (auto const& r : results) v = combine(v, r.result);
  return v;
}

}  // namespace tc0
