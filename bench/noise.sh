#!/usr/bin/env bash
# Noise of `mrwarden scan --all` on real projects, before and after the path classes
# and the declared-confidence rule (docs/configuration.md, path classes).
#
#   bench/noise.sh REPO...        (git repositories or bare mirrors; each is cloned
#                                  into a temporary directory and removed afterwards)
#   MRWARDEN=path/to/mrwarden     (default: target/release/mrwarden)
#
# "before" runs with `paths: {defaults: false, gitattributes: false}` and
# `rules.gate_low_confidence: true` (every finding gates, as before path classes);
# "after" with the defaults. Prints, per project, the lines scanned, findings and
# gating findings per 10k lines, and the split of the non-gating ones. The projects'
# code is never copied into this repository.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
bin=${MRWARDEN:-$here/target/release/mrwarden}
[ -x "$bin" ] || { echo "no mrwarden binary at $bin (set MRWARDEN)" >&2; exit 2; }
[ $# -gt 0 ] || { echo "usage: $0 REPO..." >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/before.yml" <<'EOF'
paths:
  defaults: false
  gitattributes: false
rules:
  gate_low_confidence: true
EOF
: >"$work/after.yml"

for src in "$@"; do
  name=$(basename "${src%/repo}")
  name=${name%.git}
  dest="$work/$name"
  # A fetched mirror may lack its largest blobs: check out everything else.
  git clone --quiet --no-checkout "$src" "$dest"
  missing=$(git -C "$dest" ls-tree -r HEAD --format='%(objectname) %(path)' |
    while read -r sha path; do
      git -C "$dest" cat-file -e "$sha" 2>/dev/null || printf '!/%s\n' "$path"
    done)
  if [ -n "$missing" ]; then
    echo "$name: $(printf '%s\n' "$missing" | wc -l) file(s) absent from the mirror, skipped" >&2
    git -C "$dest" sparse-checkout set --no-cone '/*' $missing
  fi
  git -C "$dest" checkout --quiet HEAD
  for mode in before after; do
    # Exit 1 (findings) is the expected outcome; 2 is a real error.
    code=0
    "$bin" scan --all "$dest" --config "$work/$mode.yml" --format json \
      --output-dir "$work/out" >"$work/$name.$mode.json" 2>"$work/$name.$mode.err" || code=$?
    if [ "$code" -eq 2 ]; then
      echo "$name ($mode): mrwarden failed:" >&2
      cat "$work/$name.$mode.err" >&2
      exit 2
    fi
  done
  rm -rf "$dest"
done

python3 - "$work" "$@" <<'EOF'
import json, os, sys

work, sources = sys.argv[1], sys.argv[2:]

def load(name, mode):
    with open(os.path.join(work, f"{name}.{mode}.json")) as f:
        return json.load(f)

def per10k(n, lines):
    return 10000 * n / lines if lines else 0.0

rows, total = [], {"lines": 0, "before": 0, "after": 0, "gating": 0,
                   "test": 0, "low": 0, "vendored": 0}
for src in sources:
    name = os.path.basename(src.rstrip("/").removesuffix("/repo")).removesuffix(".git")
    before, after = load(name, "before"), load(name, "after")
    lines = after["run"]["stats"]["lines_added"]
    fa = after["findings"]
    gating = [f for f in fa if "non_gating" not in f]
    test = sum(1 for f in fa if f.get("non_gating") == "test_code")
    low = sum(1 for f in fa if f.get("non_gating") == "low_confidence")
    vendored = after["run"].get("vendored", 0)
    rows.append((name, lines, len(before["findings"]), len(fa), len(gating), test, low, vendored))
    for k, v in zip(["lines", "before", "after", "gating", "test", "low", "vendored"],
                    [lines, len(before["findings"]), len(fa), len(gating), test, low, vendored]):
        total[k] += v

print("| project | lines | findings before (all gate) | /10k | after: reported | gating | /10k | test code | low confidence | vendored (dropped) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name, lines, b, a, g, t, l, v in rows + [("total", total["lines"], total["before"], total["after"], total["gating"], total["test"], total["low"], total["vendored"])]:
    print(f"| {name} | {lines} | {b} | {per10k(b, lines):.2f} | {a} | {g} | {per10k(g, lines):.2f} | {t} | {l} | {v} |")
EOF
