//! The real binary: `mrwarden demo` writes every report, each valid against its
//! schema and pinned by a snapshot (volatile fields redacted); `--report` chooses the
//! files; stale reports go and other files stay; a failed run still writes valid
//! empty reports; `--format json` follows `docs/output.schema.json`.
//!
//! The demo snapshots depend on the built-in rules: a rule change that alters the
//! demo's findings means reviewing and re-accepting them (`cargo insta review`).

use crate::support::report_validation;

use std::path::Path;
use std::process::Output;

use mrwarden::report::ReportKind;
use report_validation::check_dir;

fn mrwarden(args: &[&str]) -> Output {
    crate::support::mrwarden_bin()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run mrwarden")
}

fn demo(out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["demo", "--output-dir", out.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    mrwarden(&args)
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Filters for what changes from run to run: times, durations, commit ids, version.
fn volatile() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z?", "[TIME]"),
        (r#"time="[0-9.]+""#, r#"time="[SECONDS]""#),
        (r"\b[0-9a-f]{40}\b", "[SHA]"),
        (r"\b\d+ ms\b", "[N] ms"),
        (r"\b[0-9a-f]{12}\.\.[0-9a-f]{12}\b", "[RANGE]"),
        (
            concat!(
                r#""(version|semanticVersion)": ""#,
                env!("CARGO_PKG_VERSION"),
                "\""
            ),
            r#""$1": "[VERSION]""#,
        ),
    ]
}

#[test]
fn demo_writes_every_report_valid_and_as_pinned() {
    let out = tempfile::tempdir().expect("tempdir");
    let run = demo(out.path(), &[]);
    assert_eq!(run.status.code(), Some(1), "the demo has high findings");
    let mut expected: Vec<String> = ReportKind::ALL
        .iter()
        .map(|k| k.file_name().to_string())
        .chain([mrwarden::gate::VERDICT_FILE.to_string()])
        .collect();
    expected.sort();
    assert_eq!(files(out.path()), expected);
    check_dir(out.path(), &ReportKind::ALL);
    for kind in ReportKind::ALL {
        let text = std::fs::read_to_string(out.path().join(kind.file_name())).expect("report");
        insta::with_settings!({ filters => volatile() }, {
            insta::assert_snapshot!(format!("demo__{}", kind.file_name()), text);
        });
    }
}

#[test]
fn report_flag_writes_only_the_chosen_files_and_clears_stale_ones() {
    let out = tempfile::tempdir().expect("tempdir");
    for kind in ReportKind::ALL {
        std::fs::write(out.path().join(kind.file_name()), "stale").expect("write");
    }
    std::fs::write(out.path().join(mrwarden::gate::VERDICT_FILE), "stale").expect("write");
    std::fs::write(out.path().join("notes.txt"), "mine").expect("write");
    let run = demo(out.path(), &["--report", "sast,junit"]);
    assert_eq!(run.status.code(), Some(1));
    // The verdict file is written whatever `--report` chose (the gate job reads it).
    assert_eq!(
        files(out.path()),
        [
            "gl-sast-report.json",
            "mrwarden-junit.xml",
            "mrwarden-verdict.json",
            "notes.txt"
        ]
    );
    let verdict =
        std::fs::read_to_string(out.path().join(mrwarden::gate::VERDICT_FILE)).expect("verdict");
    assert!(verdict.contains("\"exit_code\": 1"), "{verdict}");
    check_dir(out.path(), &[ReportKind::Sast, ReportKind::Junit]);
    assert_eq!(
        std::fs::read_to_string(out.path().join("notes.txt")).expect("kept"),
        "mine"
    );
    let bad = demo(out.path(), &["--report", "pdf"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_run_that_cannot_analyse_still_writes_valid_empty_reports() {
    let repo = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(&[
        "scan",
        repo.path().to_str().expect("utf-8"),
        "--base",
        "main",
        "--output-dir",
        out.path().to_str().expect("utf-8"),
    ]);
    // Not a git repository: a usage error (exit 2) found after the report directory was
    // prepared, so every report is still written.
    assert_eq!(
        run.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    check_dir(out.path(), &ReportKind::ALL);
    let sast: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("gl-sast-report.json")).expect("sast"),
    )
    .expect("json");
    assert_eq!(sast["scan"]["status"], "failure");
    assert_eq!(sast["vulnerabilities"], serde_json::json!([]));
}

#[test]
fn format_json_validates_and_format_markdown_is_the_summary() {
    let out = tempfile::tempdir().expect("tempdir");
    let run = demo(out.path(), &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&run.stdout).expect("stdout is JSON");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(report_validation::root().join("docs/output.schema.json"))
            .expect("schema"),
    )
    .expect("schema is JSON");
    let strict = jsonschema::validator_for(&report_validation::closed(schema)).expect("compiles");
    report_validation::assert_valid("demo --format json", &strict, &doc);
    assert!(doc["findings"].as_array().is_some_and(|f| !f.is_empty()));

    let run = demo(out.path(), &["--format", "markdown"]);
    let summary = std::fs::read_to_string(out.path().join("mrwarden-summary.md")).expect("md");
    assert_eq!(String::from_utf8(run.stdout).expect("utf-8"), summary);
}

/// `mrwarden demo` prints the comments `review` would post on a fresh merge request:
/// one inline discussion per finding on its added line, then the one summary note.
/// Pinned by a snapshot, so a change to any comment body is reviewed.
#[test]
fn demo_prints_the_comments_it_would_post() {
    let out = tempfile::tempdir().expect("tempdir");
    let run = demo(out.path(), &[]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    let start = stdout
        .find("━━ In a merge-request pipeline")
        .unwrap_or_else(|| panic!("no comment preview in:\n{stdout}"));
    let comments = &stdout[start..];
    assert_eq!(comments.matches("── inline discussion on ").count(), 8);
    // The demo shows a taint finding with its flow, and a one-click suggestion.
    assert!(
        comments.contains(
            "**Flow:**\n- source line 39: `name = request.args.get(\"name\", \"orders\")`"
        )
    );
    assert!(comments.contains(
        "```suggestion:-0+0\n    return requests.get(RATES_URL, verify=True, timeout=10).json()\n```"
    ));
    assert_eq!(comments.matches("── summary note ──").count(), 1);
    assert!(comments.contains("── inline discussion on config/settings.py line 8 ──"));
    assert!(comments.contains("<!-- mrwarden:v1 fp=summary -->"));
    // Every body is what finalise() leaves: no line a quick action could start.
    assert!(comments.lines().all(|l| !l.trim_start().starts_with('/')));
    insta::with_settings!({ filters => volatile() }, {
        insta::assert_snapshot!("demo__comments", comments);
    });
}
