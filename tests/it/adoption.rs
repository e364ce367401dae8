//! Adoption without friction (issue 21), end to end with the real binary: the kill
//! switch (`MRWARDEN_DISABLED`), the token-less mode (`review --diff-source git`) on a
//! checkout laid out as a runner leaves it in a merged-results pipeline, and the
//! group-wide central configuration (`MRWARDEN_CENTRAL_CONFIG`) under floor semantics.
//! GitLab is the fake in `tests/fake_gitlab/`; the token-less runs must send it nothing.

use crate::support::fake_gitlab;
use crate::support::review_support;

use std::path::Path;

use fake_gitlab::Fake;
use serde_json::Value;

use review_support::*;

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("json: {e}\n{stdout}"))
}

fn rule_ids(doc: &Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The variables of a token-less merge-request pipeline whose checkout is `repo`.
fn git_mode_vars(fake: &Fake, repo: &Path, base: &str, head: &str) -> Vec<(&'static str, String)> {
    let mut v = mr_vars(&fake.url, None, Some(300));
    v.extend([
        ("CI_PROJECT_DIR", repo.display().to_string()),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.to_string()),
        ("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", head.to_string()),
    ]);
    v
}

#[test]
fn kill_switch_writes_empty_reports_and_passes_with_a_clear_line() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let empty = tempfile::tempdir().expect("tempdir");
    let mut vars = mr_vars(&fake.url, None, Some(300));
    vars.push(("MRWARDEN_DISABLED", "true".into()));
    let run = mrwarden(&["review"], empty.path(), &vars);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("MRWARDEN_DISABLED is true") && run.stderr.contains("switched off"),
        "{}",
        run.stderr
    );
    assert_reports_written(&run);
    assert_eq!(
        read(&run.out_dir, "gl-code-quality-report.json").trim(),
        "[]"
    );
    let sast: Value = json(&read(&run.out_dir, "gl-sast-report.json"));
    assert_eq!(sast["vulnerabilities"].as_array().map(Vec::len), Some(0));
    assert!(read(&run.out_dir, "mrwarden-summary.md").contains("MRWARDEN_DISABLED"));
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());

    // A typo must not silently switch the review off.
    vars.pop();
    vars.push(("MRWARDEN_DISABLED", "ture".into()));
    let run = mrwarden(&["review"], empty.path(), &vars);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("MRWARDEN_DISABLED"), "{}", run.stderr);
}

#[test]
fn kill_switch_with_a_token_says_so_in_the_summary_note() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let empty = tempfile::tempdir().expect("tempdir");
    let mut vars = mr_vars(&fake.url, Some(CANARY), Some(300));
    let first = mrwarden(&["review"], empty.path(), &vars);
    assert_eq!(first.code, 1, "{}", first.stderr);
    let threads_before = fake.state().discussions.len();
    assert!(threads_before >= 2, "a summary and threads were posted");
    let sent_before = fake.requests().len();

    vars.push(("MRWARDEN_DISABLED", "true".into()));
    let run = mrwarden(&["review"], empty.path(), &vars);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains(CANARY));
    assert_eq!(
        read(&run.out_dir, "gl-code-quality-report.json").trim(),
        "[]"
    );
    let reqs: Vec<_> = fake.requests().into_iter().skip(sent_before).collect();
    // No diff read: the bot, its notes, and one edit of the summary in place.
    assert!(
        reqs.iter().all(|r| !r.path.contains("/versions")),
        "{reqs:?}"
    );
    let writes: Vec<_> = reqs.iter().filter(|r| r.method != "GET").collect();
    assert_eq!(writes.len(), 1, "{reqs:?}");
    assert_eq!(writes[0].method, "PUT", "{reqs:?}");
    let st = fake.state();
    assert_eq!(
        st.discussions.len(),
        threads_before,
        "threads are left alone"
    );
    let summaries: Vec<&str> = st
        .discussions
        .iter()
        .filter_map(|d| d["notes"][0]["body"].as_str())
        .filter(|b| b.contains("fp=summary"))
        .collect();
    assert_eq!(summaries.len(), 1, "{summaries:?}");
    assert!(
        summaries[0].contains("mrwarden is switched off"),
        "{}",
        summaries[0]
    );
}

