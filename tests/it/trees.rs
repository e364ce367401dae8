//! Whole post-change files for the syntax-tree engines (issue 17, item 1): `scan` reads
//! them from git at the head revision (the index with `--staged`, nothing with
//! `--diff`), `review` from the API at the version's head SHA, one read per changed code
//! file; a file that cannot be had whole is parsed from its hunks and noted
//! `scanned_in_part`, which never fails the run.

use std::fmt::Write as _;

use crate::support::common::{Repo, Run};
use crate::support::fake_gitlab::Fake;
use crate::support::review_support::{fixture_repo, mr_vars, mrwarden, state_for};

/// A module whose line 25 the branch `feature` changes (nothing sensitive anywhere),
/// plus a new file; `main` holds the original.
fn repo_with_a_change() -> Repo {
    let repo = Repo::new();
    let mut text = String::new();
    for i in 1..=30 {
        let _ = writeln!(text, "def f{i}(x):\n    return x + {i}");
    }
    repo.write("pkg/mod.py", &text).write("README.md", "x\n");
    repo.commit("base");
    repo.branch("feature");
    repo.write("pkg/mod.py", text.replace("return x + 12", "return x - 12"))
        .write("pkg/new.py", "def g():\n    return 2\n");
    repo.commit("change");
    repo
}

fn parsed(run: &Run) -> (u64, u64) {
    let stats = &run.json()["run"]["stats"];
    (
        stats["files_parsed"].as_u64().expect("files_parsed"),
        stats["files_parsed_in_part"]
            .as_u64()
            .expect("files_parsed_in_part"),
    )
}

fn in_part(run: &Run) -> Vec<String> {
    run.notes()
        .into_iter()
        .filter(|(_, reason)| reason == "scanned_in_part")
        .map(|(path, _)| path)
        .collect()
}

#[test]
fn scan_parses_the_whole_file_at_the_head_revision_not_the_working_tree() {
    let repo = repo_with_a_change();
    // The working tree disagrees with the head: a reader of the working tree would give
    // a file whose changed line differs from the diff's, and the file would be noted.
    repo.write("pkg/mod.py", "something else entirely\n");
    let run = repo.scan_json(&[]);
    run.expect_code(0);
    assert_eq!(parsed(&run), (2, 0), "{}", run.stdout);
    assert!(in_part(&run).is_empty(), "{:?}", run.notes());
}

#[test]
fn a_diff_file_has_no_revision_so_changed_files_are_scanned_in_part_and_noted() {
    let repo = repo_with_a_change();
    let diff = repo.git(&["diff", "main", "feature"]);
    repo.write("change.patch", diff);
    let run = repo
        .mrwarden(&["scan", "--diff", "change.patch", "--format", "json"])
        .run();
    // A note, not exit 3: the diff itself was analysed.
    run.expect_code(0);
    assert_eq!(parsed(&run), (1, 1), "the new file is whole in the diff");
    assert_eq!(in_part(&run), vec!["pkg/mod.py".to_string()]);
}

#[test]
fn staged_changes_are_parsed_whole_from_the_index() {
    let repo = repo_with_a_change();
    let staged = String::from_utf8(repo.read("pkg/mod.py"))
        .expect("utf8")
        .replace("return x + 20", "return x * 20");
    repo.write("pkg/mod.py", &staged);
    repo.git(&["add", "pkg/mod.py"]);
    // The working tree moves on after staging: only the index counts.
    repo.write("pkg/mod.py", "not what was staged\n");
    let run = repo
        .mrwarden(&["scan", "--staged", "--format", "json"])
        .run();
    run.expect_code(0);
    assert_eq!(parsed(&run), (1, 0), "{}", run.stdout);
    assert!(in_part(&run).is_empty(), "{:?}", run.notes());
}

