#!/usr/bin/env bash
# The layering core <- encodings <- proofs, checked on the sources: core/ includes nothing from
# encodings/ or proofs/, encodings/ nothing from proofs/, and Z3's headers appear only in
# encodings/ (and are not reachable from proofs/ through an encodings header that proofs/
# includes). Prints every violation; exit 1 when there is one.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
fail=0
report() { echo "layering: $1"; fail=1; }
while IFS= read -r hit; do report "$hit (core/ includes a higher layer)"; done \
  < <(grep -rnE '#include "(encodings|proofs)/' core --include='*.[ch]pp')
while IFS= read -r hit; do report "$hit (encodings/ includes proofs/)"; done \
  < <(grep -rnE '#include "proofs/' encodings --include='*.[ch]pp')
while IFS= read -r hit; do report "$hit (Z3 outside encodings/)"; done \
  < <(grep -rnE '#include [<"]z3' core proofs --include='*.[ch]pp')
# inside proofs/, folders point one way: engine <- steps <- blocks <- lemmas <- cli; the engine
# (runner, obligations, reports) does not know the lemma list, blocks do not know the lemmas
rank() { case $1 in engine) echo 1;; steps) echo 2;; blocks) echo 3;; lemmas) echo 4;; cli) echo 5;; *) echo 0;; esac; }
for dir in engine steps blocks lemmas cli; do
  [ -d "proofs/$dir" ] || continue
  while IFS= read -r hit; do
    target=$(echo "$hit" | sed -E 's/.*#include "proofs\/([a-z_]+)\/.*/\1/')
    if [ "$(rank "$target")" -gt "$(rank "$dir")" ]; then
      report "$hit (proofs/$dir includes proofs/$target, a later folder)"
    fi
  done < <(grep -rnE '#include "proofs/[a-z_]+/' "proofs/$dir" --include='*.[ch]pp')
done
# the encodings headers proofs/ includes, followed through their own includes of encodings/
declare -A seen=()
queue=($(grep -rhoE '#include "encodings/[a-z_]+\.hpp"' proofs --include='*.[ch]pp' |
  sed -E 's/#include "(.*)"/\1/' | sort -u))
while [ ${#queue[@]} -gt 0 ]; do
  h=${queue[0]}; queue=("${queue[@]:1}")
  [ -n "${seen[$h]:-}" ] && continue
  seen[$h]=1
  [ -f "$h" ] || { report "$h not found"; continue; }
  grep -qE '#include [<"]z3' "$h" && report "$h includes Z3 and is included from proofs/"
  for next in $(grep -hoE '#include "encodings/[a-z_]+\.hpp"' "$h" | sed -E 's/#include "(.*)"/\1/'); do
    queue+=("$next")
  done
done
[ $fail -eq 0 ] && echo "layering: core <- encodings <- proofs holds; Z3 stays inside encodings/; proofs/ folders point one way"
exit $fail