#[test]
fn token_less_mode_sends_nothing_and_writes_the_reports_of_scan() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let empty = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--diff-source", "git", "--format", "json"],
        empty.path(),
        &git_mode_vars(&fake, repo.dir.path(), &repo.base, &repo.head),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("comments are off"),
        "the log says why nothing is posted: {}",
        run.stderr
    );
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    let scan = mrwarden(
        &[
            "scan", ".", "--base", &repo.base, "--head", &repo.head, "--format", "json",
        ],
        repo.dir.path(),
        &[],
    );
    assert_eq!(scan.code, 1, "{}", scan.stderr);
    assert_eq!(
        json(&run.stdout)["findings"],
        json(&scan.stdout)["findings"]
    );
    assert_eq!(
        read(&run.out_dir, "gl-code-quality-report.json"),
        read(&scan.out_dir, "gl-code-quality-report.json")
    );
    // The security reports carry the run's times; their findings must be the same.
    for report in ["gl-sast-report.json", "gl-secret-detection-report.json"] {
        let vulns = |dir: &Path| json(&read(dir, report))["vulnerabilities"].clone();
        assert_eq!(vulns(&run.out_dir), vulns(&scan.out_dir), "{report}");
        assert!(
            vulns(&run.out_dir)
                .as_array()
                .is_some_and(|v| !v.is_empty()),
            "{report}"
        );
    }
}

/// A runner's checkout in a merged-results pipeline: `refs/merge-requests/7/merge`, a
/// merge commit of the target branch's tip and the MR's head, fetched shallow.
#[test]
fn merged_results_checkout_shallow_fails_clearly_and_deep_works() {
    merged_results_checkout(false);
}

/// The same with no `git` on `PATH` (as in the image): the in-process reader gives the
/// same checks, the same findings as `scan` run with `git`, and sends nothing.
#[test]
fn merged_results_checkout_without_git_on_path_reads_in_process() {
    merged_results_checkout(true);
}

fn merged_results_checkout(no_git: bool) {
    let origin = fixture_repo();
    let o = origin.dir.path();
    // The target branch moved on after the MR branched.
    git(o, &["checkout", "-q", "main"]);
    std::fs::write(o.join("NEWS.md"), "later on main\n").expect("write");
    git(o, &["add", "-A"]);
    git(o, &["commit", "-q", "-m", "main moves on"]);
    git(
        o,
        &["merge", "-q", "--no-ff", "-m", "merge result", "feature"],
    );
    let merge = git(o, &["rev-parse", "HEAD"]).trim().to_string();
    git(o, &["update-ref", "refs/merge-requests/7/merge", &merge]);
    git(o, &["reset", "-q", "--hard", "HEAD^"]);

    let checkout = tempfile::tempdir().expect("tempdir");
    let c = checkout.path();
    let url = format!("file://{}", o.display());
    git(c, &["init", "-q"]);
    git(
        c,
        &[
            "fetch",
            "-q",
            "--depth",
            "1",
            &url,
            "refs/merge-requests/7/merge",
        ],
    );
    git(c, &["checkout", "-q", "FETCH_HEAD"]);

    let fake = Fake::start("/api/v4", state_for(&origin));
    let mut vars = git_mode_vars(&fake, c, &origin.base, &origin.head);
    vars.push(("CI_COMMIT_SHA", merge.clone()));
    let empty = tempfile::tempdir().expect("tempdir");
    if no_git {
        // A PATH whose only directory has no git in it; the binary is run by its path.
        vars.push(("PATH", empty.path().display().to_string()));
    }
    let run = mrwarden(&["review", "--diff-source", "git"], empty.path(), &vars);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("base commit") && run.stderr.contains("GIT_DEPTH"),
        "{}",
        run.stderr
    );
    assert_reports_written(&run);

    // What GIT_DEPTH: "0" gives: the whole history of the merge ref.
    git(
        c,
        &[
            "fetch",
            "-q",
            "--unshallow",
            &url,
            "refs/merge-requests/7/merge",
        ],
    );
    let run = mrwarden(
        &["review", "--diff-source", "git", "--format", "json"],
        empty.path(),
        &vars,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let scan = mrwarden(
        &[
            "scan",
            ".",
            "--base",
            &origin.base,
            "--head",
            &origin.head,
            "--format",
            "json",
        ],
        o,
        &[],
    );
    assert_eq!(
        json(&run.stdout)["findings"],
        json(&scan.stdout)["findings"]
    );
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
}

