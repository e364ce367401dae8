//! Policy an MR cannot subvert (threat model T7/T8): on real git repositories with a
//! target branch and an MR branch, the policy is read from the merge-base, and the
//! MR's own edits to it are reported instead of honoured.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::SystemTime;

use mrwarden::context::DiffSpec;
use mrwarden::diff::source::git::GitFiles;
use mrwarden::gate::Verdict;
use mrwarden::policy::trusted;

const SECRET_LINE: &str = "TOKEN = \"glpat-Q7mZ2xKp9LwR4vNt8YbC\"\n";

fn git(dir: &Path, args: &[&str]) -> String {
    String::from_utf8_lossy(&crate::support::common::git_in(dir, dir, args, &[]))
        .trim()
        .to_string()
}

fn write(dir: &Path, path: &str, text: &str) {
    let p = dir.join(path);
    std::fs::create_dir_all(p.parent().expect("has parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

/// Builds main with `target_files`, then branch `mr` adding a secret in `app/config.py`
/// plus `mr_files`; reviews it with the policy read from the merge-base.
fn review(target_files: &[(&str, &str)], mr_files: &[(&str, &str)]) -> (Verdict, Vec<String>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "--initial-branch=main"]);
    write(d, "README.md", "x\n");
    for (p, t) in target_files {
        write(d, p, t);
    }
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "base"]);
    git(d, &["checkout", "-qb", "mr"]);
    write(d, "app/config.py", &format!("import os\n{SECRET_LINE}"));
    for (p, t) in mr_files {
        write(d, p, t);
    }
    git(d, &["add", "-A"]);
    git(d, &["commit", "-qm", "mr"]);
    let base = git(d, &["merge-base", "main", "mr"]);

    let loaded = mrwarden::diff::source::load(
        d,
        &DiffSpec::Range {
            base: Some("main".into()),
            head: Some("mr".into()),
        },
        &mrwarden::config::Limits::default(),
    )
    .expect("diff loads");
    let trusted = trusted::load(
        &GitFiles {
            repo: d.to_path_buf(),
            rev: base,
            max_bytes: 1 << 20,
        },
        &loaded.diff,
    )
    .expect("policy loads");
    let (rules, _) =
        mrwarden::rules::load_without(&trusted.custom, &trusted.config.config.rules.disable)
            .expect("rules");
    let (findings, run) = mrwarden::review_diff(
        &loaded,
        &mrwarden::Policy {
            config: &trusted.config,
            rules: &rules,
            baseline: &trusted.baseline,
            fail_on_flag: None,
            meta_findings: trusted.findings,
        },
        SystemTime::now(),
    )
    .expect("review runs");
    let ids: BTreeSet<String> = findings.iter().map(|f| f.rule_id.clone()).collect();
    (run.verdict, ids.into_iter().collect())
}

fn secret_fingerprint() -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = crate::support::mrwarden_bin()
        .args(["scan", "--diff", "-", "--format", "json", "--output-dir"])
        .arg(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            let diff = format!(
                "--- /dev/null\n+++ b/app/config.py\n@@ -0,0 +1,2 @@\n+import os\n+{SECRET_LINE}"
            );
            c.stdin.take().expect("stdin").write_all(diff.as_bytes())?;
            c.wait_with_output()
        })
        .expect("scan runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    json["findings"][0]["fingerprint"]
        .as_str()
        .expect("a finding")
        .to_string()
}

const TAMPERING: &[(&str, &str)] = &[
    (
        ".mrwarden.yml",
        "rules:\n  disable: [gitlab-pat]\nexclude: [\"app/\"]\n",
    ),
    ("app/notes.py", "x = 1  # mrwarden:ignore\n"),
];

#[test]
fn an_mr_cannot_disable_exclude_or_suppress_its_own_secret() {
    let (verdict, ids) = review(&[], TAMPERING);
    assert_eq!(verdict, Verdict::Failed);
    assert!(ids.contains(&"gitlab-pat".to_string()), "{ids:?}");
    assert!(
        ids.contains(&"mrwarden.policy-changed".to_string()),
        "{ids:?}"
    );
}

#[test]
fn an_mr_cannot_baseline_its_own_secret() {
    let baseline = format!(
        "{{\"version\":1,\"entries\":[{{\"fingerprint\":\"{}\",\"rule_id\":\"gitlab-pat\",\"path\":\"app/config.py\"}}]}}\n",
        secret_fingerprint()
    );
    let baseline: &'static str = Box::leak(baseline.into_boxed_str());
    let (verdict, ids) = review(&[], &[(".mrwarden-baseline.json", baseline)]);
    assert_eq!(verdict, Verdict::Failed);
    assert!(
        ids.contains(&"gitlab-pat".to_string())
            && ids.contains(&"mrwarden.policy-changed".to_string()),
        "{ids:?}"
    );
    // The same baseline already on the target branch is honoured.
    let (verdict, ids) = review(&[(".mrwarden-baseline.json", baseline)], &[]);
    assert!(!ids.contains(&"gitlab-pat".to_string()), "{ids:?}");
    assert_eq!(verdict, Verdict::Passed);
}

#[test]
fn the_same_policy_on_the_target_branch_is_honoured() {
    // (The generic credential rules would catch the token too: disabled by their tag.)
    let (verdict, ids) = review(
        &[(
            ".mrwarden.yml",
            "rules:\n  disable: [gitlab-pat, generic]\n",
        )],
        &[],
    );
    assert_eq!(verdict, Verdict::Passed, "{ids:?}");
    let (_, ids) = review(&[(".mrwarden.yml", "exclude: [\"app/\"]\n")], &[]);
    assert!(!ids.contains(&"gitlab-pat".to_string()), "{ids:?}");
}

#[test]
fn an_invalid_target_config_is_a_finding_with_strict_defaults() {
    let (verdict, ids) = review(&[(".mrwarden.yml", "fail_on: [broken\n")], &[]);
    assert_eq!(verdict, Verdict::Failed);
    assert!(
        ids.contains(&"mrwarden.policy-invalid".to_string()),
        "{ids:?}"
    );
}
