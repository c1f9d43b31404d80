// Sharding a report's grid across machines (SPEC: reports): shard i of k runs the items of the
// work list whose position p has p mod k = i - 1, and writes a shard file; `tc0check merge`
// checks that the shard files belong together and rebuilds the report a single run would give
// (S1/S2 need no solver and are recomputed from the merged sizes).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/json.hpp"
#include "proofs/engine/check.hpp"

namespace tc0 {

struct shard_id {
  unsigned index = 1;  // 1..count
  unsigned count = 1;
};

// "i/k" with 1 <= i <= k <= 10000; throws std::invalid_argument.
shard_id parse_shard(std::string const& text);
bool in_shard(size_t position, shard_id s);

struct shard_file {
  shard_id shard;
  std::string tool_version;
  std::string settings;             // the options that change results, as one line
  std::vector<std::string> lemmas;  // the lemmas whose default grids make the work list
  std::vector<std::string> work;    // every item of the whole grid, "lemma[params]", in order
  std::vector<std::pair<size_t, size_check>> done;  // (position in `work`, its results)
};

json::value to_json(shard_file const& s);
// Throws std::invalid_argument naming the field that is missing or malformed.
shard_file shard_from_json(std::string const& text);

// The size checks of the whole work list in order, when the shard files belong together: the same
// tool, settings, lemmas and work list; shards 1..k each exactly once; every item done exactly
// once. Throws std::invalid_argument saying what does not fit.
std::vector<size_check> merge_shards(std::vector<shard_file> const& shards);

}  // namespace tc0
