//! The walking skeleton's "done when" list (issue 3), through the real binary: demo,
//! the gate's exit codes, bad input, the diff sources (`--staged`, `--diff`, default
//! range, CI variables) and fingerprint stability.

use crate::support::common;

use common::{Cmd, REDACTED_TOKEN, Repo, Run, token, token_line};
use serde_json::Value;

/// A repository whose `feature` branch (checked out) adds `file` with `content`.
fn feature_adds(file: &str, content: &str) -> Repo {
    let r = Repo::new();
    r.write("README.md", "service\n");
    r.write("app/main.py", "def main():\n    return 0\n");
    r.commit("base");
    r.branch("feature");
    r.write(file, content);
    r.commit("feature");
    r
}

fn private_key_line() -> String {
    format!("-----BEGIN {} PRIVATE KEY-----", "OPENSSH")
}

/// Checks a Code Quality report against the fields GitLab needs.
fn check_code_quality(items: &[Value]) {
    for item in items {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(
                item[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field} missing in {item}"
            );
        }
        assert!(item["location"]["path"].as_str().is_some(), "{item}");
        assert!(
            item["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1),
            "{item}"
        );
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&item["severity"].as_str().unwrap_or_default()),
            "{item}"
        );
    }
}

#[test]
fn demo_exits_1_prints_findings_and_writes_code_quality() {
    let run = Cmd::new(&["demo"]).run();
    run.expect_code(1);
    assert!(run.stdout.contains("gitlab-pat"), "{run}");
    assert!(run.stdout.contains("config/settings.py"), "{run}");
    let cq = run.code_quality();
    assert!(!cq.is_empty());
    check_code_quality(&cq);
    assert!(
        cq.iter()
            .any(|i| i["check_name"] == "gitlab-pat"
                && i["location"]["path"] == "config/settings.py"),
        "{cq:?}"
    );
    // The bundled (fake) token is never printed whole.
    let settings = include_str!("../../examples/demo/feature/config/settings.py");
    let start = settings.find("glpat-").expect("demo has a token");
    let demo_token: String = settings[start..]
        .chars()
        .take_while(char::is_ascii_alphanumeric_or_dash)
        .collect();
    assert!(demo_token.len() > 20);
    run.assert_never_shows(&demo_token);
    // The JSON form says the same.
    let json = Cmd::new(&["demo", "--format", "json"]).run();
    json.expect_code(1);
    assert!(
        json.locations()
            .iter()
            .any(|(rule, path, _)| rule == "gitlab-pat" && path == "config/settings.py")
    );
}

trait AlnumDash {
    fn is_ascii_alphanumeric_or_dash(&self) -> bool;
}

impl AlnumDash for char {
    fn is_ascii_alphanumeric_or_dash(&self) -> bool {
        self.is_ascii_alphanumeric() || *self == '-' || *self == '_'
    }
}

#[test]
fn scan_reports_the_exact_added_line_in_every_output() {
    let r = feature_adds(
        "app/config.py",
        &format!("import os\n\n\n{}\n", token_line(1)),
    );
    let json = r.scan_json(&[]);
    json.expect_code(1);
    let f = json.findings();
    assert_eq!(f.len(), 1, "{json}");
    assert_eq!((f[0].path.as_str(), f[0].line), ("app/config.py", 4));
    assert!(f[0].snippet.contains(REDACTED_TOKEN), "{:?}", f[0]);
    json.assert_never_shows(&token(1));
    let cq = json.code_quality();
    check_code_quality(&cq);
    assert_eq!(cq.len(), 1);
    assert_eq!(cq[0]["location"]["path"], "app/config.py");
    assert_eq!(cq[0]["location"]["lines"]["begin"], 4);
    assert_eq!(cq[0]["check_name"], "gitlab-pat");
    assert_eq!(cq[0]["severity"], "critical");

    let human = r.mrwarden(&["scan", "--base", "main"]).run();
    human.expect_code(1);
    assert!(human.stdout.contains("app/config.py:4"), "{human}");
    assert!(human.stdout.contains(REDACTED_TOKEN), "{human}");
    assert!(
        !human.stdout.contains('\u{1b}'),
        "colour without a terminal"
    );
    human.assert_never_shows(&token(1));

    let md = r
        .mrwarden(&["scan", "--base", "main", "--format", "markdown"])
        .run();
    md.expect_code(1);
    assert!(md.stdout.contains("app/config.py"), "{md}");
    md.assert_never_shows(&token(1));
}

