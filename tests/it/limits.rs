//! Hostile sizes (threat model T10): each input finishes in bounded time and memory
//! with a documented exit code, and a limit hit is never a silent pass.
//!
//! Each case streams or builds hundreds of megabytes, so all are in the slow tier
//! (`#[ignore]`): `.ci/run` runs them once, in release, with
//! `cargo test --release --locked --test it -- --ignored`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Bound for every case here (generous: also holds for a debug build on a shared
/// 2-core machine).
const TIME_BOUND: Duration = Duration::from_secs(60);
const RSS_BOUND_KB: u64 = 512 * 1024;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    rss_kb: u64,
    took: Duration,
}

/// Runs the binary under `/usr/bin/time` (for peak RSS), feeding `stdin` from a writer.
fn run(dir: &Path, args: &[&str], feed: impl FnOnce(&mut dyn Write) + Send + 'static) -> Run {
    let time = Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "these tests need /usr/bin/time (Debian package `time`) to measure memory"
    );
    let rss_file = dir.join("rss");
    let start = Instant::now();
    let mut child = crate::support::clean_env(&mut Command::new(time))
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(&rss_file)
        .arg(crate::support::bin_path())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || feed(&mut stdin));
    let out = child.wait_with_output().expect("waits");
    let took = start.elapsed();
    let _ = writer.join();
    let rss_text = std::fs::read_to_string(&rss_file).unwrap_or_default();
    let rss_kb = rss_text
        .lines()
        .rev()
        .find_map(|l| l.trim().parse().ok())
        .expect("peak RSS recorded");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        rss_kb,
        took,
    }
}

fn bounded(r: &Run, what: &str) {
    assert!(r.took < TIME_BOUND, "{what} took {:?}", r.took);
    assert!(r.rss_kb < RSS_BOUND_KB, "{what} peaked at {} KB", r.rss_kb);
    assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
}

#[test]
#[ignore = "slow tier: .ci/run runs it in release (cargo test --release --test it -- --ignored)"]
fn a_one_gigabyte_diff_stream_stops_at_the_limit_and_fails_closed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = run(
        dir.path(),
        &["scan", "--diff", "-", "--output-dir", "out"],
        |w| {
            let _ = w.write_all(b"diff --git a/big.txt b/big.txt\nnew file mode 100644\n--- /dev/null\n+++ b/big.txt\n@@ -0,0 +1,20000000 @@\n");
            let line = [b"+".as_slice(), &[b'a'; 1023], b"\n"].concat();
            for _ in 0..(1 << 20) {
                if w.write_all(&line).is_err() {
                    return; // the reader stopped: expected once the limit is hit
                }
            }
        },
    );
    bounded(&r, "1 GB stream");
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("max_diff_bytes"), "{}", r.stderr);
    assert!(dir.path().join("out/gl-code-quality-report.json").exists());
}

#[test]
#[ignore = "slow tier: .ci/run runs it in release (cargo test --release --test it -- --ignored)"]
fn a_twenty_megabyte_line_is_scanned_up_to_the_cap_and_noted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let token = ["glpat-", "Q7mZ2xKp9LwR4vNt8YbC"].concat();
    let r = run(
        dir.path(),
        &[
            "scan",
            "--diff",
            "-",
            "--format",
            "json",
            "--output-dir",
            "out",
        ],
        move |w| {
            let _ = w.write_all(b"--- /dev/null\n+++ b/bundle.min.txt\n@@ -0,0 +1 @@\n+var t=\"");
            let _ = w.write_all(token.as_bytes());
            let _ = w.write_all(b"\";");
            let _ = w.write_all(&vec![b'x'; 20 << 20]);
            let _ = w.write_all(b"\n");
        },
    );
    bounded(&r, "20 MB line");
    assert_eq!(r.code, 1, "the token near the start is found: {}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(json["findings"][0]["rule_id"], "gitlab-pat");
    assert_eq!(json["run"]["notes"][0]["reason"], "over_file_cap");
}

#[test]
#[ignore = "slow tier: .ci/run runs it in release (cargo test --release --test it -- --ignored)"]
fn a_hundred_thousand_files_hit_the_file_limit_and_fail_closed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = run(
        dir.path(),
        &[
            "scan",
            "--diff",
            "-",
            "--format",
            "json",
            "--output-dir",
            "out",
        ],
        |w| {
            let mut buf = Vec::with_capacity(12 << 20);
            for i in 0..100_000 {
                let _ = write!(
                    buf,
                    "diff --git a/f{i}.py b/f{i}.py\nnew file mode 100644\n--- /dev/null\n+++ b/f{i}.py\n@@ -0,0 +1 @@\n+x = {i}\n"
                );
            }
            let _ = w.write_all(&buf);
        },
    );
    bounded(&r, "100k files");
    assert_eq!(
        r.code, 3,
        "files beyond limits.max_files are not scanned: {}",
        r.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let not_scanned = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule_id"] == "mrwarden.not-scanned")
        .count();
    assert_eq!(not_scanned, mrwarden::analyze::MAX_NOT_SCANNED_FINDINGS);
    let notes = json["run"]["notes"].as_array().expect("notes");
    assert_eq!(
        notes
            .iter()
            .filter(|n| n["reason"] == "budget_exceeded")
            .count(),
        50_000
    );
}
