//! Every report format rendered from hand-built findings (independent of the rule set):
//! validated against the official schemas for zero findings, one of each kind, a
//! failed run, hostile text and hundreds of findings, and pinned with snapshots.

use crate::support::report_validation;

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use mrwarden::analyze::{FileNote, NoteReason, Stats};
use mrwarden::finding::{
    Confidence, Finding, FindingKind, Fingerprint, FlowRole, FlowStep, Severity, line_basis,
};
use mrwarden::gate::{Threshold, Verdict};
use mrwarden::policy::triage::NotCounted;
use mrwarden::report::{ReportKind, RunInfo};
use report_validation::check;

fn finding(
    rule: &str,
    kind: FindingKind,
    severity: Severity,
    path: &str,
    line: u32,
    snippet: &str,
) -> Finding {
    Finding {
        flow: Vec::new(),
        suggestion: None,
        non_gating: None,
        rule_id: rule.to_string(),
        title: format!("Title of {rule}"),
        message: format!("What {rule} found."),
        severity,
        confidence: Confidence::Medium,
        kind,
        cwe: None,
        owasp: None,
        path: path.to_string(),
        start_line: line,
        end_line: line,
        snippet: snippet.to_string(),
        remediation: format!("How to fix {rule}."),
        fingerprint: Fingerprint::compute(rule, path, &line_basis(snippet), 0),
    }
}

/// One finding of each kind, with and without CWE/OWASP, a multi-line range and a path
/// that needs URI encoding.
fn one_of_each() -> Vec<Finding> {
    let mut secret = finding(
        "gitlab-pat",
        FindingKind::Secret,
        Severity::High,
        "config/settings.py",
        8,
        "GITLAB_TOKEN = \"glpat-… (26 chars)\"",
    );
    secret.title = "GitLab personal access token".into();
    secret.cwe = Some(798);
    secret.owasp = Some("A07:2021".into());
    let mut vuln = finding(
        "python-sql-injection",
        FindingKind::Vulnerability,
        Severity::Critical,
        "app/my orders ü.py",
        21,
        "cur.execute(f\"SELECT * FROM t WHERE c = '{c}'\")",
    );
    vuln.end_line = 23;
    vuln.flow = vec![
        FlowStep {
            role: FlowRole::Source,
            line: 19,
            code: "c = request.args[\"c\"]".into(),
        },
        FlowStep {
            role: FlowRole::Step,
            line: 20,
            code: "c = c.strip()".into(),
        },
        FlowStep {
            role: FlowRole::Sink,
            line: 21,
            code: "cur.execute(f\"SELECT * FROM t WHERE c = '{c}'\")".into(),
        },
    ];
    vuln.cwe = Some(89);
    vuln.owasp = Some("A03:2021".into());
    let meta = finding(
        "mrwarden.policy-changed",
        FindingKind::Meta,
        Severity::Medium,
        ".mrwarden.yml",
        1,
        "fail_on: never",
    );
    let mut all = vec![secret, vuln, meta];
    mrwarden::finding::sort(&mut all);
    all
}

fn t(secs: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
}

fn run(findings: &[Finding]) -> RunInfo {
    RunInfo {
        version: "0.0.0-test",
        source: "1111111..2222222".into(),
        head_sha: Some("2222222222222222222222222222222222222222".into()),
        started: t(1_795_000_000),
        finished: t(1_795_000_002),
        fail_on: Threshold::default(),
        verdict: mrwarden::gate::decide(findings, Threshold::default(), true),
        notes: vec![FileNote {
            path: "assets/logo.png".into(),
            reason: NoteReason::Binary,
        }],
        stats: Stats {
            files: 4,
            files_scanned: 3,
            lines_added: 40,
            rules: 9,
            files_parsed: 2,
            files_parsed_in_part: 1,
        },
        warnings: vec!["unknown key `llm.foo` in .mrwarden.yml".into()],
        suppressions: vec![mrwarden::policy::suppress::Suppression {
            path: "app/run.py".into(),
            line: 7,
            rules: vec!["python-eval".into()],
            reason: Some("input is a constant @all /merge".into()),
            added: true,
            status: mrwarden::policy::suppress::Status::Honoured,
        }],
        suppressed: 1,
        baselined: 2,
        excluded: 0,
        vendored: 0,
        dismissals: Vec::new(),
        error: None,
        stages: vec![
            ("diff", Duration::from_millis(12)),
            ("analysis", Duration::from_millis(3)),
        ],
        api_requests: Some(9),
    }
}

