#include "core/json.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "core/printable.hpp"

namespace tc0::json {
namespace {

void escape(std::string& out, std::string const& s) {
  out += '"';
  for (unsigned char ch : s) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (ch < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", ch);
          out += buf;
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  out += '"';
}

void write(std::string& out, value const& v, int indent, int level) {
  auto newline = [&](int l) {
    if (indent <= 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent * l), ' ');
  };
  if (std::holds_alternative<std::nullptr_t>(v.v))
    out += "null";
  else if (auto const* b = std::get_if<bool>(&v.v))
    out += *b ? "true" : "false";
  else if (auto const* n = std::get_if<number>(&v.v))
    out += n->text;
  else if (auto const* s = std::get_if<std::string>(&v.v))
    escape(out, *s);
  else if (auto const* a = std::get_if<array>(&v.v)) {
    out += '[';
    for (size_t i = 0; i < a->size(); ++i) {
      if (i) out += ',';
      newline(level + 1);
      write(out, (*a)[i], indent, level + 1);
    }
    if (!a->empty()) newline(level);
    out += ']';
  } else if (auto const* o = std::get_if<object>(&v.v)) {
    out += '{';
    for (size_t i = 0; i < o->size(); ++i) {
      if (i) out += ',';
      newline(level + 1);
      escape(out, (*o)[i].first);
      out += indent > 0 ? ": " : ":";
      write(out, (*o)[i].second, indent, level + 1);
    }
    if (!o->empty()) newline(level);
    out += '}';
  }
}

class parser {
 public:
  explicit parser(std::string const& t) : t_{t} {}

  value document() {
    auto v = parse_value(0);
    skip_space();
    if (i_ != t_.size()) fail("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(std::string const& what) const {
    size_t line = 1, col = 1;
    for (size_t k = 0; k < i_ && k < t_.size(); ++k) {
      if (t_[k] == '\n')
        ++line, col = 1;
      else
        ++col;
    }
    throw std::invalid_argument("line " + std::to_string(line) + ", column " + std::to_string(col) +
                                ": " + printable(what));
  }
  void skip_space() {
    while (i_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[i_]))) ++i_;
  }
  bool eat(char c) {
    skip_space();
    if (i_ < t_.size() && t_[i_] == c) return ++i_, true;
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }
  value parse_value(int depth) {
    if (depth > 200) fail("nesting too deep");
    skip_space();
    if (i_ >= t_.size()) fail("unexpected end of text");
    char const c = t_[i_];
    if (c == '{') {
      ++i_;
      object o;
      if (eat('}')) return o;
      do {
        skip_space();
        auto key = parse_string();
        expect(':');
        o.emplace_back(std::move(key), parse_value(depth + 1));
      } while (eat(','));
      expect('}');
      return o;
    }
    if (c == '[') {
      ++i_;
      array a;
      if (eat(']')) return a;
      do a.push_back(parse_value(depth + 1));
      while (eat(','));
      expect(']');
      return a;
    }
    if (c == '"') return parse_string();
    if (t_.compare(i_, 4, "true") == 0) return i_ += 4, value{true};
    if (t_.compare(i_, 5, "false") == 0) return i_ += 5, value{false};
    if (t_.compare(i_, 4, "null") == 0) return i_ += 4, value{};
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      size_t const start = i_++;
      while (i_ < t_.size() && (std::isdigit(static_cast<unsigned char>(t_[i_])) ||
                                std::string("+-.eE").find(t_[i_]) != std::string::npos))
        ++i_;
      return number{t_.substr(start, i_ - start)};
    }
    fail(std::string("unexpected character '") + c + "'");
  }
  std::string parse_string() {
    if (i_ >= t_.size() || t_[i_] != '"') fail("expected a string");
    ++i_;
    std::string s;
    while (true) {
      if (i_ >= t_.size()) fail("unterminated string");
      char const c = t_[i_++];
      if (c == '"') return s;
      if (c != '\\') {
        s += c;
        continue;
      }
      if (i_ >= t_.size()) fail("unterminated escape");
      char const e = t_[i_++];
      switch (e) {
        case '"':
          s += '"';
          break;
        case '\\':
          s += '\\';
          break;
        case '/':
          s += '/';
          break;
        case 'n':
          s += '\n';
          break;
        case 't':
          s += '\t';
          break;
        case 'r':
          s += '\r';
          break;
        case 'b':
          s += '\b';
          break;
        case 'f':
          s += '\f';
          break;
        case 'u': {
          if (i_ + 4 > t_.size()) fail("short \\u escape");
          unsigned long code = 0;
          for (size_t k = i_; k < i_ + 4; ++k) {
            if (!std::isxdigit(static_cast<unsigned char>(t_[k])))
              fail("a \\u escape needs four hexadecimal digits");
            code =
                code * 16 + static_cast<unsigned long>(
                                std::isdigit(static_cast<unsigned char>(t_[k]))
                                    ? t_[k] - '0'
                                    : std::tolower(static_cast<unsigned char>(t_[k])) - 'a' + 10);
          }
          i_ += 4;
          if (code > 0x7f) fail("only ASCII \\u escapes are supported");
          s += static_cast<char>(code);
          break;
        }
        default:
          fail(std::string("unknown escape \\") + e);
      }
    }
  }

