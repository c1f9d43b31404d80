// Writers of a run_record: JSON for programs, Markdown and HTML for people, the terminal table.
#pragma once

#include <iosfwd>
#include <string>

#include "core/json.hpp"
#include "proofs/engine/report/run_record.hpp"

namespace tc0 {

json::value to_json(run_record const& r);
std::string to_markdown(run_record const& r);
// One self-contained HTML file; file links are written relative to `base_dir` (the folder the
// HTML goes into).
std::string to_html(run_record const& r, std::string const& base_dir);
void print_table(std::ostream& out, run_record const& r);

}  // namespace tc0
