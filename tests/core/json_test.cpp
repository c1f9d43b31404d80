#include "core/json.hpp"

#include <doctest/doctest.h>

using namespace tc0;

TEST_CASE("a \\u escape is read as four hexadecimal digits") {
  CHECK(json::parse("\"\\u0041\\u006a\"").as_string() == "Aj");
  CHECK(json::parse("\"\\u004A\"").as_string() == "J");
}

TEST_CASE("a malformed \\u escape is refused with a message, not library text") {
  // found by tests/fuzz/fuzz_counterexample: "\u:" reached std::stoul, whose message was "stoul"
  for (auto const* text :
       {"\"\\u:123\"", "\"\\u12g4\"", "\"\\u 123\"", "\"\\u+123\"", "\"\\u12\""}) {
    CAPTURE(text);
    try {
      json::parse(text);
      FAIL("accepted");
    } catch (std::invalid_argument const& e) {
      CHECK(std::string(e.what()).find("escape") != std::string::npos);
    }
  }
}