  std::string const& t_;
  size_t i_ = 0;
};

}  // namespace

value const* value::find(std::string const& key) const {
  if (!is_object()) return nullptr;
  for (auto const& [k, x] : std::get<object>(v))
    if (k == key) return &x;
  return nullptr;
}

value const& value::at(std::string const& key) const {
  if (auto const* x = find(key)) return *x;
  throw std::invalid_argument("missing field '" + key + "'");
}

std::string const& value::as_string() const {
  if (auto const* s = std::get_if<std::string>(&v)) return *s;
  throw std::invalid_argument("expected a string");
}
std::string const& value::as_number_text() const {
  if (auto const* n = std::get_if<number>(&v)) return n->text;
  throw std::invalid_argument("expected a number");
}
long long value::as_int() const {
  auto const& t = as_number_text();
  size_t used = 0;
  long long r = 0;
  try {
    r = std::stoll(t, &used);
  } catch (std::exception const&) {
    throw std::invalid_argument("expected an integer, found " + t);
  }
  if (used != t.size()) throw std::invalid_argument("expected an integer, found " + t);
  return r;
}
double value::as_finite_double() const {
  auto const& t = as_number_text();
  size_t used = 0;
  double r = 0;
  try {
    r = std::stod(t, &used);
  } catch (std::exception const&) {
    used = 0;
  }
  if (used != t.size() || !std::isfinite(r))
    throw std::invalid_argument("expected a finite number, found " + t.substr(0, 40));
  return r;
}
big_int value::as_big_int() const {
  auto const& t = as_number_text();
  auto const start = !t.empty() && t[0] == '-' ? 1u : 0u;
  if (start == t.size() || t.size() > 100000 ||
      !std::all_of(t.begin() + start, t.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw std::invalid_argument("expected an integer, found " + t.substr(0, 40));
  return big_int(t);
}
bool value::as_bool() const {
  if (auto const* b = std::get_if<bool>(&v)) return *b;
  throw std::invalid_argument("expected true or false");
}
array const& value::as_array() const {
  if (auto const* a = std::get_if<array>(&v)) return *a;
  throw std::invalid_argument("expected an array");
}
object const& value::as_object() const {
  if (auto const* o = std::get_if<object>(&v)) return *o;
  throw std::invalid_argument("expected an object");
}

std::string dump(value const& v, int indent) {
  std::string out;
  write(out, v, indent, 0);
  return out;
}

value parse(std::string const& text) {
  return parser{text}.document();
}

}  // namespace tc0::json
