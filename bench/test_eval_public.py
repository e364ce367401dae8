#!/usr/bin/env python3
"""Tests of bench/eval_public.py on small made-up inputs.

Run: python3 -m unittest discover -s bench -p 'test_eval_public.py'
"""

import csv
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_public  # noqa: E402


def finding(path, line, cwe, kind="vulnerability"):
    return {"path": path, "start_line": line, "end_line": line, "cwe": cwe, "kind": kind}


def write_json(path, findings):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"version": "1", "run": {}, "findings": findings}, f)


class BenchmarkScoring(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.csv = os.path.join(self.tmp.name, "expected.csv")
        with open(self.csv, "w", encoding="utf-8") as f:
            f.write("# test name, category, real vulnerability, cwe\n")
            f.write("BenchmarkTest00001,sqli,true,89\n")
            f.write("BenchmarkTest00002,sqli,true,89\n")
            f.write("BenchmarkTest00003,sqli,false,89\n")
            f.write("BenchmarkTest00004,hash,true,328\n")

    def tearDown(self):
        self.tmp.cleanup()

    def test_tpr_fpr_and_score_per_category(self):
        base = "src/main/java/org/owasp/benchmark/testcode/"
        findings = [
            finding(base + "BenchmarkTest00001.java", 50, 89),
            finding(base + "BenchmarkTest00003.java", 50, 89),
            # a finding of another category does not flag a sqli case
            finding(base + "BenchmarkTest00002.java", 50, 79),
            finding(base + "BenchmarkTest00004.java", 50, 327),
        ]
        b = eval_public.score_benchmark(findings, self.csv, strict=False)
        sqli = b["categories"]["sqli"]
        self.assertEqual((sqli["tp"], sqli.get("fn"), sqli["fp"]), (1, 1, 1))
        self.assertAlmostEqual(sqli["tpr"], 0.5)
        self.assertAlmostEqual(sqli["fpr"], 1.0)
        self.assertAlmostEqual(sqli["score"], -0.5)
        self.assertEqual(b["categories"]["hash"]["tp"], 1)
        strict = eval_public.score_benchmark(findings, self.csv, strict=True)
        self.assertEqual(strict["categories"]["hash"].get("tp", 0), 0)

    def test_findings_outside_testcode_do_not_count(self):
        findings = [finding("src/other/BenchmarkTest00001.java", 1, 89)]
        b = eval_public.score_benchmark(findings, self.csv, strict=False)
        self.assertEqual(b["categories"]["sqli"].get("tp", 0), 0)


class AppScoring(unittest.TestCase):
    LABELS = {"app": [
        {"path": "a.php", "start": 10, "end": 11, "category": "sqli", "shape": "flow", "note": ""},
        {"path": "a.php", "start": 30, "end": 30, "category": "xss", "shape": "line", "note": ""},
    ]}

    def test_recall_needs_category_and_one_line(self):
        findings = {"app": [
            finding("a.php", 12, 89),   # one line after the range: found
            finding("a.php", 32, 79),   # two lines away: not found, not on a label
            finding("b.php", 30, 79),   # unlabelled file: outside precision
        ]}
        per_app, per_cat, misses = eval_public.score_apps(findings, self.LABELS)
        p = per_app["app"]
        self.assertEqual((p["found"], p["labels"]), (1, 2))
        self.assertEqual((p["findings_on_labels"], p["findings_in_labelled_files"]), (1, 2))
        self.assertAlmostEqual(p["precision"], 0.5)
        self.assertEqual(per_cat["xss"]["found"], 0)
        self.assertEqual([m["category"] for m in misses], ["xss"])

    def test_wrong_category_near_a_label_counts_for_precision_not_recall(self):
        findings = {"app": [finding("a.php", 30, 89)]}
        per_app, _, misses = eval_public.score_apps(findings, self.LABELS)
        self.assertEqual(per_app["app"]["found"], 0)
        self.assertEqual(per_app["app"]["findings_on_labels"], 1)
        self.assertEqual(len(misses), 2)


class CommandLine(unittest.TestCase):
    def test_secrets_are_not_scored_and_bad_json_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            labels = os.path.join(tmp, "labels.csv")
            with open(labels, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(["app", "path", "start_line", "end_line", "category", "shape", "note"])
                w.writerow(["DVWA", "x.php", "5", "5", "cmdi", "line", "n"])
            write_json(os.path.join(tmp, "DVWA.json"), [
                finding("x.php", 5, 78), finding("x.php", 9, 798, kind="secret")])
            script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "eval_public.py")
            out = subprocess.run(
                [sys.executable, script, "--results", tmp, "--targets", tmp, "--labels", labels],
                capture_output=True, text=True, check=True).stdout
            self.assertIn("| DVWA | PHP | 1 | 1 | 1.00 | 1 | 1 | 1.00 |", out)
            with open(os.path.join(tmp, "DVWA.json"), "w", encoding="utf-8") as f:
                f.write("{not json")
            r = subprocess.run(
                [sys.executable, script, "--results", tmp, "--targets", tmp, "--labels", labels],
                capture_output=True, text=True)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("cannot read", r.stderr)
            self.assertNotIn("Traceback", r.stderr)


if __name__ == "__main__":
    unittest.main()
