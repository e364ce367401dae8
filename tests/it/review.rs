//! `mrwarden review` end to end: the real binary against the fake GitLab in
//! `tests/it/support/fake_gitlab.rs`, with `CI_*` variables as a merge-request pipeline has them.
//! The fake is plain http on 127.0.0.1 (allowed for loopback hosts only, see
//! docs/review.md); everything else must be https.

use crate::support::fake_gitlab;
use crate::support::review_support;

use fake_gitlab::{Fake, State, VersionData};
use serde_json::Value;

use review_support::*;

fn findings(stdout: &str) -> Value {
    let doc: Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("json: {e}\n{stdout}"));
    doc["findings"].clone()
}

fn scan_findings(repo: &Repo) -> Value {
    let run = mrwarden(
        &[
            "scan", ".", "--base", "main", "--head", "feature", "--format", "json",
        ],
        repo.dir.path(),
        &[],
    );
    assert_eq!(run.code, 1, "scan: {}", run.stderr);
    findings(&run.stdout)
}

fn review_matches_scan_at(prefix: &str) {
    let repo = fixture_repo();
    let expected = scan_findings(&repo);
    assert!(
        expected.as_array().is_some_and(|a| a.len() >= 2),
        "fixture finds things: {expected}"
    );
    let fake = Fake::start(prefix, state_for(&repo));
    let empty = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--format", "json"],
        empty.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    assert_eq!(findings(&run.stdout), expected);
    assert_reports_written(&run);
    let reqs = fake.requests();
    // Reads only, except the publish step's writes to discussions and notes.
    assert!(
        reqs.iter().all(|r| r.had_token
            && (r.method == "GET"
                || r.path
                    .starts_with("/projects/42/merge_requests/7/discussions")
                || r.path.starts_with("/projects/42/merge_requests/7/notes"))),
        "{reqs:?}"
    );
    assert!(
        reqs.iter()
            .any(|r| r.path == "/projects/42/merge_requests/7/versions/300"),
        "{reqs:?}"
    );
}

#[test]
fn review_matches_scan_on_plain_url() {
    review_matches_scan_at("/api/v4");
}

#[test]
fn review_matches_scan_on_subpath_url() {
    review_matches_scan_at("/gitlab/api/v4");
}

