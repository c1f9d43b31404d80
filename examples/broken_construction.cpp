// Claim: a single altered gate in the iterated-addition construction is caught. We export the
// construction for n = 4, m = 4 as a netlist, raise the threshold of one gate by one, read it
// back as a user's netlist and check it against the lemma: the result must be a refutation
// whose counterexample (decoded operands, expected and actual sum) still fails on replay.
// Exits 0 because the refutation is the expected outcome.
#include <cstdio>
#include <regex>
#include <sstream>

#include "core/check_by_simulation.hpp"
#include "core/netlist.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/lemmas/registry.hpp"

int main() {
  using namespace tc0;
  auto const& l = find_lemma("int.iterated_add");
  parameters const p{{"n", 4}, {"m", 4}};
  std::ostringstream text;
  write_netlist(text, l.build(p).c);

  // Break the first threshold gate of the adder's sum bits: "gK = thr T ..." becomes "thr T+1".
  std::string netlist = text.str();
  auto const adder = netlist.find("# stage sum_bits");
  std::smatch m;
  std::string const tail = netlist.substr(adder);
  if (!std::regex_search(tail, m, std::regex(R"((g\d+ = thr )(\d+))"))) return 2;
  auto const at = adder + static_cast<size_t>(m.position(0));
  auto const line = m.str(1) + std::to_string(std::stoi(m.str(2)) + 1);
  std::printf("altered: %s -> %s\n", m.str(0).c_str(), line.c_str());
  netlist.replace(at, static_cast<size_t>(m.length(0)), line);

  std::istringstream in(netlist);
  auto const broken = read_netlist(in, "broken.net");
  auto const r = check_circuit(l, p, broken, "broken.net", {});
  bool refuted = false, replayed = true;
  for (auto const& o : r.obligations) {
    std::printf("%-8s %s — %s\n", std::string(to_string(o.result)).c_str(), o.id.c_str(),
                o.detail.c_str());
    if (o.result != verdict::refuted) continue;
    refuted = true;
    for (auto const& b : o.cex->inputs)
      std::printf("    %s = %s\n", b.name.c_str(), b.value.c_str());
    std::printf("    expected sum %s, circuit gives %s\n", o.cex->expected.c_str(),
                o.cex->actual.c_str());
    replayed = replayed && first_failing_clause(l.specification(broken, p),
                                                simulate_pattern(broken, o.cex->input_bits))
                               .has_value();
  }
  std::printf("refuted: %s, every counterexample replays: %s\n", refuted ? "yes" : "no",
              replayed ? "yes" : "no");
  return refuted && replayed ? 0 : 1;
}
