#include "proofs/engine/report/shards.hpp"

#include <set>
#include <stdexcept>

#include "proofs/engine/report/record_json.hpp"

namespace tc0 {

shard_id parse_shard(std::string const& text) {
  auto const slash = text.find('/');
  auto const bad = std::invalid_argument("--shard takes i/k with 1 <= i <= k, not '" + text + "'");
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) throw bad;
  auto const digits = [&](std::string const& s) {
    if (s.size() > 5 || s.find_first_not_of("0123456789") != std::string::npos) throw bad;
    return static_cast<unsigned>(std::stoul(s));
  };
  shard_id s{digits(text.substr(0, slash)), digits(text.substr(slash + 1))};
  if (s.index < 1 || s.index > s.count || s.count > 10000) throw bad;
  return s;
}

bool in_shard(size_t position, shard_id s) {
  return position % s.count == s.index - 1;
}

json::value to_json(shard_file const& s) {
  json::array lemmas, work, done;
  for (auto const& l : s.lemmas) lemmas.push_back(l);
  for (auto const& w : s.work) work.push_back(w);
  for (auto const& [position, check] : s.done)
    done.push_back(json::object{{"position", position}, {"size", size_check_json(check)}});
  return json::object{
      {"format", "tc0check-shard 1"},
      {"shard", std::to_string(s.shard.index) + "/" + std::to_string(s.shard.count)},
      {"tool", s.tool_version},
      {"settings", s.settings},
      {"lemmas", lemmas},
      {"work", work},
      {"done", done}};
}

shard_file shard_from_json(std::string const& text) {
  auto const v = json::parse(text);
  if (!v.is_object() || !v.find("format") || v.at("format").as_string() != "tc0check-shard 1")
    throw std::invalid_argument("not a tc0check shard file (missing format \"tc0check-shard 1\")");
  shard_file s;
  s.shard = parse_shard(v.at("shard").as_string());
  s.tool_version = v.at("tool").as_string();
  s.settings = v.at("settings").as_string();
  for (auto const& l : v.at("lemmas").as_array()) s.lemmas.push_back(l.as_string());
  for (auto const& w : v.at("work").as_array()) s.work.push_back(w.as_string());
  for (auto const& d : v.at("done").as_array()) {
    auto const position = d.at("position").as_int();
    if (position < 0 || static_cast<size_t>(position) >= s.work.size())
      throw std::invalid_argument("a result's position is outside the work list");
    s.done.emplace_back(static_cast<size_t>(position), size_check_from_json(d.at("size")));
  }
  return s;
}

std::vector<size_check> merge_shards(std::vector<shard_file> const& shards) {
  if (shards.empty()) throw std::invalid_argument("no shard files given");
  auto const& first = shards.front();
  std::set<unsigned> seen;
  for (auto const& s : shards) {
    auto const name =
        "shard " + std::to_string(s.shard.index) + "/" + std::to_string(s.shard.count);
    if (s.shard.count != first.shard.count)
      throw std::invalid_argument(name + " belongs to a split into " +
                                  std::to_string(s.shard.count) + ", the first file to one into " +
                                  std::to_string(first.shard.count));
    if (s.tool_version != first.tool_version || s.settings != first.settings ||
        s.lemmas != first.lemmas || s.work != first.work)
      throw std::invalid_argument(name +
                                  " was run with another tool version, other options or another "
                                  "grid than the first file");
    if (!seen.insert(s.shard.index).second) throw std::invalid_argument(name + " is given twice");
  }
  for (unsigned i = 1; i <= first.shard.count; ++i)
    if (!seen.count(i))
      throw std::invalid_argument("shard " + std::to_string(i) + "/" +
                                  std::to_string(first.shard.count) + " is missing");
  std::vector<std::optional<size_check>> slots(first.work.size());
  for (auto const& s : shards)
    for (auto const& [position, check] : s.done) {
      if (!in_shard(position, s.shard) || slots[position])
        throw std::invalid_argument("item " + first.work[position] +
                                    " is in the wrong shard file or in two");
      slots[position] = check;
    }
  std::vector<size_check> out;
  for (size_t p = 0; p < slots.size(); ++p) {
    if (!slots[p]) throw std::invalid_argument("no shard has the results of " + first.work[p]);
    out.push_back(std::move(*slots[p]));
  }
  return out;
}

}  // namespace tc0
