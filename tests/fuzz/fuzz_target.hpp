// What every fuzz target checks beyond "no crash, no hang, no sanitizer report" (issue 23):
// malformed input is refused with a std::exception whose message a person can act on — not
// empty, and, where the reader knows the file, naming it first. Anything else aborts, which
// libFuzzer reports as a finding with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

namespace tc0::fuzz {

// Runs `read` (which parses its input and uses the result); a refusal must be a
// std::exception with a usable message that starts with `prefix` (may be empty).
template <class Read>
void expect_clean_refusal(std::string_view prefix, Read&& read) {
  try {
    read();
  } catch (std::bad_alloc const&) {
    std::fprintf(stderr, "finding: out of memory instead of a limit\n");
    std::abort();
  } catch (std::exception const& e) {
    std::string const what = e.what();
    if (what.empty() || what.substr(0, prefix.size()) != prefix ||
        what.find(' ') == std::string::npos) {  // bare library text: "stoul", "stod"
      std::fprintf(stderr, "finding: unhelpful error message: '%s'\n", what.c_str());
      std::abort();
    }
  }
}

}  // namespace tc0::fuzz
