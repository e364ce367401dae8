#!/usr/bin/env python3
"""Turns bench/run.sh's raw measurements into the results table (markdown on stdout).

usage: summarise.py WORK_DIR REPS MRWARDEN_VERSION SEMGREP_VERSION DETECT_SECRETS_VERSION RG_VERSION
"""
import collections
import json
import os
import platform
import statistics
import subprocess
import sys
import time

work, reps = sys.argv[1], int(sys.argv[2])
versions = sys.argv[3:7]

rows = collections.defaultdict(list)
for line in open(os.path.join(work, "times")):
    parts = line.split()
    if len(parts) == 3:
        rows[parts[0]].append((float(parts[1]), int(parts[2])))

truth = {}
for line in open(os.path.join(work, "truth")):
    size, doc = line.split(" ", 1)
    truth[size] = json.loads(doc)


def found(tool, size):
    """What the tool reported in its last repetition, as a short text."""
    path = os.path.join(work, f"out-{tool}-{size}.txt")
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
        if tool == "mrwarden":
            fs = json.loads(text)["findings"]
            secrets = sum(1 for f in fs if f["kind"] == "secret")
            return f"{secrets} secrets, {len(fs) - secrets} other"
        if tool in ("semgrep", "semgrep-security"):
            return f"{len(json.loads(text)['results'])} results"
        if tool == "detect-secrets":
            return f"{sum(len(v) for v in json.loads(text)['results'].values())} secrets"
        if tool == "ripgrep-floor":
            return f"{sum(int(l.rsplit(':', 1)[1]) for l in text.splitlines() if ':' in l)} keyword lines"
    except (OSError, ValueError, KeyError, IndexError) as e:
        return f"(unreadable: {type(e).__name__})"
    return ""


def cpu():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


print(f"Machine: {cpu()}, {os.cpu_count()} cores, {platform.platform()}.")
print(f"Tools: {versions[0]}; semgrep {versions[1]}; detect-secrets {versions[2]}; {versions[3]}.")
print("semgrep: bench/semgrep-rules (8 rules of ours); semgrep-security: semgrep's own security rules for "
      "the same languages and formats from a local checkout of semgrep-rules (SEMGREP_RULES_DIR), when given.")
print(f"Each cell: {reps} repetitions, wall time from `/usr/bin/time` (10 ms resolution).\n")
print("| workload (added lines) | planted | tool | median wall s | min wall s | peak RSS MB | tool ÷ mrwarden (median) | found |")
print("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |")
order = {"mrwarden": 0, "ripgrep-floor": 1, "semgrep": 2, "semgrep-security": 3, "detect-secrets": 4}
names = [n for n in rows if not n.startswith("startup")]
for name in sorted(names, key=lambda n: (int(n.split("/")[1]), order.get(n.split("/")[0], 9))):
    tool, size = name.split("/")
    walls = [w for w, _ in rows[name]]
    rss = max(r for _, r in rows[name]) / 1024
    mine = statistics.median(w for w, _ in rows[f"mrwarden/{size}"])
    ratio = "1" if tool == "mrwarden" else f"{statistics.median(walls) / max(mine, 0.005):.1f}×"
    t = truth.get(size, {})
    planted = f"{t.get('secrets', '?')} secrets, {t.get('vulns', '?')} vulns" if tool == "mrwarden" else ""
    print(f"| {int(size):,} | {planted} | {tool} | {statistics.median(walls):.3f} | {min(walls):.3f} | {rss:.1f} | {ratio} | {found(tool, size)} |")

sizes = sorted({int(n.split("/")[1]) for n in names})
if len(sizes) > 1:
    per = [statistics.median(w for w, _ in rows[f"mrwarden/{s}"]) / s * 1e6 for s in sizes]
    print("\nGrowth: mrwarden µs per added line (median wall ÷ lines): "
          + ", ".join(f"{s:,} → {p:.2f}" for s, p in zip(sizes, per)) + ".")

# Start-up, timed here with a monotonic clock (finer than /usr/bin/time).
mw = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "mrwarden")
def startup(args):
    samples = []
    for _ in range(reps * 20):
        t0 = time.perf_counter()
        subprocess.run([mw] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples), min(samples)
empty = os.path.join(work, "empty.diff")
v = startup(["--version"])
e = startup(["scan", "--diff", empty, "--output-dir", os.path.join(work, "out0"), "--fail-on", "never"])
rss = max((r for _, r in rows.get("startup-empty-scan/0", [(0, 0)])), default=0) / 1024
print(f"\nStart-up (median / min of {reps * 20}, incl. ~1 ms of Python's process spawn): "
      f"`mrwarden --version` {v[0]:.1f} / {v[1]:.1f} ms; empty scan with the built-in rules compiled "
      f"and all reports written {e[0]:.1f} / {e[1]:.1f} ms, peak RSS {rss:.1f} MB.")
