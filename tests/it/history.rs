//! Secrets in the change's history (DESIGN.md): a credential added in one commit and
//! removed in a later one is reported as `mrwarden.history-secret` by `scan` (a real
//! git repository built here) and by `review` (the same repository served by the fake
//! GitLab's MR-commits and commit-diff endpoints); more than 50 commits is "not fully
//! scanned"; merge commits are skipped.

use crate::support::fake_gitlab;
use crate::support::report_validation;
use crate::support::review_support;

use std::path::Path;

use fake_gitlab::Fake;
use serde_json::Value;

use review_support::*;

const SECRET: &str = "glpat-HistoryZyxwv98765432";
const MESSAGE: &str = "removed in a later commit but still in history — rotate the credential";

fn commit(root: &Path, files: &[(&str, &str)], msg: &str) -> String {
    for (p, t) in files {
        std::fs::write(root.join(p), t).expect("write");
    }
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "--allow-empty", "-m", msg]);
    git(root, &["rev-parse", "HEAD"]).trim().to_string()
}

/// A repository with one commit on `main`, on a new branch `feature`; and that commit.
fn start_repo() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    git(dir.path(), &["init", "-q", "-b", "main"]);
    let base = commit(dir.path(), &[("README.md", "hello\n")], "base");
    git(dir.path(), &["checkout", "-q", "-b", "feature"]);
    (dir, base)
}

/// `review --dry-run` as an MR pipeline against `fake`, JSON on stdout.
fn review(fake: &Fake) -> Run {
    let cwd = tempfile::tempdir().expect("tempdir");
    mrwarden(
        &["review", "--format", "json", "--dry-run"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    )
}

/// `main` with one file; `feature` adds a secret in one commit and replaces it with an
/// environment lookup in the next.
fn added_then_removed() -> (Repo, String) {
    let (dir, base) = start_repo();
    let root = dir.path();
    let leak = commit(
        root,
        &[("conf.py", &format!("x = 1\ntoken = \"{SECRET}\"\n"))],
        "add config",
    );
    let head = commit(
        root,
        &[("conf.py", "x = 1\ntoken = os.environ[\"TOKEN\"]\n")],
        "use the environment",
    );
    (Repo { dir, base, head }, leak)
}

fn json_findings(stdout: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("json: {e}\n{stdout}"));
    doc["findings"].as_array().expect("findings").clone()
}

fn scan(repo: &Repo) -> Run {
    mrwarden(
        &[
            "scan", ".", "--base", "main", "--head", "feature", "--format", "json",
        ],
        repo.dir.path(),
        &[],
    )
}

/// Every report validates against its schema, and stdout against docs/output.schema.json.
fn assert_valid_reports(run: &Run) {
    report_validation::check_dir(&run.out_dir, &mrwarden::report::ReportKind::ALL);
    let doc: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(report_validation::root().join("docs/output.schema.json"))
            .expect("schema"),
    )
    .expect("schema is JSON");
    let strict = jsonschema::validator_for(&report_validation::closed(schema)).expect("compiles");
    report_validation::assert_valid("--format json", &strict, &doc);
}

