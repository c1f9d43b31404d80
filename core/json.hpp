// A small JSON value with a writer and a strict parser, for reports and counterexample files.
// Numbers keep their text, so arbitrary-precision integers pass through unchanged.
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "core/big_int.hpp"

namespace tc0::json {

struct value;
using array = std::vector<value>;
using object = std::vector<std::pair<std::string, value>>;  // keeps insertion order

struct number {
  std::string text;
};

struct value {
  std::variant<std::nullptr_t, bool, number, std::string, array, object> v;

  value() : v{nullptr} {}
  value(bool b) : v{b} {}
  value(char const* s) : v{std::string(s)} {}
  value(std::string s) : v{std::move(s)} {}
  value(number n) : v{std::move(n)} {}
  value(array a) : v{std::move(a)} {}
  value(object o) : v{std::move(o)} {}
  template <class T, class = std::enable_if_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>>>
  value(T x) : v{number{std::to_string(x)}} {}

  bool is_object() const { return std::holds_alternative<object>(v); }
  // Object member; throws std::invalid_argument when absent or when this is not an object.
  value const& at(std::string const& key) const;
  value const* find(std::string const& key) const;
  std::string const& as_string() const;
  std::string const& as_number_text() const;
  long long as_int() const;
  double as_finite_double() const;  // throws std::invalid_argument naming the text otherwise
  big_int as_big_int() const;       // a decimal integer of any size; throws likewise
  bool as_bool() const;
  array const& as_array() const;
  object const& as_object() const;
};

std::string dump(value const& v, int indent = 2);
// Throws std::invalid_argument("line L, column C: ...") on malformed text.
value parse(std::string const& text);

}  // namespace tc0::json
