// A deliberately plain second reading of the netlist format (core/netlist.hpp), for the
// mutation self-check of exports (proofs/engine/netlist_mutation.hpp): it shares no code with
// the reader, the builder or the simulator it checks. Lines are kept as text-level gates, and
// evaluation is one pattern at a time, gate by gate, with exact sums — slow, and simple enough
// to trust by reading. It accepts only what tc0check writes (write_netlist): one gate per line,
// signals defined before use; anything else throws std::invalid_argument.
#pragma once

#include <string>
#include <vector>

#include "core/big_int.hpp"

namespace tc0 {

struct plain_literal {
  std::string name;  // a gate, "bus[i]", "0" or "1"
  bool negated = false;
  big_int weight = 1;  // thr gates only
};

struct plain_gate {
  std::string name;
  std::string kind;       // and, or, maj, thr
  big_int threshold = 0;  // thr gates only
  std::vector<plain_literal> fanins;
};

struct plain_netlist {
  std::vector<std::pair<std::string, unsigned>> inputs;  // bus name, width
  std::vector<plain_gate> gates;                         // in file order
  std::vector<std::pair<std::string, std::vector<plain_literal>>> outputs;
};

plain_netlist parse_plain_netlist(std::string const& text);
std::string to_text(plain_netlist const& n);

// Evaluates a netlist one pattern at a time. Names are resolved to positions once; then each
// gate, in file order, sums its fan-ins exactly and compares.
class plain_evaluator {
 public:
  explicit plain_evaluator(plain_netlist const& n);  // throws on an undefined signal
  // Output bus values for one assignment of the input buses, in the netlist's bus order.
  std::vector<big_int> operator()(std::vector<big_int> const& input_values) const;

 private:
  struct ref {
    size_t at;  // position in the value vector: 0 false, 1 true, then input bits, then gates
    bool negated;
    big_int weight;
  };
  struct gate {
    std::string kind;
    big_int threshold;
    std::vector<ref> fanins;
  };
  std::vector<unsigned> input_widths_;
  std::vector<gate> gates_;
  std::vector<std::vector<ref>> outputs_;
};

}  // namespace tc0
