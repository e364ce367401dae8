//! End-to-end benchmark (issue 11): `mrwarden review` of a 1,000-file MR with about 50
//! findings against the fake GitLab on loopback: wall time, API requests, peak RSS.
//! A measurement, not a test: run it explicitly with
//! `cargo test --release --test it bench_review -- --ignored --nocapture`.

use crate::support::fake_gitlab;

use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use fake_gitlab::{Fake, State, VersionData, entries_from_git_diff};

fn git(dir: &Path, args: &[&str]) -> String {
    String::from_utf8_lossy(&crate::support::common::git_in(dir, dir, args, &[])).into_owned()
}

#[test]
#[ignore = "benchmark: run with --ignored --nocapture"]
fn review_of_a_thousand_file_mr() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::write(d.join("README.md"), "x\n").expect("write");
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "base"]);
    git(d, &["checkout", "-qb", "mr"]);
    for i in 0..1000 {
        let mut text = String::new();
        for j in 0..20 {
            let _ = writeln!(text, "def f{j}(x):\n    return x + {j}");
        }
        if i % 20 == 0 {
            let _ = writeln!(text, "subprocess.run(\"rm \" + name{i}, shell=True)");
        }
        std::fs::create_dir_all(d.join(format!("pkg{}", i / 100))).expect("mkdir");
        std::fs::write(d.join(format!("pkg{}/m{i}.py", i / 100)), text).expect("write");
    }
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "mr"]);
    let base = git(d, &["rev-parse", "main"]).trim().to_string();
    let head = git(d, &["rev-parse", "mr"]).trim().to_string();
    let diff = git(
        d,
        &[
            "diff",
            "--find-renames",
            "--no-color",
            &format!("{base}...{head}"),
        ],
    );
    let state = State {
        project_id: 42,
        iid: 7,
        token: Some("glpat-BENCHbench1234567890".into()),
        versions: vec![VersionData {
            id: 300,
            base: base.clone(),
            start: base,
            head,
            diffs: entries_from_git_diff(&diff),
        }],
        repo_dir: Some(d.to_path_buf()),
        ..State::default()
    };
    let fake = Fake::start("/api/v4", state);
    let out = tempfile::tempdir().expect("tempdir");
    let start = Instant::now();
    let run = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(crate::support::bin_path())
        .args(["review", "--format", "json", "--output-dir"])
        .arg(out.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("CI_API_V4_URL", &fake.url)
        .env("CI_PROJECT_ID", "42")
        .env("CI_MERGE_REQUEST_PROJECT_ID", "42")
        .env("CI_MERGE_REQUEST_IID", "7")
        .env("CI_MERGE_REQUEST_DIFF_ID", "300")
        .env("CI_PIPELINE_SOURCE", "merge_request_event")
        .env("CI_SERVER_VERSION_MAJOR", "17")
        .env("CI_SERVER_VERSION_MINOR", "11")
        .env("MRWARDEN_GITLAB_TOKEN", "glpat-BENCHbench1234567890")
        .output()
        .expect("runs");
    let wall = start.elapsed();
    let stderr = String::from_utf8_lossy(&run.stderr);
    let rss_kb: u64 = stderr
        .lines()
        .rev()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or(0);
    let doc: serde_json::Value = serde_json::from_slice(&run.stdout).expect("json output");
    let findings = doc["findings"].as_array().map_or(0, Vec::len);
    let seen = fake.requests();
    let requests = seen.len();
    let writes = seen.iter().filter(|r| r.method != "GET").count();
    // The budget: writes + ⌈files / per_page⌉ + 10, with per_page 100 on 17.11.
    let bound = writes + 1000usize.div_ceil(100) + 10;
    // A benchmark's whole output is this line.
    #[allow(clippy::print_stdout)]
    let () = println!(
        "review of a 1,000-file MR: exit {:?}, {findings} findings, {requests} API requests \
         ({writes} writes; budget {bound}), wall {:.3} s, peak RSS {} MB",
        run.status.code(),
        wall.as_secs_f64(),
        rss_kb / 1024
    );
    assert_eq!(findings, 50, "{stderr}");
    let reads: Vec<String> = seen
        .iter()
        .filter(|r| r.method == "GET")
        .map(|r| format!("{}?{}", r.path, r.query))
        .collect();
    assert!(
        requests <= bound,
        "{requests} requests exceed the budget of {bound}; reads:\n{}",
        reads.join("\n")
    );
}
