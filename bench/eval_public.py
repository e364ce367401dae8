#!/usr/bin/env python3
"""Score mrwarden on public targets we did not write (issue 17, item 6).

Standard library only. Reads the `mrwarden scan --all <target> --format json`
documents that bench/eval-public.sh wrote (one `<target>.json` per target in
RESULTS) and scores them against:

  * the OWASP Benchmark for Java's own truth, `expectedresults-1.2.csv` in the
    BenchmarkJava checkout: per category TPR, FPR and score (TPR - FPR), as the
    Benchmark's scorecards compute them; a test case counts as flagged when a
    vulnerability finding whose CWE maps to the case's category is in the case's
    file;
  * our hand labels for the deliberately vulnerable applications
    (bench/eval-public/labels.csv: app, path, line range, category, shape, note):
    recall per category (a label is found when a vulnerability finding of a
    matching category lands within one line of its range) and precision as the
    findings within one line of a label divided by all vulnerability findings
    in the labelled files.

Secret findings are a separate report and are not scored; `meta` findings are
ignored. Prints markdown tables; `--json FILE` also writes the figures.

Usage: eval_public.py --results DIR --targets DIR [--labels CSV] [--json FILE]
"""

import argparse
import collections
import csv
import json
import os
import sys

# Which categories a finding's CWE counts for. One rule per language covers
# "weak hash or cipher" under CWE 327, so 327 counts for both the Benchmark's
# `crypto` and `hash`; `--strict` keeps it to `crypto` only.
CWE_CATEGORIES = {
    77: {"cmdi"},
    78: {"cmdi"},
    89: {"sqli"},
    943: {"sqli"},
    79: {"xss"},
    80: {"xss"},
    22: {"pathtraver"},
    23: {"pathtraver"},
    36: {"pathtraver"},
    73: {"pathtraver"},
    98: {"pathtraver"},
    434: {"pathtraver"},
    90: {"ldapi"},
    643: {"xpathi"},
    501: {"trustbound"},
    327: {"crypto", "hash"},
    326: {"crypto"},
    329: {"crypto"},
    328: {"hash"},
    916: {"hash"},
    330: {"weakrand"},
    338: {"weakrand"},
    614: {"securecookie"},
    1004: {"securecookie"},
    94: {"codei"},
    95: {"codei"},
    470: {"codei"},
    1336: {"codei"},
    502: {"deser"},
    918: {"ssrf"},
    601: {"redirect"},
    1333: {"redos"},
}

BENCHMARK_CATEGORIES = [
    "cmdi", "crypto", "hash", "ldapi", "pathtraver", "securecookie",
    "sqli", "trustbound", "weakrand", "xpathi", "xss",
]

APP_LANGUAGE = {
    "DVWA": "PHP",
    "NodeGoat": "JavaScript",
    "pygoat": "Python",
    "railsgoat": "Ruby",
    "govwa": "Go",
}


def categories(cwe, strict):
    cats = set(CWE_CATEGORIES.get(cwe, set()))
    if strict and cwe == 327:
        cats = {"crypto"}
    return cats


