#include "proofs/engine/report/summary.hpp"

#include <algorithm>
#include <cstdio>

namespace tc0 {

void tally::add(obligation_result const& o) {
  (o.result == verdict::proved ? proved : o.result == verdict::refuted ? refuted : unknown) += 1;
  if (o.result == verdict::proved && !o.same_as.empty()) by_reference += 1;
  seconds += o.seconds;
  if (!o.id.ends_with("/composition")) return;
  (o.result == verdict::proved ? outputs_proved : outputs_not_proved) += 1;
  auto const from = o.detail.find(" from "), colon = o.detail.find(':');
  if (outputs_from.empty() && from != std::string::npos && colon != std::string::npos &&
      colon > from)
    outputs_from = o.detail.substr(from + 6, colon - from - 6);
}

std::string tally::proved_text() const {
  auto t = std::to_string(proved);
  if (by_reference > 0) t += ", " + std::to_string(by_reference) + " of them by reference";
  return t;
}

std::string tally::outputs_text() const {
  if (outputs_proved + outputs_not_proved == 0) return "-";
  std::string t = "composition" + (outputs_from.empty() ? "" : ", from " + outputs_from) +
                  ": proved at " + std::to_string(outputs_proved) + " size(s)";
  if (outputs_not_proved > 0) t += ", not proved at " + std::to_string(outputs_not_proved);
  return t;
}

std::map<std::string, tally> tally_by_lemma(run_record const& r) {
  std::map<std::string, tally> by_lemma;
  for (auto const* o : r.all_obligations()) by_lemma[o->lemma].add(*o);
  return by_lemma;
}

tally tally_all(run_record const& r) {
  tally t;
  for (auto const* o : r.all_obligations()) t.add(*o);
  return t;
}

std::string evidence_text(verdict v) {
  switch (v) {
    case verdict::proved:
      return "holds";
    case verdict::refuted:
      return "fails";
    case verdict::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string overall_text(run_record const& r) {
  tally n;  // the obligations of the sizes, S1/S2 apart
  for (auto const& s : r.sizes)
    for (auto const& o : s.obligations) n.add(o);
  std::string t = n.refuted + n.unknown + n.proved == 0 ? "no obligation ran"
                  : n.refuted + n.unknown == 0
                      ? "every obligation proved (" + n.proved_text() + ")"
                      : std::to_string(n.refuted) + " obligation(s) refuted, " +
                            std::to_string(n.unknown) + " unknown, " + n.proved_text() + " proved";
  std::string failing, open, expected;
  for (auto const& o : r.sweeps)
    if (o.result == verdict::refuted && !r.facts(o.lemma).evidence_note.empty())
      expected += (expected.empty() ? "" : ", ") + o.id;
    else if (o.result == verdict::refuted)
      failing += (failing.empty() ? "" : ", ") + o.id;
    else if (o.result == verdict::unknown)
      open += (open.empty() ? "" : ", ") + o.id;
  if (r.sweeps.empty()) return t + "; no sweep";
  if (failing.empty() && open.empty()) t += "; growth evidence holds";
  if (!failing.empty()) t += "; growth evidence fails: " + failing;
  if (!open.empty()) t += "; growth evidence unknown: " + open;
  // the hardness section's circuits: their S1 failing is the point (lemma::evidence_note)
  if (!expected.empty()) t += "; fails as expected (hardness evidence): " + expected;
  return t;
}

std::string detail_text(obligation_result const& o) {
  return o.second_opinion.empty() ? o.detail
                                  : o.detail + " [second opinion: " + o.second_opinion + "]";
}

std::string second_opinion_line(run_record const& r) {
  unsigned agree = 0, disagree = 0, undecided = 0, none = 0;
  for (auto const* o : r.all_obligations()) {
    auto const& t = o->second_opinion;
    if (t.empty()) continue;
    if (t.find(" DISAGREES ") != std::string::npos)
      ++disagree;
    else if (t.find(" undecided ") != std::string::npos)
      ++undecided;
    else if (t.find(" agrees ") != std::string::npos)
      ++agree;
    else
      ++none;
  }
  if (agree + disagree + undecided + none == 0) return "";
  return "every solver query was also given to cvc5: " + std::to_string(agree) +
         " obligations agree, " + std::to_string(disagree) + " disagree (left unknown), " +
         std::to_string(undecided) + " undecided by one solver, " + std::to_string(none) +
         " had no solver query";
}

std::string stage_depths_text(size_record const& s) {
  // a composite's blocks lie side by side as well as in series: the list would run to thousands
  // of terms and its sum is not the depth
  if (s.stage_depths.size() > 40) {
    auto deepest = s.stage_depths.front();
    for (auto const& sd : s.stage_depths)
      if (sd.second > deepest.second) deepest = sd;
    return std::to_string(s.stage_depths.size()) + " stages, the deepest " + deepest.first + " " +
           std::to_string(deepest.second);
  }
  std::string r;
  for (auto const& [name, d] : s.stage_depths)
    r += (r.empty() ? "" : " + ") + name + " " + std::to_string(d);
  return r.empty() ? "-" : r;
}

std::map<std::string, depth_symbol> depth_symbols(run_record const& r) {
  std::map<std::string, depth_symbol> out;
  for (auto const& s : r.sizes) {
    auto const& symbol = r.facts(s.size.lemma).paper_depth;
    if (symbol.empty() || !s.size.built) continue;
    auto& d = out[symbol];
    if (d.where.empty() || s.size.metrics.depth > d.depth)
      d = {s.size.metrics.depth, s.size.lemma + " [" + to_string(s.size.params) + "]"};
  }
  return out;
}

std::vector<sweep_group> sweep_groups(std::vector<sweep_series> const& all) {
  std::vector<sweep_group> groups;
  for (auto const& s : all) {
    auto it = std::find_if(groups.begin(), groups.end(), [&](sweep_group const& g) {
      return g.lemma == s.lemma && g.swept == s.swept;
    });
    if (it == groups.end()) it = groups.insert(groups.end(), {s.lemma, s.swept, {}});
    it->sweeps.push_back(&s);
  }
  std::erase_if(groups, [](sweep_group const& g) { return g.sweeps.size() < 2; });
  return groups;
}

char const* const chain_table_note =
    "The paper's lemmas in order, each with the lemmas its construction is built from; the sizes "
    "at which every obligation was proved; the depths measured; and its depth formula evaluated "
    "at the largest proved size (each term the depth of the standalone lemma, measured).";

char const* const evidence_section_note =
    "Evaluating a formula (Boolean, or arithmetic modulo a prime) is NC1-complete, so the paper's "
    "Section 5 argues that a constant-depth transformer cannot do it unless TC0 = NC1. The rows "
    "below set the natural evaluation circuits, whose depth grows with log n so that their S1 "
    "fails, beside the transformer lemmas' constant depth. This is evidence for the premise, "
    "not a proof of anything: a failing S1 says these circuits are not constant depth, not that "
    "no constant-depth circuit exists.";

std::vector<evidence_row> evidence_table(run_record const& r) {
  std::vector<evidence_row> rows;
  bool any = false;
  for (auto const& o : r.sweeps) any = any || !r.facts(o.lemma).evidence_note.empty();
  if (!any) return rows;
  for (auto const& o : r.sweeps) {
    if (!o.id.ends_with("/S1")) continue;
    auto const& note = r.facts(o.lemma).evidence_note;
    if (!note.empty() || o.lemma.starts_with("tf."))
      rows.push_back({o.id, evidence_text(o.result), o.detail,
                      note.empty() ? "the transformer's constant depth" : note});
  }
  return rows;
}

std::vector<chain_row> chain_table(run_record const& r) {
  std::vector<chain_row> rows;
  std::map<std::string, size_t> row_of;
  std::map<std::string, std::pair<unsigned, unsigned>> depths;  // least, largest
  std::map<std::string, std::vector<std::string>> proved;
  std::map<std::string, unsigned> sizes;
  for (auto const& s : r.sizes) {
    auto const& name = s.size.lemma;
    if (!row_of.count(name)) {
      row_of[name] = rows.size();
      auto const& facts = r.facts(name);
      std::string uses;
      for (auto const& u : facts.uses) uses += (uses.empty() ? "" : ", ") + u;
      rows.push_back({name, facts.paper_ref, uses.empty() ? "-" : uses, "", "-", "-"});
    }
    auto& row = rows[row_of[name]];
    ++sizes[name];
    if (s.size.built) {
      auto const d = s.size.metrics.depth;
      auto [it, fresh] = depths.try_emplace(name, d, d);
      it->second = {std::min(it->second.first, d), std::max(it->second.second, d)};
    }
    bool all = !s.obligations.empty();
    for (auto const& o : s.obligations) all = all && o.result == verdict::proved;
    if (!all) continue;
    proved[name].push_back("[" + to_string(s.size.params) + "]");
    for (auto const& o : s.obligations)
      if (o.id.ends_with("/depth_formula"))
        row.formula = o.detail.substr(0, o.detail.find(" (each term"));
  }
  for (auto& row : rows) {
    auto const& p = proved[row.lemma];
    row.proved_at = std::to_string(p.size()) + " of " + std::to_string(sizes[row.lemma]);
    for (size_t i = 0; i < p.size() && i < 3; ++i) row.proved_at += (i ? ", " : ": ") + p[i];
    if (p.size() > 3) row.proved_at += ", ...";
    if (auto it = depths.find(row.lemma); it != depths.end())
      row.depth = it->second.first == it->second.second
                      ? std::to_string(it->second.first)
                      : std::to_string(it->second.first) + ".." + std::to_string(it->second.second);
  }
  return rows;
}

namespace {

std::vector<growth_point> series(sweep_series const& s, auto value) {
  std::vector<growth_point> out;
  for (auto const* z : s.sizes)
    if (z->built) out.push_back({static_cast<double>(param(z->params, s.swept)), value(*z)});
  return out;
}

}  // namespace

std::vector<growth_point> sweep_series::depth() const {
  return series(*this, [](size_record const& z) { return double(z.metrics.depth); });
}
std::vector<growth_point> sweep_series::gates() const {
  return series(*this, [](size_record const& z) { return double(z.metrics.size); });
}
std::vector<growth_point> sweep_series::maj_size() const {
  return series(*this,
                [](size_record const& z) { return z.metrics.maj_size.convert_to<double>(); });
}

std::vector<sweep_series> sweep_series_of(run_record const& r) {
  std::vector<sweep_series> out;
  for (auto const& o : r.sweeps) {
    bool const is_s1 = o.how == method::depth_sweep;
    if (!is_s1 && !out.empty() && out.back().lemma == o.lemma && out.back().fixed == o.params &&
        out.back().s2 == nullptr) {
      out.back().s2 = &o;
      continue;
    }
    sweep_series s{o.lemma, "", o.params, {}, is_s1 ? &o : nullptr, is_s1 ? nullptr : &o};
    // the sweep's sizes: the fixed parameters, and one more, the swept one (a size names an
    // optional parameter only away from its fallback, so a size of a sweep that fixes an option
    // has one name more than a size of a sweep that leaves it at its fallback)
    auto const of_sweep = [&](size_record const& z, std::string const& swept) {
      if (z.lemma != o.lemma || z.params.size() != o.params.size() + 1 || !z.params.count(swept))
        return false;
      for (auto const& [k, v] : o.params)
        if (!z.params.count(k) || param(z.params, k) != v) return false;
      return true;
    };
    for (auto const& name : r.facts(o.lemma).parameter_names)
      if (!o.params.count(name) &&
          std::any_of(r.sizes.begin(), r.sizes.end(),
                      [&](auto const& z) { return of_sweep(z.size, name); }))
        s.swept = name;
    std::map<unsigned, size_record const*> by_value;  // a size may appear in several sweeps
    for (auto const& z : r.sizes)
      if (of_sweep(z.size, s.swept)) by_value.emplace(param(z.size.params, s.swept), &z.size);
    for (auto const& [v, z] : by_value) s.sizes.push_back(z);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace tc0
