//! Validation of every report file mrwarden writes: the JSON reports against the
//! official schemas vendored in `schemas/`, Code Quality against the fields GitLab
//! reads, `JUnit` with an XML 1.0 parser, the summary against the note rules. Any
//! problem panics with the list of errors, so a report that fails is a failing test.

#![allow(dead_code, unreachable_pub)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jsonschema::Validator;
use mrwarden::report::ReportKind;
use serde_json::Value;

/// The repository root (where `schemas/` and `docs/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn compile(rel: &str) -> Validator {
    let text = std::fs::read_to_string(root().join(rel)).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema parses");
    // Offline: the schemas only refer to their own definitions and to bundled
    // metaschemas (draft-04, draft-07); formats are checked too.
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("schema {rel} compiles: {e}"))
}

fn validator(kind: ReportKind) -> Option<&'static Validator> {
    static SAST: OnceLock<Validator> = OnceLock::new();
    static SECRETS: OnceLock<Validator> = OnceLock::new();
    static SARIF: OnceLock<Validator> = OnceLock::new();
    match kind {
        ReportKind::Sast => {
            Some(SAST.get_or_init(|| compile("schemas/gitlab-sast-report-format-15.0.7.json")))
        }
        ReportKind::SecretDetection => {
            Some(SECRETS.get_or_init(|| {
                compile("schemas/gitlab-secret-detection-report-format-15.0.7.json")
            }))
        }
        ReportKind::Sarif => Some(SARIF.get_or_init(|| compile("schemas/sarif-schema-2.1.0.json"))),
        _ => None,
    }
}

/// Validates a JSON document against a compiled schema; panics listing every error.
pub fn assert_valid(what: &str, validator: &Validator, doc: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} fails its schema:\n{}",
        errors.join("\n")
    );
}

/// Validates one report's bytes by kind and returns them parsed when they are JSON.
pub fn check(kind: ReportKind, bytes: &[u8]) -> Option<Value> {
    assert!(
        !bytes.starts_with(b"\xEF\xBB\xBF"),
        "{kind:?} starts with a BOM"
    );
    let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{kind:?} is not UTF-8"));
    match kind {
        ReportKind::CodeQuality => Some(check_codequality(text)),
        ReportKind::Sast | ReportKind::SecretDetection | ReportKind::Sarif => {
            let doc: Value = serde_json::from_str(text).expect("report is JSON");
            assert_valid(kind.file_name(), validator(kind).expect("json kind"), &doc);
            if kind == ReportKind::Sarif {
                check_sarif(&doc);
            } else {
                check_security(kind, &doc);
            }
            Some(doc)
        }
        ReportKind::Junit => {
            check_junit(text);
            None
        }
        ReportKind::Markdown => {
            check_markdown(text);
            None
        }
    }
}

/// Validates every report file of `kinds` in `dir`.
pub fn check_dir(dir: &Path, kinds: &[ReportKind]) {
    for kind in kinds {
        let path = dir.join(kind.file_name());
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check(*kind, &bytes);
    }
}

/// The fields GitLab reads from a Code Quality issue (docs/gitlab-api.md section 5),
/// plus unique fingerprints (GitLab collapses duplicates into one widget entry).
fn check_codequality(text: &str) -> Value {
    let doc: Value = serde_json::from_str(text).expect("code quality report is JSON");
    let issues = doc.as_array().expect("code quality report is an array");
    let mut fingerprints = HashSet::new();
    for issue in issues {
        let s = |k: &str| {
            issue[k]
                .as_str()
                .unwrap_or_else(|| panic!("{k} in {issue}"))
        };
        assert!(!s("description").is_empty());
        assert!(!s("check_name").is_empty());
        assert!(
            ["info", "minor", "major", "critical", "blocker"].contains(&s("severity")),
            "{issue}"
        );
        assert!(
            fingerprints.insert(s("fingerprint").to_string()),
            "duplicate fingerprint {issue}"
        );
        assert_eq!(issue["type"], "issue");
        assert_eq!(issue["categories"], serde_json::json!(["Security"]));
        assert!(
            issue["content"]["body"]
                .as_str()
                .is_some_and(|b| !b.is_empty())
        );
        let path = issue["location"]["path"].as_str().expect("location.path");
        assert!(!path.starts_with("./") && !path.starts_with('/'), "{path}");
        let begin = issue["location"]["lines"]["begin"]
            .as_u64()
            .expect("lines.begin");
        assert!(begin >= 1, "{issue}");
    }
    doc
}

