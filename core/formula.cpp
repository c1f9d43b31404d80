#include "core/formula.hpp"

#include <cctype>
#include <functional>
#include <random>
#include <stdexcept>

#include "core/primes.hpp"

namespace tc0 {
namespace {

[[noreturn]] void malformed(size_t at, std::string const& what) {
  throw std::invalid_argument("formula: at position " + std::to_string(at) + ": " + what);
}

// One pass over a fully parenthesised formula with an explicit stack. `leaf` reads a literal
// starting at text[at] (advancing at), `apply` combines two values by an operator among `ops`,
// `negate` (Boolean only) applies '!'.
template <class V>
struct formula_grammar {
  std::string_view ops;
  std::function<V(std::string_view, size_t&)> leaf;
  std::function<V(char, V const&, V const&)> apply;
  std::function<V(V const&)> negate;  // empty: no '!'
};

template <class V>
V evaluate(std::string_view text, formula_grammar<V> const& g) {
  struct item {
    enum { open, negation, op, value } kind;
    char symbol = 0;
    V v{};
  };
  std::vector<item> stack;
  // a finished subformula: pending negations apply to it, then it is an operand
  auto const finished = [&](V v) {
    while (!stack.empty() && stack.back().kind == item::negation) {
      v = g.negate(v);
      stack.pop_back();
    }
    stack.push_back({item::value, 0, std::move(v)});
  };
  // a subformula may start here: after nothing, '(', '!' or an operator
  auto const operand_expected = [&] { return stack.empty() || stack.back().kind != item::value; };
  for (size_t at = 0; at < text.size();) {
    char const ch = text[at];
    if (std::isspace(static_cast<unsigned char>(ch))) {
      ++at;
      continue;
    }
    if (ch == '(' || ch == '!' || std::isdigit(static_cast<unsigned char>(ch))) {
      if (!operand_expected()) malformed(at, "expected an operator or ')'");
      if (ch == '(') {
        stack.push_back({item::open});
        ++at;
      } else if (ch == '!') {
        if (!g.negate) malformed(at, "'!' is not an operator of arithmetic formulas");
        stack.push_back({item::negation});
        ++at;
      } else {
        finished(g.leaf(text, at));
      }
    } else if (g.ops.find(ch) != std::string_view::npos) {
      if (stack.size() < 2 || stack.back().kind != item::value ||
          stack[stack.size() - 2].kind != item::open)
        malformed(at, std::string("'") + ch + "' must follow '(' and an operand");
      stack.push_back({item::op, ch});
      ++at;
    } else if (ch == ')') {
      auto const n = stack.size();
      if (n < 4 || stack[n - 1].kind != item::value || stack[n - 2].kind != item::op ||
          stack[n - 3].kind != item::value || stack[n - 4].kind != item::open)
        malformed(at, "')' must close '(' operand operator operand");
      auto v = g.apply(stack[n - 2].symbol, stack[n - 3].v, stack[n - 1].v);
      stack.resize(n - 4);
      finished(std::move(v));
      ++at;
    } else {
      malformed(at, std::string("unexpected character '") + ch + "'");
    }
  }
  if (stack.size() != 1 || stack[0].kind != item::value)
    malformed(text.size(), stack.empty() ? "the formula is empty" : "the formula is incomplete");
  return stack[0].v;
}

big_int read_natural(std::string_view text, size_t& at) {
  big_int v = 0;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])))
    v = v * 10 + (text[at++] - '0');
  return v;
}

// '0' or '1' at text[at] (advancing at)
char read_boolean_leaf(std::string_view text, size_t& at) {
  if (text[at] != '0' && text[at] != '1') malformed(at, "a Boolean leaf is 0 or 1");
  return text[at++];
}

formula_grammar<bool> const boolean_grammar{
    "&|", [](std::string_view text, size_t& at) { return read_boolean_leaf(text, at) == '1'; },
    [](char op, bool const& a, bool const& b) { return op == '&' ? a && b : a || b; },
    [](bool const& a) { return !a; }};

}  // namespace

bool evaluate_boolean_formula(std::string_view text) {
  return evaluate(text, boolean_grammar);
}

big_int evaluate_arithmetic_formula(std::string_view text) {
  return evaluate(
      text, formula_grammar<big_int>{"+-*",
                                     read_natural,
                                     [](char op, big_int const& a, big_int const& b) -> big_int {
                                       if (op == '+') return a + b;
                                       if (op == '-') return a - b;
                                       return a * b;
                                     },
                                     {}});
}

uint64_t evaluate_arithmetic_formula_mod(std::string_view text, uint64_t q) {
  if (q >= (uint64_t{1} << 32) || !is_prime(q))
    throw std::invalid_argument("formula: the modulus " + std::to_string(q) +
                                " is not a prime below 2^32");
  return evaluate(text, formula_grammar<uint64_t>{
                            "+-*",
                            [q](std::string_view t, size_t& at) {
                              return static_cast<uint64_t>(read_natural(t, at) % q);
                            },
                            [q](char op, uint64_t const& a, uint64_t const& b) -> uint64_t {
                              return op == '+'   ? (a + b) % q
                                     : op == '-' ? (a + q - b) % q
                                                 : a * b % q;  // a, b < 2^32
                            },
                            {}});
}

