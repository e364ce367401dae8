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

run() { # BINARY -> seconds of one scan
  local start end
  start=$(date +%s.%N)
  (cd "$repo" && "$1" scan . --base main --head mr --config "$config" --output-dir "$work/out" \
    --fail-on never --format json >"$work/last.json" 2>/dev/null) || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
count() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(f["kind"]=="secret" for f in d["findings"]), len(d["findings"]))' "$work/last.json"; }

# Warm the page cache, then interleave the runs so drift hits both alike.
run "$base_bin" >/dev/null; base_found="$(count)"
run "$new_bin" >/dev/null; new_found="$(count)"
base_times=(); new_times=()
for _ in $(seq "$reps"); do
  base_times+=("$(run "$base_bin")")
  new_times+=("$(run "$new_bin")")
done
min() { printf '%s\n' "$@" | sort -g | head -1; }
base_min="$(min "${base_times[@]}")"
new_min="$(min "${new_times[@]}")"
echo "workload: $lines added lines in $files files ($repo); secret rules only; min of $reps runs"
printf 'base %s: %.3f s  (secret findings, all findings: %s)\n' "$short" "$base_min" "$base_found"
printf 'this tree: %.3f s  (secret findings, all findings: %s)\n' "$new_min" "$new_found"
printf 'ratio this/base: %.3f\n' "$(echo "$new_min / $base_min" | bc -l)"
echo "all runs (s): base ${base_times[*]}"
echo "              this ${new_times[*]}"
