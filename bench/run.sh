#!/usr/bin/env bash
# Benchmarks mrwarden against the tools a user would pick instead, in one run, on the
# same input. Prints and writes bench/results.md. Usage: bench/run.sh [REPS]
#   REPS    repetitions per tool and size (default 5)
#   SIZES   env var, default "1000:20 200000:2000 1000000:10000" (lines:files)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
reps="${1:-5}"
sizes="${SIZES:-1000:20 200000:2000 1000000:10000}"
work="${BENCH_DIR:-/tmp/mrwarden-bench}"
mkdir -p "$work"

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
  (apt-get install -y -qq "${need_apt[@]}" >/dev/null 2>&1 || sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null 2>&1) \
    || echo "warning: could not install ${need_apt[*]}"
fi
if [ ! -x "$work/venv/bin/semgrep" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q semgrep detect-secrets
fi
export SEMGREP_SEND_METRICS=off SEMGREP_ENABLE_VERSION_CHECK=0
(cd "$root" && cargo build --release --locked -q)
mw="$root/target/release/mrwarden"
keywords="$work/keywords.txt"
"$mw" rules list >/dev/null
python3 - "$root/rules" > "$keywords" <<'PY'
import re, sys, pathlib
words = set()
for p in pathlib.Path(sys.argv[1]).glob("*.yml"):
    block = False
    for line in p.read_text().splitlines():
        m = re.match(r'\s*keywords:\s*\[(.*)\]', line)
        if m:
            for w in re.findall(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^,\s][^,]*)', m.group(1)):
                w = next(x for x in w if x).strip()
                if w: words.add(w.lower())
for w in sorted(words): print(w)
PY

# measure NAME CMD... -> appends "name wall_s rss_kb" per repetition to $work/times
measure() {
  local name="$1"; shift
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
    echo "$name $(cat "$work/t" | tail -1)" >> "$work/times"
  done
}

: > "$work/times"
for spec in $sizes; do
  lines="${spec%%:*}"; files="${spec##*:}"
  repo="$work/w$lines"
  [ -d "$repo/.git" ] || python3 "$here/gen.py" "$repo" "$lines" "$files" 42 >/dev/null
  added="$repo/src"
  measure "mrwarden/$lines" "$mw" scan "$repo" --base main --head mr --output-dir "$work/out" --fail-on never
  measure "ripgrep-floor/$lines" rg -i -c -F -f "$keywords" "$added"
  if [ "$lines" -le 200000 ]; then
    measure "semgrep/$lines" "$work/venv/bin/semgrep" scan --config "$here/semgrep-rules" --metrics off --disable-version-check --quiet --jobs 2 "$added"
    measure "detect-secrets/$lines" "$work/venv/bin/detect-secrets" scan --all-files "$added"
  fi
done

python3 - "$work/times" "$reps" <<'PY' | tee "$here/results.md"
import sys, statistics, collections, platform, os
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, wall, rss = line.split()
    rows[name].append((float(wall), int(rss)))
print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; {sys.argv[2]} repetitions each.\n")
print("| tool / added lines | median wall s | min wall s | peak RSS MB | mrwarden ÷ tool (median) |")
print("| --- | ---: | ---: | ---: | ---: |")
def med(n): return statistics.median(w for w, _ in rows[n])
for name in sorted(rows, key=lambda n: (int(n.split('/')[1]), n)):
    tool, size = name.split("/")
    walls = [w for w, _ in rows[name]]
    rss = max(r for _, r in rows[name]) / 1024
    mw = f"mrwarden/{size}"
    ratio = "" if tool == "mrwarden" else f"{med(mw) / med(name):.3f}"
    print(f"| {tool} / {size} | {statistics.median(walls):.3f} | {min(walls):.3f} | {rss:.1f} | {ratio} |")
PY
