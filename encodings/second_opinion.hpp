// A second solver on the same query: the SMT-LIB2 text Z3 was given is handed to cvc5 (Debian
// package cvc5, run as a separate process with its own time limit), and both answers are kept
// side by side. Quantifier-free bit-vector queries go to cvc5 with eager bit-blasting (its lazy
// default times out on circuit miters that SAT settles in a second); arithmetic queries with
// cvc5's defaults.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace tc0 {

struct second_opinion_params {
  bool enabled = false;
  std::string command = "cvc5";
  unsigned timeout_ms = 60000;
  // A global budget (--budget): the second solver's limit is cut to what is left until then,
  // and it is not started once the deadline has passed (its answer is then unknown).
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

// One query: Z3's answer and the second solver's, each "sat", "unsat" or "unknown"; `note` says
// why the second answer is unknown (timeout, parse error, not installed).
struct query_opinion {
  std::string z3;
  std::string other;
  std::string note;
};

// Runs the second solver on `smt2` (which ends with check-sat).
query_opinion ask_second_solver(std::string const& smt2, std::string const& z3_answer,
                                second_opinion_params const& p);

// One line for an obligation: "cvc5 agrees on all 3 queries", "cvc5 DISAGREES on 1 of 3
// queries (...)", "cvc5 undecided on 1 of 3 queries (timeout), agrees on 2".
struct opinion_summary {
  bool disagrees = false;
  std::string text;  // empty when there were no queries
};
opinion_summary summarise_opinions(std::vector<query_opinion> const& opinions,
                                   std::string const& solver_name);

}  // namespace tc0
