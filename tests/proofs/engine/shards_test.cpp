#include "proofs/engine/report/shards.hpp"

#include <doctest/doctest.h>

#include <limits>
#include <sstream>

#include "core/json.hpp"
#include "core/netlist.hpp"
#include "proofs/engine/report/summary.hpp"
#include "proofs/engine/report/svg_plot.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

namespace {

// int.add at m = 2 with its first output bit complemented: refuted, with counterexamples.
size_check refuted_size() {
  auto const& l = find_lemma("int.add");
  parameters const p{{"m", 2}};
  std::ostringstream text;
  write_netlist(text, l.build(p).c);
  auto net = text.str();
  auto const at = net.find(" = ", net.find("\noutput "));
  net.insert(at + 3, "!");
  std::istringstream in(net);
  check_params cp;
  cp.cex_dir = "";
  return check_circuit(l, p, read_netlist(in, "broken.net"), "broken.net", cp);
}

shard_file shard(unsigned index, unsigned count, std::vector<std::string> const& work) {
  shard_file s;
  s.shard = {index, count};
  s.tool_version = "tc0check test";
  s.settings = "timeout_ms=1000";
  s.lemmas = {"int.add"};
  s.work = work;
  return s;
}

}  // namespace

TEST_CASE("a shard file round-trips a refuted size with its counterexample") {
  auto const refuted = refuted_size();
  REQUIRE(!refuted.obligations.empty());
  REQUIRE(refuted.obligations.front().result == verdict::refuted);
  REQUIRE(refuted.obligations.front().cex.has_value());
  auto s = shard(1, 1, {"int.add[m=2]"});
  s.done.emplace_back(0, refuted);
  auto const back = shard_from_json(json::dump(to_json(s)));
  CHECK(json::dump(to_json(back)) == json::dump(to_json(s)));
  REQUIRE(back.done.size() == 1);
  auto const& o = back.done[0].second.obligations.front();
  CHECK(o.result == verdict::refuted);
  CHECK(o.how == refuted.obligations.front().how);
  REQUIRE(o.cex.has_value());
  CHECK(o.cex->input_bits == refuted.obligations.front().cex->input_bits);
  CHECK(back.done[0].second.size.metrics.maj_size == refuted.size.metrics.maj_size);
}

TEST_CASE("merging shards: order restored, and sets that do not belong together are refused") {
  std::vector<std::string> const work{"w0", "w1", "w2"};
  auto item = [](std::string const& lemma) {
    size_check c;
    c.size.lemma = lemma;
    return c;
  };
  auto a = shard(1, 2, work), b = shard(2, 2, work);
  a.done = {{0, item("first")}, {2, item("third")}};
  b.done = {{1, item("second")}};
  auto const merged = merge_shards({b, a});
  REQUIRE(merged.size() == 3);
  CHECK(merged[0].size.lemma == "first");
  CHECK(merged[1].size.lemma == "second");
  CHECK(merged[2].size.lemma == "third");

  CHECK_THROWS_WITH_AS(merge_shards({a}), "shard 2/2 is missing", std::invalid_argument);
  CHECK_THROWS_WITH_AS(merge_shards({a, a}), "shard 1/2 is given twice", std::invalid_argument);
  auto other = b;
  other.settings = "timeout_ms=5";
  CHECK_THROWS_AS(merge_shards({a, other}), std::invalid_argument);
  auto wrong = b;
  wrong.done = {{2, item("x")}};
  CHECK_THROWS_AS(merge_shards({a, wrong}), std::invalid_argument);
  auto short_of_one = b;
  short_of_one.done.clear();
  CHECK_THROWS_WITH_AS(merge_shards({a, short_of_one}), "no shard has the results of w1",
                       std::invalid_argument);
}

TEST_CASE("--shard takes i/k") {
  CHECK(parse_shard("2/5").index == 2);
  CHECK(parse_shard("2/5").count == 5);
  for (auto bad : {"0/2", "3/2", "1", "/2", "1/", "a/b", "1/2/3", "-1/2"})
    CHECK_THROWS_AS(parse_shard(bad), std::invalid_argument);
  CHECK(in_shard(4, {2, 3}));
  CHECK_FALSE(in_shard(4, {1, 3}));
}

TEST_CASE("a record in which nothing ran is not proved") {
  run_record empty;
  CHECK(empty.overall() == verdict::unknown);
  CHECK(overall_text(empty).starts_with("no obligation ran"));
  run_record one;
  one.sizes.push_back(refuted_size());
  CHECK(one.overall() == verdict::refuted);
}

TEST_CASE("numbers read from a report file are checked, and a plot survives an infinite one") {
  CHECK_THROWS_WITH_AS(json::parse("1e400").as_finite_double(),
                       "expected a finite number, found 1e400", std::invalid_argument);
  CHECK_THROWS_AS(json::parse("1.5").as_big_int(), std::invalid_argument);
  CHECK(json::parse("123456789012345678901234567890").as_big_int() ==
        big_int("123456789012345678901234567890"));
  // a MAJ size beyond double's range (10^400 in a shard) becomes infinity when plotted: the
  // point is left off and the plot ends (its axis once looped forever)
  plot_series s{"size", {{2, 10}, {4, std::numeric_limits<double>::infinity()}, {8, 1e300}}};
  auto const svg = svg_plot(
      {.title = "t", .x_label = "p", .y_label = "gates", .log_x = true, .log_y = true}, {s});
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("inf") == std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);
}

