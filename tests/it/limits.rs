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

/// `scan` of a unified diff on stdin, JSON on stdout, reports in `out/`.
const SCAN_STDIN: [&str; 7] = [
    "scan",
    "--diff",
    "-",
    "--format",
    "json",
    "--output-dir",
    "out",
];

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
    let r = run(dir.path(), &SCAN_STDIN, move |w| {
        let _ = w.write_all(b"--- /dev/null\n+++ b/bundle.min.txt\n@@ -0,0 +1 @@\n+var t=\"");
        let _ = w.write_all(token.as_bytes());
        let _ = w.write_all(b"\";");
        let _ = w.write_all(&vec![b'x'; 20 << 20]);
        let _ = w.write_all(b"\n");
    });
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
    let r = run(dir.path(), &SCAN_STDIN, |w| {
        let mut buf = Vec::with_capacity(12 << 20);
        for i in 0..100_000 {
            let _ = write!(
                buf,
                "diff --git a/f{i}.py b/f{i}.py\nnew file mode 100644\n--- /dev/null\n+++ b/f{i}.py\n@@ -0,0 +1 @@\n+x = {i}\n"
            );
        }
        let _ = w.write_all(&buf);
    });
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

/// A new file as a unified diff on stdin: `lines` written one by one after the header.
fn added_file(w: &mut dyn Write, path: &str, lines: &mut dyn Iterator<Item = String>) {
    let mut body = Vec::new();
    let mut count = 0usize;
    for line in lines {
        body.push(b'+');
        body.extend_from_slice(line.as_bytes());
        body.push(b'\n');
        count += 1;
    }
    let _ = write!(w, "--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{count} @@\n");
    let _ = w.write_all(&body);
}

/// The one file was parsed, or noted `not_parsed` (over `limits.parse_file_bytes`).
fn assert_parsed_or_noted(r: &Run) {
    let (parsed, notes) = parsed_stats(r);
    let not_parsed = notes
        .as_array()
        .is_some_and(|n| n.iter().any(|n| n["reason"] == "not_parsed"));
    assert!(parsed == 1 || not_parsed, "{parsed} {notes}");
}

fn parsed_stats(r: &Run) -> (serde_json::Value, serde_json::Value) {
    let json: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    (
        json["run"]["stats"]["files_parsed"].clone(),
        json["run"]["notes"].clone(),
    )
}

#[test]
#[ignore = "slow tier: .ci/run runs it in release (cargo test --release --test it -- --ignored)"]
fn a_five_megabyte_minified_script_is_parsed_within_the_limits_or_noted() {
    let minified = || {
        let mut line = String::with_capacity(5 << 20);
        let mut i = 0u32;
        while line.len() < 5 << 20 {
            let _ = std::fmt::Write::write_fmt(
                &mut line,
                format_args!("function f{i}(a){{return a.map(function(b){{return b+{i}}})}};"),
            );
            i += 1;
        }
        line
    };
    let args = SCAN_STDIN;
    // Defaults: 5 MB of added bytes is over limits.max_file_bytes, so the file gets
    // the secret rules only (noted), and no syntax tree.
    let dir = tempfile::tempdir().expect("tempdir");
    let r = run(dir.path(), &args, move |w| {
        added_file(w, "web/app.js", &mut std::iter::once(minified()));
    });
    bounded(&r, "5 MB minified script (defaults)");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (parsed, notes) = parsed_stats(&r);
    assert_eq!(parsed, 0);
    assert_eq!(notes[0]["reason"], "over_file_cap");
    let defaults = (r.took, r.rss_kb / 1024);
    // With the cap raised, the file is parsed whole (it is whole in the diff).
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join(".mrwarden.yml"),
        "limits:\n  max_file_bytes: 8388608\n",
    )
    .expect("config");
    let mut with_config = args.to_vec();
    with_config.extend(["--config", ".mrwarden.yml"]);
    let r = run(dir.path(), &with_config, move |w| {
        added_file(w, "web/app.js", &mut std::iter::once(minified()));
    });
    bounded(&r, "5 MB minified script (parsed)");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_parsed_or_noted(&r);
    // A measurement as well as a test.
    #[allow(clippy::print_stdout)]
    let () = println!(
        "5 MB minified script: {:.2} s, {} MB peak (secrets only); {:.2} s, {} MB peak (parsed)",
        defaults.0.as_secs_f64(),
        defaults.1,
        r.took.as_secs_f64(),
        r.rss_kb / 1024
    );
}

#[test]
#[ignore = "slow tier: .ci/run runs it in release (cargo test --release --test it -- --ignored)"]
fn a_hundred_thousand_line_generated_module_is_parsed_in_bounded_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = run(dir.path(), &SCAN_STDIN, |w| {
        // About 1.3 MB: under limits.max_file_bytes, so every rule runs on it.
        let mut lines = (0..100_000).map(|i| format!("t{i} = {i}"));
        added_file(w, "gen/table.py", &mut lines);
    });
    bounded(&r, "100k-line module");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_parsed_or_noted(&r);
    #[allow(clippy::print_stdout)]
    let () = println!(
        "100k-line generated module: {:.2} s, {} MB peak",
        r.took.as_secs_f64(),
        r.rss_kb / 1024
    );
}
