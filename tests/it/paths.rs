//! Path classes (`paths:`, `.gitattributes`; DESIGN.md "Which findings gate"): a
//! vulnerability in test code is reported without gating, vendored code gets secrets
//! only, secrets gate everywhere, and in `review` the classes come from the target
//! branch — an MR cannot mark its own code vendored or test (threat model T7).

use serde_json::Value;

use crate::support::common::{Repo, Run};
use crate::support::fake_gitlab::Fake;
use crate::support::report_validation;
use crate::support::review_support::{self, CANARY, mr_vars, state_for};

const PICKLE: &str = "import pickle\n\n\ndef load(data):\n    return pickle.loads(data)\n";
const SECRET: &str = "TOKEN = \"glpat-Q7mZ2xKp9LwR4vNt8YbC\"\n";
const RULE: &str = "python-unsafe-deserialization";

/// A repository whose `feature` branch adds `files` (and `on_main` on the base).
fn repo(on_main: &[(&str, &str)], files: &[(&str, &str)]) -> Repo {
    let r = Repo::new();
    r.write("README.md", "x\n");
    for (p, t) in on_main {
        r.write(p, t);
    }
    r.commit("base");
    r.branch("feature");
    for (p, t) in files {
        r.write(p, t);
    }
    r.commit("feature");
    r
}

/// `(rule, path, non_gating)` of every finding of a JSON document.
fn found(doc: &Value) -> Vec<(String, String, Option<String>)> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or_default().to_string(),
                f["path"].as_str().unwrap_or_default().to_string(),
                f["non_gating"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn has(doc: &Value, rule: &str, path: &str, non_gating: Option<&str>) -> bool {
    found(doc)
        .iter()
        .any(|(r, p, n)| r == rule && p == path && n.as_deref() == non_gating)
}

fn assert_valid_output(run: &Run) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(report_validation::root().join("docs/output.schema.json"))
            .expect("schema"),
    )
    .expect("schema is JSON");
    let strict = jsonschema::validator_for(&report_validation::closed(schema)).expect("compiles");
    report_validation::assert_valid("--format json", &strict, &run.json());
}

#[test]
fn scan_reports_test_code_without_gating_and_gates_the_same_code_elsewhere() {
    let r = repo(&[], &[("tests/test_x.py", PICKLE)]);
    let run = r.scan_json(&[]);
    run.expect_code(0);
    let doc = run.json();
    assert!(
        has(&doc, RULE, "tests/test_x.py", Some("test_code")),
        "{run}"
    );
    assert_valid_output(&run);

    let r = repo(&[], &[("app/x.py", PICKLE)]);
    let run = r.scan_json(&[]);
    run.expect_code(1);
    assert!(has(&run.json(), RULE, "app/x.py", None), "{run}");
}

#[test]
fn non_gating_is_in_every_report() {
    let r = repo(&[], &[("tests/test_x.py", PICKLE)]);
    let run = r
        .mrwarden(&["scan", "--base", "main", "--format", "json"])
        .with_output_dir()
        .run();
    run.expect_code(0);
    report_validation::check_dir(&run.out_dir, &mrwarden::report::ReportKind::ALL);
    let sarif: Value = serde_json::from_slice(
        &std::fs::read(run.out_dir.join("mrwarden.sarif")).expect("sarif report"),
    )
    .expect("sarif is JSON");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["properties"]["non_gating"], "test_code", "{sarif}");
    let summary =
        std::fs::read_to_string(run.out_dir.join("mrwarden-summary.md")).expect("summary");
    assert!(
        summary.contains("1 not gating") && summary.contains("not gating: test code"),
        "{summary}"
    );
    let verdict: Value = serde_json::from_slice(
        &std::fs::read(run.out_dir.join("mrwarden-verdict.json")).expect("verdict"),
    )
    .expect("verdict is JSON");
    assert_eq!(verdict["at_or_above_fail_on"], 0, "{verdict}");
}

#[test]
fn vendored_code_gets_secrets_only_and_its_secrets_gate() {
    let r = repo(
        &[],
        &[
            ("vendor/lib/conf.py", SECRET),
            ("vendor/lib/load.py", PICKLE),
            ("node_modules/x/tests/test_a.py", PICKLE),
        ],
    );
    let run = r.scan_json(&[]);
    run.expect_code(1);
    let doc = run.json();
    assert!(has(&doc, "gitlab-pat", "vendor/lib/conf.py", None), "{run}");
    assert!(
        !found(&doc).iter().any(|(rule, _, _)| rule == RULE),
        "{run}"
    );
    let notes = run.notes();
    for path in ["vendor/lib/load.py", "node_modules/x/tests/test_a.py"] {
        assert!(
            notes.contains(&(path.to_string(), "vendored".to_string())),
            "{notes:?}"
        );
    }
    assert_eq!(doc["run"]["vendored"], 2, "{run}");
    assert_valid_output(&run);
}

