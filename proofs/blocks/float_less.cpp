#include "proofs/blocks/float_less.hpp"

#include "proofs/blocks/comparator.hpp"

namespace tc0 {
namespace {

// (|m|, u) as one unsigned number, |m| in the low bits
std::vector<signal> key(float_bus const& x) {
  auto bits = x.magnitude.bits;
  bits.insert(bits.end(), x.exponent.bits.begin(), x.exponent.bits.end());
  return bits;
}

}  // namespace

signal create_float_less(circuit& c, float_bus const& a, float_bus const& b) {
  auto const a_below = create_less_than(c, key(a), key(b));
  auto const b_below = create_less_than(c, key(b), key(a));
  auto const sa = a.sign.bits[0], sb = b.sign.bits[0];
  return c.create_or({c.create_and({sa, !sb}), c.create_and({!sa, !sb, a_below}),
                      c.create_and({sa, sb, b_below})});
}

}  // namespace tc0