/// A token-less review of the fixture MR with a central configuration and the given
/// files on the target branch and in the MR.
fn central_review(
    central: &str,
    on_target: &[(&str, &str)],
    in_mr: &[(&str, &str)],
) -> (i32, Value, String) {
    let repo = fixture_repo_with(on_target, in_mr);
    let fake = Fake::start("/api/v4", state_for(&repo));
    let empty = tempfile::tempdir().expect("tempdir");
    let mut vars = git_mode_vars(&fake, repo.dir.path(), &repo.base, &repo.head);
    vars.push(("MRWARDEN_CENTRAL_CONFIG", central.to_string()));
    let run = mrwarden(
        &["review", "--diff-source", "git", "--format", "json"],
        empty.path(),
        &vars,
    );
    assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    (run.code, json(&run.stdout), run.stderr)
}

#[test]
fn central_config_invalid_yaml_means_strict_defaults_and_a_finding() {
    let (code, doc, stderr) = central_review("fail_on: [oops\n", &[], &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        rule_ids(&doc).contains(&"mrwarden.policy-invalid".to_string()),
        "{doc}"
    );
    assert_eq!(doc["run"]["fail_on"], "medium", "{doc}");
    assert!(stderr.contains("MRWARDEN_CENTRAL_CONFIG"), "{stderr}");
}

#[test]
fn central_config_enforced_key_loosened_by_the_project_keeps_the_central_value() {
    let central = "fail_on: low\nenforced: [fail_on]\nrules:\n  disable: []\n";
    let (_, doc, stderr) = central_review(central, &[(".mrwarden.yml", "fail_on: never\n")], &[]);
    let ids = rule_ids(&doc);
    assert!(
        ids.contains(&"mrwarden.policy-invalid".to_string()),
        "{doc}"
    );
    assert_eq!(doc["run"]["fail_on"], "low", "{doc}");
    assert!(stderr.contains("enforced key fail_on"), "{stderr}");
    // Not enforced: the project's value applies and nothing is raised.
    let (code, doc, _) = central_review(
        "fail_on: low\n",
        &[(".mrwarden.yml", "fail_on: never\n")],
        &[],
    );
    assert_eq!(code, 0);
    assert_eq!(doc["run"]["fail_on"], "never", "{doc}");
    assert!(
        !rule_ids(&doc)
            .iter()
            .any(|r| r.starts_with("mrwarden.policy")),
        "{doc}"
    );
}

#[test]
fn central_config_from_a_file_and_its_inline_pack_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("central.yml");
    std::fs::write(
        &file,
        concat!(
            "custom_packs:\n",
            "  acme: |\n",
            "    pack: acme\n",
            "    rules:\n",
            "      - id: acme.no-agent-script\n",
            "        kind: vulnerability\n",
            "        title: Agent install script\n",
            "        message: Installs the example agent.\n",
            "        severity: low\n",
            "        remediation: Use the packaged agent.\n",
            "        keywords: [agent]\n",
            "        pattern: 'get\\.example\\.com/agent'\n",
        ),
    )
    .expect("write");
    let (_, doc, stderr) = central_review(&file.display().to_string(), &[], &[]);
    assert!(
        rule_ids(&doc).contains(&"acme.no-agent-script".to_string()),
        "{stderr}\n{doc}"
    );
}

#[test]
fn removing_the_central_include_is_a_policy_change() {
    let ci = "include:\n  - project: security/policies\n    file: mrwarden-central.yml\nstages: [test]\n";
    let (_, doc, _) = central_review(
        "fail_on: medium\n",
        &[(".gitlab-ci.yml", ci)],
        &[(".gitlab-ci.yml", "stages: [test]\n")],
    );
    assert!(
        rule_ids(&doc).contains(&"mrwarden.policy-changed".to_string()),
        "{doc}"
    );
}
