#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/check_by_simulation.hpp"
#include "proofs/engine/check.hpp"
#include "proofs/engine/structure.hpp"
#include "proofs/lemmas/registry.hpp"

using namespace tc0;

TEST_CASE("every lemma's construction matches its interface and the Boost twin at small sizes") {
  for (auto const& l : all_lemmas()) {
    for (auto const& sweep : l.default_sweeps) {
      auto const& p = sweep.front();
      auto const where = l.name + " [" + to_string(p) + "]";
      CAPTURE(where);
      auto const k = l.build(p);
      CHECK_NOTHROW(check_interface(l, p, k.c));
      CHECK_FALSE(structural_violation(k).has_value());
      auto const spec = l.specification(k.c, p);
      // every pattern where they are few (tf.rope has none), random ones elsewhere
      if (k.c.input_nodes().size() <= 20)
        CHECK_FALSE(check_exhaustive(k.c, spec).has_value());
      else
        CHECK_FALSE(check_random(k.c, spec).has_value());
    }
  }
}

TEST_CASE("a sweep varies one parameter over the given values") {
  auto const s = sweep({{"m", 4}}, "n", {2, 8});
  REQUIRE(s.size() == 2);
  CHECK(s[0] == parameters{{"m", 4}, {"n", 2}});
  CHECK(s[1] == parameters{{"m", 4}, {"n", 8}});
}

TEST_CASE("every lemma's default sweeps and self-check size are valid parameters") {
  for (auto const& l : all_lemmas()) {
    CAPTURE(l.name);
    for (auto const& s : l.default_sweeps)
      for (auto const& p : s) CHECK_NOTHROW(l.validate(p));
    if (l.self_check_exempt.empty()) CHECK_NOTHROW(l.validate(l.self_check_size));
  }
}

TEST_CASE("a composite's declared size degree is at least that of every lemma it uses") {
  // its size contains theirs at the same precision: float.div's degree 10 in p is the model's
  for (auto const& l : all_lemmas())
    for (auto const& used : l.uses) {
      CAPTURE(l.name);
      CAPTURE(used);
      CHECK(l.degree_bound >= find_lemma(used).degree_bound);
    }
  CHECK(find_lemma("tf.transformer").degree_bound_for("p") == 10);
  CHECK(find_lemma("tf.transformer").degree_bound_for("n") == 4);
}

TEST_CASE("bad parameters are rejected with a message") {
  auto const& l = find_lemma("int.iterated_add");
  CHECK_THROWS_WITH_AS(l.validate({{"n", 0}, {"m", 4}}), "parameter n=0 is outside 1..1024",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(l.validate({{"n", 4}}), "missing parameter 'm'", std::invalid_argument);
  CHECK_THROWS_WITH_AS(l.validate({{"n", 4}, {"m", 4}, {"p", 3}}),
                       "int.iterated_add has no parameter 'p'", std::invalid_argument);
  CHECK_NOTHROW(l.validate({{"n", 1024}, {"m", 1}}));
  CHECK_THROWS_AS(find_lemma("no.such"), std::invalid_argument);
}

TEST_CASE("a structural violation is found: a gate outside every stage") {
  auto k = find_lemma("int.add").build({{"m", 3}});
  k.c.create_and({k.c.input_buses()[0].bits[0], k.c.input_buses()[1].bits[0]});
  auto const v = structural_violation(k);
  REQUIRE(v.has_value());
  CHECK(v->find("belongs to no stage") != std::string::npos);
}

TEST_CASE("a structural violation is found: a stage output no clause constrains") {
  auto k = find_lemma("int.add").build({{"m", 3}});
  k.stage_specs[0].clauses.clear();
  auto const v = structural_violation(k);
  REQUIRE(v.has_value());
  CHECK(v->find("not constrained") != std::string::npos);
}

TEST_CASE("a structural violation is found: a stage spec naming a gate inside the stage") {
  // int.mul's column_counts stage: its first gate that is not a stage output
  auto k = find_lemma("int.mul").build({{"m", 3}});
  auto const& stage = k.c.stages()[2];
  std::set<uint32_t> outputs;
  for (auto const& b : stage.outputs)
    for (auto bit : b.bits) outputs.insert(bit.index());
  uint32_t inner = 0;
  for (uint32_t n = 0; n < k.c.num_nodes() && !inner; ++n)
    if (k.c.stage_of(n) == 2 && !outputs.count(n)) inner = n;
  REQUIRE(inner != 0);
  k.stage_specs[1].require("mentions an inner gate", linear_expr::of(signal{inner, false}));
  auto const v = structural_violation(k);
  REQUIRE(v.has_value());
  CHECK(v->find("neither a declared input nor an output") != std::string::npos);
}

TEST_SUITE("solver") {
  TEST_CASE("addition and comparison are proved across their default sweeps") {
    for (auto const* name : {"int.add", "int.compare"}) {
      auto const& l = find_lemma(name);
      std::vector<size_record> sizes;
      for (auto const& p : l.default_sweeps[0]) {
        auto const r = check_construction(l, p, {});
        auto const where = std::string(name) + " [" + to_string(p) + "]";
        CAPTURE(where);
        CHECK(overall(r.obligations) == verdict::proved);
        sizes.push_back(r.size);
      }
      CHECK(overall(check_sweep(l, "m", sizes)) == verdict::proved);
    }
  }
}

TEST_CASE("two solvers that disagree settle nothing: the obligation ends unknown") {
  // a stand-in second solver that finds every query satisfiable
  auto const fake = (std::filesystem::temp_directory_path() / "tc0check-always-sat.sh").string();
  std::ofstream(fake) << "#!/bin/sh\necho sat\n";
  std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
  check_params cp;
  cp.cex_dir = "";
  cp.solver.second_opinion = {true, fake, 5000};
  auto const r = check_construction(find_lemma("int.add"), {{"m", 2}}, cp);
  bool saw_smt = false;
  for (auto const& o : r.obligations) {
    if (o.how != method::smt_stage && o.how != method::smt_flat) continue;
    saw_smt = true;
    CAPTURE(o.id);
    CHECK(o.result == verdict::unknown);
    CHECK(o.detail.starts_with("solvers disagree"));
  }
  CHECK(saw_smt);
}