// ---------------------------------------------------------------------------------------
// Exit codes.

#[test]
fn exit_codes_follow_the_gate() {
    // (content the branch adds, extra flags, expected exit code)
    let cases: &[(String, &[&str], i32)] = &[
        ("print('hello')\n".into(), &[], 0),
        (token_line(2) + "\n", &[], 1),
        (token_line(2) + "\n", &["--fail-on", "never"], 0),
        (token_line(2) + "\n", &["--fail-on", "critical"], 0),
        (token_line(2) + "\n", &["--fail-on", "high"], 1),
        (token_line(2) + "\n", &["--fail-on", "info"], 1),
        (private_key_line() + "\n", &["--fail-on", "critical"], 1),
    ];
    for (content, flags, code) in cases {
        let r = feature_adds("app/added.py", content);
        let run = r.scan_json(flags);
        assert_eq!(run.code, *code, "{flags:?} on {content:?}\n{run}");
        assert!(run.stderr.is_empty(), "{run}");
        run.assert_never_shows(&token(2));
        check_code_quality(&run.code_quality());
    }
}

#[test]
fn bad_flags_exit_2_before_analysis() {
    let r = feature_adds("app/added.py", &(token_line(3) + "\n"));
    for args in [
        &["scan", "--fail-on", "severe"][..],
        &["scan", "--diff", "x.patch", "--staged"],
        &["scan", "--base", "main", "--staged"],
        &["scan", "--head", "HEAD", "--diff", "-"],
        &["scan", "--format", "yaml"],
        &["scan", "--no-such-flag"],
        &["nonsense"],
    ] {
        let run = r.mrwarden(args).run();
        assert_eq!(run.code, 2, "{run}");
        assert!(!run.stderr.is_empty(), "{run}");
        assert!(run.stdout.is_empty(), "{run}");
    }
    for args in [&["--help"][..], &["--version"], &["scan", "--help"]] {
        Cmd::new(args).run().expect_code(0);
    }
}

/// A flag with a fixed set of values refuses any other value as a usage error (exit 2)
/// that names every choice, before anything is read. `--comments` once took an unknown
/// value as `inline`.
#[test]
fn unknown_fixed_choice_values_exit_2_naming_the_choices() {
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["review", "--comments", "inlined"],
            &["inline", "summary", "off"],
        ),
        (
            &["review", "--on-publish-error", "ignore"],
            &["warn", "fail"],
        ),
        (
            &["scan", "--fail-on", "severe"],
            &["info", "low", "medium", "high", "critical", "never"],
        ),
        (
            &["scan", "--report", "sarif,pdf"],
            &[
                "codequality",
                "sast",
                "secret_detection",
                "sarif",
                "junit",
                "markdown",
            ],
        ),
        (
            &["scan", "--format", "yaml"],
            &["human", "json", "markdown"],
        ),
    ];
    for (args, choices) in cases {
        let run = Cmd::new(args).run();
        assert_eq!(run.code, 2, "{run}");
        assert!(run.stdout.is_empty(), "{run}");
        let bad = args.last().expect("a value");
        let bad = bad.rsplit(',').next().expect("a value");
        assert!(
            run.stderr.contains(&format!("invalid value '{bad}'")),
            "{run}"
        );
        let listed = run
            .stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("[possible values: "))
            .and_then(|l| l.strip_suffix(']'))
            .unwrap_or_else(|| panic!("no choices listed\n{run}"));
        assert_eq!(listed.split(", ").collect::<Vec<_>>(), choices, "{run}");
    }
    // Every choice is accepted (outside a merge-request pipeline review writes empty
    // reports and passes).
    let dir = tempfile::tempdir().expect("temp dir");
    for mode in ["inline", "summary", "off"] {
        let run = Cmd::new(&["review", "--comments", mode, "--dry-run"])
            .cwd(dir.path())
            .run();
        assert_eq!(run.code, 0, "{run}");
    }
}

