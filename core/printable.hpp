// Error messages stay one printable line: bytes that are control characters (a newline, a NUL,
// a carriage return) or not ASCII (a UTF-8 byte-order mark, raw bytes from a binary file) are
// shown as '?', so a message echoing a malformed input can neither span lines nor be cut short.
#pragma once

#include <string>

namespace tc0 {

inline std::string printable(std::string s) {
  for (auto& ch : s)
    if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) >= 0x7f) ch = '?';
  return s;
}

}  // namespace tc0
