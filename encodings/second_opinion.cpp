#include "encodings/second_opinion.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/shell.hpp"

namespace tc0 {
namespace {

std::string first_line(std::string const& s) {
  auto const end = s.find('\n');
  return s.substr(0, std::min<size_t>(end == std::string::npos ? s.size() : end, 160));
}

}  // namespace

query_opinion ask_second_solver(std::string const& smt2, std::string const& z3_answer,
                                second_opinion_params const& p) {
  query_opinion o{z3_answer, "unknown", ""};
  auto timeout_ms = static_cast<long long>(p.timeout_ms);
  if (p.deadline)
    timeout_ms = std::min(
        timeout_ms, static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                               *p.deadline - std::chrono::steady_clock::now())
                                               .count()));
  if (timeout_ms <= 0) {
    o.note = "not run: the time limit (--timeout or --budget) was reached";
    return o;
  }
  bool const arithmetic =
      smt2.find(" Real)") != std::string::npos || smt2.find(" Int)") != std::string::npos;
  auto const dir = std::filesystem::temp_directory_path();
  std::string path = (dir / "tc0check-query-XXXXXX.smt2").string();
  int const fd = mkstemps(path.data(), 5);
  if (fd < 0) {
    o.note = "cannot create a temporary file";
    return o;
  }
  ::close(fd);
  std::ofstream(path) << smt2;
  // the backstop's whole seconds, rounded up, plus one
  auto const seconds = std::to_string((timeout_ms + 999) / 1000 + 1);
  auto const options = arithmetic ? std::string("--force-logic=ALL")
                                  : std::string("--force-logic=QF_BV --bitblast=eager");
  // the outer `timeout` is a backstop should the solver ignore its own limit
  auto const out = run_command("timeout -s KILL " + seconds + " " + p.command + " " + options +
                               " --tlimit=" + std::to_string(timeout_ms) + " " + path + " 2>&1");
  std::filesystem::remove(path);
  auto const line = first_line(out);
  if (line == "sat" || line == "unsat") {
    o.other = line;
  } else if (line.empty()) {
    o.note = p.command + " gave no answer (not installed, or killed)";
  } else if (line.find("timeout") != std::string::npos || line == "unknown") {
    o.note = p.command + ": " + (line == "unknown" ? "unknown" : "timeout");
  } else {
    o.note = p.command + ": " + line;
  }
  return o;
}

opinion_summary summarise_opinions(std::vector<query_opinion> const& opinions,
                                   std::string const& solver_name) {
  opinion_summary s;
  if (opinions.empty()) return s;
  unsigned agree = 0, undecided = 0, disagree = 0;
  std::string first_note, first_disagreement;
  for (auto const& o : opinions) {
    bool const decided = (o.z3 == "sat" || o.z3 == "unsat") && o.other != "unknown";
    if (!decided) {
      ++undecided;
      if (first_note.empty())
        first_note = o.z3 == "unknown" && o.other != "unknown"
                         ? "Z3 unknown, " + solver_name + " " + o.other
                         : (o.note.empty() ? "Z3 unknown" : o.note);
    } else if (o.z3 == o.other) {
      ++agree;
    } else {
      ++disagree;
      if (first_disagreement.empty())
        first_disagreement = "Z3 " + o.z3 + ", " + solver_name + " " + o.other;
    }
  }
  auto const n = std::to_string(opinions.size());
  auto const queries = opinions.size() == 1 ? " query" : " queries";
  s.disagrees = disagree > 0;
  if (disagree > 0)
    s.text = solver_name + " DISAGREES on " + std::to_string(disagree) + " of " + n + queries +
             " (" + first_disagreement + ")";
  else if (undecided > 0)
    s.text = solver_name + " undecided on " + std::to_string(undecided) + " of " + n + queries +
             " (" + first_note + "), agrees on " + std::to_string(agree);
  else
    s.text =
        solver_name + " agrees on " + (opinions.size() == 1 ? "the query" : "all " + n + queries);
  return s;
}

}  // namespace tc0