fn render_all(findings: &[Finding], run: &RunInfo) -> Vec<(ReportKind, Vec<u8>)> {
    ReportKind::ALL
        .iter()
        .map(|k| (*k, k.render(findings, run)))
        .collect()
}

fn check_all(findings: &[Finding], run: &RunInfo) -> Vec<(ReportKind, Vec<u8>)> {
    let out = render_all(findings, run);
    for (kind, bytes) in &out {
        check(*kind, bytes);
    }
    out
}

fn json(out: &[(ReportKind, Vec<u8>)], kind: ReportKind) -> serde_json::Value {
    let bytes = &out.iter().find(|(k, _)| *k == kind).expect("rendered").1;
    serde_json::from_slice(bytes).expect("json")
}

#[test]
fn zero_findings_give_valid_empty_reports() {
    let out = check_all(&[], &run(&[]));
    assert_eq!(json(&out, ReportKind::CodeQuality), serde_json::json!([]));
    for kind in [ReportKind::Sast, ReportKind::SecretDetection] {
        let doc = json(&out, kind);
        assert_eq!(doc["vulnerabilities"], serde_json::json!([]));
        assert_eq!(doc["scan"]["status"], "success");
    }
    assert_eq!(
        json(&out, ReportKind::Sarif)["runs"][0]["results"],
        serde_json::json!([])
    );
    let junit = String::from_utf8(out[4].1.clone()).expect("utf-8");
    assert!(
        junit.contains("<testcase classname=\"mrwarden\" name=\"security review\" time=\"0\"/>")
    );
}

