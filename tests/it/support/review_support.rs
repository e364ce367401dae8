//! Helpers shared by the review and publish tests: a fixture repository from the demo
//! change, the fake GitLab's state for it, and running the real binary as an MR
//! pipeline would.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use crate::support::fake_gitlab::{State, VersionData, entries_from_git_diff};
use serde_json::Value;

pub(crate) const CANARY: &str = "glpat-CANARY1234567890abcd";
pub(crate) const REPORTS: &[&str] = &["gl-code-quality-report.json", "mrwarden-summary.md"];

/// git in `dir` (its own `HOME`), through [`super::common::git_in`]; stdout.
pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(super::common::git_in(dir, dir, args, &[])).expect("utf8")
}

pub(crate) fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let dest = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
            copy_tree(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}

/// The demo change plus a rename, a deletion and a path with a space and non-ASCII
/// letters, on branches `main` and `feature`.
pub(crate) struct Repo {
    pub(crate) dir: tempfile::TempDir,
    pub(crate) base: String,
    pub(crate) head: String,
}

pub(crate) fn fixture_repo() -> Repo {
    fixture_repo_with(&[], &[])
}

/// The demo change, with extra files on the target branch and in the MR.
pub(crate) fn fixture_repo_with(on_target: &[(&str, &str)], in_mr: &[(&str, &str)]) -> Repo {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    git(root, &["init", "-q", "-b", "main"]);
    copy_tree(&demo.join("base"), root);
    for (p, t) in on_target {
        std::fs::write(root.join(p), t).expect("write");
    }
    std::fs::write(root.join("old name.txt"), "keep\n").expect("write");
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "base"]);
    git(root, &["checkout", "-q", "-b", "feature"]);
    copy_tree(&demo.join("feature"), root);
    git(root, &["mv", "old name.txt", "new näme.txt"]);
    std::fs::write(
        root.join("new näme.txt"),
        "keep\ntoken = \"glpat-Abcdefghij1234567890\"\n",
    )
    .expect("write");
    std::fs::remove_file(root.join("app/__init__.py")).expect("rm");
    for (p, t) in in_mr {
        std::fs::write(root.join(p), t).expect("write");
    }
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "feature"]);
    let base = git(root, &["rev-parse", "main"]).trim().to_string();
    let head = git(root, &["rev-parse", "feature"]).trim().to_string();
    Repo { dir, base, head }
}

pub(crate) fn git_diff(repo: &Repo) -> String {
    git(
        repo.dir.path(),
        &[
            "-c",
            "core.quotePath=false",
            "diff",
            "--find-renames",
            "--no-color",
            &format!("{}...{}", repo.base, repo.head),
        ],
    )
}

pub(crate) fn state_for(repo: &Repo) -> State {
    State {
        project_id: 42,
        iid: 7,
        token: Some(CANARY.into()),
        versions: vec![VersionData {
            id: 300,
            base: repo.base.clone(),
            start: repo.base.clone(),
            head: repo.head.clone(),
            diffs: entries_from_git_diff(&git_diff(repo)),
        }],
        repo_dir: Some(repo.dir.path().to_path_buf()),
        // GitLab's default `diff_max_patch_bytes` (200 KiB): larger patches come back
        // `too_large`, as on a real instance.
        max_patch_bytes: 200 * 1024,
        ..State::default()
    }
}

/// The result of a run: the one [`super::common::Run`].
pub(crate) use super::common::Run;

/// The binary with `args`, writing reports to `out_dir`, in `cwd`, with only `vars`
/// (plus `PATH`, `HOME`, trace logging) in its environment.
pub(crate) fn command(
    args: &[&str],
    cwd: &Path,
    home: &Path,
    out_dir: &Path,
    vars: &[(&str, String)],
) -> Command {
    let mut cmd = crate::support::mrwarden_bin();
    cmd.args(args)
        .arg("--output-dir")
        .arg(out_dir)
        .current_dir(cwd)
        .env("HOME", home)
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd
}

/// The binary with `args` as an MR pipeline runs it: [`super::common::Cmd`] with
/// `--output-dir` in a fresh directory, trace logging, and `vars`.
pub(crate) fn mrwarden(args: &[&str], cwd: &Path, vars: &[(&str, String)]) -> Run {
    let mut cmd = super::common::Cmd::new(args)
        .cwd(cwd)
        .with_output_dir()
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1");
    for (k, v) in vars {
        cmd = cmd.env(k, v);
    }
    cmd.run()
}

pub(crate) fn mr_vars(
    url: &str,
    token: Option<&str>,
    diff_id: Option<u64>,
) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("CI", "true".to_string()),
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_string()),
        ("CI_API_V4_URL", url.to_string()),
        ("CI_PROJECT_ID", "42".to_string()),
        ("CI_MERGE_REQUEST_PROJECT_ID", "42".to_string()),
        ("CI_MERGE_REQUEST_IID", "7".to_string()),
    ];
    if let Some(t) = token {
        v.push(("MRWARDEN_GITLAB_TOKEN", t.to_string()));
    }
    if let Some(id) = diff_id {
        v.push(("CI_MERGE_REQUEST_DIFF_ID", id.to_string()));
    }
    v
}

pub(crate) fn assert_reports_written(run: &Run) {
    for r in REPORTS {
        let p = run.out_dir.join(r);
        assert!(p.is_file(), "{r} missing; stderr: {}", run.stderr);
    }
    let cq: Value = serde_json::from_slice(
        &std::fs::read(run.out_dir.join("gl-code-quality-report.json")).expect("read"),
    )
    .expect("code quality is JSON");
    assert!(cq.is_array());
}
