// Running the external tools tc0check can consult (cvc5, ABC, Icarus Verilog): a command line's
// standard output as text, and whether a program is on the PATH.
#pragma once

#include <string>

namespace tc0 {

// The command's standard output (stderr only when the command redirects it); empty when it
// could not be started.
std::string run_command(std::string const& command_line);

bool have_command(std::string const& program);

}  // namespace tc0
