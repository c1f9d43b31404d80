// The HTML report: one self-contained file (inline CSS and SVG, no scripts, nothing fetched),
// with the same content as the Markdown report plus a plot of depth and of size per sweep.
#include <filesystem>
#include <sstream>

#include "core/float_format.hpp"
#include "proofs/engine/report/summary.hpp"
#include "proofs/engine/report/svg_plot.hpp"
#include "proofs/engine/report/writers.hpp"

namespace tc0 {
namespace {

std::string verdict_cell(verdict v) {
  auto const t = std::string(to_string(v));
  return "<td class=\"" + t + "\">" + t + "</td>";
}

std::string link(std::string const& file, std::string const& base, std::string const& text) {
  if (file.empty()) return "";
  auto const rel = std::filesystem::path(file).lexically_relative(base);
  auto const href = rel.empty() || rel.native().starts_with("..") ? file : rel.string();
  return "<a href=\"" + xml_escape(href) + "\">" + text + "</a>";
}

std::string degree_text(std::vector<growth_point> const& points) {
  auto const d = fitted_degree(points);
  if (!d) return "too few points to fit";
  char buf[32];
  std::snprintf(buf, sizeof buf, "fitted degree %.2f", *d);
  return buf;
}

char const* const style = R"(
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#111;line-height:1.4}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:13px}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f4f6}
td.proved{color:#166534;font-weight:600}td.refuted{color:#b91c1c;font-weight:600}
td.unknown{color:#a16207;font-weight:600}
.sweep{display:inline-block;border:1px solid #ddd;margin:6px;padding:6px;vertical-align:top;width:745px}
.sweep p{font-size:13px;margin:4px 0}
svg{font-size:10px;font-family:system-ui,sans-serif}
svg .t{font-size:12px;font-weight:600}svg .ax{stroke:#333;fill:none}
svg .grid{stroke:#e5e7eb}svg .bound{stroke:#b91c1c;stroke-dasharray:4 3}svg .bl{fill:#b91c1c}
code{background:#f3f4f6;padding:0 3px}
)";

}  // namespace

std::string to_html(run_record const& r, std::string const& base_dir) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<title>tc0check proof-obligation report</title>\n<style>" << style
    << "</style>\n</head>\n<body>\n<h1>tc0check proof-obligation report</h1>\n"
    << "<table>\n<tr><th>tool</th><td>" << xml_escape(r.tool_version)
    << "</td></tr>\n<tr><th>solver</th><td>" << xml_escape(r.z3_version)
    << "</td></tr>\n<tr><th>date</th><td>" << xml_escape(r.date)
    << "</td></tr>\n<tr><th>command</th><td><code>" << xml_escape(r.command_line)
    << "</code></td></tr>\n<tr><th>machine</th><td>" << xml_escape(r.machine)
    << "</td></tr>\n<tr><th>overall</th>" << verdict_cell(r.overall()) << "</tr>\n"
    << "<tr><th></th><td>" << xml_escape(overall_text(r)) << "</td></tr>\n</table>\n"
    << "<p><b>Depth convention.</b> " << xml_escape(depth_convention) << "</p>\n"
    << "<p><b>Uniformity.</b> " << xml_escape(uniformity_note) << "</p>\n"
    << "<p><b>Float conventions.</b> " << xml_escape(float_conventions) << ".</p>\n"
    << "<p><b>Results</b> are three-valued: <i>proved</i>, <i>refuted</i> (with a replayed "
       "counterexample) or <i>unknown</i> (time or memory limit, never counted as proved). "
       "S1/S2 are evidence at bounded sizes, not proofs of asymptotic claims.</p>\n";

  h << "<h2>Summary by lemma</h2>\n<table>\n<tr><th>lemma</th><th>paper</th><th>proved</th>"
       "<th>refuted</th><th>unknown</th><th>solver time (s)</th>"
       "<th>outputs tied to the lemma's specification by</th></tr>\n";
  for (auto const& [name, t] : tally_by_lemma(r))
    h << "<tr><td>" << xml_escape(name) << "</td><td>" << xml_escape(r.facts(name).paper_ref)
      << "</td><td>" << t.proved_text() << "</td><td>" << t.refuted << "</td><td>" << t.unknown
      << "</td><td>" << seconds_text(t.seconds) << "</td><td>" << xml_escape(t.outputs_text())
      << "</td></tr>\n";
  h << "</table>\n";

  h << "<h2>The chain, lemma by lemma</h2>\n<p>" << xml_escape(chain_table_note)
    << "</p>\n<table>\n<tr><th>lemma</th><th>paper</th><th>uses</th><th>every obligation proved "
       "at</th><th>depth</th><th>depth formula</th></tr>\n";
  for (auto const& c : chain_table(r))
    h << "<tr><td>" << xml_escape(c.lemma) << "</td><td>" << xml_escape(c.paper_ref) << "</td><td>"
      << xml_escape(c.uses) << "</td><td>" << xml_escape(c.proved_at) << "</td><td>"
      << xml_escape(c.depth) << "</td><td>" << xml_escape(c.formula) << "</td></tr>\n";
  h << "</table>\n";

  h << "<h2>The paper's depth symbols, measured</h2>\n<p>Each symbol's value is the largest "
       "depth measured for it:</p>\n<table>\n<tr><th>symbol</th><th>value</th><th>at</th></tr>\n";
  for (auto const& [symbol, d] : depth_symbols(r))
    h << "<tr><td>" << xml_escape(symbol) << "</td><td>" << d.depth << "</td><td>"
      << xml_escape(d.where) << "</td></tr>\n";
  h << "</table>\n<table>\n<tr><th>symbol</th><th>lemma</th>"
       "<th>parameters</th><th>depth</th></tr>\n";
  for (auto const& s : r.sizes)
    if (auto const& l = r.facts(s.size.lemma); !l.paper_depth.empty() && s.size.built)
      h << "<tr><td>" << xml_escape(l.paper_depth) << "</td><td>" << xml_escape(s.size.lemma)
        << "</td><td>" << xml_escape(to_string(s.size.params)) << "</td><td>"
        << s.size.metrics.depth << "</td></tr>\n";
  h << "</table>\n<p>The composite lemmas' depth formulas, evaluated, are in the chain table "
       "above.</p>\n";

  h << "<h2>Growth across sweeps (S1 constant depth, S2 polynomial size)</h2>\n";
  // a lemma swept along one parameter at several values of another (tf.transformer's n at
  // m = 1, 2, 3): their depths in one plot, one line per sweep
  auto const all_sweeps = sweep_series_of(r);
  for (auto const& g : sweep_groups(all_sweeps)) {
    std::vector<plot_series> lines;
    for (auto const* s : g.sweeps) lines.push_back({to_string(s->fixed), s->depth()});
    h << "<div class=\"sweep\">\n"
      << svg_plot({"depth: " + g.lemma + " over " + g.swept + ", one line per sweep",
                   g.swept + " (log scale)",
                   "depth",
                   true,
                   false,
                   {},
                   {}},
                  lines)
      << "\n</div>\n";
  }
  for (auto const& s : all_sweeps) {
    auto const& l = r.facts(s.lemma);
    auto const where =
        s.lemma + " over " + s.swept + (s.fixed.empty() ? "" : ", " + to_string(s.fixed));
    h << "<div class=\"sweep\">\n"
      << svg_plot({"depth: " + where, s.swept + " (log scale)", "depth", true, false,
                   double(l.depth_bound), "declared bound " + std::to_string(l.depth_bound)},
                  {{"depth", s.depth()}})
      << "\n"
      << svg_plot(
             {"size: " + where, s.swept + " (log scale)", "size (log scale)", true, true, {}, {}},
             {{"gates, " + degree_text(s.gates()), s.gates()},
              {"MAJ-normalised, " + degree_text(s.maj_size()), s.maj_size()}})
      << "\n";
    for (auto const* o : {s.s1, s.s2})
      if (o)
        h << "<p><b>" << (o == s.s1 ? "S1" : "S2") << "</b> <span class=\"" << to_string(o->result)
          << "\">" << evidence_text(o->result) << "</span>: " << xml_escape(o->detail) << "</p>\n";
    h << "</div>\n";
  }

  h << "<h2>Depth and size</h2>\n<table>\n<tr><th>lemma</th><th>parameters</th><th>depth</th>"
       "<th>depth by stage</th><th>gates</th><th>wires</th><th>max fan-in</th>"
       "<th>max weight bits</th><th>MAJ-normalised size</th></tr>\n";
  for (auto const& s : r.sizes) {
    auto const& m = s.size.metrics;
    if (!s.size.built) {
      h << "<tr><td>" << xml_escape(s.size.lemma) << "</td><td>"
        << xml_escape(to_string(s.size.params)) << "</td><td colspan=\"7\">not built ("
        << xml_escape(not_built_reason(s.size)) << ")</td></tr>\n";
      continue;
    }
    h << "<tr><td>" << xml_escape(s.size.lemma) << "</td><td>"
      << xml_escape(to_string(s.size.params)) << "</td><td>" << m.depth << "</td><td>"
      << xml_escape(stage_depths_text(s.size)) << "</td><td>" << m.size << "</td><td>" << m.wires
      << "</td><td>" << m.max_fanin << "</td><td>" << m.max_weight_bits << "</td><td>" << m.maj_size
      << "</td></tr>\n";
  }
  h << "</table>\n";

  if (auto const rows = evidence_table(r); !rows.empty()) {
    h << "<h2>Hardness (Section 5): evidence, not proof</h2>\n<p>"
      << xml_escape(evidence_section_note)
      << "</p>\n<table>\n<tr><th>sweep</th><th>S1</th><th>detail</th><th>why</th></tr>\n";
    for (auto const& e : rows)
      h << "<tr><td>" << xml_escape(e.sweep) << "</td><td>" << xml_escape(e.result) << "</td><td>"
        << xml_escape(e.detail) << "</td><td>" << xml_escape(e.why) << "</td></tr>\n";
    h << "</table>\n";
  }

  if (!r.gaps.empty()) {
    h << "<h2>Paper gaps, shown on inputs</h2>\n<p>Expected refutations of what the paper's "
         "wording allows; they do not count in the overall result.</p>\n<table>\n<tr><th>gap</th>"
         "<th>shown</th><th>why it matters</th><th>evidence</th><th>files</th></tr>\n";
    for (auto const& g : r.gaps)
      h << "<tr><td>" << xml_escape(g.id) << "</td>"
        << (g.shown.result == verdict::refuted ? "<td>yes</td>" : "<td><b>no</b></td>") << "<td>"
        << xml_escape(g.explanation) << "</td><td>" << xml_escape(g.shown.detail) << "</td><td>"
        << link(g.shown.cex_file, base_dir, "counterexample") << "</td></tr>\n";
    h << "</table>\n";
  }

  if (auto const line = second_opinion_line(r); !line.empty())
    h << "<p><b>Second opinion.</b> " << xml_escape(line) << "</p>\n";
  h << "<h2>Obligations</h2>\n<table>\n<tr><th>id</th><th>paper</th><th>method</th>"
       "<th>result</th><th>time (s)</th><th>Z3 rlimit</th><th>depth</th><th>gates</th>"
       "<th>files</th><th>detail</th></tr>\n";
  for (auto const& s : r.sizes)
    for (auto const& o : s.obligations)
      h << "<tr><td>" << xml_escape(o.id) << "</td><td>" << xml_escape(r.facts(o.lemma).paper_ref)
        << "</td><td>" << to_string(o.how) << "</td>" << verdict_cell(o.result) << "<td>"
        << seconds_text(o.seconds) << "</td><td>" << o.resource_count << "</td><td>"
        << s.size.metrics.depth << "</td><td>" << s.size.metrics.size << "</td><td>"
        << link(o.cex_file, base_dir, "counterexample")
        << (o.cex_file.empty() || o.smt2_file.empty() ? "" : " ")
        << link(o.smt2_file, base_dir, "SMT-LIB2") << "</td><td>" << xml_escape(detail_text(o))
        << "</td></tr>\n";
  h << "</table>\n</body>\n</html>\n";
  return h.str();
}

}  // namespace tc0