#[test]
fn a_failed_run_gives_valid_empty_reports_marked_failed() {
    let run = RunInfo::failed(
        t(1_795_000_000),
        Verdict::Incomplete,
        "git diff failed: not a git repository <&\"'>".into(),
    );
    let out = check_all(&[], &run);
    for kind in [ReportKind::Sast, ReportKind::SecretDetection] {
        let doc = json(&out, kind);
        assert_eq!(doc["scan"]["status"], "failure");
        assert_eq!(doc["scan"]["messages"][0]["level"], "fatal");
    }
    assert_eq!(
        json(&out, ReportKind::Sarif)["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    let junit = String::from_utf8(out[4].1.clone()).expect("utf-8");
    assert!(junit.contains("errors=\"1\"") && junit.contains("&lt;&amp;&quot;&apos;&gt;"));
}

#[test]
fn one_finding_of_each_kind_lands_in_the_right_reports() {
    let findings = one_of_each();
    let out = check_all(&findings, &run(&findings));
    let rules = |kind| -> Vec<String> {
        json(&out, kind)["vulnerabilities"]
            .as_array()
            .expect("array")
            .iter()
            .map(|v| {
                v["identifiers"][0]["value"]
                    .as_str()
                    .expect("id")
                    .to_string()
            })
            .collect()
    };
    assert_eq!(rules(ReportKind::SecretDetection), ["gitlab-pat"]);
    assert_eq!(
        rules(ReportKind::Sast),
        ["mrwarden.policy-changed", "python-sql-injection"]
    );
    assert_eq!(
        json(&out, ReportKind::CodeQuality).as_array().map(Vec::len),
        Some(3)
    );
    let sarif = json(&out, ReportKind::Sarif);
    assert_eq!(
        sarif["runs"][0]["results"].as_array().map(Vec::len),
        Some(3)
    );
    assert_eq!(
        sarif["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "app/my%20orders%20%C3%BC.py"
    );
}

#[test]
fn hundreds_of_findings_validate_with_unique_identities() {
    let kinds = [
        FindingKind::Secret,
        FindingKind::Vulnerability,
        FindingKind::Meta,
    ];
    let mut findings = Vec::new();
    for i in 0..600u32 {
        let path = format!("src/module_{}.py", i % 37);
        let rule = format!("rule-{}", i % 11);
        let mut f = finding(
            &rule,
            kinds[(i % 3) as usize],
            Severity::ALL[(i % 5) as usize],
            &path,
            i + 1,
            "same_line = call(x)",
        );
        // The same line many times in one file: the occurrence index tells them apart.
        f.fingerprint = Fingerprint::compute(&rule, &path, "same_line = call(x)", i);
        f.cwe = (i % 2 == 0).then_some(20 + i);
        findings.push(f);
    }
    mrwarden::finding::sort(&mut findings);
    let out = check_all(&findings, &run(&findings));
    let sast = json(&out, ReportKind::Sast)["vulnerabilities"]
        .as_array()
        .map(Vec::len);
    let secrets = json(&out, ReportKind::SecretDetection)["vulnerabilities"]
        .as_array()
        .map(Vec::len);
    assert_eq!((sast, secrets), (Some(400), Some(200)));
    let sarif = json(&out, ReportKind::Sarif);
    assert_eq!(
        sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .map(Vec::len),
        Some(11)
    );
    let fps: HashSet<_> = findings.iter().map(|f| f.fingerprint.clone()).collect();
    assert_eq!(fps.len(), 600);
}

#[test]
fn hostile_text_is_escaped_in_every_format() {
    let mut f = finding(
        "python-eval",
        FindingKind::Vulnerability,
        Severity::High,
        "a\u{1b}[2J/\"quote\"<b>&.py",
        3,
        "eval(x) # ]]> </failure> \u{0}\u{7}\u{fffe} `` | /unlabel <img src=x>",
    );
    f.title = "Eval <script>".into();
    f.message = "Message\nwith a newline & <tags>".into();
    let findings = vec![f];
    let mut run = run(&findings);
    run.dismissals = vec![dismissal(
        &findings[0],
        "/approve ``` @all ![x](https://evil.example/a.png) <img src=x> \u{1b}[31m",
        None,
    )];
    let out = check_all(&findings, &run);
    let summary = String::from_utf8(out[5].1.clone()).expect("utf-8");
    assert!(!summary.contains('\u{1b}') && !summary.contains('\u{0}'));
    let line = summary
        .lines()
        .find(|l| l.contains("/approve"))
        .expect("the dismissal is listed");
    assert!(
        line.starts_with("- ") && line.contains("````/approve"),
        "{line}"
    );
}

fn dismissal(
    f: &Finding,
    reason: &str,
    not_counted: Option<NotCounted>,
) -> mrwarden::policy::triage::Dismissal {
    mrwarden::policy::triage::Dismissal {
        fingerprint: f.fingerprint.as_str().to_string(),
        rule_id: f.rule_id.clone(),
        path: f.path.clone(),
        line: f.start_line,
        severity: f.severity,
        command: mrwarden::policy::triage::Command::Fp,
        by: "maya".into(),
        reason: reason.into(),
        counts: not_counted.is_none(),
        not_counted,
        discussion_id: "d".into(),
        note_id: 1,
    }
}

#[test]
fn severities_map_to_each_format() {
    use mrwarden::report::{codequality, sarif, security};
    let table: Vec<_> = Severity::ALL
        .iter()
        .map(|s| {
            (
                s.as_str(),
                codequality::severity(*s),
                security::severity(*s),
                sarif::level(*s),
                sarif::security_severity(*s),
            )
        })
        .collect();
    assert_eq!(
        table,
        [
            ("info", "info", "Info", "note", "0.0"),
            ("low", "minor", "Low", "note", "2.0"),
            ("medium", "major", "Medium", "warning", "5.5"),
            ("high", "critical", "High", "error", "8.0"),
            ("critical", "blocker", "Critical", "error", "9.5"),
        ]
    );
}

#[test]
fn snapshots_of_every_format() {
    let findings = one_of_each();
    let mut run = run(&findings);
    run.notes.push(FileNote {
        path: "vendor/huge.js".into(),
        reason: NoteReason::BudgetExceeded,
    });
    for (kind, bytes) in check_all(&findings, &run) {
        let text = String::from_utf8(bytes).expect("utf-8");
        insta::assert_snapshot!(format!("handbuilt__{}", kind.file_name()), text);
    }
}

#[test]
fn json_stdout_matches_its_published_schema() {
    let schema_text =
        std::fs::read_to_string(report_validation::root().join("docs/output.schema.json"))
            .expect("docs/output.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let lenient = jsonschema::validator_for(&schema).expect("schema compiles");
    let strict = jsonschema::validator_for(&report_validation::closed(schema.clone()))
        .expect("strict schema compiles");
    let findings = one_of_each();
    let mut runs = [
        run(&findings),
        RunInfo::failed(t(1_795_000_000), Verdict::Incomplete, "boom".into()),
    ];
    runs[0].notes.push(FileNote {
        path: "x".into(),
        reason: NoteReason::BudgetExceeded,
    });
    runs[0].dismissals = vec![dismissal(&findings[0], "test data only", None)];
    runs[0]
        .dismissals
        .push(dismissal(&findings[1], "", Some(NotCounted::MrAuthor)));
    for (findings, run) in [(findings.as_slice(), &runs[0]), (&[][..], &runs[1])] {
        let out: serde_json::Value =
            serde_json::from_str(&mrwarden::report::json::render(findings, run)).expect("json");
        report_validation::assert_valid("--format json", &lenient, &out);
        // Every field we print is documented in the schema.
        report_validation::assert_valid("--format json (no undocumented field)", &strict, &out);
        assert_eq!(out["version"], mrwarden::report::json::OUTPUT_VERSION);
    }
}

#[test]
fn the_validators_reject_broken_reports() {
    // Guards the guard: if the schemas did not load or check, every test above would
    // pass vacuously.
    let findings = one_of_each();
    let out = render_all(&findings, &run(&findings));
    let broken = |kind: ReportKind, edit: &dyn Fn(&mut serde_json::Value)| {
        let mut doc = json(&out, kind);
        edit(&mut doc);
        let bytes = serde_json::to_vec(&doc).expect("json");
        std::panic::catch_unwind(|| check(kind, &bytes)).is_err()
    };
    assert!(broken(
        ReportKind::Sast,
        &|d| d["vulnerabilities"][0]["severity"] = "high".into()
    ));
    assert!(broken(ReportKind::Sast, &|d| {
        d["scan"]["start_time"] = "2026-11-18T11:06:40Z".into();
    }));
    assert!(broken(ReportKind::SecretDetection, &|d| {
        d["vulnerabilities"][0]["location"]
            .as_object_mut()
            .expect("object")
            .remove("commit");
    }));
    assert!(broken(ReportKind::Sarif, &|d| d["runs"][0]["results"][0]
        ["level"] =
        "fatal".into()));
    assert!(broken(ReportKind::Sarif, &|d| d["runs"][0]["results"][0]
        ["bogus"] = 1.into()));
    assert!(broken(ReportKind::CodeQuality, &|d| d[0]["severity"] =
        "high".into()));
    assert!(
        std::panic::catch_unwind(|| check(ReportKind::Junit, b"<testsuites><a></testsuites>"))
            .is_err()
    );
    assert!(std::panic::catch_unwind(|| check(ReportKind::Markdown, b"ok\n/approve\n")).is_err());
}
