#include "proofs/engine/netlist_mutation.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "core/netlist.hpp"
#include "core/plain_netlist.hpp"
#include "proofs/lemmas/export_check_sizes.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("the plain evaluator reads an export back and computes the lemma") {
  auto const& l = find_lemma("int.add");
  auto const k = l.build({{"m", 3}});
  std::ostringstream text;
  write_netlist(text, k.c);
  auto const n = parse_plain_netlist(text.str());
  plain_evaluator const eval{n};
  for (unsigned a = 0; a < 8; ++a)
    for (unsigned b = 0; b < 8; ++b) CHECK(eval({a, b}) == std::vector<big_int>{a + b});
  // its own text form reads back to the same netlist
  CHECK(to_text(parse_plain_netlist(to_text(n))) == to_text(n));
}

TEST_SUITE("solver") {
  TEST_CASE("every lemma's export: wrong mutants refuted and confirmed, right ones proved") {
    std::set<std::string> covered;
    size_t tried = 0, wrong = 0, right = 0;
    for (auto const& [name, p, large] : export_check_sizes()) {
      CAPTURE(name);
      netlist_mutation_params mp;
      mp.max_mutants = large ? 15 : 80;  // about a minute in all
      auto const r = check_netlist_mutants(find_lemma(name), p, mp);
      for (auto const& u : r.unsound) MESSAGE("unsound: " << u);
      for (auto const& f : r.false_alarms) MESSAGE("false alarm: " << f);
      CHECK(r.unsound.empty());
      CHECK(r.false_alarms.empty());
      CHECK(r.tried + r.unreadable == std::min(r.mutations, mp.max_mutants));
      CHECK(r.refuted_and_confirmed == r.wrong);
      CHECK(r.proved == r.right);
      tried += r.tried, wrong += r.wrong, right += r.right;
      covered.insert(name);
    }
    for (auto const& [name, why] : export_check_exempt()) {
      MESSAGE(name << " is not in the export self-check: " << why);
      CHECK_FALSE(covered.count(name));
      covered.insert(name);
    }
    for (auto const& l : all_lemmas()) CHECK_MESSAGE(covered.count(l.name), l.name);
    MESSAGE(tried << " mutants: " << wrong << " wrong, " << right << " right");
    CHECK(tried >= 900);
    CHECK(wrong > 0);
    CHECK(right > 0);
  }
}
