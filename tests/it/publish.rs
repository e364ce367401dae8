//! Publishing the review to the MR against the fake GitLab's in-memory discussions:
//! one discussion per finding on its added line, one summary note edited in place,
//! reruns that post nothing new, humans' notes left alone, fixed threads resolved,
//! hostile text that never becomes a quick action, and failing writes that change no
//! exit code.

use crate::support::fake_gitlab;
use crate::support::review_support;

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
    // One GitLab session per run: what every step needs is read once before the writes
    // (the bot, the versions, the discussions triage and the plan share).
    let reads_of = |suffix: &str| {
        seen[..summary_write]
            .iter()
            .filter(|r| r.method == "GET" && r.path.trim_end_matches('/').ends_with(suffix))
            .count()
    };
    assert_eq!(reads_of("/user"), 1, "GET /user once: {seen:?}");
    assert_eq!(reads_of("/versions"), 1, "versions listed once: {seen:?}");
    assert_eq!(
        reads_of("/discussions"),
        1,
        "discussions once before writing: {seen:?}"
    );
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
fn hostile_diff_text_triggers_no_quick_action_image_html_mention_or_escape() {
    let hostile = "/merge\n/approve @all\npassword = \"/merge ```` @all `x`\"  # /close\nresult = eval(x) # ![x](https://evil.example/a.png) <img src=x onerror=alert(1)> \u{1b}[31mred\u{1b}[0m @all\n";
    let repo = fixture_repo_with(&[], &[("hostile.py", hostile)]);
    let fake = Fake::start("/api/v4", state_for(&repo));
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut bodies = 0;
    let mut evals = 0;
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
        }
        assert!(!body.contains('\u{1b}'), "an ANSI escape in {body}");
        let prose = outside_code(body);
        for bad in ["@all", "![", "<img", "evil.example", "/merge", "/approve"] {
            assert!(!prose.contains(bad), "{bad} outside code in {body}");
        }
        if body.contains("python-eval") {
            evals += 1;
        }
    }
    assert!(bodies > 1);
    assert!(evals > 0, "the line with the image and the HTML was posted");
    // The checker itself sees what markdown would render.
    assert_eq!(
        outside_code("a ``x ` @all`` b @all\n```\n<img>\n```"),
        "a  b @all\n"
    );
}

