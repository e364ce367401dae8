//! The component's two jobs and what they rely on, with the real binary: the reporting
//! job (`review --exit-zero`) succeeds once its reports and verdict file are written,
//! the gate job (`mrwarden gate`) exits with the recorded verdict, two includes keep
//! one summary note each, report files are readable by another user, and a
//! pre-commit scan leaves the working tree as it was.

use crate::support::fake_gitlab;
use crate::support::review_support;

use std::path::Path;
use std::process::Command;

use fake_gitlab::Fake;
use serde_json::Value;

use review_support::*;

fn gate(verdict: &Path) -> (i32, String, String) {
    let out = Command::new(crate::support::bin_path())
        .args(["gate", "--verdict"])
        .arg(verdict)
        .env_clear()
        .output()
        .expect("gate runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json_file(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
}

/// A verdict file, validated against its published schema (docs/verdict.schema.json).
fn verdict_file(path: &Path) -> Value {
    let schema: Value = serde_json::from_str(include_str!("../../docs/verdict.schema.json"))
        .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let doc = json_file(path);
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{doc}: {errors:?}");
    // The schema is not a validator that accepts everything.
    let mut bad = doc.clone();
    bad["verdict"] = Value::from("passed");
    bad["exit_code"] = Value::from(1);
    assert!(!validator.is_valid(&bad));
    doc
}

/// Findings: the reporting job exits 0 with the reports written, the verdict says 1,
/// and the gate job exits 1 from it. The same run without `--exit-zero` exits 1.
#[test]
fn reporting_job_succeeds_and_the_gate_job_fails_on_findings() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let vars = mr_vars(&fake.url, Some(CANARY), Some(300));
    let single = mrwarden(&["review", "--dry-run"], repo.dir.path(), &vars);
    assert_eq!(single.code, 1, "{}", single.stderr);
    // `--report junit` does not switch the verdict file off.
    let run = mrwarden(
        &["review", "--exit-zero", "--report", "junit"],
        repo.dir.path(),
        &vars,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.out_dir.join("mrwarden-junit.xml").is_file());
    let verdict = run.out_dir.join("mrwarden-verdict.json");
    let record = verdict_file(&verdict);
    assert_eq!(record["version"], 1);
    assert_eq!(record["exit_code"], 1);
    assert_eq!(record["verdict"], "failed");
    assert_eq!(record["fail_on"], "high");
    assert_eq!(record["head_sha"], repo.head.as_str());
    assert!(
        record["at_or_above_fail_on"]
            .as_u64()
            .is_some_and(|n| n > 0)
    );
    let (code, stdout, stderr) = gate(&verdict);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("failed"), "{stdout}");
    // The verdict file names no secret: counts and a reason, never a finding's text.
    let text = std::fs::read_to_string(&verdict).expect("read");
    assert!(!text.contains("glpat-"), "{text}");
}

/// GitLab unreachable: the reporting job still succeeds (its security reports say
/// `scan.status: failure`, so GitLab does not take missing findings as fixed), the
/// verdict says 3 and the gate job exits 3.
#[test]
fn reporting_job_succeeds_on_an_incomplete_analysis_and_the_gate_job_exits_3() {
    let cwd = tempfile::tempdir().expect("tempdir");
    // A loopback port nothing listens on.
    let url = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}/api/v4", l.local_addr().expect("addr"))
    };
    let vars = mr_vars(&url, Some(CANARY), Some(300));
    let run = mrwarden(&["review", "--exit-zero"], cwd.path(), &vars);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for report in ["gl-sast-report.json", "gl-secret-detection-report.json"] {
        let doc = json_file(&run.out_dir.join(report));
        assert_eq!(doc["scan"]["status"], "failure", "{report}");
    }
    let verdict = run.out_dir.join("mrwarden-verdict.json");
    assert_eq!(verdict_file(&verdict)["exit_code"], 3);
    assert!(
        !std::fs::read_to_string(&verdict)
            .expect("read")
            .contains(CANARY)
    );
    assert_eq!(gate(&verdict).0, 3);
}

/// A configuration error still fails the reporting job (2), `--exit-zero` or not.
#[test]
fn reporting_job_fails_on_a_configuration_error() {
    let cwd = tempfile::tempdir().expect("tempdir");
    let mut vars = mr_vars("http://127.0.0.1:9/api/v4", None, None);
    vars.push(("MRWARDEN_GITLAB_TOKEN", "glpat-bad token".into()));
    let run = mrwarden(&["review", "--exit-zero"], cwd.path(), &vars);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let vars = vec![
        ("CI_MERGE_REQUEST_IID", "7".to_string()),
        ("CI_PROJECT_ID", "1".to_string()),
        ("CI_API_V4_URL", "http://127.0.0.1:9/api/v4".to_string()),
        ("MRWARDEN_FAIL_ON", "severe".to_string()),
    ];
    let run = mrwarden(&["review", "--exit-zero"], cwd.path(), &vars);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("MRWARDEN_FAIL_ON"), "{}", run.stderr);
}

