// The mutation self-check at scale: many mutants per lemma (proofs/engine/mutation.hpp), the kill
// rate of the staged proof, and every surviving wrong mutant named. Exits 1 when one survives (a
// hole in the staged proof) or a baseline is not proved, 0 otherwise.
//
// usage: mutation_bench [mutants per lemma (default 300)] [jobs (default 2)] [--json FILE]
//                       [--lemmas A,B,...]
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/json.hpp"
#include "proofs/engine/mutation.hpp"
#include "proofs/lemmas/registry.hpp"
#include "staged_timing.hpp"

using namespace tc0;

int main(int argc, char** argv) {
  size_t mutants = 300;
  unsigned jobs = 2;
  std::string json_path, only;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string const a = argv[i];
    if ((a == "--json" || a == "--lemmas") && i + 1 < argc)
      (a == "--json" ? json_path : only) = argv[++i];
    else
      positional.push_back(a);
  }
  try {
    if (positional.size() > 0) mutants = std::stoul(positional[0]);
    if (positional.size() > 1) jobs = static_cast<unsigned>(std::stoul(positional[1]));
    if (positional.size() > 2) throw std::invalid_argument("too many arguments");
  } catch (std::exception const&) {
    std::cerr << "usage: mutation_bench [mutants per lemma] [jobs] [--json FILE] [--lemmas A,B]\n";
    return 2;
  }
  json::array rows;
  bool hole = false;
  size_t total_wrong = 0, total_killed = 0;
  std::cout << "lemma               size          mutants  (of)      wrong  killed  survived  "
               "seconds\n";
  for (auto const& l : all_lemmas()) {
    if (!only.empty() && ("," + only + ",").find("," + l.name + ",") == std::string::npos) continue;
    if (!l.self_check_exempt.empty()) {
      std::cout << l.name << ": not in the self-check (" << l.self_check_exempt << ")\n";
      continue;
    }
    if (l.self_check_size.empty()) {
      std::cout << l.name << ": no self_check_size (add one)\n";
      hole = true;
      continue;
    }
    mutation_params mp;
    mp.max_mutants = mutants;
    mp.jobs = jobs;
    mp.solver.timeout_ms = 20000;
    auto const t0 = bench::now();
    auto const r = check_mutants(l, l.self_check_size, mp);
    auto const seconds = bench::now() - t0;
    auto const killed = r.count(mutant_fate::killed), survived = r.count(mutant_fate::survived);
    auto const wrong = killed + survived;
    total_wrong += wrong;
    total_killed += killed;
    std::ostringstream line;
    line.setf(std::ios::fixed);
    line.precision(1);
    line << l.name << std::string(20 - std::min<size_t>(19, l.name.size()), ' ')
         << to_string(r.params)
         << std::string(14 - std::min<size_t>(13, to_string(r.params).size()), ' ')
         << r.outcomes.size() << "  (" << r.mutations << ")  " << wrong << "  " << killed << "  "
         << survived << "  " << seconds;
    std::cout << line.str() << "\n";
    if (!r.baseline_proved) {
      std::cout << "  baseline not proved: " << r.baseline_detail << "\n";
      hole = true;
    }
    json::array survivors;
    for (auto const& o : r.outcomes)
      if (o.fate == mutant_fate::survived) {
        std::cout << "  SURVIVED: " << o.description << "\n";
        survivors.push_back(o.description);
        hole = true;
      }
    rows.push_back(json::object{{"lemma", l.name},
                                {"params", to_string(r.params)},
                                {"baseline_proved", r.baseline_proved},
                                {"mutations", r.mutations},
                                {"sampled", r.outcomes.size()},
                                {"wrong", wrong},
                                {"killed", killed},
                                {"survivors", std::move(survivors)},
                                {"seconds", seconds}});
  }
  std::cout << "wrong mutants " << total_wrong << ", caught " << total_killed << ", surviving "
            << total_wrong - total_killed << "\n";
  if (!json_path.empty()) {
    json::object out{{"benchmark", "mutation_bench"},
                     {"mutants_per_lemma", mutants},
                     {"lemmas", std::move(rows)}};
    std::ofstream(json_path) << json::dump(out) << "\n";
  }
  return hole ? 1 : 0;
}
