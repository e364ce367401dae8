#!/usr/bin/env bash
# Times the two git readers on the 200k-line range (bench/gen_diff.py, 2000 new files):
# `scan --base main --head feature` with git on PATH (subprocess) and with a PATH
# lacking git (in-process gix reader), and checks they find the same.
# Usage: bench/git_reader.sh [BINARY] [REPS]   (default target/release/mrwarden, 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$root/target/release/mrwarden}")"
reps="${2:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/gen_diff.py" > "$work/big.diff"
g() { git -C "$work/repo" -c user.name=b -c user.email=b@example.invalid -c commit.gpgsign=false "$@"; }
git init -q -b main "$work/repo"
g commit -q --allow-empty -m base
g checkout -qb feature
g apply "$work/big.diff"
g add -A
g commit -qm big
mkdir "$work/nogit"
for mode in git in-process; do
  if [ "$mode" = git ]; then p=$PATH; else p=$work/nogit; fi
  for i in $(seq "$reps"); do
    rm -rf "$work/out"
    s=$(date +%s%N)
    (cd "$work/repo" && env PATH="$p" "$bin" scan --base main --head feature --format json \
      --output-dir "$work/out" > "$work/$mode.json") || true
    e=$(date +%s%N)
    echo "$mode run $i: $(( (e - s) / 1000000 )) ms"
  done
done
python3 - "$work" <<'PY'
import json, sys
a = json.load(open(f"{sys.argv[1]}/git.json"))["findings"]
b = json.load(open(f"{sys.argv[1]}/in-process.json"))["findings"]
print(f"findings: git {len(a)}, in-process {len(b)}, identical: {a == b}")
sys.exit(0 if a == b else 1)
PY
