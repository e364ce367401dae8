//! The fingerprint contract (docs/reports.md) through the real analyzer, with a test
//! rule pack of our own so rule-set changes do not move these tests: lines added
//! above keep a finding's fingerprint, a re-run gives the same one, identical lines
//! get distinct ones (occurrence index), different findings never share one, a
//! finding present in the base and head reports keeps its fingerprint, a rename
//! changes it, and a secret's fingerprint does not depend on where the value is seen
//! but changes when the value is rotated.

use std::collections::HashSet;

use mrwarden::analyze::scan_whole_file;
use mrwarden::config::Limits;
use mrwarden::finding::Finding;
use mrwarden::report::ReportKind;
use mrwarden::rules::{RuleSet, parse_pack};

const PACK: &str = r#"
pack: fingerprint-tests
rules:
  - id: test-eval
    kind: vulnerability
    title: Eval
    message: eval runs code.
    severity: high
    remediation: Do not eval.
    keywords: ["eval"]
    pattern: 'eval\('
  - id: test-token
    kind: secret
    title: Test token
    message: A test token is committed.
    severity: high
    remediation: Rotate it.
    keywords: ["tok_"]
    pattern: '(?P<secret>tok_[a-z0-9]{16})'
    prefix: "tok_"
"#;

fn rules() -> RuleSet {
    RuleSet::compile(&[parse_pack("test", PACK).expect("pack parses")]).expect("pack compiles")
}

fn scan(path: &str, text: &str) -> Vec<Finding> {
    scan_whole_file(path, text.as_bytes(), &rules(), &Limits::default()).findings
}

fn fingerprints(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| f.fingerprint.as_str().to_string())
        .collect()
}

/// The fingerprints GitLab's Code Quality widget compares between base and head.
fn codequality_fingerprints(findings: &[Finding]) -> HashSet<String> {
    let run = mrwarden::report::RunInfo::failed(
        std::time::SystemTime::UNIX_EPOCH,
        mrwarden::gate::Verdict::Passed,
        String::new(),
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&ReportKind::CodeQuality.render(findings, &run)).expect("json");
    doc.as_array()
        .expect("array")
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fingerprint").to_string())
        .collect()
}

const FILE: &str = "import os\nx = eval(user_input)\ntoken = \"tok_abcdefgh12345678\"\n";

#[test]
fn lines_added_above_keep_the_fingerprint() {
    let before = scan("app/a.py", FILE);
    let after = scan(
        "app/a.py",
        &format!("# header\n\n\ndef f():\n    pass\n{FILE}"),
    );
    assert_eq!(before.len(), 2);
    assert_eq!(fingerprints(&before), fingerprints(&after));
    assert_ne!(before[0].start_line, after[0].start_line);
}

#[test]
fn a_rerun_gives_the_same_fingerprints() {
    assert_eq!(
        fingerprints(&scan("app/a.py", FILE)),
        fingerprints(&scan("app/a.py", FILE))
    );
}

#[test]
fn identical_findings_in_one_file_are_told_apart() {
    let findings = scan("app/a.py", "eval(x)\neval(x)\n  eval(x)\n");
    let fps: HashSet<_> = fingerprints(&findings).into_iter().collect();
    assert_eq!((findings.len(), fps.len()), (3, 3));
    assert_eq!(codequality_fingerprints(&findings).len(), 3);
}

#[test]
fn different_findings_never_share_a_fingerprint() {
    let mut all = Vec::new();
    for path in ["a.py", "b.py", "src/a.py"] {
        all.extend(scan(
            path,
            "eval(a)\neval(b)\neval(a)\ntok_aaaaaaaaaaaaaaaa\ntok_bbbbbbbbbbbbbbbb\ntok_aaaaaaaaaaaaaaaa\n",
        ));
    }
    let fps: HashSet<_> = fingerprints(&all).into_iter().collect();
    assert_eq!(all.len(), 18);
    assert_eq!(fps.len(), all.len());
}

#[test]
fn a_finding_in_base_and_head_keeps_its_fingerprint_in_the_code_quality_report() {
    // Base: one finding. Head: code added above it, a new finding below, an unrelated
    // edit. The widget must show exactly one new finding and none fixed.
    let base = scan("app/a.py", FILE);
    let head = scan(
        "app/a.py",
        &format!(
            "import sys\n{}y = eval(other)\n",
            FILE.replace("import os", "import os, re")
        ),
    );
    let (base_fps, head_fps) = (
        codequality_fingerprints(&base),
        codequality_fingerprints(&head),
    );
    assert!(base_fps.is_subset(&head_fps));
    assert_eq!(head_fps.difference(&base_fps).count(), 1);
}

#[test]
fn a_rename_changes_the_fingerprint() {
    // Documented decision (docs/reports.md): the path is part of the identity.
    let old = scan("app/a.py", FILE);
    let new = scan("app/b.py", FILE);
    assert!(
        fingerprints(&old)
            .iter()
            .all(|fp| !fingerprints(&new).contains(fp))
    );
}

#[test]
fn a_secret_fingerprint_changes_on_rotation_and_never_holds_the_value() {
    let a = scan("app/a.py", "token = \"tok_abcdefgh12345678\"\n");
    let b = scan("app/a.py", "token = \"tok_zzzzzzzzzzzzzzzz\"\n");
    assert_ne!(a[0].fingerprint, b[0].fingerprint);
    assert!(!a[0].snippet.contains("abcdefgh12345678"));
    for kind in ReportKind::ALL {
        let run = mrwarden::report::RunInfo::failed(
            std::time::SystemTime::UNIX_EPOCH,
            mrwarden::gate::Verdict::Passed,
            String::new(),
        );
        let bytes = kind.render(&a, &run);
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("abcdefgh"), "{kind:?} leaks the secret");
    }
}