/// T4: a private CA works once it is added through any CA variable, and without it
/// the run fails naming the host, with no request reaching the server.
#[test]
fn review_matches_scan_over_tls_with_a_private_ca() {
    let repo = fixture_repo();
    let expected = scan_findings(&repo);
    let (fake, ca_pem) = Fake::start_tls("/gitlab/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let ca_dir = tempfile::tempdir().expect("tempdir");
    let ca_file = ca_dir.path().join("ca.pem");
    std::fs::write(&ca_file, &ca_pem).expect("write ca");

    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 3, "unknown CA must fail: {}", run.stderr);
    assert!(
        run.stderr.contains("cannot reach GitLab at 127.0.0.1:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.to_lowercase().contains("certificate"),
        "names the TLS problem: {}",
        run.stderr
    );
    assert!(
        fake.requests().is_empty(),
        "no request may pass an unverified TLS session"
    );

    let ca_path = ca_file.display().to_string();
    for (var, value) in [
        ("MRWARDEN_CA_FILE", ca_path.clone()),
        ("CI_SERVER_TLS_CA_FILE", ca_path.clone()),
        ("SSL_CERT_FILE", ca_path),
        ("ADDITIONAL_CA_CERT_BUNDLE", ca_pem.clone()),
        ("SSL_CERT_DIR", ca_dir.path().display().to_string()),
    ] {
        let mut vars = mr_vars(&fake.url, Some(CANARY), Some(300));
        vars.push((var, value));
        let run = mrwarden(&["review", "--format", "json"], cwd.path(), &vars);
        assert_eq!(run.code, 1, "{var}: {}", run.stderr);
        assert_eq!(findings(&run.stdout), expected, "{var}");
    }
}

/// Branch-pipeline mode (`--pipeline branch`, the component's `pipeline: branch`):
/// `CI_OPEN_MERGE_REQUESTS` says the branch has an MR; the open MR whose source branch
/// in this project is the pipeline's branch is found and reviewed like in an MR
/// pipeline (a fork's MR from a branch of the same name is not it).
#[test]
fn branch_pipeline_with_an_open_mr_reviews_it() {
    let repo = fixture_repo();
    let expected = scan_findings(&repo);
    let mut state = state_for(&repo);
    state.other_mrs.push(serde_json::json!({
        "id": 1001, "iid": 8, "project_id": 42, "state": "opened",
        "source_project_id": 99, "target_project_id": 42,
        "source_branch": "feature", "target_branch": "main", "sha": repo.head,
    }));
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let mut vars = vec![
        ("CI_PIPELINE_SOURCE", "push".to_string()),
        ("CI_API_V4_URL", fake.url.clone()),
        ("CI_PROJECT_ID", "42".to_string()),
        ("CI_COMMIT_SHA", repo.head.clone()),
        ("CI_COMMIT_BRANCH", "feature".to_string()),
        ("CI_DEFAULT_BRANCH", "main".to_string()),
        ("MRWARDEN_GITLAB_TOKEN", CANARY.to_string()),
    ];
    let branch_mode = ["review", "--pipeline", "branch", "--format", "json"];
    let run = mrwarden(&branch_mode, cwd.path(), &vars);
    assert_eq!(run.code, 0, "no open MR named: {}", run.stderr);
    vars.push(("CI_OPEN_MERGE_REQUESTS", "group/proj!7".to_string()));
    // Without `--pipeline branch` a branch pipeline reviews nothing.
    let run = mrwarden(&["review", "--format", "json"], cwd.path(), &vars);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    let run = mrwarden(&branch_mode, cwd.path(), &vars);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(findings(&run.stdout), expected);
    let reqs = fake.requests();
    assert!(
        reqs.iter().any(|r| r.path == "/projects/42/merge_requests"),
        "{reqs:?}"
    );
    assert!(
        !reqs.iter().any(|r| r.path.contains("/repository/commits/")
            && r.path.ends_with("/merge_requests")),
        "never 'any MR containing the commit': {reqs:?}"
    );
    assert!(
        !reqs.iter().any(|r| r.path.contains("/merge_requests/8")),
        "the fork's MR is not reviewed: {reqs:?}"
    );
}

/// An environment-branch flow: an open MR from `main` (the default branch) to
/// `production`. The default branch's pipeline runs the empty-base job: it reviews no
/// MR, makes no API request at all and writes empty reports, in either pipeline mode.
#[test]
fn default_branch_pipeline_with_an_open_mr_from_it_reviews_nothing() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let vars = vec![
        ("CI", "true".to_string()),
        ("CI_PIPELINE_SOURCE", "push".to_string()),
        ("CI_API_V4_URL", fake.url.clone()),
        ("CI_PROJECT_ID", "42".to_string()),
        ("CI_COMMIT_SHA", repo.head.clone()),
        ("CI_COMMIT_BRANCH", "main".to_string()),
        ("CI_DEFAULT_BRANCH", "main".to_string()),
        ("CI_OPEN_MERGE_REQUESTS", "group/proj!7".to_string()),
        ("MRWARDEN_GITLAB_TOKEN", CANARY.to_string()),
    ];
    for mode in ["merge_request", "branch"] {
        let run = mrwarden(
            &["review", "--exit-zero", "--pipeline", mode],
            cwd.path(),
            &vars,
        );
        assert_eq!(run.code, 0, "{mode}: {}", run.stderr);
        assert_reports_written(&run);
        let cq =
            std::fs::read_to_string(run.out_dir.join("gl-code-quality-report.json")).expect("read");
        assert_eq!(cq.trim(), "[]", "{mode}");
        let sast: Value = serde_json::from_str(
            &std::fs::read_to_string(run.out_dir.join("gl-sast-report.json")).expect("read"),
        )
        .expect("json");
        assert_eq!(sast["vulnerabilities"], serde_json::json!([]), "{mode}");
        let verdict: Value = serde_json::from_str(
            &std::fs::read_to_string(run.out_dir.join("mrwarden-verdict.json")).expect("read"),
        )
        .expect("json");
        assert_eq!(verdict["exit_code"], 0, "{mode}");
    }
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
}

