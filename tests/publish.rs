//! Publishing the review to the MR against the fake GitLab's in-memory discussions:
//! one discussion per finding on its added line, one summary note edited in place,
//! reruns that post nothing new, humans' notes left alone, fixed threads resolved,
//! hostile text that never becomes a quick action, and failing writes that change no
//! exit code.

mod fake_gitlab;
mod review_support;

use fake_gitlab::{Fake, VersionData, entries_from_git_diff};
use serde_json::{Value, json};

use review_support::*;

fn review(fake: &Fake, repo: &Repo, extra: &[&str]) -> (Run, Value) {
    let mut args = vec!["review", "--format", "json"];
    args.extend_from_slice(extra);
    let run = mrwarden(
        &args,
        repo.dir.path(),
        &mr_vars(&fake.url, Some(CANARY), None),
    );
    let doc: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}\n{}", run.stdout, run.stderr));
    let f = doc["findings"].clone();
    (run, f)
}

fn discussions(fake: &Fake) -> Vec<Value> {
    fake.state().discussions.clone()
}

fn bot_threads(fake: &Fake) -> Vec<Value> {
    discussions(fake)
        .into_iter()
        .filter(|d| d["notes"][0]["type"] == "DiffNote" && d["notes"][0]["author"]["id"] == 77)
        .collect()
}

fn summaries(fake: &Fake) -> Vec<Value> {
    discussions(fake)
        .into_iter()
        .filter(|d| {
            d["notes"][0]["author"]["id"] == 77
                && d["notes"][0]["body"]
                    .as_str()
                    .is_some_and(|b| b.contains("<!-- mrwarden:v1 fp=summary -->"))
        })
        .collect()
}

fn writes(fake: &Fake) -> Vec<(String, String)> {
    fake.requests()
        .into_iter()
        .filter(|r| r.method != "GET")
        .map(|r| (r.method, r.path))
        .collect()
}

#[test]
fn first_run_posts_one_discussion_per_finding_and_one_summary() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let (run, findings) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_reports_written(&run);
    let threads = bot_threads(&fake);
    assert!(!threads.is_empty(), "no thread: {}", run.stderr);
    let findings = findings.as_array().expect("array").clone();
    for t in &threads {
        let pos = &t["notes"][0]["position"];
        let body = t["notes"][0]["body"].as_str().expect("body");
        let f = findings
            .iter()
            .find(|f| {
                body.contains(&format!(
                    "fp={} -->",
                    f["fingerprint"].as_str().expect("fp")
                ))
            })
            .unwrap_or_else(|| panic!("thread of no finding: {body}"));
        assert_eq!(pos["new_path"], f["path"]);
        assert_eq!(pos["new_line"], f["start_line"]);
        assert_eq!(pos["head_sha"], json!(repo.head));
    }
    let fps: std::collections::BTreeSet<String> = threads
        .iter()
        .map(|t| t["notes"][0]["body"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(fps.len(), threads.len(), "one thread per finding");
    assert_eq!(summaries(&fake).len(), 1);
    let placed = findings.len() - threads.len();
    let summary = summaries(&fake)[0]["notes"][0]["body"]
        .as_str()
        .expect("body")
        .to_string();
    if placed > 0 {
        assert!(summary.contains("Not posted inline"), "{summary}");
    }
    // The summary counts the API requests up to and including its own write: every
    // request the fake saw before it, plus the note itself.
    let counted: usize = summary
        .split(" API requests")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no request count in the summary: {summary}"));
    let seen = fake.requests();
    let summary_write = seen
        .iter()
        .position(|r| r.method == "POST" && r.body.contains("fp=summary"))
        .expect("the summary note was posted");
    assert_eq!(counted, summary_write + 1, "{summary}");
    assert!(summary.contains(" ms · "), "stage timings: {summary}");
    assert!(
        !run.stderr.contains("warning: publishing"),
        "{}",
        run.stderr
    );
}

#[test]
fn reruns_post_nothing_new_and_edit_the_summary_in_place() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    review(&fake, &repo, &[]);
    let after_first = discussions(&fake);
    let writes_first = writes(&fake).len();
    for _ in 0..2 {
        let (run, _) = review(&fake, &repo, &[]);
        assert_eq!(run.code, 1, "{}", run.stderr);
    }
    let after_third = discussions(&fake);
    let ids = |ds: &[Value]| -> Vec<Value> { ds.iter().map(|d| d["id"].clone()).collect() };
    assert_eq!(ids(&after_first), ids(&after_third));
    assert_eq!(summaries(&fake).len(), 1);
    let later: Vec<(String, String)> = writes(&fake).split_off(writes_first);
    assert_eq!(later.len(), 2, "{later:?}");
    assert!(
        later
            .iter()
            .all(|(m, p)| m == "PUT" && p.contains("/notes/")),
        "{later:?}"
    );
}

