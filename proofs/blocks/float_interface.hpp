// How the float lemmas' circuits carry floats (core/float_format.hpp): each float is three
// buses, NAME_mag (p bits), NAME_exp (the biased exponent u = e - e_min, E bits) and NAME_sign,
// and the lemmas take the parameters p (precision) and k (exponent bits; k = 0 is the paper's
// range [-2^p, 2^p), i.e. E = p + 1; k >= 1 is the reduced range [-2^(k-1), 2^(k-1))).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/float_format.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

float_format format_of(parameters const& p);
// The parameters of a float format: p in 2..p_max, and k in 0..16 (0: the paper's exponent range).
std::vector<parameter_range> float_parameters(unsigned p_max);

struct float_bus {
  bus magnitude, exponent, sign;
  // magnitude, exponent, sign: the order of rounds_to clauses and of pack()
  std::vector<signal> bits() const;
};

float_bus create_float_input(circuit& c, std::string const& name, float_format const& f);
// `bits` (float_bus::bits() order) as the buses NAME_mag, NAME_exp, NAME_sign
float_bus split_float(std::string const& name, float_format const& f,
                      std::vector<signal> const& bits);
// `bits` in float_bus::bits() order
void add_float_output(circuit& c, std::string const& name, float_format const& f,
                      std::vector<signal> const& bits);
float_bus input_float(circuit const& c, std::string const& name);
float_bus output_float(circuit const& c, std::string const& name);
std::vector<bus_decl> float_declarations(std::string const& name, float_format const& f,
                                         bool is_input);

// A lemma over two floats a and b (parameters p and k; p in 2..p_max): name, parameters,
// validation and the interface a, b, then `outputs`.
lemma binary_float_lemma(std::string name, unsigned p_max,
                         std::vector<bus_decl> (*outputs)(float_format const&));
// A lemma over one float x with the result r (parameters p and k; p in 2..p_max): name,
// parameters, validation and the interface (sqrt now; exp, sin, cos next).
lemma unary_float_lemma(std::string name, unsigned p_max);
// A lemma over n floats x0 .. x(n-1) with the result r (parameters n in 1..n_max, p and k; p in
// 2..p_max): name, parameters and the interface.
lemma iterated_float_lemma(std::string name, unsigned n_max, unsigned p_max);
// The name of operand i of an iterated float lemma: "x<i>".
std::string iterated_operand(unsigned i);
// The output declarations of a float result r.
std::vector<bus_decl> float_result(float_format const& f);

// The named float outputs of a circuit on the simulator, given its named float inputs (an input
// float not named is all zero bits, the float 0): for tests and the report's examples.
std::map<std::string, float_value> simulate_floats(circuit const& c, float_format const& f,
                                                   std::map<std::string, float_value> const& in,
                                                   std::vector<std::string> const& outputs);
// The same for one float input x and one float output r (the unary lemmas' interface).
float_value simulate_unary(circuit const& c, float_format const& f, float_value const& x);

// How a clause reads a float bus as a float operand: (-1)^sign |m| 2^(u + e_min), the blocks'
// reading (computes and maximum clauses, core/linear_spec.hpp).
program_operand operand_of(float_bus const& x);
// The value m 2^e of a float's bits in units of 2^e_min: (1 - 2 sign) |m| 2^u (shifted terms,
// bit-vectors only).
linear_expr scaled_value(float_bus const& x);
// Preconditions: the float is valid (core/float_format.hpp): the magnitude's top bit is set or
// the float is the canonical zero, and the exponent is in range.
void require_valid(linear_spec& s, float_bus const& x, float_format const& f);
// The same conditions stated as constraints (clauses), for a step that concludes them.
void state_valid(linear_spec& s, float_bus const& x, float_format const& f);
// The precondition |x| <= 2^K, named "|<what>| <= 2^K" (|x| = m 2^(u + e_min)); throws
// std::invalid_argument where 2^K lies below the format's smallest step 2^e_min.
std::pair<std::string, linear_expr> magnitude_at_most(std::string const& what, float_bus const& x,
                                                      float_format const& f, int64_t K);

}  // namespace tc0
