#!/usr/bin/env bash
# Secrets-only regression benchmark: this tree's secret rules against a base commit's, in
# one run, on the same workload. Builds both release binaries (the base one from a git
# worktree of BASE, sharing one target directory so dependencies build once), runs each
# REPS times, interleaved, with every non-secret rule disabled, and prints the minimum
# wall time of each and the ratio. Usage:
#   bench/secrets-regression.sh [REPS]
#   REPS    runs per binary (default 7)
#   BASE    base revision (default: the merge-base of HEAD and main)
#   LINES, FILES   workload size (default 200000 lines in 2000 files, as bench/run.sh)
#   BENCH_DIR      scratch directory (default /tmp/mw-secrets-bench)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
reps="${1:-7}"
lines="${LINES:-200000}"
files="${FILES:-2000}"
work="${BENCH_DIR:-/tmp/mw-secrets-bench}"
base_rev="${BASE:-$(git -C "$root" merge-base HEAD main)}"
base_sha="$(git -C "$root" rev-parse "$base_rev")"
short="${base_sha:0:8}"
mkdir -p "$work"
export CARGO_TARGET_DIR="$work/target"

# Base binary: built once per base commit.
base_bin="$work/mrwarden-base-$short"
if [ ! -x "$base_bin" ]; then
  tree="$work/base-$short"
  [ -d "$tree" ] || git -C "$root" worktree add --detach "$tree" "$base_sha" >/dev/null
  (cd "$tree" && cargo build --release --locked -q)
  cp "$CARGO_TARGET_DIR/release/mrwarden" "$base_bin"
fi
# This tree's binary.
new_bin="$work/mrwarden-new"
(cd "$root" && cargo build --release --locked -q)
cp "$CARGO_TARGET_DIR/release/mrwarden" "$new_bin"

# Workload (bench/gen.py, seed 42, as bench/run.sh), regenerated when gen.py changes.
repo="$work/w$lines"
stamp="$(sha256sum "$here/gen.py" | cut -c1-16)-$files"
if [ "$(cat "$repo.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$repo"
  python3 "$here/gen.py" "$repo" "$lines" "$files" 42 >/dev/null
  echo "$stamp" > "$repo.stamp"
fi

# Secret rules alone: disable every vulnerability rule of either tree.
config="$work/secrets-only.yml"
python3 - "$root/rules" "$work/base-$short/rules" > "$config" <<'PY'
import pathlib, re, sys
ids = set()
for d in sys.argv[1:]:
    for p in pathlib.Path(d).glob("*.yml"):
        rid = None
        for line in p.read_text().splitlines():
            m = re.match(r"\s*- id:\s*(\S+)", line)
            if m:
                rid = m.group(1)
            elif rid and re.match(r"\s*kind:\s*vulnerability\b", line):
                ids.add(rid)
print("rules:\n  disable:")
for i in sorted(ids):
    print(f"    - {i}")
PY

run() { # BINARY -> "wall_s cpu_s" of one scan (cpu = user + sys, steadier under load)
  local TIMEFORMAT='%R %U %S' t
  t=$( { time (cd "$repo" && "$1" scan . --base main --head mr --config "$config" \
    --output-dir "$work/out" --fail-on never --format json >"$work/last.json" 2>/dev/null) ; } 2>&1 ) || true
  echo "$t" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }'
}
count() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(f["kind"]=="secret" for f in d["findings"]), len(d["findings"]))' "$work/last.json"; }

# Warm the page cache, then interleave the runs so drift hits both alike.
run "$base_bin" >/dev/null; base_found="$(count)"
run "$new_bin" >/dev/null; new_found="$(count)"
: > "$work/times"
for _ in $(seq "$reps"); do
  echo "base $(run "$base_bin")" >> "$work/times"
  echo "this $(run "$new_bin")" >> "$work/times"
done
echo "workload: $lines added lines in $files files ($repo); secret rules only; min of $reps interleaved runs"
echo "secret findings, all findings: base $base_found; this tree $new_found"
python3 - "$work/times" "$short" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
def m(who, col):
    return min(float(r[col]) for r in rows if r[0] == who)
for col, name in ((1, "wall"), (2, "cpu (user+sys)")):
    b, t = m("base", col), m("this", col)
    print(f"{name:<15} base {sys.argv[2]} {b:.3f} s   this tree {t:.3f} s   ratio {t / b:.3f}")
PY
echo "every run (name wall cpu): $work/times"
