#!/usr/bin/env bash
# The CLI as a new user meets it: exit statuses, export, a hand-broken netlist, replay, and
# one-line errors for malformed input. Usage: cli_test.sh PATH/TO/tc0check
set -u
tc0=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
expect() {  # expect STATUS DESCRIPTION -- COMMAND...
  local want=$1 what=$2; shift 3
  "$@" >out.txt 2>err.txt
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; cat out.txt err.txt | head -20; fail=1
  else
    echo "ok: $what"
  fi
}

expect 0 "list" -- "$tc0" list
expect 0 "check proves iterated addition" -- "$tc0" check int.iterated_add --n 2..16*2 --m 3
grep -q "S1" out.txt || { echo "FAIL: no S1 line"; fail=1; }
expect 0 "--json output" -- "$tc0" check int.add --m 4 --json
grep -q '"result": "proved"' out.txt || { echo "FAIL: JSON lacks the result"; fail=1; }
# measure: sizes built, nothing proved; the sweeps say so, a build past --timeout is not built
rm -rf counterexamples  # check made it; measure must not
expect 0 "measure builds a sweep" -- "$tc0" measure int.iterated_add --n 2..64*2 --m 3 -j 2
grep -q "built and measured, not proved" out.txt || { echo "FAIL: measure's sweep does not say it proved nothing"; fail=1; }
grep -q "no obligation ran" out.txt || { echo "FAIL: measure's overall line claims obligations"; fail=1; }
[ ! -e counterexamples ] || { echo "FAIL: measure made a counterexample directory"; fail=1; }
expect 3 "a measured size past its time limit is not built" -- "$tc0" measure int.div --m 4,16 --timeout 1
grep -q "16 (.*--timeout 1 s" out.txt || { echo "FAIL: the unbuilt size does not say why"; fail=1; }
expect 2 "measure refuses an option of check" -- "$tc0" measure int.add --m 4 --only stage
expect 0 "export netlist" -- "$tc0" export int.iterated_add --n 4 --m 4 -o good.net
expect 0 "export dot" -- "$tc0" export int.add --m 2 --format dot -o add.dot
grep -q "cluster_1" add.dot || { echo "FAIL: DOT lacks the stage cluster"; fail=1; }
expect 0 "the exported netlist checks" -- "$tc0" check-netlist int.iterated_add good.net --n 4 --m 4

# AIGER and Verilog exports: read back by check-netlist (the miter proves the lemma's spec on the
# AND/NOT lowering); a flipped output literal is refuted and its counterexample replays.
expect 0 "export binary AIGER" -- "$tc0" export int.mul --m 3 --format aig --out mul.aig
expect 0 "the binary AIGER export checks" -- "$tc0" check-netlist int.mul mul.aig --m 3
expect 0 "export ASCII AIGER" -- "$tc0" export int.mul --m 3 --format aag --out mul.aag
awk 'NR == 8 { $1 = ($1 % 2 == 0) ? $1 + 1 : $1 - 1 } { print }' mul.aag > mul_bad.aag
expect 1 "a flipped AIGER output is refuted" -- "$tc0" check-netlist int.mul mul_bad.aag --m 3 --cex-dir cex_aag
expect 1 "its counterexample replays on the AIGER file" -- bash -c "'$tc0' replay \"\$(ls cex_aag/*.json | head -1)\""
expect 2 "a truncated AIGER file is an input error" -- bash -c "head -5 mul.aag > cut.aag && '$tc0' check-netlist int.mul cut.aag --m 3"
grep -q "cut.aag:" err.txt || { echo "FAIL: the AIGER error does not name the file"; fail=1; }
expect 0 "export Verilog" -- "$tc0" export int.mul --m 3 --format verilog --out mul.v
grep -q "^module tc0_int_mul" mul.v || { echo "FAIL: no Verilog module"; fail=1; }
if command -v dot >/dev/null; then
  expect 0 "the DOT export renders" -- dot -Tsvg add.dot -o add.svg
fi

# The report: HTML self-contained (no scripts, links or fetched resources; plots inline), and two
# runs give the same files apart from times and the date (time cells and "seconds" are masked).
expect 0 "report on two lemmas" -- "$tc0" report --lemmas int.add,int.compare --out rep -j 2
for f in report.md report.html report.json; do [ -s "rep/$f" ] || { echo "FAIL: rep/$f missing"; fail=1; }; done
grep -q "<svg" rep/report.html || { echo "FAIL: no inline SVG plot in the HTML"; fail=1; }
if grep -v 'xmlns="http://www.w3.org/2000/svg"' rep/report.html | grep -Eqi '<script|<link|src=|https?://'; then
  echo "FAIL: the HTML report refers to something outside itself"; fail=1
