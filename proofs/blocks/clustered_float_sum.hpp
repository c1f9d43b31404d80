// round_p(x_0 + ... + x_(n-1)), the exact sum rounded once, by gap clustering: size polynomial in
// n and p at every exponent range (the exact alignment of blocks/float_sum.hpp is as wide as the
// range, 2^(p+1) bits at the paper's). ../shared/NEXT-LAYER.md §3 sketches it; made exact here:
//   normalise   every operand's significand shifted up to its leading one: M_i, v_i
//               (blocks/normalised_operand.hpp; v orders the scales)
//   cluster     rank the v_i (ties by index), sort them, cut between sorted neighbours whose v
//               differ by more than G = 2p + ceil(log2 n) + 3, number the clusters from the top:
//               member_ic (one-hot), low_c = the v of cluster c's lowest member (lowest_ic),
//               L_i = the low of operand i's cluster
//   offset<i>_* d_i = v_i - L_i (column sums)
//   align       Y_i = M_i 2^(d_i), d_i <= (n - 1) G (a precondition the check proves)
//   cluster<c>_mask, cluster<c>_*  per cluster c the rows R_ci = member_ic Y_i, summed exactly
//               with their signs (blocks/exact_float_sum.hpp's back half): (-1)^neg_c S_c
//   select      the first nonzero cluster (S*, neg*, low*), whether a later one is nonzero (t)
//               and whether the next nonzero one has the other sign (down)
//   sticky      N = 2^(p+3) S* - 2 down + t (S* - down by a decrement)
//   round       r = round_p((-1)^neg* N 2^(low* + e_min - 2p - 2)) (blocks/round_to_format.hpp)
// The steps offset<i>, cluster<c>_value (implications) and clustered_rounding (certified,
// proofs/blocks/clustered_sum_rounding.hpp) conclude float_sum_clause. Widths: v has E + 1 bits,
// every row p + (n - 1) G bits; n clusters of n rows: O(n^2 (p + nG)) bits before the column
// sums, polynomial in n and p.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "proofs/blocks/clustered_sum_rounding.hpp"
#include "proofs/blocks/float_interface.hpp"
#include "proofs/blocks/rounded_float.hpp"
#include "proofs/engine/lemma.hpp"

namespace tc0 {

// Everything but the certified step, which add_clustered_sum_rounding appends (tests alter what
// a stage states in between).
std::pair<clustered_sum_buses, clustered_sum_sources> create_clustered_sum_stages(
    construction& k, float_format const& f, std::vector<float_bus> const& xs,
    std::string const& prefix = "");

rounded_float create_clustered_float_sum(construction& k, float_format const& f,
                                         std::vector<float_bus> const& xs,
                                         std::string const& prefix = "");

}  // namespace tc0
