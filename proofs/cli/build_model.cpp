#include "proofs/cli/build_model.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "core/enclosure.hpp"
#include "core/metrics.hpp"
#include "core/simulate.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/cli/exports.hpp"
#include "proofs/cli/text_file.hpp"
#include "proofs/lemmas/transformer/composite.hpp"
#include "proofs/lemmas/transformer/model_file.hpp"
#include "proofs/lemmas/transformer/program_lemma.hpp"

namespace tc0::cli {
namespace {

std::string shown(float_value const& v) {
  return to_string(v) + " = " + approximate_decimal(to_rational(v), 6);
}

// The inputs to run: the given ones, then every X over the format's valid floats where there are
// at most 2^exhaustive_bits of them, else `random` drawn with `seed`.
struct input_plan {
  std::vector<model_weights::matrix> inputs;
  std::string how;
};

input_plan inputs_to_run(model_file const& m, float_format const& f, unsigned random, unsigned seed,
                         unsigned exhaustive_bits) {
  unsigned const n = m.params.at("n"), d = m.params.at("d");
  input_plan plan{m.inputs, std::to_string(m.inputs.size()) + " given"};
  auto const floats = valid_floats(f);
  // floats^(n d) <= 2^exhaustive_bits?
  double const count = std::pow(static_cast<double>(floats.size()), n * d);
  if (count <= std::ldexp(1.0, static_cast<int>(exhaustive_bits))) {
    std::vector<size_t> digit(n * d, 0);
    for (bool more = true; more;) {
      model_weights::matrix X(n);
      for (unsigned i = 0; i < n; ++i)
        for (unsigned c = 0; c < d; ++c) X[i].push_back(floats[digit[i * d + c]]);
      plan.inputs.push_back(std::move(X));
      more = false;
      for (auto& x : digit) {
        if (++x < floats.size()) {
          more = true;
          break;
        }
        x = 0;
      }
    }
    plan.how += ", every one of the " + std::to_string(static_cast<uint64_t>(count)) + " inputs";
    return plan;
  }
  std::mt19937_64 rng{seed};
  std::uniform_int_distribution<size_t> pick(0, floats.size() - 1);
  for (unsigned t = 0; t < random; ++t) {
    model_weights::matrix X(n);
    for (unsigned i = 0; i < n; ++i)
      for (unsigned c = 0; c < d; ++c) X[i].push_back(floats[pick(rng)]);
    plan.inputs.push_back(std::move(X));
  }
  plan.how += ", " + std::to_string(random) + " random (seed " + std::to_string(seed) + ")";
  return plan;
}

}  // namespace

int cmd_build_model(options const& o) {
  if (o.positional.size() != 1)
    throw usage_error("usage: tc0check build-model MODEL.json [--out DIR] [--random N]");
  o.allow_only_declared();
  auto const& path = o.positional[0];
  model_file m;
  try {
    m = parse_model(read_text_file(path));
  } catch (std::invalid_argument const& e) {
    throw std::invalid_argument(path + ": " + e.what());
  }
  auto const& p = m.params;
  auto const f = format_of(p);
  std::cout << "model " << path << ": n = " << p.at("n") << ", d = " << p.at("d") << ", "
            << p.at("layers") << " layer(s), " << f.describe() << (m.rounded ? ", " : "")
            << (m.rounded ? std::to_string(m.rounded) + " decimal(s) rounded to the format" : "")
            << "\n";
  auto const layout = transformer_layout(p, &m.weights);
  std::cerr << "building the circuit ...\n";
  auto const k = build_program_lemma(layout);
  auto const size = measure(k.c);
  std::cout << "circuit: depth " << size.depth << ", " << size.size << " gates, " << size.wires
            << " wires, max weight bits " << size.max_weight_bits << ", MAJ size " << size.maj_size
            << "; inputs X only (" << k.c.input_nodes().size() << " bits), weights constant\n";

  std::filesystem::path const dir = o.get("out", std::filesystem::path(path).stem().string());
  std::filesystem::create_directories(dir);
  auto const title = "RoPE Transformer " + path + " [" + to_string(p) + "]";
  for (auto const& format : export_formats()) {
    auto const file = dir / ("model" + export_extension(format));
    std::ofstream out(file, std::ios::binary);
    write_export(out, k.c, format, "model", title);
    out.flush();
    if (!out) throw std::runtime_error("writing '" + file.string() + "' failed");
    std::cout << "  wrote " << file.string() << "\n";
  }

  // every input where there are at most 2^16 (or 2^N with --exhaustive-bits N)
  auto const plan =
      inputs_to_run(m, f, o.get_unsigned("random"), o.get_unsigned("seed"),
                    o.has("exhaustive-bits") ? o.get_unsigned("exhaustive-bits") : 16);
  // 64 inputs per simulator run: X's bits set lane by lane, each output decoded per lane; slot[o]
  // holds the input positions of operand o's bits (the layout's inputs are X row by row)
  auto const& nodes = k.c.input_nodes();
  std::vector<int64_t> position(k.c.num_nodes(), -1);
  for (size_t i = 0; i < nodes.size(); ++i) position[nodes[i]] = static_cast<int64_t>(i);
  std::vector<std::vector<size_t>> slot;
  for (auto const& name : layout.inputs) {
    slot.emplace_back();
    for (auto b : input_float(k.c, name).bits())
      slot.back().push_back(static_cast<size_t>(position.at(b.index())));
  }
  simulator const sim{k.c};
  std::cerr << "running " << plan.inputs.size() << " input(s) ...\n";
  size_t agreed = 0;
  for (size_t first = 0; first < plan.inputs.size(); first += 64) {
    auto const lanes = std::min<size_t>(64, plan.inputs.size() - first);
    std::vector<uint64_t> words(nodes.size(), 0);
    for (size_t lane = 0; lane < lanes; ++lane) {
      size_t o = 0;
      for (auto const& row : plan.inputs[first + lane])
        for (auto const& x : row) {
          auto const packed = pack(f, x);
          for (size_t b = 0; b < slot[o].size(); ++b)
            if (bit_test(packed, b)) words.at(slot[o][b]) |= uint64_t{1} << lane;
          ++o;
        }
    }
    auto const values = sim.run<uint64_t>(words);
    for (size_t lane = 0; lane < lanes; ++lane) {
      auto const t = first + lane;
      auto const& X = plan.inputs[t];
      std::vector<float_value> operands;
      for (auto const& row : X) operands.insert(operands.end(), row.begin(), row.end());
      bool const given = t < m.inputs.size();
      bool all = true;
      for (auto const& [name, v] : layout.outputs) {
        auto const bits = output_float(k.c, name).bits();
        big_int packed = 0;
        for (size_t b = 0; b < bits.size(); ++b)
          if (sim_value<uint64_t>::lane(simulator::value(values, bits[b]), lane)) packed |= pow2(b);
        auto const y = unpack(f, packed);
        bool const holds = program_holds(*layout.program, operands, v, y);
        all = all && holds;
        if (given || !holds) {
          std::cout << "  " << (given ? "input " + std::to_string(t) : "input") << ": " << name
                    << " = " << shown(y);
          if (!holds)
            std::cout << "  DIFFERS: the forward pass gives "
                      << shown(*evaluate(*layout.program, operands, v));
          std::cout << "\n";
        }
      }
      if (!all) {
        std::cout << "  on X =";
        for (unsigned i = 0; i < X.size(); ++i)
          for (unsigned c = 0; c < X[i].size(); ++c)
            std::cout << " " << matrix_entry("X", i, c) << "=" << to_string(X[i][c]);
        std::cout << "\n";
      }
      agreed += all ? 1 : 0;
    }
  }
  std::cout << "forward pass: " << agreed << " of " << plan.inputs.size() << " input(s) ("
            << plan.how << ") give the reference's outputs (each exp any float within its "
            << "approximation)\n";
  return agreed == plan.inputs.size() ? 0 : 1;
}

}  // namespace tc0::cli