// ---------------------------------------------------------------------------------------
// Bad input: one line that says what to fix, exit 2 or 3, no panic, reports still written
// when the output directory is usable.

/// Checks a failed run: exit code, one `error:` line mentioning `needle`, valid empty
/// reports in the output directory (if `reports`).
fn check_failure(run: &Run, code: i32, needle: &str, reports: bool) {
    assert_eq!(run.code, code, "{run}");
    let line = run.one_line_error();
    assert!(line.contains(needle), "{needle:?} not in {line:?}");
    if reports {
        assert_eq!(run.code_quality(), Vec::<Value>::new(), "{run}");
        let names: Vec<String> = run.report_files().into_iter().map(|(n, _)| n).collect();
        assert!(
            names.contains(&"mrwarden-summary.md".to_string()),
            "{names:?}"
        );
    }
}

#[test]
fn bad_input_is_one_line_with_the_fix() {
    let not_repo = tempfile::tempdir().expect("tempdir");
    let path = not_repo.path().to_str().expect("utf-8 path");
    let run = Cmd::new(&["scan", path]).cwd(not_repo.path()).run();
    check_failure(&run, 2, "not a git repository", true);

    let missing = not_repo.path().join("does-not-exist");
    let run = Cmd::new(&["scan", missing.to_str().expect("utf-8")]).run();
    check_failure(&run, 2, "not a git repository", true);

    let r = feature_adds("app/added.py", &(token_line(4) + "\n"));
    check_failure(
        &r.mrwarden(&["scan", "--base", "no-such-branch"]).run(),
        2,
        "unknown revision",
        true,
    );
    check_failure(
        &r.mrwarden(&["scan", "--base", "main", "--head", "deadbeef"])
            .run(),
        2,
        "unknown revision",
        true,
    );

    // No main/master/origin: the default range cannot be chosen.
    let trunk = Repo::new();
    trunk.write("a.txt", "a\n");
    trunk.commit("one");
    trunk.git(&["branch", "-m", "main", "trunk"]);
    check_failure(&trunk.mrwarden(&["scan"]).run(), 2, "--base", true);

    // Unrelated histories have no merge-base.
    r.git(&["checkout", "--quiet", "--orphan", "island"]);
    r.commit("island");
    check_failure(
        &r.mrwarden(&["scan", "--base", "main"]).run(),
        2,
        "no common ancestor",
        true,
    );

    // Malformed and missing --diff files, and a truncated diff on stdin.
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.patch");
    std::fs::write(&bad, "this is not a diff\n").expect("write");
    check_failure(
        &Cmd::new(&["scan", "--diff", bad.to_str().expect("utf-8")]).run(),
        2,
        "unified diff",
        true,
    );
    let missing = dir.path().join("missing.patch");
    check_failure(
        &Cmd::new(&["scan", "--diff", missing.to_str().expect("utf-8")]).run(),
        2,
        "cannot read --diff file",
        true,
    );
    let truncated = format!(
        "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,3 @@\n+{}\n",
        token_line(5)
    );
    let run = Cmd::new(&["scan", "--diff", "-"]).stdin(truncated).run();
    check_failure(&run, 2, "ended inside a hunk", true);
    run.assert_never_shows(&token(5));

    // An output directory that cannot exist: a path under a regular file.
    let file = dir.path().join("regular-file");
    std::fs::write(&file, "x").expect("write");
    let under = file.join("reports");
    let run = r
        .mrwarden(&["scan", "--base", "main"])
        .output_dir(&under)
        .run();
    check_failure(&run, 2, "--output-dir", false);
    let run = Cmd::new(&["demo"]).output_dir(&under).run();
    check_failure(&run, 2, "--output-dir", false);
}

