// The paper's gaps that tc0check shows on inputs (NEXT-LAYER.md §5), for the report:
//   exp_p_plus_3_bits:  float.exp built with p + 3 fraction bits for x (internal accuracy
//                       t = p - 1 instead of 2p + 1, "p plus a few guard bits") at p = 6 in the
//                       paper's range, exported as a netlist and refuted by exhaustive simulation
//                       against the lemma's specification: a counterexample file that
//                       `tc0check replay` reruns on that netlist;
//   exp_overflow:       the paper's claim "relative error 2^-p for every p-bit float" at its own
//                       exponent range: float.exp's circuit at p = 6 on x = 64, where e^x exceeds
//                       the largest float, simulated; its output (the largest float, as the
//                       specification says) and an exact enclosure of e^64 give the relative
//                       error. This is a counterexample to the paper's wording, not to tc0check's
//                       specification, so there is no replay file;
//   sin_large_exponent: float.sin built with the widths for |x| <= 2^4 (its bits of 2/pi and
//                       its fixed point), the shifter extended to 2^20, at p = 6 in the paper's
//                       range: refuted by exhaustive simulation against float.sin's
//                       specification for K = 20, with a counterexample file that replays (at
//                       K = 12 every input still passes: the margins absorb it). The
//                       paper's "every p-bit float" would need about 2^(exponent) bits of pi;
//   softmax_overflow:   tf.attention's circuit (no max-subtraction, as in the paper) at n = 2,
//                       d = 2, p = 2 on inputs whose scores exceed ln(largest float): exp
//                       saturates and the output is far from softmax attention on the same
//                       scores (exact enclosures); the max-subtracted circuit (option maxsub)
//                       simulated on the same input stays close;
//   layernorm_zero_variance: tf.layernorm's circuit (no epsilon) at n = 1, d = 2, p = 4, k = 3
//                       on the row (1.5, 0.5): the squared deviations underflow, sigma^2 = 0,
//                       and the outputs saturate (120 where exact LayerNorm gives 1); with
//                       epsilon the same row gives 0.75.
#pragma once

#include <string>
#include <vector>

#include "proofs/engine/check.hpp"
#include "proofs/engine/report/run_record.hpp"

namespace tc0 {

// Files go under dir/gaps (netlists) and cp.cex_dir (counterexamples).
std::vector<paper_gap> demonstrate_paper_gaps(std::string const& dir, check_params cp);

}  // namespace tc0
