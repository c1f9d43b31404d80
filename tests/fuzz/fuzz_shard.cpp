// libFuzzer target: shard files (proofs/engine/report/shards.hpp), as `merge` reads them, on
// arbitrary bytes; an accepted shard is merged alone.
#include <cstdint>

#include "proofs/engine/report/shards.hpp"
#include "tests/fuzz/fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size) {
  std::string const text(reinterpret_cast<char const*>(data), size);
  tc0::fuzz::expect_clean_refusal("", [&] {
    auto const s = tc0::shard_from_json(text);
    (void)tc0::merge_shards({s});
  });
  return 0;
}
