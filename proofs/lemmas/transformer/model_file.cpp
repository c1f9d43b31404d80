#include "proofs/lemmas/transformer/model_file.hpp"

#include <set>
#include <stdexcept>

#include "core/json.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/lemmas/registry.hpp"

namespace tc0 {
namespace {

[[noreturn]] void fail(std::string const& field, std::string const& what) {
  throw std::invalid_argument("field '" + field + "': " + what);
}

// "-1.25e-3" as an exact rational; nullopt unless the whole text is such a decimal.
std::optional<rational> parse_decimal(std::string const& t) {
  size_t i = 0;
  bool const negative = i < t.size() && (t[i] == '-' || t[i] == '+') && t[i++] == '-';
  big_int digits = 0;
  int64_t scale = 0;
  bool any = false, point = false;
  for (; i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.'); ++i) {
    if (t[i] == '.') {
      if (point) return std::nullopt;
      point = true;
      continue;
    }
    any = true;
    digits = digits * 10 + (t[i] - '0');
    if (point) --scale;
    if (digits > pow2(4096)) return std::nullopt;
  }
  if (!any) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool const minus = i < t.size() && (t[i] == '-' || t[i] == '+') && t[i++] == '-';
    int64_t e = 0;
    bool exponent_digits = false;
    for (; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])); ++i) {
      e = e * 10 + (t[i] - '0');
      exponent_digits = true;
      if (e > 4096) return std::nullopt;
    }
    if (!exponent_digits) return std::nullopt;
    scale += minus ? -e : e;
  }
  if (i != t.size()) return std::nullopt;
  rational x(digits);
  big_int ten = 1;
  for (int64_t k = 0; k < (scale < 0 ? -scale : scale); ++k) ten *= 10;
  x = scale < 0 ? x / rational(ten) : x * rational(ten);
  return negative ? -x : x;
}

struct reader {
  float_format f;
  unsigned rounded = 0;

  float_value number(json::value const& v, std::string const& field) {
    std::string text;
    if (std::holds_alternative<json::number>(v.v))
      text = v.as_number_text();
    else if (std::holds_alternative<std::string>(v.v))
      text = v.as_string();
    else
      fail(field, "expected a number, a decimal string or \"<m, e>\"");
    if (!text.empty() && text.front() == '<') {
      auto const comma = text.find(',');
      if (comma == std::string::npos || text.back() != '>')
        fail(field, "\"" + text + "\" is not of the form \"<m, e>\"");
      try {
        size_t used_m = 0, used_e = 0;
        auto const m_text = text.substr(1, comma - 1), e_text = text.substr(comma + 1);
        auto const e_trim = e_text.substr(0, e_text.size() - 1);
        long long const m = std::stoll(m_text, &used_m);
        long long const e = std::stoll(e_trim, &used_e);
        if (used_m != m_text.size() || used_e != e_trim.size()) throw std::invalid_argument("");
        float_value const x{m < 0, big_int(m < 0 ? -m : m), e};
        if (!is_valid(f, x)) fail(field, text + " is not a valid float of " + f.describe());
        return x;
      } catch (std::logic_error const& e) {
        if (std::string(e.what()).starts_with("field")) throw;
        fail(field, "\"" + text + "\" is not of the form \"<m, e>\" with integers m and e");
      }
    }
    auto const x = parse_decimal(text);
    if (!x) fail(field, "\"" + text + "\" is not a decimal number");
    auto const r = round_to_format(f, *x);
    if (to_rational(r) != *x) ++rounded;
    return r;
  }

  model_weights::matrix matrix(json::value const& v, std::string const& field, unsigned rows,
                               unsigned columns) {
    if (!std::holds_alternative<json::array>(v.v))
      fail(field, "expected a matrix (rows of numbers)");
    auto const& a = v.as_array();
    if (a.size() != rows)
      fail(field, std::to_string(a.size()) + " rows, expected " + std::to_string(rows));
    model_weights::matrix m;
    for (unsigned r = 0; r < rows; ++r)
      m.push_back(vector(a[r], field + "[" + std::to_string(r) + "]", columns));
    return m;
  }

  std::vector<float_value> vector(json::value const& v, std::string const& field, unsigned size) {
    if (!std::holds_alternative<json::array>(v.v)) fail(field, "expected a list of numbers");
    auto const& a = v.as_array();
    if (a.size() != size)
      fail(field, std::to_string(a.size()) + " entries, expected " + std::to_string(size));
    std::vector<float_value> out;
    for (unsigned c = 0; c < size; ++c)
      out.push_back(number(a[c], field + "[" + std::to_string(c) + "]"));
    return out;
  }
};

