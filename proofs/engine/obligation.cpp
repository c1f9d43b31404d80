#include "proofs/engine/obligation.hpp"

namespace tc0 {

std::string_view to_string(method m) {
  switch (m) {
    case method::smt_stage:
      return "SMT stage";
    case method::smt_flat:
      return "SMT flat";
    case method::implication:
      return "implication (LIA)";
    case method::composition:
      return "composition identity (LIA)";
    case method::certified_constants:
      return "cited theorem, its hypotheses checked";
    case method::structural:
      return "structural";
    case method::exhaustive_simulation:
      return "exhaustive simulation";
    case method::random_simulation:
      return "random simulation";
    case method::chosen_input:
      return "chosen input simulated";
    case method::depth_sweep:
      return "S1 depth sweep";
    case method::size_sweep:
      return "S2 size sweep";
  }
  return "?";
}

}  // namespace tc0
