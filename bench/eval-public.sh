#!/usr/bin/env bash
# Evaluates mrwarden on public code we did not write (issue 17, item 6) and prints the
# per-language, per-category tables of docs/quality.md.
#
# Usage: bench/eval-public.sh TARGETS_DIR [OUT_DIR]
#   TARGETS_DIR  a directory holding the checked-out targets below, one directory each,
#                named as in the first column (targets missing from it are skipped)
#   OUT_DIR      where the scans and the figures go (default /tmp/mrwarden-eval-public)
#   MRWARDEN     env var: the binary to run (default target/release/mrwarden, else
#                target/debug/mrwarden; build one first with `cargo build --release --locked`)
#
# The targets are fetched, never committed: their code and their licences stay theirs.
# Only our labels (bench/eval-public/labels.csv: paths, line numbers, category, a note)
# and this scorer are in the repository. Get each target at the commit measured:
#
#   name           clone URL                                                 commit
#   BenchmarkJava  https://github.com/OWASP-Benchmark/BenchmarkJava         79b9bd6177e07991a9c11dc19e457c840e229931
#   DVWA           https://github.com/digininja/DVWA                        33e364c556e91473a5e979a4db16ee3b393d05ba
#   NodeGoat       https://github.com/OWASP/NodeGoat                        c5cb68a7084e4ae7dcc60e6a98768720a81841e8
#   pygoat         https://github.com/adeyosemanputra/pygoat                19d17cc8874861142b330636d068bbde54e86b85
#   railsgoat      https://github.com/OWASP/railsgoat                       0222f7da3406ba3ab637bc6d24ae9366b5f0a680
#   govwa          https://github.com/0c34/govwa                            4058f79f31eeb4a36d8f1e64bba1f0c899646e6f
#
# e.g. for each:  git clone URL TARGETS_DIR/name && git -C TARGETS_DIR/name checkout COMMIT
# or, from a bare mirror (the lead's `fetch` tool puts one at /work/.mirror/owner+name/repo):
#   git clone /work/.mirror/OWASP-Benchmark+BenchmarkJava/repo TARGETS_DIR/BenchmarkJava
# BenchmarkJava's `results/` holds large tool outputs that a mirror may lack; only `src/`
# and `expectedresults-1.2.csv` are needed:
#   git -C TARGETS_DIR/BenchmarkJava restore --source=COMMIT -- src expectedresults-1.2.csv
#
# Each target is scanned whole (`mrwarden scan --all TARGET --format json --fail-on never`),
# then bench/eval_public.py scores the JSON: the Benchmark against its own
# expectedresults-1.2.csv, the applications against our labels. Secrets are not scored.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
targets="${1:?usage: bench/eval-public.sh TARGETS_DIR [OUT_DIR]}"
out="${2:-/tmp/mrwarden-eval-public}"
[ -d "$targets" ] || { echo "eval-public: $targets is not a directory" >&2; exit 2; }
mw="${MRWARDEN:-}"
if [ -z "$mw" ]; then
  for p in "$root/target/release/mrwarden" "$root/target/debug/mrwarden"; do
    [ -x "$p" ] && { mw="$p"; break; }
  done
fi
[ -n "$mw" ] && [ -x "$mw" ] || { echo "eval-public: no mrwarden binary; run cargo build --release --locked" >&2; exit 2; }
mkdir -p "$out"
echo "binary: $mw ($("$mw" --version))"

declare -A pinned=(
  [BenchmarkJava]=79b9bd6177e07991a9c11dc19e457c840e229931
  [DVWA]=33e364c556e91473a5e979a4db16ee3b393d05ba
  [NodeGoat]=c5cb68a7084e4ae7dcc60e6a98768720a81841e8
  [pygoat]=19d17cc8874861142b330636d068bbde54e86b85
  [railsgoat]=0222f7da3406ba3ab637bc6d24ae9366b5f0a680
  [govwa]=4058f79f31eeb4a36d8f1e64bba1f0c899646e6f
)
for name in BenchmarkJava DVWA NodeGoat pygoat railsgoat govwa; do
  dir="$targets/$name"
  rm -f "$out/$name.json"
  if [ ! -d "$dir" ]; then
    echo "skip $name: $dir missing"
    continue
  fi
  head="$(git -C "$dir" rev-parse HEAD 2>/dev/null || echo unknown)"
  [ "$head" = "${pinned[$name]}" ] || echo "warning: $name is at $head, the figures were measured at ${pinned[$name]}"
  # --all honours .gitignore; a scan that fails (exit 2) leaves no JSON and is reported.
  start=$(date +%s.%N)
  rc=0
  "$mw" scan --all "$dir" --format json --fail-on never --output-dir "$out/$name-reports" \
    >"$out/$name.json" 2>"$out/$name.stderr" || rc=$?
  end=$(date +%s.%N)
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    echo "error: scanning $name exited $rc (see $out/$name.stderr)" >&2
    rm -f "$out/$name.json"
    continue
  fi
  awk -v n="$name" -v h="$head" -v s="$start" -v e="$end" 'BEGIN { printf "%-14s %s  %.1f s\n", n, h, e - s }'
done
echo
python3 "$here/eval_public.py" --results "$out" --targets "$targets" --json "$out/figures.json" \
  | tee "$out/figures.md"