#[test]
fn review_outside_mr_pipeline_writes_empty_reports_and_passes() {
    let empty = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review"],
        empty.path(),
        &[("CI", "true".into()), ("CI_PIPELINE_SOURCE", "push".into())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_reports_written(&run);
    let cq =
        std::fs::read_to_string(run.out_dir.join("gl-code-quality-report.json")).expect("read");
    assert_eq!(cq.trim(), "[]");
}

#[test]
fn review_uses_the_pipeline_diff_version_else_the_newest() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    // A newer version without the change (its head is the base again): the
    // pipeline's own (older) one is gated.
    state.versions.push(VersionData {
        id: 301,
        diffs: Vec::new(),
        head: repo.base.clone(),
        ..state.versions[0].clone()
    });
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let own = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(own.code, 1, "{}", own.stderr);
    let newest = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), None),
    );
    assert_eq!(newest.code, 0, "{}", newest.stderr);
    assert!(
        fake.requests()
            .iter()
            .any(|r| r.path.ends_with("/versions/301"))
    );
}

#[test]
fn review_completes_through_rate_limits_and_server_errors() {
    let repo = fixture_repo();
    let expected = scan_findings(&repo);
    let mut state = state_for(&repo);
    state.rate_limit_first = 1;
    state.fail_5xx_first = 2;
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), None),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(findings(&run.stdout), expected);
    let statuses: Vec<u16> = fake.requests().iter().map(|r| r.status).collect();
    assert_eq!(&statuses[..3], &[429, 503, 503], "{statuses:?}");
}

#[test]
fn review_with_random_server_errors_still_completes() {
    let repo = fixture_repo();
    let expected = scan_findings(&repo);
    let mut state = state_for(&repo);
    state.random_5xx_percent = 20;
    state.rate_limit_first = 1;
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), None),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(findings(&run.stdout), expected);
}

#[test]
fn collapsed_or_too_large_entries_fail_closed() {
    for flag in ["collapsed", "too_large"] {
        let repo = fixture_repo();
        let mut state = state_for(&repo);
        // Keep one harmless entry and blank it: nothing else can raise a finding.
        let mut entry = state.versions[0].diffs[0].clone();
        entry["diff"] = Value::String(String::new());
        entry[flag] = Value::Bool(true);
        state.versions[0].diffs = vec![entry];
        // Nor can its blobs (or the commits) be read: the file stays unscanned.
        state.repo_dir = None;
        let fake = Fake::start("/api/v4", state);
        let cwd = tempfile::tempdir().expect("tempdir");
        let run = mrwarden(
            &["review"],
            cwd.path(),
            &mr_vars(&fake.url, Some(CANARY), Some(300)),
        );
        assert_eq!(run.code, 3, "{flag}: {}", run.stderr);
        assert!(
            run.stderr.contains("GitLab did not return its content"),
            "{}",
            run.stderr
        );
        assert_reports_written(&run);
    }
}

#[test]
fn a_finding_beats_a_collapsed_entry() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    let mut entry = state.versions[0].diffs[0].clone();
    entry["diff"] = Value::String(String::new());
    entry["collapsed"] = Value::Bool(true);
    entry["new_path"] = Value::String("big.bin.txt".into());
    state.versions[0].diffs.push(entry);
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
}

/// Collapsed entries come from `raw_diffs` on GitLab ≥ 17.9 while the pipeline's
/// version is the newest; otherwise they stay "not scanned".
#[test]
fn collapsed_entries_are_filled_from_raw_diffs_on_gitlab_17_9() {
    let repo = fixture_repo();
    let expected = scan_findings(&repo);
    let mut state = state_for(&repo);
    state.raw_diffs = git_diff(&repo);
    for e in &mut state.versions[0].diffs {
        if e["new_path"] == "config/settings.py" {
            e["diff"] = Value::String(String::new());
            e["collapsed"] = Value::Bool(true);
        }
    }
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let with_version = |minor: &str| {
        let mut v = mr_vars(&fake.url, Some(CANARY), Some(300));
        v.push(("CI_SERVER_VERSION_MAJOR", "17".into()));
        v.push(("CI_SERVER_VERSION_MINOR", minor.into()));
        v
    };
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &with_version("9"),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(findings(&run.stdout), expected);
    assert!(
        fake.requests()
            .iter()
            .any(|r| r.path.ends_with("/raw_diffs"))
    );

    // GitLab < 17.9: both blobs are read at the version's base and head and diffed here.
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &with_version("8"),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(findings(&run.stdout), expected);
    let blob_reads: Vec<String> = fake
        .requests()
        .iter()
        .filter(|r| {
            r.path
                .ends_with("/repository/files/config%2Fsettings.py/raw")
        })
        .map(|r| r.query.clone())
        .collect();
    assert!(
        blob_reads.iter().any(|q| q.contains(&repo.base))
            && blob_reads.iter().any(|q| q.contains(&repo.head)),
        "{blob_reads:?}"
    );

    // A newer version exists: raw_diffs would be another diff, so it is not used; the
    // blobs at this version's own commits are.
    {
        let mut st = fake.state();
        let newer = VersionData {
            id: 301,
            ..st.versions[0].clone()
        };
        st.versions.push(newer);
    }
    let before = fake.requests().len();
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &with_version("9"),
    );
    assert!(
        run.stderr.contains("a newer version exists"),
        "{}",
        run.stderr
    );
    assert_eq!(findings(&run.stdout), expected);
    assert!(
        !fake.requests()[before..]
            .iter()
            .any(|r| r.path.ends_with("/raw_diffs"))
    );
}