/// A body's text outside fenced code blocks and code spans (where markdown renders
/// images, HTML and mentions).
fn outside_code(body: &str) -> String {
    let mut out = String::new();
    let mut fence: Option<usize> = None;
    for line in body.lines() {
        let trimmed = line.trim_start();
        let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
        match fence {
            Some(open) if ticks >= open && trimmed.trim_start_matches('`').trim().is_empty() => {
                fence = None;
                continue;
            }
            Some(_) => continue,
            None if ticks >= 3 => {
                fence = Some(ticks);
                continue;
            }
            None => {}
        }
        let chars: Vec<char> = line.chars().collect();
        let run = |at: usize| chars[at..].iter().take_while(|c| **c == '`').count();
        let mut pos = 0;
        while pos < chars.len() {
            if chars[pos] != '`' {
                out.push(chars[pos]);
                pos += 1;
                continue;
            }
            // A span opened by n backticks ends at the next run of exactly n.
            let opening = run(pos);
            let mut next = pos + opening;
            let mut close = None;
            while next < chars.len() {
                if chars[next] == '`' {
                    let len = run(next);
                    if len == opening {
                        close = Some(next + len);
                        break;
                    }
                    next += len;
                } else {
                    next += 1;
                }
            }
            if let Some(end) = close {
                pos = end;
            } else {
                out.extend(&chars[pos..pos + opening]);
                pos += opening;
            }
        }
        out.push('\n');
    }
    out
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
    assert!(
        run.stderr.contains(
            "GitLab answered POST projects/42/merge_requests/7/discussions with HTTP 500"
        ),
        "errors name the real method: {}",
        run.stderr
    );
    assert!(
        !run.stderr
            .contains("GET projects/42/merge_requests/7/discussions with")
    );
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
            | "mrwarden.sarif"
            | "mrwarden-verdict.json" => {
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
        7,
        "six reports and the verdict file, written before publishing"
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

/// The target branch gates on critical only, and only the SQL injection is critical:
/// dismissing it is the difference between exit 1 and 0.
const TRIAGE_CONFIG: &str = "version: 1\nfail_on: critical\nrules:\n  disable: [private-key]\n  severity: {python-sql-injection: critical}\n";
/// Four critical findings, one per reply that must not count.
const TRIAGE_CONFIG_3: &str = "version: 1\nfail_on: critical\nrules:\n  disable: [private-key]\n  severity: {python-sql-injection: critical, python-subprocess-shell: critical, dockerfile-curl-pipe-shell: critical, python-debug-enabled: critical}\n";

fn ann() -> Value {
    fake_gitlab::member(5, "ann", "Ann Author", 40)
}
fn dev() -> Value {
    fake_gitlab::member(8, "dev", "Dev Eloper", 30)
}
fn max() -> Value {
    fake_gitlab::member(6, "max", "Max Maintainer", 40)
}
fn cora() -> Value {
    fake_gitlab::member(9, "cora", "Cora Committer", 50)
}
fn blocked() -> Value {
    let mut m = fake_gitlab::member(11, "bob", "Bob Blocked", 40);
    m["state"] = json!("blocked");
    m
}

/// An MR opened by Ann, with commits by Ann and Cora; Max and Cora are maintainers (or
/// above), Dev a developer. The first run has posted its threads.
fn triage_mr(config: &str) -> (Repo, Fake) {
    let repo = fixture_repo_with(&[(".mrwarden.yml", config)], &[]);
    let mut state = state_for(&repo);
    state.mr_author = Some(ann());
    state.members = vec![ann(), dev(), max(), cora(), blocked()];
    state.mr_commits = vec![
        fake_gitlab::commit(&repo.head, "Ann Author", "ann@example.com"),
        fake_gitlab::commit(&"c".repeat(40), "Cora Committer", "cora@corp.example"),
    ];
    let fake = Fake::start("/api/v4", state);
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    (repo, fake)
}

/// The bot's thread of a rule's finding.
fn rule_thread(fake: &Fake, rule: &str) -> Value {
    bot_threads(fake)
        .into_iter()
        .find(|t| {
            t["notes"][0]["body"]
                .as_str()
                .is_some_and(|b| b.contains(&format!("`{rule}`")))
        })
        .unwrap_or_else(|| panic!("a thread for {rule}"))
}

fn sql_thread(fake: &Fake) -> Value {
    rule_thread(fake, "python-sql-injection")
}

/// `who` replies `text` in discussion `id`, as GitLab would store it.
fn reply(fake: &Fake, id: &Value, who: &Value, text: &str) {
    let mut st = fake.state();
    st.last_note_id += 1;
    let note = fake_gitlab::human_note(st.last_note_id, who, text);
    let d = st
        .discussions
        .iter_mut()
        .find(|d| d["id"] == *id)
        .expect("discussion");
    d["notes"].as_array_mut().expect("notes").push(note);
}

fn dismissals(run: &Run) -> Vec<Value> {
    let doc: Value = serde_json::from_str(&run.stdout).expect("json");
    doc["run"]["dismissals"].as_array().expect("array").clone()
}

#[test]
fn triage_by_the_author_a_developer_a_committer_a_blocked_member_or_on_a_secret_keeps_the_gate() {
    let (repo, fake) = triage_mr(TRIAGE_CONFIG_3);
    let cases = [
        ("python-sql-injection", ann(), "mr_author"),
        ("python-subprocess-shell", dev(), "role_too_low"),
        ("dockerfile-curl-pipe-shell", cora(), "committer"),
        ("python-debug-enabled", blocked(), "role_too_low"),
        // A maintainer who did not commit, but on a secret.
        ("gitlab-pat", max(), "not_dismissable"),
    ];
    for (rule, who, _) in &cases {
        reply(
            &fake,
            &rule_thread(&fake, rule)["id"],
            who,
            "!fp only test code",
        );
    }
    // While the facts cannot be read (here the commits), nothing is judged or answered.
    fake.state().forbidden_suffix = Some("/commits".into());
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("cannot read the triage replies"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(CANARY));
    assert!(dismissals(&run).is_empty());
    for (rule, who, _) in &cases {
        let last = last_note(&rule_thread(&fake, rule));
        assert_eq!(last["author"]["id"], who["id"], "not answered while unread");
    }
    fake.state().forbidden_suffix = None;
    let (run, findings) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let d = dismissals(&run);
    assert_eq!(d.len(), cases.len(), "{d:?}");
    for (rule, who, why) in &cases {
        let d = d
            .iter()
            .find(|d| d["rule_id"] == *rule)
            .unwrap_or_else(|| panic!("{rule} listed"));
        assert_eq!(d["counts"], false, "{d}");
        assert_eq!(d["not_counted"], *why, "{d}");
        assert_eq!(d["by"], who["username"]);
        assert!(
            findings
                .as_array()
                .expect("findings")
                .iter()
                .any(|f| f["rule_id"] == *rule),
            "{rule} still gates"
        );
        // The reply is answered once, and the thread collapsed.
        let t = rule_thread(&fake, rule);
        let notes = t["notes"].as_array().expect("notes");
        let last = notes.last().expect("note");
        assert_eq!(last["author"]["id"], 77, "{t}");
        assert!(
            last["body"]
                .as_str()
                .is_some_and(|b| b.starts_with("Triage: ") && b.contains("does not count")),
            "{last}"
        );
        assert_eq!(notes.len(), 3, "{t}");
        assert_eq!(t["notes"][0]["resolved"], true);
    }
    assert_eq!(summaries(&fake).len(), 1);
}

#[test]
fn triage_by_a_maintainer_who_did_not_commit_dismisses_the_finding() {
    let (repo, fake) = triage_mr(TRIAGE_CONFIG);
    let id = sql_thread(&fake)["id"].clone();
    // The same command in a thread a person started does nothing.
    let human = json!({"id": "e".repeat(40), "individual_note": false, "notes": [
        fake_gitlab::human_note(8000, &ann(), "is this query safe?"),
        fake_gitlab::human_note(8001, &max(), "!fp not in this thread")]});
    fake.state().discussions.push(human.clone());
    fake.state().last_note_id = 8001;
    reply(
        &fake,
        &id,
        &max(),
        "!fp the query is built from constants ` /merge @all",
    );
    let (run, findings) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let d = dismissals(&run);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["counts"], true);
    assert_eq!(d[0]["by"], "max");
    assert_eq!(d[0]["rule_id"], "python-sql-injection");
    assert!(
        !findings
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["rule_id"] == "python-sql-injection")
    );
    let summary = summaries(&fake)[0]["notes"][0]["body"]
        .as_str()
        .expect("body")
        .to_string();
    let line = summary
        .lines()
        .find(|l| l.contains("python-sql-injection") && l.contains("`max`"))
        .unwrap_or_else(|| panic!("the summary lists the dismissal: {summary}"));
    assert!(
        line.contains("``the query is built from constants ` /merge @all``"),
        "{line}"
    );
    assert!(summary.contains("Dismissed by triage reply"));
    let t = sql_thread(&fake);
    assert_eq!(t["notes"][0]["resolved"], true, "collapsed");

    // A rerun changes nothing but the summary: the dismissed finding is neither
    // re-posted, reopened nor called fixed.
    let before = writes(&fake).len();
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let later = writes(&fake).split_off(before);
    assert_eq!(later.len(), 1, "{later:?}");
    assert_eq!(sql_thread(&fake), t);
    let now: Vec<Value> = discussions(&fake)
        .into_iter()
        .filter(|d| d["id"] == human["id"])
        .collect();
    assert_eq!(now, vec![human], "the human's thread is untouched");
}