#[test]
fn reports_are_written_and_stale_ones_replaced() {
    let r = feature_adds("app/added.py", &(token_line(6) + "\n"));
    let out = tempfile::tempdir().expect("tempdir");
    let keep = out.path().join("notes.txt");
    std::fs::write(&keep, "mine").expect("write");
    let run = r
        .mrwarden(&["scan", "--base", "main", "--format", "json"])
        .output_dir(out.path())
        .run();
    run.expect_code(1);
    assert_eq!(run.code_quality().len(), 1);
    // A clean run in the same directory replaces the report with an empty one.
    let run = r
        .mrwarden(&["scan", "--base", "main", "--head", "main"])
        .output_dir(out.path())
        .run();
    run.expect_code(0);
    assert_eq!(run.code_quality(), Vec::<Value>::new());
    assert_eq!(std::fs::read_to_string(&keep).expect("kept"), "mine");
}

// ---------------------------------------------------------------------------------------
// Diff sources.

#[test]
fn staged_sees_staged_changes_only() {
    let r = Repo::new();
    r.write("a.py", "a = 1\n");
    r.write("b.py", "b = 1\n");
    r.commit("base");
    r.write("a.py", format!("a = 1\n{}\n", token_line(7)));
    r.git(&["add", "a.py"]);
    r.write("b.py", format!("b = 1\n{}\n", token_line(8))); // not staged
    r.write("c.py", format!("{}\n", token_line(9))); // untracked
    let run = r.mrwarden(&["scan", "--staged", "--format", "json"]).run();
    assert_eq!(
        run.locations(),
        vec![("gitlab-pat".into(), "a.py".into(), 2)],
        "{run}"
    );
    run.expect_code(1);
    for n in 7..=9 {
        run.assert_never_shows(&token(n));
    }

    // A repository without any commit yet (first commit in a pre-commit hook).
    let fresh = Repo::new();
    fresh.write("first.py", format!("x = 1\n{}\n", token_line(10)));
    fresh.git(&["add", "first.py"]);
    let run = fresh
        .mrwarden(&["scan", "--staged", "--format", "json"])
        .run();
    assert_eq!(
        run.locations(),
        vec![("gitlab-pat".into(), "first.py".into(), 2)],
        "{run}"
    );

    // Nothing staged: clean.
    r.git(&["reset", "--quiet"]);
    r.mrwarden(&["scan", "--staged"]).run().expect_code(0);
}

#[test]
fn diff_from_stdin_and_file() {
    let r = feature_adds("svc/app.py", &format!("x = 1\ny = 2\n{}\n", token_line(11)));
    let patch = r.git_bytes(&["diff", "main", "feature"]);
    let expect = vec![("gitlab-pat".to_string(), "svc/app.py".to_string(), 3)];

    let stdin = Cmd::new(&["scan", "--diff", "-", "--format", "json"])
        .stdin(patch.clone())
        .run();
    assert_eq!(stdin.locations(), expect, "{stdin}");
    stdin.expect_code(1);
    stdin.assert_never_shows(&token(11));

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("change.patch");
    std::fs::write(&file, &patch).expect("write");
    let from_file = Cmd::new(&[
        "scan",
        "--diff",
        file.to_str().expect("utf-8"),
        "--format",
        "json",
    ])
    .run();
    assert_eq!(from_file.locations(), expect, "{from_file}");

    // Plain `diff -u` output, and an empty diff.
    let plain = format!(
        "--- old/conf.ini\t2024-01-01 00:00:00\n+++ new/conf.ini\t2024-01-02 00:00:00\n@@ -1 +1,2 @@\n a=1\n+{}\n",
        token_line(12)
    );
    let run = Cmd::new(&["scan", "--diff", "-", "--format", "json"])
        .stdin(plain)
        .run();
    assert_eq!(run.findings().len(), 1, "{run}");
    assert_eq!(run.findings()[0].line, 2);
    Cmd::new(&["scan", "--diff", "-"])
        .stdin("")
        .run()
        .expect_code(0);
}

