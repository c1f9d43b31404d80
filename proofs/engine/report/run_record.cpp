#include "proofs/engine/report/run_record.hpp"

#include <chrono>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "encodings/prove.hpp"

namespace tc0 {

char const* const depth_convention =
    "Depth is the longest input-to-output path counting AND, OR, MAJ and threshold gates as 1 "
    "each; "
    "NOT is free (a complement bit on a signal). Size is the number of gates; the MAJ-normalised "
    "size "
    "is the sum over gates of the sum of |weights|.";

char const* const uniformity_note =
    "Uniformity (DLOGTIME/L-uniformity) is not checked by an SMT solver: every construction is a "
    "deterministic function of its parameters, which is the evidence offered, not a proof.";

std::vector<obligation_result const*> run_record::all_obligations() const {
  std::vector<obligation_result const*> all;
  for (auto const& s : sizes)
    for (auto const& o : s.obligations) all.push_back(&o);
  for (auto const& o : sweeps) all.push_back(&o);
  return all;
}

lemma_facts const& run_record::facts(std::string const& lemma) const {
  auto const it = lemmas.find(lemma);
  if (it == lemmas.end()) throw std::logic_error("the run record has no facts of " + lemma);
  return it->second;
}

void run_record::add_facts(lemma const& l) {
  lemmas[l.name] = {l.paper_ref,         l.paper_depth, l.depth_bound,
                    l.parameter_names(), l.uses,        l.evidence_note};
}

verdict run_record::overall() const {
  verdict v = verdict::proved;
  bool any_proved = false;
  for (auto const* o : all_obligations()) {
    v = combine(v, o->result);
    any_proved |= o->result == verdict::proved;
  }
  return any_proved ? v : combine(v, verdict::unknown);  // nothing checked is not a proof
}

void describe_environment(run_record& r, int argc, char** argv) {
  r.tool_version = "tc0check 0.1.0";
  r.z3_version = solver_version();
  auto const now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
  r.date = buf;
  for (int i = 0; i < argc; ++i) r.command_line += (i ? " " : "") + std::string(argv[i]);
  std::string cpu;
  std::ifstream info("/proc/cpuinfo");
  for (std::string line; std::getline(info, line);)
    if (line.rfind("model name", 0) == 0) {
      cpu = line.substr(line.find(':') + 2);
      break;
    }
  r.machine = (cpu.empty() ? "unknown CPU" : cpu) + ", " +
              std::to_string(std::thread::hardware_concurrency()) + " hardware threads";
}

}  // namespace tc0