#[test]
fn scan_all_parses_every_code_file_whole_without_reading_anything_else() {
    let repo = repo_with_a_change();
    let run = repo.mrwarden(&["scan", "--all", "--format", "json"]).run();
    run.expect_code(0);
    assert_eq!(parsed(&run), (2, 0), "{}", run.stdout);
}

/// Raw-file reads of the review, as (path, ref).
fn raw_reads(fake: &Fake) -> Vec<(String, String)> {
    fake.requests()
        .into_iter()
        .filter(|r| {
            r.method == "GET" && r.path.ends_with("/raw") && r.path.contains("/repository/files/")
        })
        .map(|r| {
            let file = r
                .path
                .trim_end_matches("/raw")
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .replace("%2F", "/")
                .replace("%2f", "/");
            let rev = r
                .query
                .split('&')
                .find_map(|kv| kv.strip_prefix("ref="))
                .unwrap_or_default()
                .to_string();
            (file, rev)
        })
        .collect()
}

/// `review --dry-run --fail-on never` of the demo MR against the fake GitLab: exit 0
/// unless content went unscanned (3).
fn review(
    repo: &crate::support::review_support::Repo,
    state: crate::support::fake_gitlab::State,
) -> (Fake, Run) {
    let fake = Fake::start("/api/v4", state);
    let vars = mr_vars(
        &fake.url,
        Some(crate::support::review_support::CANARY),
        Some(300),
    );
    let args = [
        "review",
        "--dry-run",
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    let run = mrwarden(&args, repo.dir.path(), &vars);
    run.expect_code(0);
    (fake, run)
}

#[test]
fn review_reads_each_changed_code_file_once_at_the_head_sha() {
    let repo = fixture_repo();
    let (fake, run) = review(&repo, state_for(&repo));
    let mut at_head: Vec<String> = raw_reads(&fake)
        .into_iter()
        .filter(|(_, rev)| *rev == repo.head)
        .map(|(path, _)| path)
        .collect();
    at_head.sort();
    // The demo modifies these code files. Only files some structural or taint rule
    // looks at are read (the Dockerfile's rules are line rules; the key file and the
    // renamed text file have no grammar; new files are whole in the diff).
    assert_eq!(
        at_head,
        vec!["app/orders.py", "config/settings.py"],
        "{:?}",
        raw_reads(&fake)
    );
    assert_eq!(parsed(&run).1, 0, "{:?}", run.notes());
    assert_eq!(parsed(&run).0, 2);
}

#[test]
fn a_refused_read_parses_the_hunks_and_is_a_note_not_exit_3() {
    let repo = fixture_repo();
    let mut state = state_for(&repo);
    state.refused_files = vec!["app/orders.py".into()];
    let (_fake, run) = review(&repo, state);
    assert_eq!(in_part(&run), vec!["app/orders.py".to_string()]);
    assert_eq!(parsed(&run), (1, 1));
    assert!(
        !run.locations()
            .iter()
            .any(|(rule, _, _)| rule == "mrwarden.not-scanned"),
        "{:?}",
        run.locations()
    );
}

#[test]
fn a_baseline_accepts_the_tree_engines_findings_too() {
    let repo = Repo::new();
    repo.write(
        "app/run.py",
        "import os\nfrom flask import request\n\n\ndef run():\n    name = request.args.get(\"name\")\n    target = \"/srv/\" + name\n    os.system(\"ls \" + target)\n",
    );
    repo.commit("base");
    let before = repo.mrwarden(&["scan", "--all", "--format", "json"]).run();
    assert_eq!(before.code, 1, "a taint finding: {}", before.stdout);
    let created = repo.mrwarden(&["baseline", "create"]).run();
    created.expect_code(0);
    let after = repo.mrwarden(&["scan", "--all", "--format", "json"]).run();
    assert_eq!(
        after.code,
        0,
        "every finding is in the baseline: {:?}",
        after.locations()
    );
    assert!(after.locations().is_empty(), "{:?}", after.locations());
}