/// An MR pipeline's variables for version 300 on GitLab 17.8 (no `raw_diffs`).
fn on_gitlab_17_8(fake: &Fake) -> Vec<(&'static str, String)> {
    let mut vars = mr_vars(&fake.url, Some(CANARY), Some(300));
    vars.push(("CI_SERVER_VERSION_MAJOR", "17".into()));
    vars.push(("CI_SERVER_VERSION_MINOR", "8".into()));
    vars
}

/// A repository whose MR adds `files` (nothing any rule finds).
fn clean_repo(files: &[(&str, &str)]) -> Repo {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    std::fs::write(root.join("README.md"), "hello\n").expect("write");
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "base"]);
    git(root, &["checkout", "-q", "-b", "feature"]);
    for (p, t) in files {
        let path = root.join(p);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, t).expect("write");
    }
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "change"]);
    let base = git(root, &["rev-parse", "main"]).trim().to_string();
    let head = git(root, &["rev-parse", "feature"]).trim().to_string();
    Repo { dir, base, head }
}

/// GitLab's `changes_count`/`real_size` is cross-checked against the entries read:
/// fewer files than counted is "not scanned" (exit 3), `"1000+"` included.
#[test]
fn changes_count_mismatch_fails_closed() {
    let repo = clean_repo(&[("a.txt", "a\n"), ("b.txt", "b\n")]);
    let fake = Fake::start("/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let vars = mr_vars(&fake.url, Some(CANARY), Some(300));
    for (count, code) in [("", 0), ("3", 3), ("1000+", 3)] {
        fake.state().changes_count = count.into();
        let run = mrwarden(
            &["review", "--format", "json", "--dry-run"],
            cwd.path(),
            &vars,
        );
        assert_eq!(run.code, code, "changes_count {count:?}: {}", run.stderr);
        if code == 3 {
            assert!(
                run.stderr
                    .contains(&format!("GitLab counts {count} changed files"))
                    && run.stdout.contains("not_returned"),
                "{}\n{}",
                run.stderr,
                run.stdout
            );
            assert_reports_written(&run);
        }
    }
}

/// The blob fallback reads at most `limits.blob_fetch_files` (50) files; the rest are
/// "not scanned" and the run fails closed.
#[test]
fn blob_fallback_is_capped_and_fails_closed_beyond() {
    let files: Vec<(String, String)> = (0..51)
        .map(|i| (format!("notes/n{i:02}.txt"), format!("note {i}\n")))
        .collect();
    let in_mr: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let repo = clean_repo(&in_mr);
    let mut state = state_for(&repo);
    for e in &mut state.versions[0].diffs {
        e["diff"] = Value::String(String::new());
        e["too_large"] = Value::Bool(true);
    }
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &on_gitlab_17_8(&fake),
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("limits.blob_fetch_files (50)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("notes/n50.txt: not scanned"),
        "{}",
        run.stderr
    );
    let blob_reads = fake.count_requests(|r| r.path.contains("/repository/files/notes%2F"));
    assert_eq!(blob_reads, 50, "new files: one blob each, 50 files");
}

/// A version GitLab stored as `overflow` lacks whole files: not fully scanned (exit 3)
/// unless `raw_diffs` can supply them.
#[test]
fn overflowed_version_fails_closed_unless_raw_diffs_fill_it() {
    let repo = fixture_repo();
    let expected = scan_findings(&repo);
    let mut state = state_for(&repo);
    state.raw_diffs = git_diff(&repo);
    state.diff_version_status = "overflow".into();
    // The stored diff kept one harmless file only.
    state.versions[0]
        .diffs
        .retain(|e| e["new_path"] == "new näme.txt");
    state.versions[0].diffs[0]["diff"] = Value::String("@@ -1 +1 @@\n keep\n".into());
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let mut vars = on_gitlab_17_8(&fake);
    let run = mrwarden(&["review", "--format", "json"], cwd.path(), &vars);
    assert!(
        run.stderr.contains("diff version state overflow"),
        "{}",
        run.stderr
    );
    // The files GitLab dropped are still read from the commits' own diffs: their
    // secrets are reported (the final diff of those files is unknown), which gates.
    assert_eq!(run.code, 1, "{}", run.stderr);
    let got = findings(&run.stdout);
    let history: Vec<&Value> = got
        .as_array()
        .expect("array")
        .iter()
        .filter(|f| f["rule_id"] == "mrwarden.history-secret")
        .collect();
    assert!(!history.is_empty(), "{got}");
    // (The kept entry's text was replaced above, so its secret reads as removed.)
    assert!(
        history
            .iter()
            .filter(|f| f["path"] != "new näme.txt")
            .all(|f| f["message"]
                .as_str()
                .is_some_and(|m| m.contains("may still be there"))),
        "{history:?}"
    );
    vars.push(("CI_SERVER_VERSION_MINOR", "11".into()));
    let run = mrwarden(&["review", "--format", "json"], cwd.path(), &vars);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut got: Vec<Value> = findings(&run.stdout).as_array().expect("array").clone();
    // The kept entry's text was replaced above, so its finding is not expected. The
    // diff is whole now and the MR is one commit on the base, so that commit (whose
    // diff is the version's) is not read a second time: no history finding.
    let (history, rest): (Vec<Value>, Vec<Value>) = got
        .into_iter()
        .partition(|f| f["rule_id"] == "mrwarden.history-secret");
    assert!(history.is_empty(), "{history:?}");
    assert!(
        !fake
            .requests()
            .iter()
            .rev()
            .take_while(|r| !r.path.ends_with("/versions/300"))
            .any(|r| r.path.contains("/repository/commits/")),
        "the one commit's diff was read again"
    );
    got = rest;
    let mut want: Vec<Value> = expected
        .as_array()
        .expect("array")
        .iter()
        .filter(|f| f["path"] != "new näme.txt")
        .cloned()
        .collect();
    let key = |f: &Value| format!("{}:{}:{}", f["path"], f["start_line"], f["rule_id"]);
    got.sort_by_key(key);
    want.sort_by_key(key);
    assert_eq!(got, want);
}

#[test]
fn closed_or_merged_merge_requests_are_skipped() {
    let repo = fixture_repo();
    for state_name in ["closed", "merged"] {
        let mut state = state_for(&repo);
        state.merge_request_status = state_name.into();
        let fake = Fake::start("/api/v4", state);
        let cwd = tempfile::tempdir().expect("tempdir");
        let run = mrwarden(
            &["review", "--format", "json"],
            cwd.path(),
            &mr_vars(&fake.url, Some(CANARY), Some(300)),
        );
        assert_eq!(run.code, 0, "{state_name}: {}", run.stderr);
        assert_reports_written(&run);
        let doc: Value = serde_json::from_str(&run.stdout).expect("json");
        assert_eq!(
            doc["run"]["source"],
            format!("merge request !7 is {state_name}: nothing to review")
        );
    }
}

/// One failing setup: the fake's state (or none: a refused port) and the expected text.
fn failing_cases() -> Vec<(&'static str, Option<State>, &'static str)> {
    let base = State {
        project_id: 42,
        iid: 7,
        token: Some(CANARY.into()),
        ..State::default()
    };
    vec![
        (
            "expired",
            Some(State {
                expired_token: true,
                ..base.clone()
            }),
            "GitLab token invalid or expired",
        ),
        (
            "forbidden",
            Some(State {
                forbidden: true,
                ..base.clone()
            }),
            "HTTP 403",
        ),
        (
            "wrong project",
            Some(State {
                project_id: 43,
                ..base.clone()
            }),
            "not found (HTTP 404)",
        ),
        (
            "html",
            Some(State {
                html_error: true,
                ..base.clone()
            }),
            "HTML page",
        ),
        (
            "invalid json",
            Some(State {
                invalid_json: true,
                ..base.clone()
            }),
            "JSON mrwarden cannot read",
        ),
        ("api down", None, "cannot reach GitLab"),
    ]
}

#[test]
fn api_failures_give_one_clear_line_exit_3_and_reports() {
    for (name, state, expected) in failing_cases() {
        let fake = state.map(|s| Fake::start("/api/v4", s));
        let url = fake.as_ref().map_or_else(refused_url, |f| f.url.clone());
        let cwd = tempfile::tempdir().expect("tempdir");
        let run = mrwarden(
            &["review"],
            cwd.path(),
            &mr_vars(&url, Some(CANARY), Some(300)),
        );
        assert_eq!(run.code, 3, "{name}: {}", run.stderr);
        let errors: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("error:"))
            .collect();
        assert_eq!(errors.len(), 1, "{name}: {}", run.stderr);
        assert!(errors[0].contains(expected), "{name}: {}", errors[0]);
        assert_reports_written(&run);
    }
}