fi
mask() {
  sed -E -e '/date/d' -e 's/\| [0-9]+\.[0-9]{2} \|/| T |/g' -e 's#<td>[0-9]+\.[0-9]{2}</td>#<td>T</td>#g' \
    -e 's/"seconds": [0-9.]+/"seconds": T/g' "$1"
}
mv rep rep1
expect 0 "the same report again" -- "$tc0" report --lemmas int.add,int.compare --out rep -j 2
for f in report.md report.html report.json; do
  diff <(mask rep1/$f) <(mask rep/$f) >/dev/null || { echo "FAIL: $f differs between two runs"; diff <(mask rep1/$f) <(mask rep/$f) | head -5; fail=1; }
done

# Sharding: two shards merged give the single run's files (times, date and command masked).
expect 0 "shard 1/2" -- "$tc0" report --lemmas int.add,int.compare --shard 1/2 --out shards
expect 0 "shard 2/2" -- "$tc0" report --lemmas int.add,int.compare --shard 2/2 --out shards
expect 2 "merge refuses an incomplete set of shards" -- "$tc0" merge --out merged shards/shard-1-of-2.json
grep -q "shard 2/2 is missing" err.txt || { echo "FAIL: merge does not name the missing shard"; fail=1; }
expect 0 "merge" -- "$tc0" merge --out merged shards/shard-2-of-2.json shards/shard-1-of-2.json
for f in report.md report.html report.json; do
  diff <(mask rep/$f | grep -v command) <(mask merged/$f | grep -v command) >/dev/null ||
    { echo "FAIL: merged $f differs from the single run"; diff <(mask rep/$f) <(mask merged/$f) | head -5; fail=1; }
done
expect 2 "report --shard checks its argument" -- "$tc0" report --shard 3/2 --out shards
sed -E 's/"m": ([0-9]+)/"m": 0/g' shards/shard-1-of-2.json > bad-1-of-2.json
expect 2 "merge refuses a size the lemma does not accept" -- "$tc0" merge --out merged_bad bad-1-of-2.json shards/shard-2-of-2.json
grep -q "m=0 is outside" err.txt || { echo "FAIL: merge does not say which parameter is wrong"; cat err.txt; fail=1; }

# A global budget: what could not run in it is unknown, never proved.
expect 3 "a spent budget leaves obligations unknown" -- "$tc0" check int.div --m 4 --budget 1
grep -q "budget (--budget 1 s) was spent" out.txt || { echo "FAIL: no 'budget spent' obligation"; fail=1; }
# The budget bounds everything: a query running at the deadline is stopped (issue 23: this ran
# 14.6 s for a budget of 5). Wall-clock limits are benchmarks' business; here, the verdicts.
expect 3 "a query running at the deadline is stopped" -- "$tc0" check int.mul --m 64 --budget 5
grep -q "stopped after .*budget (--budget 5 s) was spent" out.txt ||
  { echo "FAIL: no obligation stopped by the budget"; fail=1; }
# --timeout bounds an obligation's encoding too: a chain of 40k majority gates, which took 97 s
# to encode before any solving, stops at its limit (or finishes) and is never called proved.
awk 'BEGIN { print "tc0check-netlist 1"; print "input a 3"; print "input b 3";
             print "c0 = maj a[0] b[0] a[1]";
             for (k = 1; k < 40000; ++k) printf "c%d = maj c%d a[%d] b[%d]\n", k, k - 1, k % 3, (k + 1) % 3;
             print "output sum = c39999 a[1] a[2] 0" }' > chain.net
expect 1 "a deep chain is refuted by simulation, its miter held to --timeout" -- "$tc0" check-netlist int.add chain.net --m 3 --timeout 1
grep -q "monolithic — .*\(refuted\|--timeout 1 s\)" out.txt || grep -q "refuted .*monolithic" out.txt ||
  { echo "FAIL: the chain's miter neither refuted nor stopped by --timeout"; cat out.txt; fail=1; }

# Progress: none in a log by default (stderr is a file here); one line per obligation on request.
expect 0 "no progress line off a terminal" -- "$tc0" check int.add --m 3
[ ! -s err.txt ] || { echo "FAIL: progress written to a log"; fail=1; }
expect 0 "progress as lines" -- "$tc0" check int.add --m 3 --progress-lines
grep -q '^\[sizes 0/1, 1 obligations, [0-9]* s\] int.add\[m=3\]/' err.txt ||
  { echo "FAIL: no progress lines"; fail=1; }
