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
# semgrep with a comparable rule set: its own security rules for the languages and
# formats mrwarden covers, from a local checkout of github.com/semgrep/semgrep-rules
# (SEMGREP_RULES_DIR; not fetched here: the machine may reach only package registries).
# Only the rule files are used (never their test files), and only to time semgrep.
semgrep_security=""
if [ -n "${SEMGREP_RULES_DIR:-}" ] && [ -d "$SEMGREP_RULES_DIR" ]; then
  semgrep_security="$work/semgrep-security"
  rm -rf "$semgrep_security"
  mkdir -p "$semgrep_security"
  (cd "$SEMGREP_RULES_DIR" && find python javascript typescript go java ruby php csharp rust bash dockerfile terraform yaml \
      -path '*/security/*' \( -name '*.yaml' -o -name '*.yml' \) ! -name '*.test.*' ! -name '*.fixed.*' 2>/dev/null) |
    while read -r f; do
      mkdir -p "$semgrep_security/$(dirname "$f")"
      cp "$SEMGREP_RULES_DIR/$f" "$semgrep_security/$f"
    done
  echo "semgrep security rule files: $(find "$semgrep_security" -type f | wc -l)" >&2
else
  echo "note: SEMGREP_RULES_DIR unset: semgrep runs only the 8 rules of bench/semgrep-rules" >&2
fi
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

# measure NAME CMD... -> appends "name wall_s rss_kb" per repetition to $work/times and
# keeps the last repetition's stdout in $work/out-NAME.txt (what the tool found).
measure() {
  local name="$1"; shift
  local keep="$work/out-${name//\//-}.txt"
  for _ in $(seq "$reps"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >"$keep" 2>/dev/null || true
    echo "$name $(tail -1 "$work/t")" >> "$work/times"
  done
}

: > "$work/times"
: > "$work/truth"
for spec in $sizes; do
  lines="${spec%%:*}"; files="${spec##*:}"
  repo="$work/w$lines"
  # Regenerate when the generator changed since the workload was made.
  stamp="$(sha256sum "$here/gen.py" | cut -c1-16)"
  if [ "$(cat "$repo.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$repo"
    python3 "$here/gen.py" "$repo" "$lines" "$files" 42 >/dev/null
    echo "$stamp" > "$repo.stamp"
  fi
  echo "$lines $(cat "$work/w$lines.truth.json" | tr -d '\n ')" >> "$work/truth"
  echo "== $lines added lines in $files files" >&2
  # Every tool runs from inside the workload repository (detect-secrets finds nothing
  # when started inside another git repository with a path outside it).
  cd "$repo"
  measure "mrwarden/$lines" "$mw" scan . --base main --head mr --output-dir "$work/out" --fail-on never --format json
  measure "ripgrep-floor/$lines" rg -i -c -F -f "$keywords" src
  if [ "$lines" -le 200000 ]; then
    measure "semgrep/$lines" "$work/venv/bin/semgrep" scan --config "$here/semgrep-rules" --metrics off --disable-version-check --quiet --jobs 2 --json src
    if [ -n "$semgrep_security" ]; then
      measure "semgrep-security/$lines" "$work/venv/bin/semgrep" scan --config "$semgrep_security" --metrics off --disable-version-check --quiet --jobs 2 --json src
    fi
    measure "detect-secrets/$lines" "$work/venv/bin/detect-secrets" scan --all-files src
  fi
  cd "$root"
done

# Start-up peak RSS (times are taken by summarise.py with a finer clock).
: > "$work/empty.diff"
for _ in $(seq "$reps"); do
  /usr/bin/time -f "%e %M" -o "$work/t" "$mw" scan --diff "$work/empty.diff" --output-dir "$work/out0" --fail-on never >/dev/null 2>&1 || true
  echo "startup-empty-scan/0 $(tail -1 "$work/t")" >> "$work/times"
done

python3 "$here/summarise.py" "$work" "$reps" "$("$mw" --version)" "$("$work/venv/bin/semgrep" --version 2>/dev/null | tail -1)" "$("$work/venv/bin/detect-secrets" --version 2>/dev/null)" "$(rg --version | sed -n 1p)" | tee "$here/results.md"

# End-to-end: `review` of a 1,000-file MR with 50 findings against the fake GitLab on
# loopback (tests/it/bench_review.rs), appended to the table.
if [ "${REVIEW:-1}" = 1 ]; then
  line="$(cd "$root" && cargo test --release --locked -q --test it bench_review -- --ignored --nocapture 2>/dev/null | grep '^review of' || echo 'review benchmark failed: run cargo test --release --test it bench_review -- --ignored --nocapture')"
  printf '\nEnd-to-end: %s.\n' "$line" | tee -a "$here/results.md"
fi