TEST_CASE(
    "a sweep's free parameter is the one its sizes give, not an optional one they leave out") {
  run_record r;
  r.lemmas["toy"] = {"", "", 4, {"n", "d", "split"}};  // split: optional, at its fallback
  for (unsigned n : {2u, 3u}) {
    size_check z;
    z.size = size_record{"toy", {{"n", n}, {"d", 2}}, {}, {}};
    r.sizes.push_back(z);
  }
  obligation_result s1;
  s1.id = "toy[sweep n; d=2]/S1";
  s1.lemma = "toy";
  s1.params = {{"d", 2}};
  s1.how = method::depth_sweep;
  r.sweeps.push_back(s1);
  auto const series = sweep_series_of(r);
  REQUIRE(series.size() == 1);
  CHECK(series[0].swept == "n");
  CHECK(series[0].sizes.size() == 2);
}

TEST_CASE("the chain table: uses, the sizes proved in full, the depth range, the formula") {
  run_record r;
  r.lemmas["toy"] = {"Lemma 9", "", 10, {"n"}, {"float.mul", "float.iterated_add"}};
  for (unsigned n : {2u, 3u, 4u}) {
    size_check z;
    z.size = size_record{"toy", {{"n", n}}, {}, {}};
    z.size.built = true;
    z.size.metrics.depth = n == 4 ? 7 : 5;
    obligation_result o;
    o.id = "toy[n=" + std::to_string(n) + "]/depth_formula";
    o.detail = "depth " + std::to_string(z.size.metrics.depth) +
               " <= d_std = 9 (float.mul [p=2]) = 9 (each term the measured depth)";
    o.result = n == 3 ? verdict::unknown : verdict::proved;  // n = 3 is not proved in full
    z.obligations.push_back(o);
    r.sizes.push_back(z);
  }
  auto const rows = chain_table(r);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].uses == "float.mul, float.iterated_add");
  CHECK(rows[0].proved_at == "2 of 3: [n=2], [n=4]");
  CHECK(rows[0].depth == "5..7");
  CHECK(rows[0].formula == "depth 7 <= d_std = 9 (float.mul [p=2]) = 9");
}

TEST_CASE("sweeps of one lemma along one parameter form a group; a lone sweep does not") {
  std::vector<sweep_series> all(3);
  all[0] = {"model", "n", {{"layers", 1}}, {}, nullptr, nullptr};
  all[1] = {"model", "n", {{"layers", 2}}, {}, nullptr, nullptr};
  all[2] = {"model", "d", {{"layers", 1}}, {}, nullptr, nullptr};
  auto const groups = sweep_groups(all);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].swept == "n");
  REQUIRE(groups[0].sweeps.size() == 2);
  CHECK(groups[0].sweeps[1] == &all[1]);
}

TEST_CASE("the hardness section: evidence lemmas' S1 beside the transformer's; fails as expected") {
  run_record r;
  r.lemmas["hardness.bfvp"] = {"Section 5", "", 12, {"n"}, {}, "log depth, as expected"};
  r.lemmas["tf.transformer"] = {"Theorem", "", 2000, {"n"}, {}, ""};
  r.lemmas["float.add"] = {"", "", 30, {"p"}, {}, ""};
  auto const sweep = [&](std::string lemma, std::string id, verdict v) {
    obligation_result o;
    o.id = id;
    o.lemma = lemma;
    o.result = v;
    o.detail = "d";
    r.sweeps.push_back(o);
  };
  sweep("hardness.bfvp", "hardness.bfvp[sweep n]/S1", verdict::refuted);
  sweep("hardness.bfvp", "hardness.bfvp[sweep n]/S2", verdict::proved);
  sweep("tf.transformer", "tf.transformer[sweep n; layers=1]/S1", verdict::proved);
  auto const rows = evidence_table(r);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].result == "fails");
  CHECK(rows[0].why == "log depth, as expected");
  CHECK(rows[1].sweep == "tf.transformer[sweep n; layers=1]/S1");
  CHECK(rows[1].why == "the transformer's constant depth");
  // the overall line keeps the expected failure apart from real ones
  CHECK(overall_text(r).find("growth evidence holds; fails as expected (hardness evidence): "
                             "hardness.bfvp[sweep n]/S1") != std::string::npos);
  sweep("float.add", "float.add[sweep p]/S2", verdict::refuted);
  CHECK(overall_text(r).find("growth evidence fails: float.add[sweep p]/S2; fails as expected") !=
        std::string::npos);
  // without an evidence lemma there is no section
  run_record plain;
  plain.lemmas["tf.transformer"] = r.lemmas["tf.transformer"];
  plain.sweeps.push_back(r.sweeps[2]);
  CHECK(evidence_table(plain).empty());
}