def load_findings(path):
    """Vulnerability findings of one scan; exits with a clear error on bad input."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"eval_public: cannot read {path}: {e}")
    if str(doc.get("version", "")).split(".")[0] != "1" or not isinstance(doc.get("findings"), list):
        sys.exit(f"eval_public: {path} is not mrwarden JSON output version 1")
    return [f for f in doc["findings"] if f.get("kind") == "vulnerability"]


def ratio(num, den):
    return num / den if den else None


def fmt(x):
    return "–" if x is None else f"{x:.2f}"


def score_benchmark(findings, csv_path, strict):
    truth = {}
    with open(csv_path, encoding="utf-8") as f:
        for row in csv.reader(f):
            if not row or row[0].startswith("#"):
                continue
            truth[row[0].strip()] = (row[1].strip(), row[2].strip() == "true")
    flagged = collections.defaultdict(set)
    for f in findings:
        name = os.path.splitext(os.path.basename(f["path"]))[0]
        if name in truth and "/testcode/" in f["path"]:
            flagged[name] |= categories(f.get("cwe"), strict)
    per = {}
    for cat in BENCHMARK_CATEGORIES:
        cases = [(name, real) for name, (tcat, real) in truth.items() if tcat == cat]
        if not cases:
            continue
        c = collections.Counter()
        for name, real in cases:
            hit = cat in flagged.get(name, set())
            c[("tp" if hit else "fn") if real else ("fp" if hit else "tn")] += 1
        tpr = ratio(c["tp"], c["tp"] + c["fn"])
        fpr = ratio(c["fp"], c["fp"] + c["tn"])
        # A category with only real (or only safe) cases has no FPR (or TPR): 0 in the score.
        per[cat] = dict(c, tpr=tpr, fpr=fpr, score=(tpr or 0) - (fpr or 0))
    n = len(per) or 1
    overall = {
        "tpr": sum(p["tpr"] or 0 for p in per.values()) / n,
        "fpr": sum(p["fpr"] or 0 for p in per.values()) / n,
    }
    overall["score"] = overall["tpr"] - overall["fpr"]
    return {"categories": per, "average": overall}


def near(f, label):
    return (f["start_line"] <= label["end"] + 1) and (f["end_line"] >= label["start"] - 1)


def score_apps(findings_by_app, labels):
    per_app, per_cat, misses = {}, collections.defaultdict(collections.Counter), []
    for app, app_labels in labels.items():
        findings = findings_by_app.get(app)
        if findings is None:
            continue
        files = {lab["path"] for lab in app_labels}
        in_files = [f for f in findings if f["path"] in files]
        on_labels = [f for f in in_files if any(
            f["path"] == lab["path"] and near(f, lab) for lab in app_labels)]
        found = 0
        for lab in app_labels:
            hit = any(f["path"] == lab["path"] and near(f, lab)
                      and lab["category"] in categories(f.get("cwe"), False)
                      for f in findings)
            found += hit
            per_cat[lab["category"]]["labels"] += 1
            per_cat[lab["category"]]["found"] += hit
            if not hit:
                misses.append(dict(lab, app=app))
        per_app[app] = {
            "language": APP_LANGUAGE.get(app, "?"),
            "labels": len(app_labels),
            "found": found,
            "recall": ratio(found, len(app_labels)),
            "findings_in_labelled_files": len(in_files),
            "findings_on_labels": len(on_labels),
            "precision": ratio(len(on_labels), len(in_files)),
            "findings_total": len(findings),
        }
    return per_app, per_cat, misses


def read_labels(path):
    labels = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            labels[row["app"]].append({
                "path": row["path"],
                "start": int(row["start_line"]),
                "end": int(row["end_line"]),
                "category": row["category"],
                "shape": row["shape"],
                "note": row["note"],
            })
    return labels


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--results", required=True, help="directory of <target>.json scans")
    ap.add_argument("--targets", required=True, help="directory of checked-out targets")
    ap.add_argument("--labels", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "eval-public", "labels.csv"))
    ap.add_argument("--strict", action="store_true",
                    help="CWE 327 counts for Benchmark `crypto` only, not `hash`")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()

    out = {}
    bench_json = os.path.join(args.results, "BenchmarkJava.json")
    bench_csv = os.path.join(args.targets, "BenchmarkJava", "expectedresults-1.2.csv")
    if os.path.exists(bench_json) and os.path.exists(bench_csv):
        for strict in (False, True):
            b = score_benchmark(load_findings(bench_json), bench_csv, strict)
            out["benchmark_strict" if strict else "benchmark"] = b
        b = out["benchmark_strict" if args.strict else "benchmark"]
        print("## OWASP Benchmark Java 1.2" + (" (strict CWE 327)" if args.strict else ""))
        print()
        print("| category | TP | FN | FP | TN | TPR | FPR | score |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for cat, p in b["categories"].items():
            print(f"| {cat} | {p.get('tp', 0)} | {p.get('fn', 0)} | {p.get('fp', 0)} | "
                  f"{p.get('tn', 0)} | {fmt(p['tpr'])} | {fmt(p['fpr'])} | {fmt(p['score'])} |")
        a = b["average"]
        print(f"| **average of categories** | | | | | {fmt(a['tpr'])} | {fmt(a['fpr'])} | "
              f"{fmt(a['score'])} |")
        print()
    else:
        print("(BenchmarkJava not scanned or expectedresults-1.2.csv missing: skipped)\n")

    labels = read_labels(args.labels)
    findings_by_app = {}
    for app in labels:
        p = os.path.join(args.results, f"{app}.json")
        if os.path.exists(p):
            findings_by_app[app] = load_findings(p)
        else:
            print(f"({app} not scanned: skipped)")
    per_app, per_cat, misses = score_apps(findings_by_app, labels)
    out["apps"], out["app_categories"] = per_app, {k: dict(v) for k, v in per_cat.items()}
    if per_app:
        print("## Vulnerable applications (hand labels)\n")
        print("| app | language | labels | found | recall | findings in labelled files "
              "| on a label ±1 | precision |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        tot = collections.Counter()
        for app, p in per_app.items():
            print(f"| {app} | {p['language']} | {p['labels']} | {p['found']} | "
                  f"{fmt(p['recall'])} | {p['findings_in_labelled_files']} | "
                  f"{p['findings_on_labels']} | {fmt(p['precision'])} |")
            for k in ("labels", "found", "findings_in_labelled_files", "findings_on_labels"):
                tot[k] += p[k]
        print(f"| **all** | | {tot['labels']} | {tot['found']} | "
              f"{fmt(ratio(tot['found'], tot['labels']))} | "
              f"{tot['findings_in_labelled_files']} | {tot['findings_on_labels']} | "
              f"{fmt(ratio(tot['findings_on_labels'], tot['findings_in_labelled_files']))} |")
        print("\n| category | labels | found | recall |")
        print("|---|---:|---:|---:|")
        for cat, c in sorted(per_cat.items()):
            print(f"| {cat} | {c['labels']} | {c['found']} | {fmt(ratio(c['found'], c['labels']))} |")
        shape = collections.Counter(m["shape"] for m in misses)
        total_shape = collections.Counter(
            lab["shape"] for app in per_app for lab in labels[app])
        print("\n| shape of the truth | labels | missed |")
        print("|---|---:|---:|")
        for s in ("line", "flow", "idiom"):
            print(f"| {s} | {total_shape[s]} | {shape[s]} |")
        print("\nMissed labels:\n")
        for m in misses:
            print(f"- {m['app']} `{m['path']}:{m['start']}-{m['end']}` {m['category']} "
                  f"({m['shape']}): {m['note']}")
        out["misses"] = misses
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