#[test]
fn a_humans_note_with_our_marker_is_left_alone() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    let (_, findings) = review(&fake, &repo, &["--dry-run"]);
    let fp = findings[0]["fingerprint"].as_str().expect("fp").to_string();
    let human_body = format!("copied it <!-- mrwarden:v1 fp={fp} -->");
    let human = json!({"id": "h".repeat(40), "individual_note": false, "notes": [
        {"id": 9000, "type": "DiffNote", "body": human_body, "author": {"id": 5},
         "system": false, "resolvable": true, "resolved": false, "resolved_by": null,
         "position": {"new_path": findings[0]["path"], "new_line": findings[0]["start_line"]}}]});
    fake.state().discussions.push(human.clone());
    fake.state().last_note_id = 9000;
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        discussions(&fake)[0],
        human,
        "the human's thread is untouched"
    );
    let ours = bot_threads(&fake)
        .into_iter()
        .filter(|t| {
            t["notes"][0]["body"]
                .as_str()
                .is_some_and(|b| b.contains(&fp))
        })
        .count();
    assert_eq!(ours, 1, "the human's note does not suppress our thread");
}

#[test]
fn a_finding_fixed_in_a_new_version_is_marked_fixed_and_resolved() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    review(&fake, &repo, &[]);
    let before = bot_threads(&fake);
    let dockerfile: Vec<&Value> = before
        .iter()
        .filter(|t| t["notes"][0]["position"]["new_path"] == "Dockerfile")
        .collect();
    assert!(!dockerfile.is_empty(), "the demo has a Dockerfile finding");
    // A new commit takes the Dockerfile change back.
    let root = repo.dir.path();
    git(root, &["checkout", "-q", "main", "--", "Dockerfile"]);
    git(root, &["commit", "-q", "-am", "fix"]);
    let head = git(root, &["rev-parse", "HEAD"]).trim().to_string();
    let fixed = Repo {
        dir: tempfile::tempdir().expect("unused"),
        base: repo.base.clone(),
        head: head.clone(),
    };
    let diff = git(
        root,
        &[
            "-c",
            "core.quotePath=false",
            "diff",
            "--find-renames",
            "--no-color",
            &format!("{}...{}", fixed.base, fixed.head),
        ],
    );
    fake.state().versions.push(VersionData {
        id: 301,
        base: repo.base.clone(),
        start: repo.base.clone(),
        head: head.clone(),
        diffs: entries_from_git_diff(&diff),
    });
    let (run, _) = review(&fake, &repo, &[]);
    assert!(run.code == 1 || run.code == 0, "{}", run.stderr);
    for t in discussions(&fake) {
        if t["notes"][0]["position"]["new_path"] != "Dockerfile"
            || t["notes"][0]["author"]["id"] != 77
        {
            continue;
        }
        let notes = t["notes"].as_array().expect("notes");
        let last = notes.last().expect("reply");
        assert_eq!(last["body"], json!(format!("Fixed in `{head}`.")), "{t}");
        assert_eq!(notes[0]["resolved"], true);
    }
}

#[test]
fn hostile_diff_text_never_starts_a_body_line_with_a_slash() {
    let hostile = "/merge\n/approve @all\npassword = \"/merge ```` @all `x`\"  # /close\n";
    let repo = fixture_repo_with(&[], &[("hostile.py", hostile)]);
    let fake = Fake::start("/api/v4", state_for(&repo));
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut bodies = 0;
    for r in fake
        .requests()
        .iter()
        .filter(|r| r.method != "GET" && !r.body.is_empty())
    {
        let v: Value = serde_json::from_str(&r.body).expect("json body");
        let body = v["body"].as_str().unwrap_or("");
        bodies += 1;
        for line in body.lines() {
            assert!(!line.trim_start().starts_with('/'), "{line:?} in {body}");
            assert!(!line.contains("@all") || line.contains('`'), "{line:?}");
        }
    }
    assert!(bodies > 1);
}

