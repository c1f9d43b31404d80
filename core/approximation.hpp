// What "r approximates f(x)" means for the paper's approximated functions (exp, sin, cos; its
// Lemma 4.1), decided on rigorous enclosures of the true value (core/enclosure.hpp), never a
// hardware double.
//
// For a p-bit format with smallest normal N_min and largest magnitude M_max, r meets the
// approximation of f(x) when
//   - |f(x)| lies in [N_min, M_max] (the format's normal range): r is valid and
//     |r - f(x)| <= 2^-p |f(x)| (the lemma's relative bound);
//   - otherwise (overflow, underflow, or f(x) = 0): r = round_p(v) for some v with
//     |v - f(x)| <= 2^(-2p-1) |f(x)|, i.e. r is what round_p gives up to the internal accuracy
//     the constructions carry (NEXT-LAYER.md §2): the largest float on overflow, 0 or the
//     smallest normal on underflow (round_p's choice except within 2^(-2p-1) of the tie at half
//     the smallest normal), exactly 0 for f(x) = 0.
// Enclosures narrow until they decide; a decision that even the narrowest cannot make (a true
// value exactly on a boundary: only rational values of transcendental functions, e.g. e^0 = 1,
// which are exact) is `undecided`, and callers count it as not met.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/enclosure.hpp"
#include "core/float_format.hpp"

namespace tc0 {

enum class approximated_function { exp, sin, cos };

std::string to_string(approximated_function f);  // "exp", "sin", "cos"

// 2^(-2p-1): how close to f(x) the value a construction rounds must be.
rational approximation_slack(unsigned p);

// Why a construction whose rounded value is within `total` (relative) of f(x) may not meet the
// approximation clause, if it may not: total above 2^(-2p-1), or the precision rule
// (core/precision_rule.hpp) failing for the format's p. nullopt: the clause follows.
std::optional<std::string> internal_accuracy_failure(unsigned p, rational const& total);

decision approximation_holds(approximated_function f, float_format const& fmt, rational const& x,
                             float_value const& r);

// Every float r for which approximation_holds(f, fmt, x, r) is yes, in increasing order: the
// floats within three steps of round_p(f(x)) (the clause's band, 2^(1-p) |f(x)| wide, holds at
// most three; out of range, round_p's neighbours). Empty where enclosures decide no rounding.
std::vector<float_value> approximation_candidates(approximated_function f, float_format const& fmt,
                                                  rational const& x);

// round_p(f(x)) where enclosures decide it (what a counterexample shows as expected).
std::optional<float_value> approximation_reference(approximated_function f, float_format const& fmt,
                                                   rational const& x);

// The one float every construction that rounds a value within 2^(-2p-1) of f(x) once gives (the
// constructions' tight fact, NEXT-LAYER.md §2): round_p(v) is the same for every such v, as
// enclosures decide. nullopt where f(x) lies that close to a point where round_p changes, so two
// correct constructions may differ (several floats then meet the approximation clause).
std::optional<float_value> determined_approximation(approximated_function f,
                                                    float_format const& fmt, rational const& x);

}  // namespace tc0