json::value const& member(json::value const& o, std::string const& field) {
  auto const* v = o.find(field);
  if (!v) fail(field, "missing");
  return *v;
}

unsigned whole(json::value const& o, std::string const& field) {
  auto const& v = member(o, field);
  if (!std::holds_alternative<json::number>(v.v)) fail(field, "expected a whole number");
  try {
    auto const x = v.as_int();
    if (x < 0 || x > 1000000) throw std::invalid_argument("");
    return static_cast<unsigned>(x);
  } catch (std::invalid_argument const&) {
    fail(field, "expected a whole number, not " + v.as_number_text());
  }
}

bool flag(json::value const& o, std::string const& field) {
  auto const* v = o.find(field);
  if (!v) return false;
  if (!std::holds_alternative<bool>(v->v)) fail(field, "expected true or false");
  return v->as_bool();
}

json::array const& list(json::value const& o, std::string const& field, size_t size) {
  auto const& v = member(o, field);
  if (!std::holds_alternative<json::array>(v.v)) fail(field, "expected a list");
  if (v.as_array().size() != size)
    fail(field, std::to_string(v.as_array().size()) + " entries, expected " + std::to_string(size));
  return v.as_array();
}

void only_fields(json::value const& o, std::string const& where,
                 std::set<std::string> const& known) {
  for (auto const& [key, value] : o.as_object())
    if (!known.count(key)) fail(where + key, "unknown field");
}

}  // namespace

model_file parse_model(std::string const& text) {
  auto const root = json::parse(text);
  if (!root.is_object()) throw std::invalid_argument("a model file is a JSON object");
  only_fields(root, "",
              {"n", "d", "layers", "p", "k", "g", "relu", "eps", "scale", "causal", "split", "maxsub",
               "mlp", "attention", "inputs"});
  model_file m;
  for (auto const* f : {"n", "d", "layers", "p", "k"}) m.params[f] = whole(root, f);
  unsigned g = 1;
  if (auto const* v = root.find("g")) {
    if (!std::holds_alternative<std::string>(v->v)) fail("g", "expected a string");
    auto const& s = v->as_string();
    g = s == "mlp" ? 1 : s == "layernorm" ? 2 : s == "mlp+layernorm" ? 3 : 0;
    if (g == 0) fail("g", "\"" + s + "\" is not mlp, layernorm or mlp+layernorm");
  }
  m.params["g"] = g;
  for (auto const* f : {"relu", "eps", "scale", "causal", "split", "maxsub"})
    m.params[f] = flag(root, f);
  try {
    find_lemma("tf.transformer").validate(m.params);
  } catch (std::invalid_argument const& e) {
    throw std::invalid_argument(std::string("the model's shape: ") + e.what());
  }
  unsigned const n = m.params["n"], d = m.params["d"], layers = m.params["layers"];
  reader r{format_of(m.params)};
  if (g & 1) {
    auto const& parts = list(root, "mlp", layers + 1);
    for (size_t l = 0; l < parts.size(); ++l) {
      auto const where = "mlp[" + std::to_string(l) + "]";
      if (!parts[l].is_object()) fail(where, "expected an object {\"W\": ..., \"b\": ...}");
      only_fields(parts[l], where + ".", {"W", "b"});
      m.weights.g.push_back({r.matrix(member(parts[l], "W"), where + ".W", d, d),
                             r.vector(member(parts[l], "b"), where + ".b", d)});
    }
  } else if (root.find("mlp")) {
    fail("mlp", "given, but g has no MLP");
  }
  auto const& layers_list = list(root, "attention", layers);
  m.weights.attention.resize(1);  // attention[0] is unused: the layers count from 1
  for (size_t l = 0; l < layers_list.size(); ++l) {
    auto const where = "attention[" + std::to_string(l) + "]";
    if (!layers_list[l].is_object()) fail(where, "expected an object {\"WQ\", \"WK\", \"WV\"}");
    only_fields(layers_list[l], where + ".", {"WQ", "WK", "WV"});
    m.weights.attention.push_back({r.matrix(member(layers_list[l], "WQ"), where + ".WQ", d, d),
                                   r.matrix(member(layers_list[l], "WK"), where + ".WK", d, d),
                                   r.matrix(member(layers_list[l], "WV"), where + ".WV", d, d)});
  }
  if (auto const* v = root.find("inputs")) {
    if (!std::holds_alternative<json::array>(v->v)) fail("inputs", "expected a list of matrices");
    for (size_t i = 0; i < v->as_array().size(); ++i)
      m.inputs.push_back(r.matrix(v->as_array()[i], "inputs[" + std::to_string(i) + "]", n, d));
  }
  m.rounded = r.rounded;
  return m;
}

}  // namespace tc0
