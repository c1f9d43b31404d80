// The kinds of gate of SPEC §1 and one table describing them.
//
// Every dispatch on a kind is a switch without `default:` so that -Wswitch flags a kind that was
// added here and forgotten there.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace tc0 {

// AND, OR and MAJ are threshold gates with unit weights; they keep their own kind because
// readers (exports, reports, people) recognise them, and the builder classifies every
// canonical threshold gate into the most specific kind (see circuit.cpp).
enum class gate_kind : unsigned char { constant, input, and_, or_, maj, threshold };

struct gate_kind_info {
  gate_kind kind;
  std::string_view name;  // as written in netlists and exports
  bool is_gate;           // counted in size and depth (constants and inputs are not)
  bool weighted;          // carries explicit weights and a threshold
};

inline constexpr std::array<gate_kind_info, 6> gate_kind_table{{
    {gate_kind::constant, "const", false, false},
    {gate_kind::input, "input", false, false},
    {gate_kind::and_, "and", true, false},
    {gate_kind::or_, "or", true, false},
    {gate_kind::maj, "maj", true, false},
    {gate_kind::threshold, "thr", true, true},
}};

constexpr bool gate_kind_table_is_complete() {
  for (std::size_t i = 0; i < gate_kind_table.size(); ++i)
    if (static_cast<std::size_t>(gate_kind_table[i].kind) != i) return false;
  return true;
}
static_assert(gate_kind_table_is_complete(), "gate_kind_table must list every kind in order");
static_assert(static_cast<std::size_t>(gate_kind::threshold) + 1 == gate_kind_table.size(),
              "a gate kind is missing from gate_kind_table");

constexpr gate_kind_info const& info(gate_kind k) {
  return gate_kind_table[static_cast<std::size_t>(k)];
}

}  // namespace tc0
