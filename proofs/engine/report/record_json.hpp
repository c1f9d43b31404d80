// JSON for the parts of a run_record, both ways: the report's report.json is written with these,
// and shard files (proofs/engine/report/shards.hpp) are written and read back with them, so a
// merged report is built from exactly the data a single run would have had.
#pragma once

#include "core/json.hpp"
#include "proofs/engine/check.hpp"

namespace tc0 {

json::value obligation_json(obligation_result const& o);
// A size's metrics and stage depths (without its obligations).
json::value size_json(size_check const& s);
// size_json plus "obligations": the form shard files keep.
json::value size_check_json(size_check const& s);

// Throw std::invalid_argument naming the field that is missing or malformed.
obligation_result obligation_from_json(json::value const& v);
size_check size_check_from_json(json::value const& v);

}  // namespace tc0
