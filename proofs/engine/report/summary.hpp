// What every report writer derives from a run_record the same way: counts by lemma, the text
// of times and stage depths, and the series behind each sweep's S1/S2 (for tables and plots).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/deadline.hpp"  // seconds_text
#include "proofs/engine/growth.hpp"
#include "proofs/engine/report/run_record.hpp"

namespace tc0 {

struct tally {
  unsigned proved = 0, refuted = 0, unknown = 0;
  unsigned by_reference = 0;  // of the proved: by reference to an identical obligation
  double seconds = 0;
  // the obligations "composition" (the lemma's specification on its output buses): how many
  // sizes proved it, how many did not, and the facts it was proved from
  unsigned outputs_proved = 0, outputs_not_proved = 0;
  std::string outputs_from;
  void add(obligation_result const& o);
  // "12", or "12, 9 of them by reference"
  std::string proved_text() const;
  // "composition, from step chinese_remainder: proved at 4 sizes", or "-" (a user's netlist,
  // checked whole)
  std::string outputs_text() const;
};

std::map<std::string, tally> tally_by_lemma(run_record const& r);
tally tally_all(run_record const& r);

// S1/S2 are evidence, not proofs: "holds", "fails" or "unknown".
std::string evidence_text(verdict v);
// The overall line: the obligations' verdict kept apart from the growth evidence, e.g. "every
// obligation proved; growth evidence fails: float.add[sweep p; k=0]/S2", or "1 obligation(s)
// refuted, 2 unknown; growth evidence holds".
std::string overall_text(run_record const& r);
// The obligation's detail, with the second solver's opinion when there is one.
std::string detail_text(obligation_result const& o);
// "cvc5 (every solver query also given to cvc5): A obligations agree, D disagree, U undecided,
// N without a solver query", or empty when no obligation has a second opinion.
std::string second_opinion_line(run_record const& r);  // "%.2f"
// "a 2 + b 3", or "-"; past 40 stages (a composite) "1192 stages, the deepest Y_0_0_round 13"
std::string stage_depths_text(size_record const& s);

// Each of the paper's depth symbols (d_std, d_⊕, d_⊗) with one value: the largest depth measured
// over the sizes of the lemmas that carry it, and where it was measured.
struct depth_symbol {
  unsigned depth = 0;
  std::string where;  // "float.div [k=3,p=4]"
};
std::map<std::string, depth_symbol> depth_symbols(run_record const& r);

// One row of the chain table (the paper's lemmas in order, each with what it builds on): the
// lemma, its place in the paper, the lemmas it uses, the sizes at which every obligation was
// proved, the depths measured over its built sizes, and its depth formula as evaluated at the
// largest such size ("-" where the lemma has none).
struct chain_row {
  std::string lemma, paper_ref, uses, proved_at, depth, formula;
};
std::vector<chain_row> chain_table(run_record const& r);
// What the chain table shows, one paragraph for every writer.
extern char const* const chain_table_note;

// The hardness section (Section 5): each evidence lemma's S1 beside the S1 of every
// transformer lemma in the record (the constant depth the evidence is set against).
struct evidence_row {
  std::string sweep;   // the S1 obligation's id
  std::string result;  // evidence_text
  std::string detail;
  std::string why;  // the lemma's evidence_note, or "the transformer's constant depth"
};
std::vector<evidence_row> evidence_table(run_record const& r);
extern char const* const evidence_section_note;

// The sizes behind one sweep (sizes of `lemma` agreeing with `fixed`, one per value of
// `swept`, in increasing order), with the S1/S2 results recorded for it.
struct sweep_series {
  std::string lemma;
  std::string swept;
  parameters fixed;
  std::vector<size_record const*> sizes;
  obligation_result const* s1 = nullptr;
  obligation_result const* s2 = nullptr;
  std::vector<growth_point> depth() const;
  std::vector<growth_point> gates() const;
  std::vector<growth_point> maj_size() const;
};

std::vector<sweep_series> sweep_series_of(run_record const& r);

// The sweeps of one lemma along one parameter, where there are several (at different values of
// the fixed parameters: tf.transformer's n at m = 1, 2, 3), for one plot with a line each.
struct sweep_group {
  std::string lemma, swept;
  std::vector<sweep_series const*> sweeps;
};
std::vector<sweep_group> sweep_groups(std::vector<sweep_series> const& all);

}  // namespace tc0
