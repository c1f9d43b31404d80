#include "core/float_validity.hpp"

namespace tc0 {

std::vector<std::pair<std::string, linear_expr>> float_validity(
    std::string const& name, float_format const& f, std::vector<signal> const& magnitude,
    std::vector<signal> const& exponent, signal sign) {
  auto const top = linear_expr::of(magnitude.back());
  // top = 0 forces m = 0, u = 0 and sign 0; top = 1 leaves u <= u_max
  return {
      {name + " is normalised or zero",
       linear_expr{}.add(top, pow2(f.p) - 1).add(linear_expr::value_of(magnitude), -1)},
      {name + " exponent in range (0 for zero)",
       linear_expr{}.add(top, big_int(f.e_max - f.e_min)).add(linear_expr::value_of(exponent), -1)},
      {name + " zero is positive", linear_expr{}.add(top).add(linear_expr::of(sign), -1)}};
}

}  // namespace tc0