fn read(run: &Run, name: &str) -> String {
    std::fs::read_to_string(run.out_dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The history finding is in every report, with commit, path and line, redacted.
fn assert_history_reported(run: &Run, leak: &str) {
    assert_eq!(run.code, 1, "a history secret gates: {}", run.stderr);
    let found = json_findings(&run.stdout);
    let history: Vec<&Value> = found
        .iter()
        .filter(|f| f["rule_id"] == "mrwarden.history-secret")
        .collect();
    assert_eq!(history.len(), 1, "{found:?}");
    let f = history[0];
    assert_eq!(
        (f["path"].as_str(), f["start_line"].as_u64()),
        (Some("conf.py"), Some(2))
    );
    assert_eq!(f["severity"], "high");
    assert_eq!(f["kind"], "secret");
    let message = f["message"].as_str().expect("message");
    assert!(
        message.contains(MESSAGE) && message.contains(leak),
        "{message}"
    );
    assert!(
        found.iter().all(|f| f["rule_id"] != "gitlab-pat"),
        "the final diff has no secret: {found:?}"
    );
    let fp = f["fingerprint"].as_str().expect("fingerprint");
    let secrets = read(run, "gl-secret-detection-report.json");
    assert!(secrets.contains(fp) && secrets.contains(MESSAGE) && secrets.contains(leak));
    let sarif = read(run, "mrwarden.sarif");
    assert!(sarif.contains("mrwarden.history-secret") && sarif.contains(leak));
    let summary = read(run, "mrwarden-summary.md");
    assert!(
        summary.contains("Secrets in the commit history") && summary.contains(leak),
        "{summary}"
    );
    for name in [
        "gl-secret-detection-report.json",
        "mrwarden.sarif",
        "mrwarden-summary.md",
        "gl-code-quality-report.json",
        "mrwarden-junit.xml",
    ] {
        assert!(!read(run, name).contains(SECRET), "{name} leaks the secret");
    }
    assert!(!run.stdout.contains(SECRET) && !run.stderr.contains(SECRET));
    assert_valid_reports(run);
}

#[test]
fn scan_reports_a_secret_removed_in_a_later_commit() {
    let (repo, leak) = added_then_removed();
    let run = scan(&repo);
    assert_history_reported(&run, &leak);
    // Stable across runs.
    let again = json_findings(&scan(&repo).stdout);
    assert_eq!(again, json_findings(&run.stdout));
}

#[test]
fn review_reports_the_same_history_secret_from_the_api() {
    let (repo, leak) = added_then_removed();
    let expected = json_findings(&scan(&repo).stdout);
    let fake = Fake::start("/api/v4", state_for(&repo));
    let run = review(&fake);
    assert_history_reported(&run, &leak);
    assert_eq!(
        json_findings(&run.stdout),
        expected,
        "review and scan agree"
    );
    let reqs = fake.requests();
    assert!(
        reqs.iter()
            .any(|r| r.path == "/projects/42/merge_requests/7/commits"),
        "{reqs:?}"
    );
    assert!(
        reqs.iter()
            .any(|r| r.path == format!("/projects/42/repository/commits/{leak}/diff")),
        "{reqs:?}"
    );
}

/// The secret stays in the final diff: reported there once, not again from history.
#[test]
fn a_secret_still_in_the_final_diff_is_reported_once() {
    let (dir, base) = start_repo();
    let root = dir.path();
    commit(
        root,
        &[("conf.py", &format!("token = \"{SECRET}\"\n"))],
        "add",
    );
    let head = commit(
        root,
        &[("conf.py", &format!("# moved\nTOKEN = '{SECRET}'\n"))],
        "move",
    );
    let repo = Repo { dir, base, head };
    let run = scan(&repo);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = json_findings(&run.stdout);
    let rules: Vec<&str> = found.iter().filter_map(|f| f["rule_id"].as_str()).collect();
    assert_eq!(rules, ["gitlab-pat"], "{found:?}");
}

/// 60 commits: the first 50 are searched, the rest make the run incomplete (exit 3),
/// in `scan` and in `review`.
#[test]
fn more_than_fifty_commits_is_not_fully_scanned() {
    let (dir, base) = start_repo();
    let root = dir.path();
    commit(root, &[("n.txt", "0\n")], "c0");
    for i in 1..60 {
        std::fs::write(root.join("n.txt"), format!("{i}\n")).expect("write");
        git(root, &["commit", "-q", "-a", "-m", &format!("c{i}")]);
    }
    let head = git(root, &["rev-parse", "HEAD"]).trim().to_string();
    let repo = Repo { dir, base, head };
    let run = scan(&repo);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let check = |run: &Run| {
        assert!(
            run.stdout.contains("history_not_scanned") && run.stdout.contains("51–60"),
            "{}",
            run.stdout
        );
        let summary = read(run, "mrwarden-summary.md");
        assert!(summary.contains("commit history not searched"), "{summary}");
        assert_valid_reports(run);
    };
    check(&run);

    let fake = Fake::start("/api/v4", state_for(&repo));
    let run = review(&fake);
    assert_eq!(run.code, 3, "{}", run.stderr);
    check(&run);
    let diffs = fake.count_requests(|r| r.path.ends_with("/diff"));
    assert_eq!(diffs, 50, "at most 50 commit diffs are read");
}

/// A merge of the target branch brings its files into the merge commit's first-parent
/// diff; they are not the change's, so merge commits are skipped (and said so).
#[test]
fn merge_commits_are_skipped() {
    let (dir, _) = start_repo();
    let root = dir.path();
    commit(root, &[("a.txt", "feature work\n")], "work");
    git(root, &["checkout", "-q", "main"]);
    // On the target branch: not this change's secret, though the merge commit's
    // first-parent diff adds it.
    let base = commit(
        root,
        &[("legacy.py", &format!("t = \"{SECRET}\"\n"))],
        "target",
    );
    git(root, &["checkout", "-q", "feature"]);
    git(
        root,
        &["merge", "-q", "--no-ff", "-m", "merge main", "main"],
    );
    let head = commit(root, &[("a.txt", "more work\n")], "more");
    let repo = Repo { dir, base, head };

    let run = scan(&repo);
    assert_eq!(run.code, 0, "{}\n{}", run.stderr, run.stdout);
    assert!(json_findings(&run.stdout).is_empty(), "{}", run.stdout);
    assert!(run.stdout.contains("merge commit"), "{}", run.stdout);

    let mut state = state_for(&repo);
    state.commits_without_parent_ids = true;
    let fake = Fake::start("/api/v4", state);
    let run = review(&fake);
    assert_eq!(run.code, 0, "{}\n{}", run.stderr, run.stdout);
    assert!(json_findings(&run.stdout).is_empty(), "{}", run.stdout);
    assert!(run.stdout.contains("merge commit"), "{}", run.stdout);
    let reqs = fake.requests();
    let merge = git(repo.dir.path(), &["rev-parse", "HEAD^"])
        .trim()
        .to_string();
    assert!(
        reqs.iter()
            .any(|r| r.path == format!("/projects/42/repository/commits/{merge}")),
        "parents read from the commit when the list lacks them: {reqs:?}"
    );
    assert!(
        !reqs
            .iter()
            .any(|r| r.path == format!("/projects/42/repository/commits/{merge}/diff")),
        "a merge commit's diff is never read: {reqs:?}"
    );
}