/// T2: the token never appears in any output, nor its base64 or percent-encoding.
#[test]
fn canary_token_never_leaks() {
    let encodings = [
        CANARY.to_string(),
        base64(CANARY.as_bytes()),
        CANARY.replace('-', "%2D"),
        "CANARY1234567890abcd".to_string(),
    ];
    let mut cases = failing_cases();
    cases.push((
        "redirect",
        Some(State {
            redirect_to: Some("http://127.0.0.1:9/x".into()),
            ..State::default()
        }),
        "unexpected redirect",
    ));
    for (name, state, _) in cases {
        let fake = state.map(|s| Fake::start("/api/v4", s));
        let url = fake.as_ref().map_or_else(refused_url, |f| f.url.clone());
        let cwd = tempfile::tempdir().expect("tempdir");
        for format in ["human", "json", "markdown"] {
            let run = mrwarden(
                &["review", "--format", format],
                cwd.path(),
                &mr_vars(&url, Some(CANARY), Some(300)),
            );
            let mut texts = vec![run.stdout.clone(), run.stderr.clone()];
            for entry in std::fs::read_dir(&run.out_dir).expect("out dir") {
                texts.push(
                    String::from_utf8_lossy(
                        &std::fs::read(entry.expect("entry").path()).expect("read"),
                    )
                    .into_owned(),
                );
            }
            for t in &texts {
                for e in &encodings {
                    assert!(
                        !t.contains(e.as_str()),
                        "{name}/{format}: token leaked as {e}"
                    );
                }
            }
        }
    }
}

