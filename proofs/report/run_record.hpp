// Everything one run of tc0check established: the data every writer (terminal table, JSON,
// Markdown) formats. Writers add nothing that is not in here.
#pragma once

#include <string>
#include <vector>

#include "proofs/check.hpp"

namespace tc0 {

struct run_record {
  std::string tool_version;
  std::string z3_version;
  std::string date;
  std::string command_line;
  std::string machine;
  std::vector<size_check> sizes;
  std::vector<obligation_result> sweeps;  // S1 / S2

  std::vector<obligation_result const*> all_obligations() const;
  verdict overall() const;
};

// Fills the header fields that describe this process and machine.
void describe_environment(run_record& r, int argc, char** argv);

// The depth convention of SPEC §1, stated in every report.
extern char const* const depth_convention;
extern char const* const uniformity_note;

}  // namespace tc0