[ "$(grep -c 'obligations' err.txt)" -ge 2 ] || { echo "FAIL: fewer than two progress lines"; fail=1; }

# Second opinion: cvc5 re-solves every query (where installed; .ci/install-deps installs it).
if command -v cvc5 >/dev/null; then
  expect 0 "cvc5 second opinion" -- "$tc0" check int.mul --m 3 --second-opinion cvc5
  grep -q "second opinion: cvc5 agrees" out.txt || { echo "FAIL: no cvc5 agreement shown"; fail=1; }
fi
expect 2 "only cvc5 is a second opinion" -- "$tc0" check int.mul --m 3 --second-opinion yices

# Break one gate by hand: raise the threshold of the last thr gate.
last=$(grep -n ' = thr ' good.net | tail -1 | cut -d: -f1)
awk -v L="$last" 'NR==L { $4 = $4 + 1 } { print }' good.net > bad.net
expect 1 "the altered netlist is refuted" -- "$tc0" check-netlist int.iterated_add bad.net --n 4 --m 4 --cex-dir cex
grep -q "expected" out.txt || { echo "FAIL: no decoded expected value"; fail=1; }
cex=$(ls cex/*.json | head -1)
expect 1 "replay confirms the counterexample" -- "$tc0" replay "$cex"
grep -q "still fails" out.txt || { echo "FAIL: replay did not say it still fails"; fail=1; }
expect 0 "replay against the good netlist no longer fails" -- bash -c "sed 's#bad.net#good.net#' '$cex' > fixed.json && '$tc0' replay fixed.json"

printf 'tc0check-netlist 1\ninput x0 4\ng1 = nand x0[0]\n' > malformed.net
expect 2 "a malformed netlist is an input error" -- "$tc0" check-netlist int.iterated_add malformed.net --n 1 --m 4
grep -q "malformed.net:3:" err.txt || { echo "FAIL: no file:line in the error"; fail=1; }
[ "$(wc -l < err.txt)" = 1 ] || { echo "FAIL: error is not one line"; fail=1; }
expect 2 "a netlist with the wrong interface" -- "$tc0" check-netlist int.iterated_add good.net --n 5 --m 4
expect 2 "a bad parameter" -- "$tc0" check int.iterated_add --n 0 --m 4
expect 2 "an unknown lemma" -- "$tc0" check no.such --n 1
expect 2 "an unknown option" -- "$tc0" check int.add --m 4 --bogus 1
# options come from one table: a known option of another command is refused, a number outside
# its declared range is refused, and the help text lists every option with its commands
expect 2 "an option of another command" -- "$tc0" printed-add --p 2 --format dot
expect 2 "a number outside its range" -- "$tc0" check int.add --m 4 --timeout 0
grep -q "outside 1..86400" err.txt || { echo "FAIL: the range is not named"; fail=1; }
expect 0 "help" -- "$tc0" --help
for opt in timeout budget jobs only json smt2-dir cex-dir seed exhaustive-bits second-opinion progress-lines; do
  grep -q -- "--$opt" out.txt || { echo "FAIL: --$opt missing from the help"; fail=1; }
done
expect 2 "no command" -- "$tc0"
# --exhaustive-bits: every pattern simulated up to N input bits, random patterns beyond (and
# never both: every pattern already covers them)
expect 0 "exhaustive simulation by default at 6 input bits" -- "$tc0" check int.add --m 3
grep -q "exhaustive — all 64 patterns" out.txt && ! grep -q " random —" out.txt || { echo "FAIL: not exactly the exhaustive simulation"; fail=1; }
expect 0 "random simulation above --exhaustive-bits" -- "$tc0" check int.add --m 3 --exhaustive-bits 4
grep -q " random —" out.txt && ! grep -q "exhaustive —" out.txt || { echo "FAIL: --exhaustive-bits 4 still enumerates"; fail=1; }

# The printed addition rule against exact-then-round: a survey, then its example replayed.
expect 0 "printed-add surveys both zero conventions" -- "$tc0" printed-add --p 2
grep -q "zero stored as <0, 0>: [1-9]" out.txt || { echo "FAIL: no discrepancy shown"; fail=1; }
replay=$(grep -o 'printed-add --p .*' out.txt | head -1)
expect 1 "the discrepancy replays" -- bash -c "'$tc0' $replay"
grep -q DIFFER out.txt || { echo "FAIL: replay did not show the difference"; fail=1; }
expect 2 "a malformed float" -- "$tc0" printed-add --p 2 --a 1 --b 2,3
expect 2 "an operand outside the format" -- "$tc0" printed-add --p 3 --a 5,99999999 --b 4,-99999999
grep -q "not a valid float" err.txt || { echo "FAIL: printed-add does not say the operand is invalid"; fail=1; }
expect 2 "the smallest 64-bit significand" -- "$tc0" printed-add --p 3 --a -9223372036854775808,1 --b 4,0
# nothing is called proved when nothing ran; a write that fails is an error
expect 2 "--only matching no obligation is a usage error" -- "$tc0" check int.add --m 3 --only zzz
grep -q "matches no obligation" err.txt || { echo "FAIL: --only's error does not say why"; fail=1; }
if [ -w /dev/full ]; then
  expect 2 "an export that cannot be written is an error" -- "$tc0" export int.add --m 3 -o /dev/full
fi
# an obligation lists an SMT-LIB2 file only if one was written
expect 0 "SMT-LIB2 files on request" -- "$tc0" check int.iterated_add --n 3 --m 3 --smt2-dir q --json
for f in $(grep -o '"smt2": "[^"]*\.smt2"' out.txt | sed 's/"smt2": "//; s/"$//'); do
  [ -f "$f" ] || { echo "FAIL: listed SMT-LIB2 file $f does not exist"; fail=1; }
done
# readers bound what a small file can ask for, and say so in one line naming the file
expect 2 "replay of a directory" -- "$tc0" replay /
grep -q "is a directory" err.txt || { echo "FAIL: replay / does not say it is a directory"; fail=1; }
printf 'aig 16777216 16777216 0 1 0\n' > huge.aig
expect 2 "an AIGER header asking for 2^24 inputs" -- "$tc0" check-netlist int.add huge.aig --m 3
grep -q "huge.aig:1: more than 2^20 inputs" err.txt || { echo "FAIL: the AIGER limit is not named"; cat err.txt; fail=1; }
{ echo "tc0check-netlist 1"; for k in $(seq 1 20); do echo "input w$k 65536"; done; } > wide.net
expect 2 "a netlist declaring 2^20 + input bits" -- "$tc0" check-netlist int.add wide.net --m 3
grep -q "wide.net:18: more than 1048576 input bits" err.txt || { echo "FAIL: the input-bit limit is not named"; cat err.txt; fail=1; }
sed 's/$/\r/' mul.aag > mul_crlf.aag
expect 0 "a CRLF ASCII AIGER file reads like the original" -- "$tc0" check-netlist int.mul mul_crlf.aag --m 3
# every error is one printable line naming the file
printf 'aag 2 2 0 1 0\n2\n4\n2\ni0 a[0]\ni1 a[0]\no0 sum[0]\n' > dup.aag
expect 2 "a symbol table naming a bit twice" -- "$tc0" check-netlist int.add dup.aag --m 1
grep -q "dup.aag: the symbol table: AIGER symbol a\[0\] appears twice" err.txt || { echo "FAIL: the symbol-table error does not name the file"; cat err.txt; fail=1; }
printf '\xef\xbb\xbf{"lemma": "x"}' > bom.json
expect 2 "a counterexample file with a byte-order mark" -- "$tc0" replay bom.json
[ "$(wc -l < err.txt)" = 1 ] && LC_ALL=C grep -q '^[[:print:]]*$' err.txt || { echo "FAIL: the error is not one printable line"; cat -A err.txt; fail=1; }
# a composite lemma (issue 20): the matrix product is proved, most of it by reference, and its
# exports in every format check (binary AIGER read back through check-netlist)
expect 0 "check tf.matmul" -- "$tc0" check tf.matmul --n1 2 --d 2 --n2 2 --p 3 --k 2
grep -q "of them by reference" out.txt || { echo "FAIL: tf.matmul proved nothing by reference"; fail=1; }
grep -Eq "depth_formula — depth [0-9]+ <= d_std \+ d_⊕" out.txt || { echo "FAIL: no evaluated depth formula"; fail=1; }
for fmt in netlist dot verilog aag aig; do
  expect 0 "export tf.matmul as $fmt" -- "$tc0" export tf.matmul --n1 2 --d 2 --n2 2 --p 2 --k 1 --format $fmt -o mm.$fmt
done
# no solver query states a documented program: the AIGER export is checked on every input pattern
# where they are few (12 bits), and is unknown where only random patterns ran
expect 0 "export a small tf.matmul as binary AIGER" -- "$tc0" export tf.matmul --n1 1 --d 1 --n2 2 --p 2 --k 1 --format aig -o mm_small.aig
expect 0 "the small tf.matmul AIGER export checks exhaustively" -- "$tc0" check-netlist tf.matmul mm_small.aig --n1 1 --d 1 --n2 2 --p 2 --k 1
grep -q "exhaustive — all 4096 patterns" out.txt || { echo "FAIL: tf.matmul's netlist not simulated exhaustively"; fail=1; }
expect 3 "the 2x2 tf.matmul AIGER export is unknown after random simulation" -- "$tc0" check-netlist tf.matmul mm.aig --n1 2 --d 2 --n2 2 --p 2 --k 1
# the RoPE rotation with theta hard-wired: constants only, proved; a format that cannot hold
# j - i, or where a rotation entry's rounding is not determined, is refused with a one-line error
expect 0 "check tf.rope" -- "$tc0" check tf.rope --n 8 --d 4 --i 6 --j 1 --p 4 --k 4
grep -q "gates 0" out.txt || { echo "FAIL: tf.rope is not gate-free"; fail=1; }
expect 2 "tf.rope where j - i is not a float" -- "$tc0" check tf.rope --n 8 --d 2 --i 0 --j 5 --p 2 --k 2
grep -q "j - i = 5 is not a float" err.txt || { echo "FAIL: no reason for the refused j - i"; cat err.txt; fail=1; }
for fmt in netlist aag aig; do
  expect 0 "export tf.rope as $fmt" -- "$tc0" export tf.rope --n 2 --d 2 --i 0 --j 1 --p 3 --k 3 --format $fmt -o rope.$fmt
done
expect 0 "the tf.rope AIGER export checks" -- "$tc0" check-netlist tf.rope rope.aig --n 2 --d 2 --i 0 --j 1 --p 3 --k 3
# the attention layer exports at n = 2, d = 2 (112k gates); an odd d has no 2x2 rotation blocks
for fmt in netlist verilog aig; do
  expect 0 "export tf.attention as $fmt" -- "$tc0" export tf.attention --n 2 --d 2 --p 2 --k 1 --format $fmt -o attention.$fmt
done
expect 2 "tf.attention with an odd d" -- "$tc0" check tf.attention --n 2 --d 3 --p 2 --k 1
grep -q "d must be even" err.txt || { echo "FAIL: no reason for the odd d"; cat err.txt; fail=1; }
# a concrete model: built with its weights as constants, exported, run against the forward pass
# on its given input and on every input (p = 2, k = 1: 9 floats per entry, 9^4 inputs); malformed
# model files are one-line errors naming the field, exit 2
cat > model.json <<'JSON'
{"n": 2, "d": 2, "layers": 1, "p": 2, "k": 1,
 "mlp": [{"W": [[1, 0], [0, 1]], "b": [0, 0]}, {"W": [[1, 1], [0, 1]], "b": ["<-2, -1>", 0]}],
 "attention": [{"WQ": [[1, 0], [0, 1]], "WK": [[1, 0], [0, 1]], "WV": [[1, 0], [0, 1]]}],
 "inputs": [[[1, 0.5], [-1, 0]]]}
JSON
expect 0 "build-model builds, exports and runs a model" -- "$tc0" build-model model.json --out built
grep -q "every one of the 6561 inputs" out.txt || { echo "FAIL: build-model did not run every input"; cat out.txt; fail=1; }
grep -q "6562 of 6562" out.txt || { echo "FAIL: build-model's forward pass differs"; cat out.txt; fail=1; }
for f in model.net model.dot model.v model.aag model.aig; do
  [ -s "built/$f" ] || { echo "FAIL: build-model wrote no built/$f"; fail=1; }
done
sed 's/"layers": 1, //' model.json > no_layers.json
expect 2 "a model without its layers" -- "$tc0" build-model no_layers.json
grep -q "field 'layers': missing" err.txt || { echo "FAIL: the missing field is not named"; cat err.txt; fail=1; }
sed 's/"WK": \[\[1, 0\], \[0, 1\]\]/"WK": [[1, 0, 0], [0, 1]]/' model.json > bad_shape.json
expect 2 "a model with a wrong matrix shape" -- "$tc0" build-model bad_shape.json
grep -q "field 'attention\[0\].WK\[0\]': 3 entries, expected 2" err.txt || { echo "FAIL: the wrong shape is not named"; cat err.txt; fail=1; }
exit $fail
