#include "proofs/engine/report/record_json.hpp"

#include <stdexcept>

#include "proofs/engine/report/summary.hpp"

namespace tc0 {
namespace {

template <class E>
E enum_from(std::string const& text, std::initializer_list<E> values, char const* what) {
  for (auto e : values)
    if (to_string(e) == text) return e;
  throw std::invalid_argument(std::string("unknown ") + what + " '" + text + "'");
}

uint64_t u64(json::value const& v, std::string const& key) {
  auto const n = v.at(key).as_int();
  if (n < 0) throw std::invalid_argument(key + " must not be negative");
  return static_cast<uint64_t>(n);
}

}  // namespace

json::value obligation_json(obligation_result const& o) {
  json::object j{{"id", o.id},
                 {"lemma", o.lemma},
                 {"parameters", parameters_json(o.params)},
                 {"method", std::string(to_string(o.how))},
                 {"result", std::string(to_string(o.result))},
                 {"seconds", json::number{seconds_text(o.seconds)}},
                 {"resource_count", o.resource_count},
                 {"detail", o.detail}};
  if (o.cex) j.emplace_back("counterexample", json::parse(to_json(*o.cex)));
  if (!o.cex_file.empty()) j.emplace_back("counterexample_file", o.cex_file);
  if (!o.smt2_file.empty()) j.emplace_back("smt2", o.smt2_file);
  if (!o.second_opinion.empty()) j.emplace_back("second_opinion", o.second_opinion);
  if (!o.same_as.empty()) j.emplace_back("same_as", o.same_as);
  return j;
}

obligation_result obligation_from_json(json::value const& v) {
  obligation_result o;
  o.id = v.at("id").as_string();
  o.lemma = v.at("lemma").as_string();
  o.params = parameters_from_json(v.at("parameters"));
  o.how = enum_from(
      v.at("method").as_string(),
      {method::smt_stage, method::smt_flat, method::implication, method::composition,
       method::certified_constants, method::structural, method::exhaustive_simulation,
       method::random_simulation, method::chosen_input, method::depth_sweep, method::size_sweep},
      "method");
  o.result = enum_from(v.at("result").as_string(),
                       {verdict::proved, verdict::refuted, verdict::unknown}, "result");
  o.seconds = v.at("seconds").as_finite_double();
  o.resource_count = u64(v, "resource_count");
  o.detail = v.at("detail").as_string();
  if (auto const* c = v.find("counterexample")) o.cex = counterexample_from_json(json::dump(*c));
  if (auto const* f = v.find("counterexample_file")) o.cex_file = f->as_string();
  if (auto const* f = v.find("smt2")) o.smt2_file = f->as_string();
  if (auto const* f = v.find("second_opinion")) o.second_opinion = f->as_string();
  if (auto const* f = v.find("same_as")) o.same_as = f->as_string();
  return o;
}

json::value size_json(size_check const& s) {
  auto const& m = s.size.metrics;
  json::array stages;
  for (auto const& [name, d] : s.size.stage_depths)
    stages.push_back(json::object{{"stage", name}, {"depth", d}});
  return json::object{{"lemma", s.size.lemma},
                      {"parameters", parameters_json(s.size.params)},
                      {"depth", m.depth},
                      {"gates", m.size},
                      {"and", m.and_gates},
                      {"or", m.or_gates},
                      {"maj", m.maj_gates},
                      {"threshold", m.threshold_gates},
                      {"wires", m.wires},
                      {"max_fanin", m.max_fanin},
                      {"max_weight_bits", m.max_weight_bits},
                      {"maj_normalised_size", json::number{m.maj_size.str()}},
                      {"stage_depths", stages},
                      {"built", s.size.built},
                      {"obligations_not_run", s.skipped}};
}

json::value size_check_json(size_check const& s) {
  auto j = size_json(s);
  json::array obligations;
  for (auto const& o : s.obligations) obligations.push_back(obligation_json(o));
  std::get<json::object>(j.v).emplace_back("obligations", obligations);
  return j;
}

size_check size_check_from_json(json::value const& v) {
  size_check s;
  s.size.lemma = v.at("lemma").as_string();
  s.size.params = parameters_from_json(v.at("parameters"));
  auto& m = s.size.metrics;
  m.depth = static_cast<uint32_t>(u64(v, "depth"));
  m.size = u64(v, "gates");
  m.and_gates = u64(v, "and");
  m.or_gates = u64(v, "or");
  m.maj_gates = u64(v, "maj");
  m.threshold_gates = u64(v, "threshold");
  m.wires = u64(v, "wires");
  m.max_fanin = static_cast<uint32_t>(u64(v, "max_fanin"));
  m.max_weight_bits = static_cast<uint32_t>(u64(v, "max_weight_bits"));
  m.maj_size = v.at("maj_normalised_size").as_big_int();
  for (auto const& st : v.at("stage_depths").as_array())
    s.size.stage_depths.emplace_back(st.at("stage").as_string(),
                                     static_cast<uint32_t>(u64(st, "depth")));
  if (auto const* b = v.find("built")) s.size.built = b->as_bool();
  s.skipped = static_cast<unsigned>(u64(v, "obligations_not_run"));
  for (auto const& o : v.at("obligations").as_array())
    s.obligations.push_back(obligation_from_json(o));
  return s;
}

}  // namespace tc0
