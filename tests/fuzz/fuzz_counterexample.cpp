// libFuzzer target: counterexample files (proofs/engine/counterexample.hpp), as `replay` reads
// them, on arbitrary bytes; what is accepted is written back and read again.
#include <cstdint>

#include "proofs/engine/counterexample.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size) {
  std::string const text(reinterpret_cast<char const*>(data), size);
  tc0::fuzz::expect_clean_refusal("", [&] {
    auto const cx = tc0::counterexample_from_json(text);
    (void)tc0::counterexample_from_json(tc0::to_json(cx));
  });
  return 0;
}
