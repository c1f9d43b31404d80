#include "proofs/cli/text_file.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace tc0::cli {

std::string read_text_file(std::string const& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw std::invalid_argument("'" + path + "' is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot open '" + path + "'");
  auto const size = std::filesystem::file_size(path, ec);
  if (!ec && size > (uintmax_t{1} << 28))
    throw std::invalid_argument("'" + path + "' is larger than 256 MB");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::invalid_argument("cannot read '" + path + "'");
  return text;
}

}  // namespace tc0::cli
