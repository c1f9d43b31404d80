// tc0check — the command line. Exit status: 0 everything proved, 1 something refuted,
// 3 something unknown (and nothing refuted), 2 usage or input error.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "core/circuit_file.hpp"
#include "core/netlist.hpp"
#include "core/printable.hpp"
#include "core/shell.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/cli/build_model.hpp"
#include "proofs/cli/exports.hpp"
#include "proofs/cli/options.hpp"
#include "proofs/cli/progress.hpp"
#include "proofs/cli/text_file.hpp"
#include "proofs/engine/replay.hpp"
#include "proofs/engine/report/shards.hpp"
#include "proofs/engine/report/writers.hpp"
#include "proofs/lemmas/float/printed_addition.hpp"
#include "proofs/lemmas/paper_gaps.hpp"
#include "proofs/lemmas/registry.hpp"

namespace tc0::cli {
namespace {

char const* const usage_text = R"(usage: tc0check COMMAND [ARGS]

  list                                   the lemmas, their parameters and declared bounds
  check LEMMA --P VALUES ...             build the lemma's construction at every size of the grid and
                                         run its obligations; S1/S2 along every parameter with
                                         several values. VALUES: 8 | 2,4,8 | 2..64 | 2..64*2
  check-netlist LEMMA FILE --P VALUE ... check a netlist file (tc0check netlist, or AIGER when
                                         FILE ends in .aag or .aig) against the lemma's spec
  measure LEMMA --P VALUES ...           build the lemma's construction at every size of the grid and
                                         measure it, proving nothing: depth, gates, S1/S2 along
                                         every parameter with several values (sizes too large to
                                         prove; --timeout bounds each build)
  export LEMMA --P VALUE ... [--format F] [--out FILE]
                                         the construction as F = netlist, dot (Graphviz), verilog
                                         (structural), aag or aig (ASCII or binary AIGER: threshold
                                         gates lowered to AND/NOT)
  replay FILE.json                       re-run a counterexample on the simulator; exit 1 if it
                                         still fails, 0 if it no longer does
  build-model MODEL.json [--out DIR] [--random N]
                                         a concrete RoPE Transformer (shape, weights, optional
                                         inputs; examples/models/) as one threshold circuit with
                                         its weights as constants: depth and size, every export
                                         format in DIR (default: the file's name), and the circuit
                                         against the reference forward pass on the given inputs
                                         and N random ones, or on every input where there are at
                                         most 2^16 (--exhaustive-bits N: 2^N); exit 1 when one
                                         differs
  printed-add --p P [--k K] [--a M,E --b M,E]
                                         the paper's printed addition rule against exact-then-round:
                                         every pair of valid floats under both zero conventions, or
                                         one pair (exit 1 when they differ)
  report [--out DIR] [--lemmas A,B]      every lemma (or the named ones) on its default grid; writes
                                         DIR/report.md, report.html (self-contained, with plots)
                                         and report.json (default DIR: report); --all adds the
                                         lemmas whose grid takes minutes (attention, the model)
  report --shard I/K [--out DIR] ...     only part I of K of the work list (sizes whose position
                                         is I-1 mod K); writes DIR/shard-I-of-K.json
  merge --out DIR SHARD.json ...         the report a single run would give, from all K shards

exit status: 0 all proved, 1 something refuted, 3 something unknown, 2 usage or input error
)";

std::string usage() {
  std::string text = usage_text;
  auto const exit_line = text.find("exit status:");
  return text.substr(0, exit_line) + options_usage() + "\n" + text.substr(exit_line);
}

int exit_code(verdict v) {
  switch (v) {
    case verdict::proved:
      return 0;
    case verdict::refuted:
      return 1;
    case verdict::unknown:
      return 3;
  }
  return 3;
}

std::map<std::string, std::vector<unsigned>> read_grid(options const& o, lemma const& l,
                                                       bool single) {
  std::map<std::string, std::vector<unsigned>> grid;
  for (auto const& r : l.parameter_table) {
    auto const& p = r.name;
    if (!o.has(p) && r.fallback) continue;  // an option left out: the lemma's default form
    if (!o.has(p))
      throw usage_error(l.name + " needs --" + p + " (its parameters: " + [&] {
        std::string s;
        for (auto const& q : l.parameter_names()) s += (s.empty() ? "" : ", ") + q;
        return s;
      }() + ")");
    grid[p] = parse_values(p, o.get(p, ""));
    if (single && grid[p].size() != 1) throw usage_error("--" + p + " takes a single value here");
  }
  auto const sizes = expand(grid);
  if (sizes.size() > 2000)
    throw usage_error("the grid has " + std::to_string(sizes.size()) + " sizes; at most 2000");
  for (auto const& p : sizes) l.validate(p);
  return grid;
}

// --budget SECONDS: the run's deadline, if given
std::optional<deadline> read_budget(options const& o) {
  if (!o.has("budget")) return std::nullopt;
  return deadline{
      std::chrono::steady_clock::now() + std::chrono::seconds(o.get_unsigned("budget")),
      "the run's budget (--budget " + std::to_string(o.get_unsigned("budget")) + " s) was spent"};
}

check_params read_check_params(options const& o) {
  check_params cp;
  cp.solver.timeout_ms = o.get_unsigned("timeout") * 1000;
  cp.smt2_dir = o.get("smt2-dir", "");
  cp.cex_dir = o.get("cex-dir", "counterexamples");
  if (o.has("monolithic")) cp.monolithic = true;
  if (o.has("no-monolithic")) cp.monolithic = false;
  cp.seed = o.get_unsigned("seed");
  cp.exhaustive_max_input_bits = o.get_unsigned("exhaustive-bits");
  cp.only = o.get("only", "");
  for (auto const& d : {cp.smt2_dir, cp.cex_dir})
    if (!d.empty()) std::filesystem::create_directories(d);
  if (o.has("second-opinion")) {
    auto const solver = o.get("second-opinion", "");
    if (solver != "cvc5") throw usage_error("--second-opinion takes cvc5 (the one supported)");
    if (!have_command("cvc5"))
      throw std::invalid_argument(
          "--second-opinion cvc5: cvc5 is not installed (Debian: apt-get "
          "install cvc5; .ci/install-deps installs it)");
    cp.solver.second_opinion = {true, solver, cp.solver.timeout_ms};
  }
  cp.budget = read_budget(o);
  if (o.has("progress-lines")) terminal_progress().use_lines();
  if (terminal_progress().enabled())
    cp.progress = [](std::string const& id) { terminal_progress().obligation(id); };
  return cp;
}

// -j N: how many sizes are checked at once (default 1)
unsigned read_jobs(options const& o) {
  return o.get_unsigned("jobs");
}

void end_progress(check_params const&) {
  terminal_progress().finish();
}

using grid_t = std::map<std::string, std::vector<unsigned>>;

// Calls work(i) for i = 0 .. n - 1 on `jobs` threads (the caller's among them); the first
// exception is rethrown after every thread has finished.
template <class Work>
void parallel_for(size_t n, unsigned jobs, Work&& work) {
  std::vector<std::exception_ptr> errors(n);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      try {
        work(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, jobs); ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  for (auto const& e : errors)
    if (e) std::rethrow_exception(e);
}

// One sweep to evaluate: the checked sizes along `swept` for one combination of the other
// parameters, and the measured-only sizes still to build.
struct planned_sweep {
  lemma const* l;
  std::string swept;
  std::vector<size_record> sizes;
  std::vector<parameters> extra;
};

// The sweeps along every parameter with several values, over rec.sizes[first..]; reports
// (`measured`) add the lemma's measured-only sizes to the sweeps (so one proved size and measured
// ones make a sweep too).
void plan_sweeps(std::vector<planned_sweep>& out, run_record const& rec, lemma const& l,
                 grid_t const& grid, size_t first, bool measured) {
  for (auto const& [swept, values] : grid) {
    auto const more = l.measured_only.find(swept);
    size_t sizes_along = values.size();
    if (measured && more != l.measured_only.end())
      for (auto v : more->second)
        sizes_along += std::find(values.begin(), values.end(), v) == values.end() ? 1 : 0;
    if (sizes_along < 2) continue;
    // one sweep per combination of the other parameters
    std::map<parameters, std::vector<size_record>> groups;
    for (size_t i = first; i < rec.sizes.size(); ++i) {
      auto key = rec.sizes[i].size.params;
      key.erase(swept);
      groups[key].push_back(rec.sizes[i].size);
    }
    for (auto const& [key, sizes] : groups) {
      // two grids of one lemma can cross at a line (float.iterated_add sweeps n at p = 4 and,
      // from its p sweep's point n = 3, p = 4, measures n again): one sweep of the line
      auto same = std::find_if(out.begin(), out.end(), [&](planned_sweep const& o) {
        auto k = o.sizes.at(0).params;
        k.erase(swept);
        return o.l == &l && o.swept == swept && k == key;
      });
      auto& plan = same != out.end() ? *same : out.emplace_back(planned_sweep{&l, swept, {}, {}});
      plan.sizes.insert(plan.sizes.end(), sizes.begin(), sizes.end());
      std::stable_sort(plan.sizes.begin(), plan.sizes.end(), [&](auto const& x, auto const& y) {
        return param(x.params, swept) < param(y.params, swept);
      });
      // a size is measured only where neither grid checked it, and measured once
      auto const checked = [&](parameters const& q) {
        return std::any_of(plan.sizes.begin(), plan.sizes.end(),
                           [&](size_record const& r) { return r.params == q; });
      };
      std::erase_if(plan.extra, checked);
      for (auto v :
           measured&& more != l.measured_only.end() ? more->second : std::vector<unsigned>{}) {
        if (std::find(values.begin(), values.end(), v) != values.end()) continue;
        auto q = key;
        q[swept] = v;
        if (!checked(q) && std::find(plan.extra.begin(), plan.extra.end(), q) == plan.extra.end())
          plan.extra.push_back(q);
      }
    }
  }
}

// S1/S2 of the planned sweeps, their measured-only sizes built on `jobs` threads.
void add_sweeps(run_record& rec, std::vector<planned_sweep> const& plans, unsigned jobs,
                std::optional<deadline> const& limit) {
  std::vector<std::pair<lemma const*, parameters>> builds;
  for (auto const& plan : plans)
    for (auto const& p : plan.extra) builds.emplace_back(plan.l, p);
  std::vector<size_record> built(builds.size());
  parallel_for(builds.size(), jobs, [&](size_t i) {
    auto const& [l, p] = builds[i];
    terminal_progress().obligation(l->name + "[" + to_string(p) + "] built for S1/S2");
    built[i] = measure_construction(*l, p, limit);
  });
  size_t at = 0;
  for (auto const& plan : plans) {
    std::vector<size_record> extra(
        built.begin() + static_cast<std::ptrdiff_t>(at),
        built.begin() + static_cast<std::ptrdiff_t>(at + plan.extra.size()));
    at += plan.extra.size();
    auto s = check_sweep(*plan.l, plan.swept, plan.sizes, extra);
    rec.sweeps.insert(rec.sweeps.end(), s.begin(), s.end());
  }
}

struct work_item {
  lemma const* l;
  parameters p;
  std::string name() const { return l->name + "[" + to_string(p) + "]"; }
};

std::vector<work_item> work_list(std::vector<std::pair<lemma const*, grid_t>> const& grids) {
  std::vector<work_item> work;
  for (auto const& [l, grid] : grids)
    for (auto const& p : expand(grid)) work.push_back({l, p});
  return work;
}

// Checks the items of `work` at `positions` on `jobs` worker threads (each query has its own Z3
// context); the results come back in the order of `positions`.
std::vector<size_check> run_items(std::vector<work_item> const& work,
                                  std::vector<size_t> const& positions, check_params const& cp,
                                  unsigned jobs) {
  std::vector<std::optional<size_check>> done(positions.size());
  terminal_progress().add_sizes(positions.size());
  parallel_for(positions.size(), jobs, [&](size_t i) {
    auto const& item = work[positions[i]];
    done[i] = check_construction(*item.l, item.p, cp);
    terminal_progress().size_done();
  });
  std::vector<size_check> out;
  for (auto& d : done) out.push_back(std::move(*d));
  return out;
}

// The sizes of the whole work list (in its order) into `rec`, then S1/S2 of every grid.
void assemble(run_record& rec, std::vector<std::pair<lemma const*, grid_t>> const& grids,
              std::vector<size_check> all, bool measured, unsigned jobs,
              std::optional<deadline> const& limit) {
  size_t at = 0;
  std::vector<planned_sweep> plans;
  for (auto const& [l, grid] : grids) {
    auto const first = rec.sizes.size();
    for (size_t n = expand(grid).size(); n > 0; --n) rec.sizes.push_back(std::move(all.at(at++)));
    plan_sweeps(plans, rec, *l, grid, first, measured);
  }
  add_sweeps(rec, plans, jobs, limit);
}

void check_grids(run_record& rec, std::vector<std::pair<lemma const*, grid_t>> const& grids,
                 check_params const& cp, unsigned jobs, bool measured) {
  auto const work = work_list(grids);
  std::vector<size_t> positions(work.size());
  for (size_t i = 0; i < positions.size(); ++i) positions[i] = i;
  assemble(rec, grids, run_items(work, positions, cp, jobs), measured, jobs, cp.budget);
}

// The facts the writers print of every lemma the record names, from the registry.
void add_lemma_facts(run_record& rec) {
  for (auto const* o : rec.all_obligations()) rec.add_facts(find_lemma(o->lemma));
  for (auto const& s : rec.sizes) rec.add_facts(find_lemma(s.size.lemma));
}

int finish(run_record& rec, options const& o) {
  add_lemma_facts(rec);
  if (o.has("only")) {
    auto const text = o.get("only", "");
    auto const all = rec.all_obligations();
    if (std::none_of(all.begin(), all.end(), [&](obligation_result const* r) {
          return r->id.find(text) != std::string::npos;
        }))
      throw usage_error("--only '" + text + "' matches no obligation of the run");
  }
  if (o.has("json"))
    std::cout << json::dump(to_json(rec)) << "\n";
  else
    print_table(std::cout, rec);
  return exit_code(rec.overall());
}

int cmd_list() {
  for (auto const& l : all_lemmas()) {
    std::string params;
    for (auto const& r : l.parameter_table)
      params += (params.empty() ? "" : " ") + r.name + "=" + std::to_string(r.lo) + ".." +
                std::to_string(r.hi) +
                (r.fallback ? "(default " + std::to_string(*r.fallback) + ")" : "");
    auto const number = [](double v) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", v);
      return std::string(buf);
    };
    // "10 (n: 4, d: 4)": tighter bounds along some parameters
    auto degree = number(l.degree_bound);
    std::string along;
    for (auto const& [name, bound] : l.degree_bound_along)
      along += (along.empty() ? "" : ", ") + name + ": " + number(bound);
    if (!along.empty()) degree += " (" + along + ")";
    std::printf("%-18s %-24s depth <= %-2u size degree <= %-3s %s\n", l.name.c_str(),
                params.c_str(), l.depth_bound, degree.c_str(), l.title.c_str());
    std::printf("%-18s claim: %s\n", "", l.claim.c_str());
  }
  return 0;
}

int cmd_check(options const& o, int argc, char** argv) {
  if (o.positional.size() != 1) throw usage_error("usage: tc0check check LEMMA --PARAM VALUES ...");
  auto const& l = find_lemma(o.positional[0]);
  o.allow_only_declared(l.parameter_names());
  auto const grid = read_grid(o, l, false);
  auto const cp = read_check_params(o);
  run_record rec;
  describe_environment(rec, argc, argv);
  check_grids(rec, {{&l, grid}}, cp, read_jobs(o), false);
  end_progress(cp);
  return finish(rec, o);
}

// Sizes built and measured without obligations: the sweeps' details say so, and the overall
// line says no obligation ran. The exit status is that of S1/S2.
int cmd_measure(options const& o, int argc, char** argv) {
  if (o.positional.size() != 1)
    throw usage_error("usage: tc0check measure LEMMA --PARAM VALUES ...");
  auto const& l = find_lemma(o.positional[0]);
  o.allow_only_declared(l.parameter_names());
  auto const grid = read_grid(o, l, false);
  auto const budget = read_budget(o);
  auto const timeout = o.get_unsigned("timeout");
  if (o.has("progress-lines")) terminal_progress().use_lines();
  auto const sizes = expand(grid);
  run_record rec;
  describe_environment(rec, argc, argv);
  std::vector<size_check> built(sizes.size());
  terminal_progress().add_sizes(sizes.size());
  parallel_for(sizes.size(), read_jobs(o), [&](size_t i) {
    deadline_scope run_limit{budget};
    terminal_progress().obligation(l.name + "[" + to_string(sizes[i]) + "] built");
    built[i].size = measure_construction(
        l, sizes[i],
        deadline{
            std::chrono::steady_clock::now() + std::chrono::seconds(timeout),
            "the time limit per build (--timeout " + std::to_string(timeout) + " s) was reached"});
    terminal_progress().size_done();
  });
  terminal_progress().finish();
  rec.sizes = std::move(built);
  std::vector<planned_sweep> plans;
  plan_sweeps(plans, rec, l, grid, 0, false);
  for (auto const& plan : plans) {
    // every size is measured only: none of them was proved
    auto s = check_sweep(*plan.l, plan.swept, {}, plan.sizes);
    rec.sweeps.insert(rec.sweeps.end(), s.begin(), s.end());
  }
  return finish(rec, o);
}

int cmd_check_netlist(options const& o, int argc, char** argv) {
  if (o.positional.size() != 2)
    throw usage_error("usage: tc0check check-netlist LEMMA FILE --PARAM VALUE ...");
  auto const& l = find_lemma(o.positional[0]);
  o.allow_only_declared(l.parameter_names());
  auto const grid = read_grid(o, l, true);
  auto const p = expand(grid).at(0);
  auto const& path = o.positional[1];
  auto const c = read_circuit_file(path);
  auto const cp = read_check_params(o);
  run_record rec;
  describe_environment(rec, argc, argv);
  rec.sizes.push_back(check_circuit(l, p, c, o.positional[1], cp));
  end_progress(cp);
  return finish(rec, o);
}

int cmd_export(options const& o) {
  if (o.positional.size() != 1)
    throw usage_error(
        "usage: tc0check export LEMMA --PARAM VALUE ... [--format netlist|dot|verilog|aag|aig] "
        "[--out FILE]");
  auto const& l = find_lemma(o.positional[0]);
  o.allow_only_declared(l.parameter_names());
  auto const p = expand(read_grid(o, l, true)).at(0);
  auto const format = o.get("format", "netlist");
  auto const& formats = export_formats();
  if (std::find(formats.begin(), formats.end(), format) == formats.end())
    throw usage_error("--format must be netlist, dot, verilog, aag or aig");
  if (format == "aig" && !o.has("out"))
    throw usage_error("--format aig is binary: give --out FILE");
  auto const k = l.build(p);
  std::ofstream file;
  if (o.has("out")) {
    file.open(o.get("out", ""), std::ios::binary);
    if (!file) throw std::invalid_argument("cannot write '" + o.get("out", "") + "'");
  }
  std::ostream& out = o.has("out") ? file : std::cout;
  write_export(out, k.c, format, l.name, l.name + " [" + to_string(p) + "]: " + l.claim);
  out.flush();
  if (!out)
    throw std::runtime_error(
        "writing " + (o.has("out") ? "'" + o.get("out", "") + "'" : "the output") + " failed");
  return 0;
}

int cmd_replay(options const& o) {
  if (o.positional.size() != 1) throw usage_error("usage: tc0check replay FILE.json");
  o.allow_only_declared();
  auto const text = read_text_file(o.positional[0]);
  counterexample cx;
  try {
    cx = counterexample_from_json(text);
  } catch (std::invalid_argument const& e) {
    throw std::invalid_argument(o.positional[0] + ": " + e.what());
  }
  auto const r = replay(cx, find_lemma(cx.lemma));
  std::string const where = cx.lemma + " [" + to_string(cx.params) + "] " +
                            (cx.source == "construction" ? "construction" : cx.source) +
                            (cx.stage.empty() ? "" : ", stage " + cx.stage);
  for (auto const& b : cx.inputs)
    std::cout << "  input  " << b.name << " = " << b.value << "  (" << b.bits << ")\n";
  if (r.still_fails) {
    std::cout << "still fails: " << where << ": clause " << r.clause << " expects " << r.expected
              << ", circuit gives " << r.actual << "\n";
    return 1;
  }
  std::cout << "no longer fails: " << where << " satisfies its specification on these inputs\n";
  return 0;
}

// "-5,3" -> <-5, 3>, a valid float of the format
float_value parse_float(std::string const& flag, std::string const& text, float_format const& f) {
  auto const comma = text.find(',');
  if (comma == std::string::npos) throw usage_error("--" + flag + " takes M,E (e.g. -5,3)");
  float_value v;
  try {
    size_t used_m = 0, used_e = 0;
    auto const m_text = text.substr(0, comma), e_text = text.substr(comma + 1);
    auto const m = std::stoll(m_text, &used_m);
    v.exponent = std::stoll(e_text, &used_e);
    if (used_m != m_text.size() || used_e != e_text.size()) throw std::invalid_argument("");
    v.negative = m < 0;
    v.magnitude = boost::multiprecision::abs(big_int(m));  // no overflow at the smallest m
  } catch (std::exception const&) {
    throw usage_error("--" + flag + " takes M,E with integers M and E, not '" + text + "'");
  }
  // a zero may carry any exponent of the range: the printed rule's convention stores it at 0
  bool const zero_in_range = v.magnitude == 0 && v.exponent >= f.e_min && v.exponent <= f.e_max;
  if (!is_valid(f, v) && !zero_in_range)
    throw usage_error("--" + flag + " " + text + " is not a valid float of " + f.describe() +
                      ": |M| is 0 or in [2^(p-1), 2^p), and E in the range");
  return v;
}

std::string describe_float(float_value const& v) {
  auto const r = to_rational(v);
  return to_string(v) + " = " + r.str();
}

int cmd_printed_add(options const& o) {
  o.allow_only_declared();
  parameters params{{"p", o.get_unsigned("p")}, {"k", o.get_unsigned("k")}};
  auto const f = format_of(params);
  std::optional<std::pair<float_value, float_value>> pair;  // checked before anything is printed
  if (o.has("a") || o.has("b")) {
    auto const a = parse_float("a", o.get("a", ""), f);  // a first: its error is reported first
    pair.emplace(a, parse_float("b", o.get("b", ""), f));
  }
  std::printf(
      "format: %s; printed rule: align to the larger exponent, two guard bits and a "
      "sticky bit, then round; model: exact sum, rounded once\n",
      f.describe().c_str());
  if (pair) {
    auto const& [a, b] = *pair;
    auto const exact = round_to_format(f, to_rational(a) + to_rational(b));
    auto const printed = printed_add(f, a, b);
    std::printf(
        "a = %s\nb = %s\nexact a + b = %s\nexact then round: %s\nprinted rule:     %s\n%s\n",
        describe_float(a).c_str(), describe_float(b).c_str(),
        (to_rational(a) + to_rational(b)).str().c_str(), describe_float(exact).c_str(),
        describe_float(printed).c_str(), exact == printed ? "agree" : "DIFFER");
    return exact == printed ? 0 : 1;
  }
  for (auto const zero : {f.e_min, int64_t{0}}) {
    auto const s = survey_printed_add(f, zero);
    std::printf("zero stored as <0, %lld>: %llu of %llu pairs of valid floats differ\n",
                static_cast<long long>(zero), static_cast<unsigned long long>(s.disagreements),
                static_cast<unsigned long long>(s.pairs));
    if (s.first) {
      auto const& [a, b] = *s.first;
      std::printf(
          "  e.g. a = %s, b = %s: exact then round %s, printed rule %s\n"
          "  replay: tc0check printed-add --p %u --k %u --a %s%s,%lld --b %s%s,%lld\n",
          describe_float(a).c_str(), describe_float(b).c_str(),
          describe_float(round_to_format(f, to_rational(a) + to_rational(b))).c_str(),
          describe_float(printed_add(f, a, b)).c_str(), f.p, param(params, "k"),
          a.negative ? "-" : "", a.magnitude.str().c_str(), static_cast<long long>(a.exponent),
          b.negative ? "-" : "", b.magnitude.str().c_str(), static_cast<long long>(b.exponent));
    }
  }
  return 0;
}

// The default grids of the chosen lemmas (when `chosen` is empty: every lemma but those whose grid
// takes minutes), in registry order.
std::vector<std::pair<lemma const*, grid_t>> report_grids(std::set<std::string> const& chosen) {
  std::vector<std::pair<lemma const*, grid_t>> grids;
  for (auto const& l : all_lemmas())
    for (auto const& sweep : l.default_sweeps) {
      if (!chosen.empty() && !chosen.count(l.name)) continue;
      if (chosen.empty() && l.slow_default_grid) continue;
      grid_t grid;
      for (auto const& p : sweep)
        for (auto const& [k, v] : p)
          if (std::find(grid[k].begin(), grid[k].end(), v) == grid[k].end()) grid[k].push_back(v);
      grids.emplace_back(&l, std::move(grid));
    }
  return grids;
}

void write_report(run_record& rec, std::string const& dir) {
  add_lemma_facts(rec);
  std::ofstream(dir + "/report.md") << to_markdown(rec);
  std::ofstream(dir + "/report.json") << json::dump(to_json(rec)) << "\n";
  std::ofstream(dir + "/report.html") << to_html(rec, dir);
  print_table(std::cout, rec);
  std::cout << "report written to " << dir << "/report.md, report.html and report.json\n";
}

// The options that change a report's results, as one line (shards must agree on it).
std::string result_settings(check_params const& cp) {
  return "timeout_ms=" + std::to_string(cp.solver.timeout_ms) +
         (cp.solver.second_opinion.enabled ? " second-opinion=" + cp.solver.second_opinion.command
                                           : "") +
         " seed=" + std::to_string(cp.seed) +
         " monolithic=" + (cp.monolithic ? (*cp.monolithic ? "on" : "off") : "default");
}

// The paper gaps (proofs/lemmas/paper_gaps.hpp), when the report covers float.exp (every lemma,
// or --lemmas naming it).
void add_paper_gaps(run_record& rec, std::set<std::string> const& chosen, std::string const& dir,
                    check_params const& cp) {
  if (!chosen.empty() && !chosen.count("float.exp")) return;
  terminal_progress().obligation("paper gaps");
  rec.gaps = demonstrate_paper_gaps(dir, cp);
}

int cmd_report(options const& o, int argc, char** argv) {
  o.allow_only_declared();
  auto const dir = o.get("out", "report");
  std::set<std::string> chosen;  // --lemmas a,b: only those lemmas' default grids
  for (std::string rest = o.get("lemmas", ""); !rest.empty();) {
    auto const comma = rest.find(',');
    chosen.insert(find_lemma(rest.substr(0, comma)).name);
    rest = comma == std::string::npos ? "" : rest.substr(comma + 1);
  }
  if (o.has("all")) {
    if (!chosen.empty()) throw usage_error("--all and --lemmas: choose one");
    for (auto const& l : all_lemmas()) chosen.insert(l.name);  // shards record the list
  }
  std::optional<shard_id> shard;
  if (o.has("shard")) try {
      shard = parse_shard(o.get("shard", ""));
    } catch (std::invalid_argument const& e) {
      throw usage_error(e.what());
    }
  std::filesystem::create_directories(dir);
  auto cp = read_check_params(o);
  if (!o.has("cex-dir")) cp.cex_dir = dir + "/counterexamples";
  std::filesystem::create_directories(cp.cex_dir);
  run_record rec;
  describe_environment(rec, argc, argv);
  auto const grids = report_grids(chosen);
  if (!shard) {
    check_grids(rec, grids, cp, read_jobs(o), true);
    add_paper_gaps(rec, chosen, dir, cp);
    end_progress(cp);
    write_report(rec, dir);
    return exit_code(rec.overall());
  }
  // One shard: its part of the work list, written for `tc0check merge`.
  auto const work = work_list(grids);
  shard_file file{*shard, rec.tool_version, result_settings(cp) + ", " + rec.z3_version, {}, {},
                  {}};
  for (auto const& name : chosen) file.lemmas.push_back(name);
  std::vector<size_t> positions;
  for (size_t i = 0; i < work.size(); ++i) {
    file.work.push_back(work[i].name());
    if (in_shard(i, *shard)) positions.push_back(i);
  }
  auto results = run_items(work, positions, cp, read_jobs(o));
  end_progress(cp);
  for (size_t i = 0; i < positions.size(); ++i) {
    rec.sizes.push_back(results[i]);
    file.done.emplace_back(positions[i], std::move(results[i]));
  }
  auto const path = dir + "/shard-" + std::to_string(shard->index) + "-of-" +
                    std::to_string(shard->count) + ".json";
  std::ofstream(path) << json::dump(to_json(file)) << "\n";
  add_lemma_facts(rec);
  print_table(std::cout, rec);
  std::cout << "shard " << shard->index << "/" << shard->count << " (" << positions.size() << " of "
            << work.size() << " sizes; S1/S2 are computed by merge) written to " << path << "\n";
  return exit_code(rec.overall());
}

int cmd_merge(options const& o, int argc, char** argv) {
  o.allow_only_declared();
  if (o.positional.empty())
    throw usage_error("usage: tc0check merge --out DIR SHARD.json ... (every shard of one split)");
  std::vector<shard_file> shards;
  for (auto const& path : o.positional) {
    auto const text = read_text_file(path);
    try {
      shards.push_back(shard_from_json(text));
    } catch (std::invalid_argument const& e) {
      throw std::invalid_argument(path + ": " + e.what());
    }
  }
  auto sizes = merge_shards(shards);
  // every size's lemma and parameters, as the lemma accepts them (not only as the file says)
  for (auto const& sz : sizes) {
    auto const where = "a shard's size " + sz.size.lemma + " [" + to_string(sz.size.params) + "]: ";
    try {
      find_lemma(sz.size.lemma).validate(sz.size.params);
      for (auto const& ob : sz.obligations) find_lemma(ob.lemma).validate(ob.params);
    } catch (std::invalid_argument const& e) {
      throw std::invalid_argument(where + e.what());
    }
  }
  auto const& first = shards.front();
  run_record rec;
  describe_environment(rec, argc, argv);
  if (rec.tool_version != first.tool_version)
    throw std::invalid_argument("the shards were made by " + first.tool_version + ", this is " +
                                rec.tool_version);
  auto const grids = report_grids(std::set<std::string>(first.lemmas.begin(), first.lemmas.end()));
  auto const work = work_list(grids);
  bool same = work.size() == first.work.size();
  for (size_t i = 0; same && i < work.size(); ++i) same = work[i].name() == first.work[i];
  if (!same)
    throw std::invalid_argument(
        "the shards' work list is not this tool's default grid (another version?)");
  auto const dir = o.get("out", "report");
  std::filesystem::create_directories(dir + "/counterexamples");
  // Counterexample files are written again from the copies the shard files carry.
  for (auto& s : sizes)
    for (auto& ob : s.obligations)
      if (ob.cex && !ob.cex_file.empty()) {
        auto const name = std::filesystem::path(ob.cex_file).filename().string();
        auto const moved = dir + "/counterexamples/" + name;
        auto const old = ob.cex_file;
        std::ofstream(moved) << to_json(*ob.cex);
        ob.cex_file = moved;
        if (auto at = ob.detail.find(old); at != std::string::npos)
          ob.detail.replace(at, old.size(), moved);
      }
  assemble(rec, grids, std::move(sizes), true, 1, std::nullopt);
  check_params gap_params;  // the gaps are shown afresh (a few seconds; no solver)
  gap_params.cex_dir = dir + "/counterexamples";
  add_paper_gaps(rec, std::set<std::string>(first.lemmas.begin(), first.lemmas.end()), dir,
                 gap_params);
  write_report(rec, dir);
  return exit_code(rec.overall());
}

}  // namespace
}  // namespace tc0::cli

int main(int argc, char** argv) {
  using namespace tc0::cli;
  try {
    auto const o = parse(argc, argv);
    if (o.command.empty() || o.command == "help" || o.has("help")) {
      std::cout << usage();
      return o.command.empty() && !o.has("help") ? 2 : 0;
    }
    if (o.command == "list") return cmd_list();
    if (o.command == "check") return cmd_check(o, argc, argv);
    if (o.command == "measure") return cmd_measure(o, argc, argv);
    if (o.command == "check-netlist") return cmd_check_netlist(o, argc, argv);
    if (o.command == "export") return cmd_export(o);
    if (o.command == "replay") return cmd_replay(o);
    if (o.command == "report") return cmd_report(o, argc, argv);
    if (o.command == "merge") return cmd_merge(o, argc, argv);
    if (o.command == "printed-add") return cmd_printed_add(o);
    if (o.command == "build-model") return cmd_build_model(o);
    throw usage_error("unknown command '" + o.command + "' (try: tc0check help)");
  } catch (std::exception const& e) {
    std::cerr << "tc0check: error: " << tc0::printable(e.what()) << "\n";  // always one line
    return 2;
  }
}
