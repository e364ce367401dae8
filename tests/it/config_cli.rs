//! Configuration, `init` and `baseline` through the real binary.

use std::path::Path;
use std::time::{Duration, Instant};

fn mrwarden(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = crate::support::mrwarden_bin()
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scan_with_config(config: &str) -> (i32, String, Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("c.yml"), config).expect("write config");
    std::fs::write(dir.path().join("empty.diff"), "").expect("write diff");
    let start = Instant::now();
    let (code, _, err) = mrwarden(
        dir.path(),
        &[
            "scan",
            "--config",
            "c.yml",
            "--diff",
            "empty.diff",
            "--output-dir",
            "out",
        ],
    );
    assert!(
        dir.path().join("out/gl-code-quality-report.json").exists(),
        "reports are written on exit {code}"
    );
    (code, err, start.elapsed())
}

#[test]
fn bad_configs_are_usage_errors_with_a_location() {
    let (code, err, _) = scan_with_config("version: 1\nfail_onn: high\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("line 2") && err.contains("did you mean `fail_on`"),
        "{err}"
    );
    let (code, err, _) = scan_with_config("exclude: 5\n");
    assert_eq!(code, 2, "{err}");
    let (code, err, _) = scan_with_config("fail_on: [unclosed\n");
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn huge_configs_and_alias_bombs_fail_fast() {
    let huge = format!(
        "exclude:\n{}",
        "  - \"some/path/that/is/long/enough\"\n".repeat(300_000)
    );
    assert!(huge.len() > 10_000_000);
    let (code, err, took) = scan_with_config(&huge);
    assert_eq!(code, 2, "{err}");
    assert!(took < Duration::from_secs(10), "{took:?}");

    let mut bomb = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for i in 0..20 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("b{}", i - 1)
        };
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(
            &[
                "b",
                &i.to_string(),
                ": &b",
                &i.to_string(),
                " [",
                &refs,
                "]\n",
            ]
            .concat(),
        );
    }
    bomb.push_str("exclude: *b19\n");
    let (code, err, took) = scan_with_config(&bomb);
    assert_eq!(code, 2, "{err}");
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn init_writes_once_and_baseline_accepts_existing_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (code, out, _) = mrwarden(d, &["init"]);
    assert_eq!(code, 0);
    assert!(out.contains("component: $CI_SERVER_FQDN/"), "{out}");
    let (code, _, err) = mrwarden(d, &["init"]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(mrwarden(d, &["init", "--force"]).0, 0);

    std::fs::write(d.join("app.py"), "TOKEN = \"glpat-Q7mZ2xKp9LwR4vNt8YbC\"\n").expect("write");
    assert_eq!(mrwarden(d, &["scan", "--all", "--output-dir", "out"]).0, 1);
    let (code, out, err) = mrwarden(d, &["baseline", "create"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 finding"), "{out}");
    let baseline =
        std::fs::read_to_string(d.join(".mrwarden-baseline.json")).expect("baseline written");
    assert!(
        !baseline.contains("Q7mZ2xKp9"),
        "the baseline never holds the secret"
    );
    let (code, out, _) = mrwarden(d, &["scan", "--all", "--output-dir", "out"]);
    assert_eq!(code, 0, "{out}");
}