#[test]
fn redirects_are_not_followed() {
    let target = Fake::start("/api/v4", State::default());
    let fake = Fake::start(
        "/api/v4",
        State {
            redirect_to: Some(format!("{}/projects", target.url)),
            token: Some(CANARY.into()),
            ..State::default()
        },
    );
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 3);
    assert!(
        run.stderr.contains("unexpected redirect (HTTP 302)"),
        "{}",
        run.stderr
    );
    assert!(
        target.requests().is_empty(),
        "the redirect target got a request"
    );
}

#[test]
fn malformed_token_is_a_usage_error() {
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review"],
        cwd.path(),
        &mr_vars("http://127.0.0.1:9/api/v4", Some("glpat-abc def"), None),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("MRWARDEN_GITLAB_TOKEN is malformed"),
        "{}",
        run.stderr
    );
}

#[test]
fn no_token_private_project_exit_3_with_hint_and_public_project_report_only() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review"],
        cwd.path(),
        &mr_vars(&fake.url, None, Some(300)),
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("set the masked CI/CD variable MRWARDEN_GITLAB_TOKEN"),
        "{}",
        run.stderr
    );
    assert_reports_written(&run);

    fake.state().public = true;
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, None, Some(300)),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("report-only"), "{}", run.stderr);
    assert!(fake.requests().iter().all(|r| r.method == "GET"));
}