std::string boolean_to_arithmetic(std::string_view text) {
  return evaluate(
      text, formula_grammar<std::string>{"&|",
                                         [](std::string_view t, size_t& at) {
                                           return std::string(1, read_boolean_leaf(t, at));
                                         },
                                         [](char op, std::string const& a, std::string const& b) {
                                           if (op == '&') return "(" + a + "*" + b + ")";
                                           return "(1-((1-" + a + ")*(1-" + b + ")))";
                                         },
                                         [](std::string const& a) { return "(1-" + a + ")"; }});
}

namespace {

// A random tree over `leaves` leaves: the left subtree takes a uniform share of them.
// `node(left, right, rng)` and `leaf(rng)` give the texts; recursion depth is the tree's height,
// logarithmic in expectation for this shape.
template <class Leaf, class Node>
std::string random_tree(unsigned leaves, std::mt19937_64& rng, Leaf const& leaf, Node const& node) {
  if (leaves <= 1) return leaf(rng);
  auto const left = std::uniform_int_distribution<unsigned>(1, leaves - 1)(rng);
  auto a = random_tree(left, rng, leaf, node);
  auto b = random_tree(leaves - left, rng, leaf, node);
  return node(a, b, rng);
}

void require_leaves(unsigned leaves) {
  if (leaves == 0) throw std::invalid_argument("formula: a formula has at least one leaf");
}

}  // namespace

std::string random_boolean_formula(unsigned leaves, uint64_t seed) {
  require_leaves(leaves);
  std::mt19937_64 rng(seed);
  auto const maybe_not = [](std::string s, std::mt19937_64& r) {
    return r() % 4 == 0 ? "!" + s : s;
  };
  return random_tree(
      leaves, rng, [&](std::mt19937_64& r) { return maybe_not(r() % 2 ? "1" : "0", r); },
      [&](std::string const& a, std::string const& b, std::mt19937_64& r) {
        return maybe_not("(" + a + (r() % 2 ? "|" : "&") + b + ")", r);
      });
}

std::string random_arithmetic_formula(unsigned leaves, uint64_t max_literal, uint64_t seed) {
  require_leaves(leaves);
  std::mt19937_64 rng(seed);
  return random_tree(
      leaves, rng,
      [&](std::mt19937_64& r) {
        return std::to_string(std::uniform_int_distribution<uint64_t>(0, max_literal)(r));
      },
      [](std::string const& a, std::string const& b, std::mt19937_64& r) {
        return "(" + a + "+-*"[r() % 3] + b + ")";
      });
}

namespace {

// The text of tree node `i` of a balanced tree over n leaves, children before parents (no
// recursion): texts[i] for i = 2n-1 down to 1.
template <class Leaf, class Node>
std::string balanced_text(size_t n, Leaf const& leaf, Node const& node) {
  if (n < 2 || (n & (n - 1)) != 0)
    throw std::invalid_argument("formula: a balanced formula has 2^h >= 2 leaves, not " +
                                std::to_string(n));
  std::vector<std::string> texts(2 * n);
  for (size_t j = 0; j < n; ++j) texts[n + j] = leaf(j);
  for (size_t i = n - 1; i >= 1; --i) texts[i] = node(i, texts[2 * i], texts[2 * i + 1]);
  return texts[1];
}

}  // namespace

std::string balanced_boolean_formula(std::vector<bool> const& leaves, std::vector<bool> const& ors,
                                     std::vector<bool> const& negations) {
  auto const n = leaves.size();
  if (ors.size() + 1 != n || negations.size() + 1 != n)
    throw std::invalid_argument("formula: a balanced formula over " + std::to_string(n) +
                                " leaves has " + std::to_string(n - 1) + " internal nodes");
  return balanced_text(
      n, [&](size_t j) { return std::string(leaves[j] ? "1" : "0"); },
      [&](size_t i, std::string const& a, std::string const& b) {
        return std::string(negations[i - 1] ? "!" : "") + "(" + a + (ors[i - 1] ? "|" : "&") + b +
               ")";
      });
}

std::string balanced_arithmetic_formula(std::vector<uint64_t> const& leaves,
                                        std::vector<bool> const& products) {
  auto const n = leaves.size();
  if (products.size() + 1 != n)
    throw std::invalid_argument("formula: a balanced formula over " + std::to_string(n) +
                                " leaves has " + std::to_string(n - 1) + " internal nodes");
  return balanced_text(
      n, [&](size_t j) { return std::to_string(leaves[j]); },
      [&](size_t i, std::string const& a, std::string const& b) {
        return "(" + a + (products[i - 1] ? "*" : "+") + b + ")";
      });
}

}  // namespace tc0