#[test]
fn a_failing_post_changes_no_exit_code_and_reports_are_written() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    state.fail_discussion_posts = true;
    let fake = Fake::start("/api/v4", state);
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_reports_written(&run);
    assert!(run.stderr.contains("warning: publishing"), "{}", run.stderr);
    let posts = fake
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/discussions") && r.status == 500)
        .count();
    assert!(posts >= 1);
    assert_eq!(
        summaries(&fake).len(),
        1,
        "the summary still lists every finding"
    );
    let (run, _) = review(&fake, &repo, &["--fail-on", "never"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (run, _) = review(
        &fake,
        &repo,
        &["--fail-on", "never", "--on-publish-error", "fail"],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
}

/// Report files that exist in `dir` are complete and parse; nothing else is there (no
/// temporary file left at a report's name or beside it). Returns how many exist.
fn reports_absent_or_complete(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut n = 0;
    for entry in entries {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("utf-8 report");
        match name.as_str() {
            "gl-code-quality-report.json"
            | "gl-sast-report.json"
            | "gl-secret-detection-report.json"
            | "mrwarden.sarif" => {
                serde_json::from_str::<Value>(&text)
                    .unwrap_or_else(|e| panic!("{name} is not complete JSON: {e}"));
            }
            "mrwarden-junit.xml" => {
                roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{name} is not complete XML: {e}"));
            }
            "mrwarden-summary.md" => {
                assert!(
                    text.starts_with("### mrwarden security review") && text.ends_with('\n'),
                    "{text}"
                );
            }
            other => panic!("unexpected file {other} in the output directory"),
        }
        n += 1;
    }
    n
}

/// Starts `review` as the MR pipeline would, writing reports to `out_dir`; waits until
/// the fake GitLab has seen a request matching `at` (returning it), then sends SIGTERM
/// as GitLab does when a job is cancelled, and checks the process died of it.
fn review_cancelled_at(
    fake: &Fake,
    repo: &Repo,
    extra: &[&str],
    out_dir: &std::path::Path,
    at: impl Fn(&fake_gitlab::Seen) -> bool,
) -> fake_gitlab::Seen {
    let seen_before = fake.requests().len();
    let mut args = vec!["review", "--format", "json"];
    args.extend_from_slice(extra);
    let home = tempfile::tempdir().expect("tempdir");
    let mut child = command(
        &args,
        repo.dir.path(),
        home.path(),
        out_dir,
        &mr_vars(&fake.url, Some(CANARY), None),
    )
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null())
    .spawn()
    .expect("mrwarden starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let seen = loop {
        if let Some(r) = fake.requests().split_off(seen_before).into_iter().find(&at) {
            break r;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the request never came"
        );
        assert!(child.try_wait().expect("wait").is_none(), "exited early");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("wait");
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(15),
        "{status:?}"
    );
    seen
}

/// A job cancelled mid-run (GitLab sends SIGTERM) while the summary note is being
/// written: every report is complete (written atomically, before publishing), and the
/// MR has exactly one summary note, either the old one or the new one.
#[test]
fn sigterm_while_the_summary_is_written_leaves_complete_reports_and_one_whole_summary() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    review(&fake, &repo, &[]);
    let old = summaries(&fake);
    assert_eq!(old.len(), 1);
    let old_body = old[0]["notes"][0]["body"].clone();
    fake.state().slow_note_writes_ms = 20_000;
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_dir = tmp.path().join("out");
    // The second run gates differently, so its summary differs from the first.
    let summary_write =
        review_cancelled_at(&fake, &repo, &["--fail-on", "critical"], &out_dir, |r| {
            r.method == "PUT" && r.path.contains("/notes/")
        });
    assert_eq!(
        reports_absent_or_complete(&out_dir),
        6,
        "written before publishing"
    );
    let now = summaries(&fake);
    assert_eq!(now.len(), 1, "one summary note");
    let body = &now[0]["notes"][0]["body"];
    let sent: Value = serde_json::from_str(&summary_write.body).expect("json");
    assert!(
        *body == old_body || *body == sent["body"],
        "the summary is neither the old nor the new one: {body}"
    );
    assert_ne!(
        old_body, sent["body"],
        "the run would have changed the summary"
    );
}

/// Cancelled at its first request to GitLab: the report directory holds nothing half
/// written (stale reports were removed, new ones not begun).
#[test]
fn sigterm_before_analysis_leaves_no_partial_report() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    state.slow_first = 1;
    state.slow_ms = 20_000;
    let fake = Fake::start("/api/v4", state);
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_dir = tmp.path().join("out");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    std::fs::write(out_dir.join("gl-sast-report.json"), "{\"stale\": tru").expect("stale");
    review_cancelled_at(&fake, &repo, &[], &out_dir, |_| true);
    assert_eq!(
        reports_absent_or_complete(&out_dir),
        0,
        "the stale report is gone and no new one was started"
    );
}
