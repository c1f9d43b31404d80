// Everything one run of tc0check established: the data every writer (terminal table, JSON,
// Markdown) formats. Writers add nothing that is not in here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "proofs/engine/check.hpp"

namespace tc0 {

// What the writers say of a lemma, carried in the record so that they need not know the lemma
// list (the command line, which does, fills it).
struct lemma_facts {
  std::string paper_ref, paper_depth;
  unsigned depth_bound = 0;
  std::vector<std::string> parameter_names;
  std::vector<std::string> uses;  // lemma::uses
  std::string evidence_note;      // lemma::evidence_note
};

// A gap in the paper's argument shown on an input (NEXT-LAYER.md §5): a construction the paper's
// wording allows, refuted with a replayable counterexample, or the paper's claim itself failing
// on a simulated input. Expected refutations: the overall verdict does not count them, and a gap
// that is not shown says so.
struct paper_gap {
  std::string id;           // e.g. "exp_p_plus_3_bits"
  std::string explanation;  // one line
  obligation_result shown;  // refuted: shown on the input it names; anything else: not shown
};

struct run_record {
  std::string tool_version;
  std::string z3_version;
  std::string date;
  std::string command_line;
  std::string machine;
  std::vector<size_check> sizes;
  std::vector<obligation_result> sweeps;      // S1 / S2
  std::map<std::string, lemma_facts> lemmas;  // every lemma the sizes and sweeps name
  std::vector<paper_gap> gaps;                // not counted in overall()

  // Throws std::logic_error when the record lacks the lemma's facts.
  lemma_facts const& facts(std::string const& lemma) const;
  void add_facts(lemma const& l);

  std::vector<obligation_result const*> all_obligations() const;
  verdict overall() const;
};

// Fills the header fields that describe this process and machine.
void describe_environment(run_record& r, int argc, char** argv);

// The depth convention of SPEC §1, stated in every report.
extern char const* const depth_convention;
extern char const* const uniformity_note;

}  // namespace tc0