/// The bot's finding threads as (fingerprint, file, line, resolved), sorted, and the
/// number of summaries: what a converged MR shows.
type Converged = (Vec<(String, Value, Value, Value)>, usize);

fn converged(fake: &Fake) -> Converged {
    let mut threads: Vec<_> = bot_threads(fake)
        .iter()
        .map(|t| {
            let n = &t["notes"][0];
            let body = n["body"].as_str().unwrap_or("");
            let fp = body
                .split("fp=")
                .nth(1)
                .unwrap_or("")
                .trim_end_matches(" -->")
                .to_string();
            let pos = &n["position"];
            (
                fp,
                pos["new_path"].clone(),
                pos["new_line"].clone(),
                n["resolved"].clone(),
            )
        })
        .collect();
    threads.sort_by(|a, b| a.0.cmp(&b.0));
    (threads, summaries(fake).len())
}

/// What one clean run leaves on the fixture MR: every finding of the run's JSON output
/// (they are all on added lines) in one open thread on its line, and one summary.
fn one_clean_run(findings: &Value) -> Converged {
    let mut threads: Vec<_> = findings
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["fingerprint"].as_str().unwrap_or("").to_string(),
                f["path"].clone(),
                f["start_line"].clone(),
                json!(false),
            )
        })
        .collect();
    threads.sort_by(|a, b| a.0.cmp(&b.0));
    (threads, 1)
}

