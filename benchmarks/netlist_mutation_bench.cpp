// The mutation self-check of exports at scale (proofs/engine/netlist_mutation.hpp): mutants of
// every lemma's exported netlist at its self-check size, each judged by the plain evaluator and
// checked as a user's netlist. Exits 1 when a wrong mutant is not refuted with a confirmed
// counterexample (unsound) or a right one is not proved (false alarm), 0 otherwise.
//
// usage: netlist_mutation_bench [mutants per lemma (default 1300; an eighth of it for the large
//                               exports)] [--json FILE] [--lemmas A,B]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "core/json.hpp"
#include "proofs/engine/netlist_mutation.hpp"
#include "proofs/lemmas/export_check_sizes.hpp"
#include "proofs/lemmas/registry.hpp"
#include "staged_timing.hpp"

using namespace tc0;

int main(int argc, char** argv) {
  size_t mutants = 1300;
  std::string json_path, only;
  try {
    for (int i = 1; i < argc; ++i) {
      std::string const a = argv[i];
      if ((a == "--json" || a == "--lemmas") && i + 1 < argc)
        (a == "--json" ? json_path : only) = argv[++i];
      else if (i == 1)
        mutants = std::stoul(a);
      else
        throw std::invalid_argument(a);
    }
  } catch (std::exception const&) {
    std::cerr << "usage: netlist_mutation_bench [mutants per lemma] [--json FILE] [--lemmas A,B]\n";
    return 2;
  }
  json::array rows;
  size_t tried = 0, unsound = 0, false_alarms = 0;
  std::cout
      << "lemma               size          tried (of)  wrong refuted  right proved  seconds\n";
  for (auto const& [name, p, large] : export_check_sizes()) {
    if (!only.empty() && ("," + only + ",").find("," + name + ",") == std::string::npos) continue;
    auto const& l = find_lemma(name);
    netlist_mutation_params mp;
    mp.max_mutants = large ? mutants / 8 : mutants;
    auto const t0 = bench::now();
    auto const r = check_netlist_mutants(l, p, mp);
    auto const seconds = bench::now() - t0;
    tried += r.tried;
    unsound += r.unsound.size();
    false_alarms += r.false_alarms.size();
    std::printf("%-19s %-13s %5zu (%zu)  %5zu %7zu  %5zu %6zu  %7.1f\n", l.name.c_str(),
                to_string(r.params).c_str(), r.tried, r.mutations, r.wrong, r.refuted_and_confirmed,
                r.right, r.proved, seconds);
    std::fflush(stdout);  // a line per lemma as it finishes (the run is long)
    for (auto const& u : r.unsound) std::cout << "  UNSOUND: " << u << "\n";
    for (auto const& f : r.false_alarms) std::cout << "  FALSE ALARM: " << f << "\n";
    json::array bad;
    for (auto const& u : r.unsound) bad.push_back("unsound: " + u);
    for (auto const& f : r.false_alarms) bad.push_back("false alarm: " + f);
    rows.push_back(json::object{{"lemma", l.name},
                                {"params", to_string(r.params)},
                                {"mutations", r.mutations},
                                {"tried", r.tried},
                                {"unreadable", r.unreadable},
                                {"wrong", r.wrong},
                                {"refuted_and_confirmed", r.refuted_and_confirmed},
                                {"right", r.right},
                                {"proved", r.proved},
                                {"failures", std::move(bad)},
                                {"seconds", seconds}});
  }
  std::cout << "mutants tried " << tried << ", unsound " << unsound << ", false alarms "
            << false_alarms << "\n";
  if (!json_path.empty())
    std::ofstream(json_path) << json::dump(json::object{{"benchmark", "netlist_mutation_bench"},
                                                        {"mutants_per_lemma", mutants},
                                                        {"lemmas", std::move(rows)}})
                             << "\n";
  return unsound + false_alarms > 0 ? 1 : 0;
}
