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
    // The target branch holds the 1,000 modules; the MR changes each of them, so the
    // tree engines read every one whole at the head SHA (the worst case: a file the
    // MR adds is whole in the diff and needs no read).
    let module = |i: usize, changed: bool| {
        let mut text = String::new();
        for j in 0..20 {
            let _ = writeln!(text, "def f{j}(x):\n    return x + {j}");
            if changed && j == 10 {
                let _ = writeln!(text, "def g{j}(x):\n    return x * {j}");
            }
        }
        if changed && i.is_multiple_of(20) {
            let _ = writeln!(text, "subprocess.run(\"rm \" + name{i}, shell=True)");
        }
        text
    };
    let write_all = |changed: bool| {
        for i in 0..1000 {
            std::fs::create_dir_all(d.join(format!("pkg{}", i / 100))).expect("mkdir");
            std::fs::write(
                d.join(format!("pkg{}/m{i}.py", i / 100)),
                module(i, changed),
            )
            .expect("write");
        }
    };
    write_all(false);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "base"]);
    git(d, &["checkout", "-qb", "mr"]);
    write_all(true);
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
            head: head.clone(),
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
    // The budget: writes + ⌈files / per_page⌉ + 10, with per_page 100 on 17.11,
    // plus one whole-file read per changed code file (issue 17; `limits.parse_files`
    // is 1,000 by default, so every module is read).
    // (Reads at the base commit are the trusted policy's, counted in the 10.)
    let file_reads = seen
        .iter()
        .filter(|r| {
            r.method == "GET"
                && r.path.contains("/repository/files/")
                && r.query.contains(&format!("ref={head}"))
        })
        .count();
    let bound = writes + 1000usize.div_ceil(100) + 10 + 1000;
    // A benchmark's whole output is this line.
    #[allow(clippy::print_stdout)]
    let () = println!(
        "review of a 1,000-file MR: exit {:?}, {findings} findings, {requests} API requests \
         ({writes} writes, {file_reads} whole-file reads; budget {bound}), wall {:.3} s, \
         peak RSS {} MB, files parsed {} whole / {} in part",
        run.status.code(),
        wall.as_secs_f64(),
        rss_kb / 1024,
        doc["run"]["stats"]["files_parsed"],
        doc["run"]["stats"]["files_parsed_in_part"],
    );
    assert_eq!(findings, 50, "{stderr}");
    assert_eq!(file_reads, 1000, "one read per changed code file");
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