fn assert_no_duplicates(fake: &Fake) {
    let (threads, summaries) = converged(fake);
    let fps: std::collections::BTreeSet<&String> = threads.iter().map(|t| &t.0).collect();
    assert_eq!(fps.len(), threads.len(), "duplicate threads: {threads:?}");
    assert!(summaries <= 1, "{summaries} summaries");
}

#[test]
fn two_reviews_started_at_once_end_with_one_summary_and_no_duplicate_threads() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    // Both runs plan on an empty MR before either write lands.
    state.post_barrier = 2;
    let fake = Fake::start("/api/v4", state);
    let ((a, findings), b) = std::thread::scope(|s| {
        let a = s.spawn(|| review(&fake, &repo, &[]));
        let b = s.spawn(|| review(&fake, &repo, &[]).0);
        (a.join().expect("run a"), b.join().expect("run b"))
    });
    assert_eq!((a.code, b.code), (1, 1), "{}\n{}", a.stderr, b.stderr);
    let expected = one_clean_run(&findings);
    let created = fake
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/discussions"))
        .count();
    assert!(
        created > expected.0.len(),
        "both runs posted: the race happened ({created})"
    );
    assert_eq!(converged(&fake), expected);
}

#[test]
fn reruns_under_server_errors_rate_limits_and_lost_answers_converge_without_duplicates() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    state.write_429_percent = 20;
    state.write_5xx_percent = 20;
    state.lost_write_percent = 30;
    // (Reads under random 5xx: tests/it/review.rs; a GET is simply retried.)
    let fake = Fake::start("/api/v4", state);
    for _ in 0..2 {
        let (run, _) = review(&fake, &repo, &[]);
        assert_eq!(
            run.code, 1,
            "publishing errors never change the gate: {}",
            run.stderr
        );
        assert!(!run.stderr.contains(CANARY));
        assert_no_duplicates(&fake);
    }
    let faults: Vec<u16> = fake
        .requests()
        .iter()
        .filter(|r| r.method != "GET" && r.status >= 429)
        .map(|r| r.status)
        .collect();
    for status in [429, 500, 502] {
        assert!(faults.contains(&status), "no {status} among {faults:?}");
    }
    {
        let mut st = fake.state();
        st.write_429_percent = 0;
        st.write_5xx_percent = 0;
        st.lost_write_percent = 0;
    }
    let (run, findings) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(converged(&fake), one_clean_run(&findings));
    let summary = summaries(&fake)[0]["notes"][0]["body"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(!summary.contains("Not posted inline"), "{summary}");
}