#[test]
fn token_variable_names_another_variable_without_gitlab_token_fallback() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let mut vars = mr_vars(&fake.url, None, Some(300));
    vars.push(("GITLAB_TOKEN", CANARY.into()));
    let run = mrwarden(&["review"], cwd.path(), &vars);
    assert_eq!(run.code, 3, "GITLAB_TOKEN is never used: {}", run.stderr);
    vars.push(("BOT_TOKEN", CANARY.into()));
    let run = mrwarden(
        &["review", "--token-variable", "BOT_TOKEN"],
        cwd.path(),
        &vars,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn fork_merge_request_with_token_warns() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let mut vars = mr_vars(&fake.url, Some(CANARY), Some(300));
    vars.push(("CI_MERGE_REQUEST_SOURCE_PROJECT_ID", "2".into()));
    let run = mrwarden(&["review"], cwd.path(), &vars);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("comes from a fork").count(),
        1,
        "{}",
        run.stderr
    );
}

/// T13/T14: review reads its own token and role first and warns; a revoked token stops it.
#[test]
fn review_warns_on_expiring_token_and_too_much_power() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    state.token_expires_at = "null".into();
    state.token_scopes = vec!["api".into(), "sudo".into()];
    state.access_level = 40;
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    for w in [
        "warning: token expiry: the token never expires",
        "warning: token scopes: more than needed: sudo",
        "warning: role: access level 40 is more than needed",
    ] {
        assert!(run.stderr.contains(w), "missing {w:?}: {}", run.stderr);
    }
}

#[test]
fn dry_run_prints_the_summary_it_would_post() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--dry-run"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("would post this summary note (--dry-run)"),
        "{}",
        run.stdout
    );
}

/// An API URL on a port nothing listens on.
fn refused_url() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    drop(l);
    format!("http://127.0.0.1:{port}/api/v4")
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in data.chunks(3) {
        let b = [c[0], *c.get(1).unwrap_or(&0), *c.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `HTTP_PROXY` is honoured (for a loopback `http://` API; `HTTPS_PROXY` for https),
/// and `NO_PROXY` bypasses it. The fake GitLab serves absolute-form proxy requests.
#[test]
fn proxy_from_env_is_used_and_no_proxy_bypasses_it() {
    let repo = fixture_repo();
    let proxy = Fake::start("/api/v4", state_for(&repo));
    let proxy_root = proxy.url.trim_end_matches("/api/v4").to_string();
    let unreachable = refused_url();
    let cwd = tempfile::tempdir().expect("tempdir");
    let mut vars = mr_vars(&unreachable, Some(CANARY), Some(300));
    vars.push(("HTTP_PROXY", proxy_root));
    let run = mrwarden(&["review"], cwd.path(), &vars);
    assert_eq!(run.code, 1, "through the proxy: {}", run.stderr);
    assert!(!proxy.requests().is_empty());
    vars.push(("NO_PROXY", "127.0.0.1".into()));
    let run = mrwarden(&["review"], cwd.path(), &vars);
    assert_eq!(run.code, 3, "bypassed: {}", run.stderr);
    assert!(run.stderr.contains("cannot reach GitLab"), "{}", run.stderr);
}

#[test]
fn policy_comes_from_the_target_branch_and_mr_changes_to_it_are_findings() {
    // The target branch lowers the gate: honoured.
    let repo = fixture_repo_with(&[(".mrwarden.yml", "fail_on: never\n")], &[]);
    let fake = Fake::start("/api/v4", state_for(&repo));
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(doc["run"]["fail_on"], "never");

    // The MR lowers it itself: not honoured, and reported.
    let repo = fixture_repo_with(
        &[],
        &[(
            ".mrwarden.yml",
            "fail_on: never\nrules:\n  disable: [gitlab-pat]\n",
        )],
    );
    let fake = Fake::start("/api/v4", state_for(&repo));
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&run.stdout);
    let ids: Vec<&str> = found
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule_id"].as_str())
        .collect();
    assert!(
        ids.contains(&"mrwarden.policy-changed") && ids.contains(&"gitlab-pat"),
        "{ids:?}"
    );
    assert!(
        fake.state()
            .requests
            .iter()
            .any(|r| r.path.contains("/repository/files/") && r.query.contains("ref="))
    );

    // An invalid target-branch configuration: strict defaults and a finding, not exit 2.
    let repo = fixture_repo_with(&[(".mrwarden.yml", "fail_on: [oops\n")], &[]);
    let fake = Fake::start("/api/v4", state_for(&repo));
    let run = mrwarden(
        &["review", "--format", "json"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.contains("mrwarden.policy-invalid"));
}
