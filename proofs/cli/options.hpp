// Command-line parsing for tc0check: parameter grids ("2..64", "2,4,8", "2..64*2") and flags.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "proofs/lemma.hpp"

namespace tc0::cli {

struct usage_error : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

struct options {
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;           // --name value, or --name alone -> ""
  std::map<std::string, std::vector<unsigned>> grid;  // parameter -> values to sweep

  bool has(std::string const& f) const { return flags.count(f) > 0; }
  std::string get(std::string const& f, std::string const& fallback) const;
  unsigned get_unsigned(std::string const& f, unsigned fallback, unsigned lo, unsigned hi) const;
};

// Flags that take no value.
inline bool is_switch(std::string const& name) {
  return name == "json" || name == "no-monolithic" || name == "monolithic" || name == "help" ||
         name == "progress-lines";
}

// Parses argv; parameter flags (--n, --m, ...) are those named by `parameter_names`.
options parse(int argc, char** argv);

// "2..64" (every integer), "2..64*2" (doubling), "2,4,8" or "8".
std::vector<unsigned> parse_values(std::string const& flag, std::string const& text);

// The Cartesian product of the grid, in a deterministic order.
std::vector<parameters> expand(std::map<std::string, std::vector<unsigned>> const& grid);

}  // namespace tc0::cli
