#include "proofs/engine/report/writers.hpp"

#include <cstdio>
#include <map>
#include <ostream>
#include <sstream>

#include "core/float_format.hpp"
#include "proofs/engine/report/record_json.hpp"
#include "proofs/engine/report/summary.hpp"

namespace tc0 {

json::value to_json(run_record const& r) {
  json::array sizes, obligations, sweeps;
  for (auto const& s : r.sizes) {
    sizes.push_back(size_json(s));
    for (auto const& o : s.obligations) obligations.push_back(obligation_json(o));
  }
  for (auto const& o : r.sweeps) sweeps.push_back(obligation_json(o));
  json::array gaps;
  for (auto const& g : r.gaps)
    gaps.push_back(json::object{{"id", g.id},
                                {"explanation", g.explanation},
                                {"shown", g.shown.result == verdict::refuted},
                                {"evidence", obligation_json(g.shown)}});
  return json::object{{"tool", r.tool_version},
                      {"z3", r.z3_version},
                      {"date", r.date},
                      {"command", r.command_line},
                      {"machine", r.machine},
                      {"depth_convention", depth_convention},
                      {"uniformity", uniformity_note},
                      {"result", std::string(to_string(r.overall()))},
                      {"sizes", sizes},
                      {"obligations", obligations},
                      {"sweeps", sweeps},
                      {"paper_gaps", gaps}};
}

std::string to_markdown(run_record const& r) {
  std::ostringstream md;
  md << "# tc0check proof-obligation report\n\n"
     << "| | |\n|---|---|\n"
     << "| tool | " << r.tool_version << " |\n| solver | " << r.z3_version << " |\n| date | "
     << r.date << " |\n| command | `" << r.command_line << "` |\n| machine | " << r.machine
     << " |\n| overall | **" << to_string(r.overall()) << "**: " << overall_text(r) << " |\n\n"
     << "**Depth convention.** " << depth_convention << "\n\n"
     << "**Uniformity.** " << uniformity_note << "\n\n"
     << "**Float conventions.** " << float_conventions << ".\n\n"
     << "**Results** are three-valued: *proved*, *refuted* (with a replayed counterexample) or "
        "*unknown* "
        "(time or memory limit, never counted as proved). S1/S2 are evidence at bounded sizes, not "
        "proofs "
        "of asymptotic claims.\n\n";

  auto const by_lemma = tally_by_lemma(r);
  md << "## Summary by lemma\n\n| lemma | proved | refuted | unknown | solver time (s) | "
        "outputs tied to the lemma's specification by |\n|---|---|---|---|---|---|\n";
  for (auto const& [lemma, t] : by_lemma)
    md << "| " << lemma << " | " << t.proved_text() << " | " << t.refuted << " | " << t.unknown
       << " | " << seconds_text(t.seconds) << " | " << t.outputs_text() << " |\n";

  md << "\n## The chain, lemma by lemma\n\n"
     << chain_table_note
     << "\n\n| lemma | paper | uses | every obligation proved at | depth | depth formula "
        "|\n|---|---|---|---|---|---|\n";
  for (auto const& c : chain_table(r))
    md << "| " << c.lemma << " | " << c.paper_ref << " | " << c.uses << " | " << c.proved_at
       << " | " << c.depth << " | " << c.formula << " |\n";

  md << "\n## Depth and size\n\n| lemma | parameters | depth | depth by stage | gates | wires | "
        "max fan-in | max weight bits | MAJ-normalised size |\n"
        "|---|---|---|---|---|---|---|---|---|\n";
  for (auto const& s : r.sizes) {
    auto const& m = s.size.metrics;
    if (!s.size.built) {
      md << "| " << s.size.lemma << " | " << to_string(s.size.params) << " | not built ("
         << not_built_reason(s.size) << ") | | | | | | |\n";
      continue;
    }
    md << "| " << s.size.lemma << " | " << to_string(s.size.params) << " | " << m.depth << " | "
       << stage_depths_text(s.size) << " | " << m.size << " | " << m.wires << " | " << m.max_fanin
       << " | " << m.max_weight_bits << " | " << m.maj_size << " |\n";
  }
  md << "\n## The paper's depth symbols, measured\n\nEach symbol's value is the largest depth "
        "measured for it:\n\n| symbol | value | at |\n|---|---|---|\n";
  for (auto const& [symbol, d] : depth_symbols(r))
    md << "| " << symbol << " | " << d.depth << " | " << d.where << " |\n";
  md << "\n| symbol | lemma | parameters | depth |\n|---|---|---|---|\n";
  for (auto const& s : r.sizes)
    if (auto const& l = r.facts(s.size.lemma); !l.paper_depth.empty() && s.size.built)
      md << "| " << l.paper_depth << " | " << s.size.lemma << " | " << to_string(s.size.params)
         << " | " << s.size.metrics.depth << " |\n";
  md << "\n## Growth across sweeps (S1 constant depth, S2 polynomial size)\n\n| obligation | "
        "result | detail |\n|---|---|---|\n";
  for (auto const& o : r.sweeps)
    md << "| " << o.id << " | " << evidence_text(o.result) << " | " << o.detail << " |\n";

  if (auto const rows = evidence_table(r); !rows.empty()) {
    md << "\n## Hardness (Section 5): evidence, not proof\n\n"
       << evidence_section_note << "\n\n| sweep | S1 | detail | why |\n|---|---|---|---|\n";
    for (auto const& e : rows)
      md << "| " << e.sweep << " | " << e.result << " | " << e.detail << " | " << e.why << " |\n";
  }

  if (!r.gaps.empty()) {
    md << "\n## Paper gaps, shown on inputs\n\nExpected refutations of what the paper's wording "
          "allows; they do not count in the overall result.\n\n| gap | shown | why it matters | "
          "evidence | counterexample file |\n|---|---|---|---|---|\n";
    for (auto const& g : r.gaps)
      md << "| " << g.id << " | " << (g.shown.result == verdict::refuted ? "yes" : "**no**")
         << " | " << g.explanation << " | " << g.shown.detail << " | "
         << (g.shown.cex_file.empty() ? "none (see evidence)" : "`" + g.shown.cex_file + "`")
         << " |\n";
  }

  if (auto const line = second_opinion_line(r); !line.empty())
    md << "\n**Second opinion.** " << line << "\n";
  md << "\n## Obligations\n\n| id | method | result | time (s) | Z3 rlimit | detail "
        "|\n|---|---|---|---|---|---|\n";
  for (auto const& s : r.sizes)
    for (auto const& o : s.obligations)
      md << "| " << o.id << " | " << to_string(o.how) << " | " << to_string(o.result) << " | "
         << seconds_text(o.seconds) << " | " << o.resource_count << " | " << detail_text(o)
         << " |\n";
  return md.str();
}

void print_table(std::ostream& out, run_record const& r) {
  bool floats = false;
  for (auto const& s : r.sizes) {
    auto const& m = s.size.metrics;
    auto const& l = r.facts(s.size.lemma);
    if (!s.size.built)
      out << s.size.lemma << " [" << to_string(s.size.params) << "]  not built"
          << ": " << not_built_reason(s.size) << "\n";
    else
      out << s.size.lemma << " [" << to_string(s.size.params) << "]  depth " << m.depth
          << (l.paper_depth.empty() ? "" : " (measured " + l.paper_depth + ")") << " ("
          << stage_depths_text(s.size) << ")  gates " << m.size << "  wires " << m.wires
          << "  max weight bits " << m.max_weight_bits << "  MAJ size " << m.maj_size << "\n";
    floats = floats || s.size.lemma.starts_with("float.");
    if (s.skipped > 0) out << "  (" << s.skipped << " obligation(s) not run: --only)\n";
    for (auto const& o : s.obligations) {
      char line[64];
      std::snprintf(line, sizeof line, "  %-8s %7ss  ", std::string(to_string(o.result)).c_str(),
                    seconds_text(o.seconds).c_str());
      out << line << o.id.substr(o.id.find('/') + 1) << " — " << o.detail << "\n";
      if (!o.second_opinion.empty())
        out << "             second opinion: " << o.second_opinion << "\n";
      if (o.cex) {  // the decoded operands, so a person sees the failing case without the file
        out << "             inputs:";
        for (auto const& b : o.cex->inputs) out << ' ' << b.name << '=' << b.value;
        out << (o.cex->stage.empty() ? "" : " (inputs of stage " + o.cex->stage + ")") << "\n";
        for (auto const& [name, text] : o.cex->floats)
          out << "             " << name << " = " << text << "\n";
      }
    }
  }
  for (auto const& o : r.sweeps)
    out << evidence_text(o.result) << "  " << o.id << " — " << o.detail << "\n";
  for (auto const& g : r.gaps)
    out << "paper gap " << g.id << ": "
        << (g.shown.result == verdict::refuted ? "shown" : "NOT shown") << " — " << g.explanation
        << "; " << g.shown.detail << "\n";
  if (floats) out << "float conventions: " << float_conventions << "\n";
  auto const t = tally_all(r);
  out << "overall: " << to_string(r.overall()) << " — " << overall_text(r)
      << " (time in obligations " << seconds_text(t.seconds) << " s)\n";
}

}  // namespace tc0