#[test]
fn every_kind_of_position_is_accepted_crlf_last_line_without_newline_and_a_renamed_file() {
    let util = (1..=12)
        .map(|i| format!("def f{i}():\n    return {i}\n"))
        .collect::<Vec<_>>()
        .concat();
    let repo = fixture_repo_with(
        &[("util.py", util.as_str())],
        &[
            (
                "crlf.py",
                "import os\r\nresult = eval(request.args.get(\"expr\"))\r\nx = 1\r\n",
            ),
            ("tail.py", "import os\nexec(code_from_user)"),
        ],
    );
    // A rename with an edit, in a commit of its own (git sees it as a rename).
    let root = repo.dir.path();
    git(root, &["mv", "util.py", "helpers.py"]);
    std::fs::write(
        root.join("helpers.py"),
        format!("{util}result = eval(payload)\n"),
    )
    .expect("write");
    git(root, &["commit", "-q", "-am", "rename"]);
    let repo = Repo {
        head: git(root, &["rev-parse", "HEAD"]).trim().to_string(),
        ..repo
    };
    let state = state_for(&repo);
    let renamed = state.versions[0].diffs.iter().any(|d| {
        d["renamed_file"] == true && d["old_path"] == "util.py" && d["new_path"] == "helpers.py"
    });
    assert!(renamed, "the fixture has a rename");
    let fake = Fake::start("/api/v4", state);
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !run.stderr.contains("warning: publishing"),
        "{}",
        run.stderr
    );
    let rejected = fake
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.status == 400)
        .count();
    assert_eq!(rejected, 0, "GitLab refused a position");
    let placed = |path: &str| -> Value {
        bot_threads(&fake)
            .into_iter()
            .map(|t| t["notes"][0]["position"].clone())
            .find(|p| p["new_path"] == path)
            .unwrap_or_else(|| panic!("no thread on {path}"))
    };
    assert_eq!(placed("crlf.py")["new_line"], 2);
    assert_eq!(
        placed("tail.py")["new_line"],
        2,
        "the last line, without newline"
    );
    assert_eq!(
        placed("deploy/deploy_key")["new_line"],
        1,
        "line 1 of a new file"
    );
    let p = placed("helpers.py");
    assert_eq!(
        (p["old_path"].clone(), p["new_line"].clone()),
        (json!("util.py"), json!(25))
    );
    assert_eq!(p["head_sha"], json!(repo.head));
}

/// Commits what the caller changed in the fixture's work tree as a new MR version.
fn push_version(fake: &Fake, repo: &Repo, id: u64, message: &str) -> String {
    let root = repo.dir.path();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", message]);
    let head = git(root, &["rev-parse", "HEAD"]).trim().to_string();
    let now = Repo {
        dir: tempfile::tempdir().expect("unused"),
        base: repo.base.clone(),
        head: head.clone(),
    };
    fake.state().versions.push(VersionData {
        id,
        base: repo.base.clone(),
        start: repo.base.clone(),
        head: head.clone(),
        diffs: entries_from_git_diff(&git_diff_in(root, &now)),
    });
    head
}

fn git_diff_in(root: &std::path::Path, r: &Repo) -> String {
    git(
        root,
        &[
            "-c",
            "core.quotePath=false",
            "diff",
            "--find-renames",
            "--no-color",
            &format!("{}...{}", r.base, r.head),
        ],
    )
}

fn last_note(thread: &Value) -> Value {
    thread["notes"]
        .as_array()
        .and_then(|n| n.last())
        .cloned()
        .unwrap_or_default()
}

fn last_body(thread: &Value) -> Value {
    last_note(thread)["body"].clone()
}

