// Writers of a run_record: JSON for programs, Markdown for people, and the terminal table.
#pragma once

#include <iosfwd>
#include <string>

#include "core/json.hpp"
#include "proofs/report/run_record.hpp"

namespace tc0 {

json::value to_json(run_record const& r);
std::string to_markdown(run_record const& r);
void print_table(std::ostream& out, run_record const& r);

}  // namespace tc0