#[test]
fn gate_exits_2_on_a_missing_or_invalid_verdict_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("mrwarden-verdict.json");
    let (code, _, stderr) = gate(&missing);
    assert_eq!(code, 2);
    assert!(stderr.contains("review job must run first"), "{stderr}");
    for bad in [
        "not json",
        "{}",
        r#"{"version": 2, "exit_code": 0, "verdict": "passed"}"#,
        r#"{"version": 1, "exit_code": 0, "verdict": "failed", "reason": "", "fail_on": "high", "counts": {}, "at_or_above_fail_on": 0, "head_sha": null, "mrwarden_version": "0"}"#,
    ] {
        std::fs::write(&missing, bad).expect("write");
        let (code, _, stderr) = gate(&missing);
        assert_eq!(code, 2, "{bad}: {stderr}");
    }
    let ok = r#"{"version": 1, "exit_code": 0, "verdict": "passed", "reason": "fine", "fail_on": "never", "counts": {}, "at_or_above_fail_on": 0, "head_sha": null, "mrwarden_version": "0"}"#;
    std::fs::write(&missing, ok).expect("write");
    assert_eq!(gate(&missing).0, 0);
}

fn summary_notes(fake: &Fake) -> Vec<(u64, String)> {
    fake.state()
        .discussions
        .iter()
        .filter(|d| d["notes"][0]["author"]["id"] == 77)
        .filter_map(|d| {
            let body = d["notes"][0]["body"].as_str()?;
            body.starts_with("<!-- mrwarden:v1 fp=summary")
                .then(|| (d["notes"][0]["id"].as_u64().unwrap_or(0), body.to_owned()))
        })
        .collect()
}

/// Two includes of the component (the default prefix and `sec-app`) on one MR: each
/// keeps its own summary note, and a rerun of each edits only its own.
#[test]
fn two_instances_keep_one_summary_note_each() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let vars = mr_vars(&fake.url, Some(CANARY), None);
    let summary_only = ["review", "--comments", "summary", "--exit-zero"];
    let mut second = summary_only.to_vec();
    second.extend(["--instance", "sec-app"]);
    for args in [&summary_only[..], &second[..]] {
        let run = mrwarden(args, repo.dir.path(), &vars);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let notes = summary_notes(&fake);
    assert_eq!(notes.len(), 2, "{notes:?}");
    let default_id = notes
        .iter()
        .find(|(_, b)| b.starts_with("<!-- mrwarden:v1 fp=summary -->"))
        .expect("the default instance keeps today's marker")
        .0;
    let sec_id = notes
        .iter()
        .find(|(_, b)| b.starts_with("<!-- mrwarden:v1 fp=summary.sec-app -->"))
        .expect("the second instance's marker")
        .0;
    let before = fake.requests().len();
    let run = mrwarden(&second, repo.dir.path(), &vars);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let writes: Vec<_> = fake.requests()[before..]
        .iter()
        .filter(|r| r.method != "GET")
        .map(|r| (r.method.clone(), r.path.clone()))
        .collect();
    assert_eq!(
        writes,
        vec![(
            "PUT".to_string(),
            format!("/projects/42/merge_requests/7/notes/{sec_id}")
        )],
        "only its own summary is edited (not {default_id})"
    );
    assert_eq!(summary_notes(&fake).len(), 2);
}

/// Reports and the verdict file are 0644 in a 0755 directory even under `umask 077`:
/// the runner's artifact uploader may run as another user.
#[cfg(unix)]
#[test]
fn report_files_are_readable_by_another_user_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("mrwarden-out");
    let status = Command::new("sh")
        .arg("-c")
        .arg("umask 077; exec \"$0\" review --output-dir \"$1\"")
        .arg(crate::support::bin_path())
        .arg(&out)
        .current_dir(tmp.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .status()
        .expect("runs");
    assert!(status.success());
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o755);
    let mut files = 0;
    for entry in std::fs::read_dir(&out).expect("dir") {
        let p = entry.expect("entry").path();
        assert_eq!(mode(&p), 0o644, "{}", p.display());
        files += 1;
    }
    assert_eq!(files, 7, "six reports and the verdict file");
}

/// `scan --staged` (the pre-commit hook) writes no report files unless asked: the
/// working tree is exactly as before, and the findings still fail the commit.
#[test]
fn staged_scan_leaves_the_tree_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    std::fs::write(root.join("README"), "hello\n").expect("write");
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "base"]);
    std::fs::write(
        root.join("config.py"),
        "TOKEN = \"glpat-Abcdefghij1234567890\"\n",
    )
    .expect("write");
    git(root, &["add", "config.py"]);
    let status_before = git(root, &["status", "--porcelain", "--untracked-files=all"]);
    let run = |extra: &[&str]| {
        Command::new(crate::support::bin_path())
            .args(["scan", "--staged"])
            .args(extra)
            .current_dir(root)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", root)
            .output()
            .expect("runs")
    };
    let out = run(&[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        git(root, &["status", "--porcelain", "--untracked-files=all"]),
        status_before
    );
    assert!(!root.join("mrwarden-out").exists());
    // Asked for, the reports are written.
    let out = run(&["--report", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(root.join("mrwarden-out/mrwarden.sarif").is_file());
    assert!(root.join("mrwarden-out/mrwarden-verdict.json").is_file());
}