/// What the schema cannot say: ids unique, every finding in the right report.
fn check_security(kind: ReportKind, doc: &Value) {
    let vulns = doc["vulnerabilities"].as_array().expect("vulnerabilities");
    let mut ids = HashSet::new();
    for v in vulns {
        assert!(
            ids.insert(v["id"].as_str().expect("id")),
            "duplicate id {v}"
        );
        assert_eq!(v["identifiers"][0]["type"], "mrwarden_rule_id");
        assert!(v["location"]["start_line"].as_u64().is_some_and(|l| l >= 1));
        if kind == ReportKind::SecretDetection {
            assert!(v["location"]["commit"]["sha"].is_string());
        }
    }
    assert_eq!(doc["version"], "15.0.7");
    assert_eq!(doc["scan"]["analyzer"]["id"], "mrwarden");
    assert_eq!(doc["scan"]["scanner"]["id"], "mrwarden");
}

/// Every result names a listed rule and carries our fingerprint; uris are relative.
fn check_sarif(doc: &Value) {
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids.len(),
        ids.iter().collect::<HashSet<_>>().len(),
        "rule ids repeat"
    );
    for r in rules {
        let sev: f64 = r["properties"]["security-severity"]
            .as_str()
            .expect("security-severity")
            .parse()
            .expect("a number");
        assert!((0.0..=10.0).contains(&sev));
        assert!(r["help"]["text"].is_string() && r["fullDescription"]["text"].is_string());
    }
    for res in run["results"].as_array().expect("results") {
        let index = usize::try_from(res["ruleIndex"].as_u64().expect("ruleIndex")).expect("fits");
        assert_eq!(res["ruleId"], ids[index]);
        let fp = res["partialFingerprints"]["mrwarden/v1"]
            .as_str()
            .expect("fingerprint");
        assert_eq!(fp.len(), 32);
        let uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .expect("uri");
        assert!(!uri.starts_with('/') && !uri.contains("://"), "{uri}");
    }
}

/// Well-formed XML 1.0 with the structure the `JUnit` parser of GitLab reads, and counts that
/// add up.
fn check_junit(text: &str) {
    let xml = roxmltree::Document::parse(text).expect("JUnit report is well-formed XML");
    let suites = xml.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    let mut total = 0;
    for suite in suites.children().filter(roxmltree::Node::is_element) {
        assert_eq!(suite.tag_name().name(), "testsuite");
        let cases: Vec<_> = suite
            .children()
            .filter(roxmltree::Node::is_element)
            .collect();
        assert!(
            !cases.is_empty(),
            "a suite with no test case shows nothing in GitLab"
        );
        let count = |tag: &str| {
            cases
                .iter()
                .filter(|c| c.children().any(|n| n.has_tag_name(tag)))
                .count()
                .to_string()
        };
        assert_eq!(
            suite.attribute("tests"),
            Some(cases.len().to_string().as_str())
        );
        assert_eq!(suite.attribute("failures"), Some(count("failure").as_str()));
        assert_eq!(suite.attribute("errors"), Some(count("error").as_str()));
        for case in &cases {
            assert_eq!(case.tag_name().name(), "testcase");
            assert!(case.attribute("classname").is_some_and(|c| !c.is_empty()));
            assert!(case.attribute("name").is_some_and(|c| !c.is_empty()));
        }
        total += cases.len();
    }
    assert_eq!(suites.attribute("tests"), Some(total.to_string().as_str()));
}

/// The summary note rules that matter for safety: no line a quick action, no raw HTML
/// outside code spans (no `<` outside a span; a span opened by n backticks closes at
/// the next run of exactly n).
fn check_markdown(text: &str) {
    for line in text.lines() {
        assert!(
            !line.trim_start().starts_with('/'),
            "line starts with '/': {line}"
        );
        let chars: Vec<char> = line.chars().collect();
        let run_at = |i: usize| chars[i..].iter().take_while(|c| **c == '`').count();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '`' {
                let n = run_at(i);
                let mut j = i + n;
                loop {
                    assert!(j < chars.len(), "unclosed code span: {line}");
                    if chars[j] == '`' {
                        let m = run_at(j);
                        j += m;
                        if m == n {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                i = j;
            } else {
                assert!(chars[i] != '<', "raw '<' outside a code span: {line}");
                i += 1;
            }
        }
    }
}

/// The schema with `additionalProperties: false` on every object that lists its
/// properties and says nothing about others: output that validates against it has no
/// field the schema does not document.
pub fn closed(mut schema: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(walk);
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut schema);
    schema
}
