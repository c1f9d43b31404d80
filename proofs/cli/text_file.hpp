// Reading a user's text file (a counterexample, a shard, a model) whole, with one-line errors
// naming it.
#pragma once

#include <string>

namespace tc0::cli {

// Throws std::invalid_argument for a directory, a file that cannot be opened or read, or one
// larger than 256 MB.
std::string read_text_file(std::string const& path);

}  // namespace tc0::cli
