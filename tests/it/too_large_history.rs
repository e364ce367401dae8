//! GitLab returns commit-diff and version-diff entries over its `diff_max_patch_bytes`
//! as `too_large` with no diff (the fake GitLab does the same). A multi-commit MR that
//! rebuilds a 1 MB minified bundle must still be reviewed whole: the entries are
//! filled from the blobs at the commit and its parent, a secret in an intermediate
//! build is found, the review exits as `scan` does on the same repository, and the
//! commit whose bundle is the head's version is not read again.

use crate::support::fake_gitlab;
use crate::support::review_support;

use std::path::Path;

use fake_gitlab::Fake;
use serde_json::Value;

use review_support::*;

const SECRET: &str = "glpat-BundleZyxwv987654321";
/// GitLab's default is a few hundred KB; the bundle's patches are over it.
const MAX_PATCH_BYTES: usize = 200 * 1024;

/// A minified bundle of about 1 MB: 1,000 lines of 1,000 characters, different per
/// build, with `extra` as one more line.
fn bundle(build: u32, extra: &str) -> String {
    let mut s = String::with_capacity(1_010_000);
    for i in 0..1_000u32 {
        let mut line = format!("function b{build}l{i}(a){{return a*{build}+{i}}}");
        while line.len() < 1_000 {
            line.push_str(";a=a+1");
        }
        line.truncate(1_000);
        s.push_str(&line);
        s.push('\n');
    }
    s.push_str(extra);
    s
}

fn commit(root: &Path, path: &str, text: &str, msg: &str) -> String {
    std::fs::write(root.join(path), text).expect("write");
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", msg]);
    git(root, &["rev-parse", "HEAD"]).trim().to_string()
}

/// `main` with a README; `feature` adds the bundle, rebuilds it with a token inside,
/// and rebuilds it again without.
fn three_builds() -> (Repo, [String; 3]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    let base = commit(root, "README.md", "hello\n", "base");
    git(root, &["checkout", "-q", "-b", "feature"]);
    std::fs::create_dir_all(root.join("dist")).expect("mkdir");
    let one = commit(root, "dist/app.min.js", &bundle(1, ""), "build 1");
    let leak = format!("var t=\"{SECRET}\";\n");
    let two = commit(root, "dist/app.min.js", &bundle(2, &leak), "build 2");
    let three = commit(root, "dist/app.min.js", &bundle(3, ""), "build 3");
    (
        Repo {
            dir,
            base,
            head: three.clone(),
        },
        [one, two, three],
    )
}

fn findings(run: &Run) -> Vec<Value> {
    let doc: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}\n{}", run.stdout, run.stderr));
    doc["findings"].as_array().expect("findings").clone()
}

#[test]
fn too_large_commit_diffs_are_filled_from_blobs_and_the_review_exits_as_scan() {
    let (repo, [one, two, three]) = three_builds();
    let scan = mrwarden(
        &[
            "scan", ".", "--base", "main", "--head", "feature", "--format", "json",
        ],
        repo.dir.path(),
        &[],
    );
    assert_eq!(scan.code, 1, "{}", scan.stderr);
    let expected = findings(&scan);
    assert!(
        expected
            .iter()
            .any(|f| f["rule_id"] == "mrwarden.history-secret"),
        "scan finds the token of build 2: {expected:?}"
    );

    let mut state = state_for(&repo);
    state.max_patch_bytes = MAX_PATCH_BYTES;
    let fake = Fake::start("/api/v4", state);
    let cwd = tempfile::tempdir().expect("tempdir");
    let run = mrwarden(
        &["review", "--format", "json", "--dry-run"],
        cwd.path(),
        &mr_vars(&fake.url, Some(CANARY), Some(300)),
    );
    assert_eq!(run.code, 1, "exit as scan: {}", run.stderr);
    assert_eq!(findings(&run), expected);
    assert!(!run.stderr.contains("not scanned"), "{}", run.stderr);

    let reqs = fake.requests();
    // The fake did answer `too_large`, for every commit and the version.
    let too_large = reqs
        .iter()
        .filter(|r| r.path.ends_with("/diff") || r.path.contains("/versions/"))
        .count();
    assert_eq!(too_large, 4, "{reqs:?}");
    let blob_reads = |rev: &str| {
        reqs.iter()
            .filter(|r| {
                r.path.contains("/repository/files/dist%2Fapp.min.js/raw")
                    && r.query.contains(&format!("ref={rev}"))
            })
            .count()
    };
    // Build 1 (new file, at build 1), build 2 (at build 1 and 2); build 3 is the
    // head's version: read once, for the version's own diff, never for its commit.
    assert_eq!(blob_reads(&one), 2, "{reqs:?}");
    assert_eq!(blob_reads(&two), 1, "{reqs:?}");
    assert_eq!(blob_reads(&three), 1, "{reqs:?}");
}