#[test]
fn scan_uses_the_working_config_and_gitattributes() {
    let r = repo(
        &[
            (".gitattributes", "lib/** linguist-vendored\n"),
            (".mrwarden.yml", "paths:\n  tests: [qa/]\n"),
        ],
        &[
            ("lib/x.py", PICKLE),
            ("qa/x.py", PICKLE),
            ("tests/test_x.py", PICKLE),
        ],
    );
    let run = r.scan_json(&[]);
    run.expect_code(0);
    let doc = run.json();
    assert!(!has(&doc, RULE, "lib/x.py", None), "{run}");
    assert!(has(&doc, RULE, "qa/x.py", Some("test_code")), "{run}");
    assert!(
        has(&doc, RULE, "tests/test_x.py", Some("test_code")),
        "{run}"
    );

    // Built-in lists off, attributes ignored: everything gates.
    r.write(
        ".mrwarden.yml",
        "paths:\n  defaults: false\n  gitattributes: false\n",
    );
    let run = r.scan_json(&[]);
    run.expect_code(1);
    let doc = run.json();
    for path in ["lib/x.py", "qa/x.py", "tests/test_x.py"] {
        assert!(has(&doc, RULE, path, None), "{path}: {run}");
    }
}

#[test]
fn a_low_confidence_rule_reports_without_gating_unless_the_config_says_so() {
    let pack = "pack: acme\nrules:\n  - id: acme-shaky\n    kind: vulnerability\n    title: Shaky\n    message: Maybe a problem.\n    severity: high\n    confidence: low\n    remediation: Look.\n    languages: [python]\n    keywords: [shaky_call]\n    pattern: 'shaky_call\\('\n";
    let r = repo(
        &[
            ("rules/acme.yml", pack),
            (".mrwarden.yml", "custom_rules: [rules/acme.yml]\n"),
        ],
        &[("app/x.py", "shaky_call(1)\n")],
    );
    let run = r.scan_json(&[]);
    run.expect_code(0);
    assert!(
        has(
            &run.json(),
            "acme-shaky",
            "app/x.py",
            Some("low_confidence")
        ),
        "{run}"
    );
    r.write(
        ".mrwarden.yml",
        "custom_rules: [rules/acme.yml]\nrules:\n  gate_low_confidence: true\n",
    );
    let run = r.scan_json(&[]);
    run.expect_code(1);
    assert!(has(&run.json(), "acme-shaky", "app/x.py", None), "{run}");
}

/// `review` through the fake GitLab of a change with `on_target` on the target branch
/// and `in_mr` added by the MR (which also adds `app/x.py` with a pickle sink).
fn review(on_target: &[(&str, &str)], in_mr: &[(&str, &str)]) -> Run {
    use review_support::git;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let write = |p: &str, t: &str| {
        let path = root.join(p);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, t).expect("write");
    };
    git(root, &["init", "-q", "-b", "main"]);
    write("README.md", "x\n");
    for (p, t) in on_target {
        write(p, t);
    }
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "base"]);
    git(root, &["checkout", "-q", "-b", "feature"]);
    write("app/x.py", PICKLE);
    for (p, t) in in_mr {
        write(p, t);
    }
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "feature"]);
    let fixture = review_support::Repo {
        base: git(root, &["rev-parse", "main"]).trim().to_string(),
        head: git(root, &["rev-parse", "feature"]).trim().to_string(),
        dir,
    };
    let state = state_for(&fixture);
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = review_support::mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_valid_output(&run);
    run
}

#[test]
fn an_mr_cannot_mark_its_own_code_vendored_with_gitattributes() {
    for attrs in [
        "app/** linguist-vendored\n",
        "*.py linguist-generated=true\n",
    ] {
        let run = review(&[], &[(".gitattributes", attrs)]);
        assert_eq!(run.code, 1, "{attrs}: {run}");
        let doc = run.json();
        assert!(has(&doc, RULE, "app/x.py", None), "{attrs}: {run}");
        assert!(
            has(&doc, "mrwarden.policy-changed", ".gitattributes", None),
            "{attrs}: {run}"
        );
    }
}

#[test]
fn an_mr_cannot_mark_its_own_code_test_or_vendored_in_the_config() {
    for config in ["paths:\n  tests: [app/]\n", "paths:\n  vendored: [app/]\n"] {
        let run = review(&[], &[(".mrwarden.yml", config)]);
        assert_eq!(run.code, 1, "{config}: {run}");
        let doc = run.json();
        assert!(has(&doc, RULE, "app/x.py", None), "{config}: {run}");
        assert!(
            has(&doc, "mrwarden.policy-changed", ".mrwarden.yml", None),
            "{config}: {run}"
        );
    }
}

#[test]
fn the_target_branchs_path_classes_apply_in_review() {
    let run = review(&[(".gitattributes", "app/** linguist-vendored\n")], &[]);
    assert_eq!(run.code, 0, "{run}");
    assert!(!has(&run.json(), RULE, "app/x.py", None), "{run}");
    assert!(
        run.notes()
            .contains(&("app/x.py".to_string(), "vendored".to_string())),
        "{run}"
    );
    let run = review(&[(".mrwarden.yml", "paths:\n  tests: [app/]\n")], &[]);
    assert_eq!(run.code, 0, "{run}");
    assert!(
        has(&run.json(), RULE, "app/x.py", Some("test_code")),
        "{run}"
    );
}