fn thread_on(fake: &Fake, path: &str) -> Value {
    bot_threads(fake)
        .into_iter()
        .find(|t| t["notes"][0]["position"]["new_path"] == path)
        .unwrap_or_else(|| panic!("no thread on {path}"))
}

#[test]
fn a_push_that_fixes_one_and_adds_one_then_a_regression_keeps_humans_decisions() {
    let repo = fixture_repo();
    let fake = Fake::start("/api/v4", state_for(&repo));
    review(&fake, &repo, &[]);
    let root = repo.dir.path();
    // A person resolves the debug-mode thread (the finding stays) and talks.
    let debug_id = rule_thread(&fake, "python-debug-enabled")["id"].clone();
    {
        let mut st = fake.state();
        let d = st
            .discussions
            .iter_mut()
            .find(|d| d["id"] == debug_id)
            .expect("thread");
        for n in d["notes"].as_array_mut().expect("notes") {
            n["resolved"] = json!(true);
            n["resolved_by"] = json!({"id": 5, "username": "ann"});
        }
        st.last_note_id += 1;
        let note = fake_gitlab::human_note(st.last_note_id, &ann(), "/merge when green @all");
        st.discussions
            .push(json!({"id": "f".repeat(40), "individual_note": true, "notes": [note]}));
    }
    let humans = |fake: &Fake| -> Vec<Value> {
        discussions(fake)
            .into_iter()
            .filter(|d| d["notes"][0]["author"]["id"] != 77 || d["id"] == debug_id)
            .map(|mut d| {
                // Only the bot's own replies may be added to a bot thread.
                let first = d["notes"][0]["id"].clone();
                if let Some(n) = d["notes"].as_array_mut() {
                    n.retain(|n| n["author"]["id"] != 77 || n["id"] == first);
                }
                d
            })
            .collect()
    };
    let humans_before = humans(&fake);
    let threads_before = bot_threads(&fake).len();

    // Push 1: the Dockerfile change is taken back, a new eval is added.
    let dockerfile_new = std::fs::read_to_string(root.join("Dockerfile")).expect("read");
    git(root, &["checkout", "-q", "main", "--", "Dockerfile"]);
    std::fs::write(
        root.join("added.py"),
        "result = eval(request.args.get(\"x\"))\n",
    )
    .expect("write");
    let fixed_in = push_version(&fake, &repo, 301, "fix one, add one");
    let before = fake.requests().len();
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let posted: Vec<String> = fake.requests()[before..]
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/discussions"))
        .map(|r| r.body.clone())
        .collect();
    assert_eq!(
        posted.len(),
        1,
        "only the new finding is posted: {posted:?}"
    );
    assert!(posted[0].contains("added.py"));
    assert_eq!(bot_threads(&fake).len(), threads_before + 1);
    let docker = thread_on(&fake, "Dockerfile");
    assert_eq!(docker["notes"][0]["resolved"], true);
    assert_eq!(docker["notes"][0]["resolved_by"]["id"], 77);
    assert_eq!(last_body(&docker), json!(format!("Fixed in `{fixed_in}`.")));
    assert_eq!(
        humans(&fake),
        humans_before,
        "human decisions and notes untouched"
    );

    // Push 2: the Dockerfile change comes back: the bot's resolution is undone.
    std::fs::write(root.join("Dockerfile"), dockerfile_new).expect("write");
    let again = push_version(&fake, &repo, 302, "regression");
    let (run, _) = review(&fake, &repo, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let docker = thread_on(&fake, "Dockerfile");
    assert_eq!(docker["notes"][0]["resolved"], false, "reopened");
    assert_eq!(
        last_body(&docker),
        json!(format!("Found again in `{again}`."))
    );
    assert_eq!(
        bot_threads(&fake).len(),
        threads_before + 1,
        "no new thread"
    );
    assert_eq!(humans(&fake), humans_before, "still untouched");
    assert_eq!(summaries(&fake).len(), 1);
}