#[test]
fn default_range_is_the_merge_base_with_main() {
    let r = feature_adds("feature.py", &format!("{}\n", token_line(13)));
    // main moves on after the branch point; its changes are not the branch's.
    r.checkout("main");
    r.write("main_only.py", format!("{}\n", token_line(14)));
    r.commit("main moves on");
    r.checkout("feature");
    let expect = vec![("gitlab-pat".to_string(), "feature.py".to_string(), 1)];
    let run = r.mrwarden(&["scan", "--format", "json"]).run();
    assert_eq!(run.locations(), expect, "{run}");
    run.expect_code(1);
    // From another directory, naming the repository.
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let path = r.path().to_str().expect("utf-8");
    let run = Cmd::new(&["scan", path, "--format", "json"])
        .cwd(elsewhere.path())
        .run();
    assert_eq!(run.locations(), expect, "{run}");
    // `--head` with the default base, from main.
    r.checkout("main");
    let run = r
        .mrwarden(&["scan", "--head", "feature", "--format", "json"])
        .run();
    assert_eq!(run.locations(), expect, "{run}");
    // On main itself: nothing to review.
    r.mrwarden(&["scan"]).run().expect_code(0);
    // master works as the default branch too.
    r.git(&["branch", "-m", "main", "master"]);
    r.checkout("feature");
    let run = r.mrwarden(&["scan", "--format", "json"]).run();
    assert_eq!(run.locations(), expect, "{run}");
}

#[test]
fn ci_variables_pick_the_range_when_flags_are_absent() {
    let r = feature_adds("ci.py", &format!("x = 1\n{}\n", token_line(15)));
    let base = r.rev("main");
    let head = r.rev("feature");
    r.checkout("main"); // the checkout does not matter, the variables do
    let ci = |cmd: Cmd| {
        cmd.env("CI", "true")
            .env("GITLAB_CI", "true")
            .env("CI_MERGE_REQUEST_IID", "7")
            .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", &base)
            .env("CI_COMMIT_SHA", &head)
    };
    let run = ci(r.mrwarden(&["scan", "--format", "json"])).run();
    assert_eq!(
        run.locations(),
        vec![("gitlab-pat".into(), "ci.py".into(), 2)],
        "{run}"
    );
    run.expect_code(1);
    // Flags win over the variables.
    let run = ci(r.mrwarden(&["scan", "--base", "main", "--head", "main"])).run();
    run.expect_code(0);
    // Outside an MR pipeline CI_COMMIT_SHA does not name the head: HEAD (main) does.
    let run = r
        .mrwarden(&["scan", "--format", "json"])
        .env("CI_COMMIT_SHA", &head)
        .run();
    assert_eq!(run.locations(), vec![], "{run}");
    // An unknown SHA from CI (shallow clone) is a clear error, not a panic.
    let run = ci(r.mrwarden(&["scan"]))
        .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", &"1".repeat(40))
        .run();
    check_failure(&run, 2, "unknown revision", true);
}

#[test]
fn fingerprint_survives_lines_added_above() {
    let r = Repo::new();
    r.write("svc/config.py", "import os\n");
    r.commit("base");
    r.branch("feature");
    let body = format!("import os\n\nA = 1\nB = 2\n{}\n", token_line(16));
    r.write("svc/config.py", &body);
    let first = r.commit("add token");
    r.write("svc/config.py", format!("# header\n# more\n\n{body}"));
    let second = r.commit("lines above");
    // The finding on the head's line (a rotated secret also leaves a
    // `mrwarden.history-secret` for the old value, which tests/it/history.rs covers).
    let at = |head: &str| {
        let run = r.scan_json(&["--head", head]);
        let f: Vec<_> = run
            .findings()
            .into_iter()
            .filter(|f| f.rule != "mrwarden.history-secret")
            .collect();
        assert_eq!(f.len(), 1, "{run}");
        f.into_iter().next().expect("one finding")
    };
    let (a, b) = (at(&first), at(&second));
    assert_eq!((a.line, b.line), (5, 8));
    assert_eq!(a.fingerprint, b.fingerprint);
    assert_eq!(a.fingerprint.len(), 32);

    // A different secret on the same line is a different finding.
    r.write(
        "svc/config.py",
        format!(
            "# header\n# more\n\nimport os\n\nA = 1\nB = 2\n{}\n",
            token_line(17)
        ),
    );
    let third = r.commit("rotated");
    assert_ne!(at(&third).fingerprint, a.fingerprint);
    // The Code Quality fingerprint is as stable.
    let cq = |head: &str| r.scan_json(&["--head", head]).code_quality()[0]["fingerprint"].clone();
    assert_eq!(cq(&first), cq(&second));
}
