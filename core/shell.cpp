#include "core/shell.hpp"

#include <cstdio>
#include <cstdlib>

namespace tc0 {

std::string run_command(std::string const& command_line) {
  std::string out;
  if (FILE* p = popen(command_line.c_str(), "r")) {
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    pclose(p);
  }
  return out;
}

bool have_command(std::string const& program) {
  return std::system(("command -v '" + program + "' >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace tc0
