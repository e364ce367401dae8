#!/usr/bin/env python3
"""Scores a mrwarden binary on the labelled secret sets (tests/eval/secrets*.eval), so
two builds can be compared on the same examples (the test `cargo test --test it eval::`
scores only the current tree).

usage: bench/secrets-eval.py BINARY [EVAL_FILE...]
A '+' line counts as found when the binary reports a secret finding on it; a '-' line
counts as a false positive when it does.
"""
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
binary = os.path.abspath(sys.argv[1])
evals = sys.argv[2:] or [
    os.path.join(root, "tests", "eval", n)
    for n in sorted(os.listdir(os.path.join(root, "tests", "eval")))
    if n.startswith("secrets") and n.endswith(".eval")
]

for path in evals:
    files, cases, current = {}, [], None
    for raw in open(path, encoding="utf-8").read().splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("@ "):
            current = raw[2:].strip()
            files[current] = []
            continue
        tag, body = raw[:2], raw[2:]
        files[current].append(body)
        if tag in ("+ ", "- "):
            cases.append((current, len(files[current]), tag == "+ "))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "src")
        for rel, lines in files.items():
            p = os.path.join(src, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        out = subprocess.run(
            [binary, "scan", "--all", src, "--format", "json", "--fail-on", "never",
             "--output-dir", os.path.join(tmp, "out")],
            capture_output=True, text=True, check=False,
        )
        doc = json.loads(out.stdout)
    found = {(f["path"], f["start_line"]) for f in doc["findings"] if f["kind"] == "secret"}
    tp = sum(1 for p, l, pos in cases if pos and (p, l) in found)
    fn = sum(1 for p, l, pos in cases if pos and (p, l) not in found)
    fp = sum(1 for p, l, pos in cases if not pos and (p, l) in found)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    print(f"{os.path.basename(path):<24} pos {tp + fn:>4}  tp {tp:>4}  fp {fp:>3}  fn {fn:>3}  "
          f"precision {prec:.3f}  recall {rec:.3f}")
