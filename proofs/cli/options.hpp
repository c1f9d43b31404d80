// Command-line parsing for tc0check: parameter grids ("2..64", "2,4,8", "2..64*2") and flags.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "proofs/engine/lemma.hpp"

namespace tc0::cli {

struct usage_error : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// Every option of every command, declared once: the usage text, which command accepts which
// option, whether it takes a value, and the range and default of a number all come from here.
struct option_spec {
  std::string_view name;      // without the leading "--"
  std::string_view value;     // what it takes ("SECONDS"); empty for a switch
  std::string_view commands;  // the commands that accept it, separated by spaces
  std::string_view help;
  unsigned fallback = 0, lo = 0, hi = 0;  // numbers (hi > 0): default and range
};

inline constexpr std::string_view proving = "check check-netlist report";
inline constexpr option_spec option_table[] = {
    {"timeout", "SECONDS", "check check-netlist report measure",
     "per obligation (default 60), on all its work: encoding, enumeration, solving, "
     "simulation, and on building each construction; what it stops is 'unknown'",
     60, 1, 86400},
    {"budget", "SECONDS", "check report measure",
     "a deadline for the whole run: nothing (cvc5 included) starts after it or runs past it, "
     "building included; what it stops is 'unknown'",
     0, 1, 7 * 86400},
    {"jobs", "N", "check report measure",
     "check N sizes at once, one thread each (default 1; also -j N); results and their order "
     "do not depend on N",
     1, 1, 64},
    {"only", "TEXT", "check check-netlist",
     "run only the obligations whose name contains TEXT (e.g. stage:crt_block_sums); the rest "
     "are counted as skipped"},
    {"json", "", "check check-netlist report measure",
     "print the results as JSON instead of a table"},
    {"smt2-dir", "DIR", proving, "write every SMT query as an SMT-LIB2 file into DIR"},
    {"cex-dir", "DIR", proving, "where counterexample files go (default: counterexamples)"},
    {"monolithic", "", proving, "force the whole-circuit miter on"},
    {"no-monolithic", "", proving, "force the whole-circuit miter off"},
    {"seed", "N", "check check-netlist report build-model", "seed of random simulation (default 1)",
     1, 0, 4000000000u},
    {"exhaustive-bits", "N", "check check-netlist report build-model",
     "simulate every input pattern where the circuit has at most N input bits (default 20; "
     "each bit doubles the time)",
     20, 0, 30},
    {"second-opinion", "cvc5", proving,
     "also give every solver query to cvc5 (same time limit) and report, per obligation, "
     "whether it agrees; a disagreement makes it 'unknown'"},
    {"progress-lines", "", "check check-netlist report measure",
     "progress as one stderr line per obligation started, also off a terminal (by default: a "
     "line rewritten in place, on a terminal only)"},
    {"out", "DIR|FILE", "report merge export build-model",
     "where the report goes (default: report), or the exported file (also -o FILE)"},
    {"lemmas", "A,B", "report", "only these lemmas' default grids"},
    {"all", "", "report",
     "also the lemmas whose default grid takes minutes (tf.attention_matrix, tf.attention, "
     "tf.transformer)"},
    {"shard", "I/K", "report", "only part I of K of the work list"},
    {"format", "F", "export", "netlist (default), dot, verilog, aag or aig"},
    {"random", "N", "build-model",
     "random inputs to run the model on besides the given ones (default 256)", 256, 0, 1000000},
    {"p", "P", "printed-add", "precision (default 3)", 3, 2, 8},
    {"k", "K", "printed-add", "exponent bits, 0 for the paper's range (default 0)", 0, 0, 16},
    {"a", "M,E", "printed-add", "one operand (with --b): compare this pair only"},
    {"b", "M,E", "printed-add", "the other operand"},
    {"help", "", "", "this text"},
};

// The option's declaration; nullptr for a name no command knows.
option_spec const* find_option(std::string_view name);
// The options section of the usage text, from the table.
std::string options_usage();

struct options {
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;           // --name value, or --name alone -> ""
  std::map<std::string, std::vector<unsigned>> grid;  // parameter -> values to sweep

  bool has(std::string const& f) const { return flags.count(f) > 0; }
  std::string get(std::string const& f, std::string const& fallback) const;
  // A number option: its value, or its declared default; throws usage_error outside its range.
  unsigned get_unsigned(std::string const& f) const;
  // Throws usage_error for a flag the command does not accept (the lemma's parameters are
  // accepted as grids).
  void allow_only_declared(std::vector<std::string> const& parameters = {}) const;
};

// Options that take no value.
inline bool is_switch(std::string const& name) {
  auto const* o = find_option(name);
  return o && o->value.empty();
}

// Parses argv; parameter flags (--n, --m, ...) are those named by `parameter_names`.
options parse(int argc, char** argv);

// "2..64" (every integer), "2..64*2" (doubling), "2,4,8" or "8".
std::vector<unsigned> parse_values(std::string const& flag, std::string const& text);

// The Cartesian product of the grid, in a deterministic order.
std::vector<parameters> expand(std::map<std::string, std::vector<unsigned>> const& grid);

}  // namespace tc0::cli
