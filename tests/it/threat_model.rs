//! Threat-model tests that span every command (threat model T2, T3, T4, T16; issue 12):
//! a canary GitLab token and a canary LLM key given to every subcommand with
//! `RUST_LOG=trace` and `RUST_BACKTRACE=1`, against endpoints that fail in each way we
//! know (refused port, unresolvable host, an HTML 502 page, a redirect to another host,
//! a TLS certificate from an unknown CA). Neither canary, nor its base64 or
//! percent-encoding, may appear on stdout, stderr, in any file the run wrote, or in any
//! request body; the redirect target must see no request at all.

use crate::support::common;
use crate::support::fake_gitlab;
use crate::support::fake_llm;

use std::path::{Path, PathBuf};

use fake_gitlab::{Fake, State};
use fake_llm::{Answer, FakeLlm};

/// The LLM key canary, built at run time so no key-shaped literal sits in the repository.
fn llm_key() -> String {
    format!("sk-{}", "CANARYllmKEY".repeat(3))
}

fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(T[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The forms a leaked canary could take.
fn forms(secret: &str) -> Vec<String> {
    let mut v = vec![
        secret.to_string(),
        base64(secret.as_bytes()),
        secret.replace('-', "%2D"),
    ];
    // Without its prefix too: a redaction that keeps the body is still a leak.
    if let Some((_, body)) = secret.split_once('-') {
        v.push(body.to_string());
    }
    v
}

/// Every file under `dir`, recursively, as text.
fn files_under(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            out.extend(files_under(&p));
        } else if let Ok(bytes) = std::fs::read(&p) {
            out.push((p, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    out
}

/// One failing endpoint: a GitLab API root and an LLM base URL that fail the same way.
struct Endpoint {
    name: &'static str,
    gitlab: String,
    llm: String,
    /// Servers that must never receive a request (redirect targets).
    untouchable: Vec<Untouchable>,
    #[expect(dead_code, reason = "holds the fake servers open for the test")]
    keep: Vec<Fake>,
    keep_llm: Vec<FakeLlm>,
}

enum Untouchable {
    Gitlab(Fake),
    Llm(FakeLlm),
}

fn endpoints() -> Vec<Endpoint> {
    let refused = "http://127.0.0.1:9".to_string();
    let unresolvable = "http://mrwarden-canary.invalid".to_string();
    let html = Fake::start(
        "/api/v4",
        State {
            html_error: true,
            ..State::default()
        },
    );
    let html_llm = FakeLlm::start(vec![Answer::Text(
        "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>".into(),
    )]);
    let target = Fake::start("/api/v4", State::default());
    let target_llm = FakeLlm::start(vec![Answer::Status(500)]);
    let redirect = Fake::start(
        "/api/v4",
        State {
            redirect_to: Some(format!("{}/projects", target.url)),
            ..State::default()
        },
    );
    let redirect_llm = FakeLlm::start(vec![Answer::Redirect(format!(
        "{}/v1/chat/completions",
        target_llm.url
    ))]);
    let (tls, _ca_not_given) = Fake::start_tls("/api/v4", State::default());
    vec![
        Endpoint {
            name: "refused port",
            gitlab: format!("{refused}/api/v4"),
            llm: format!("{refused}/v1"),
            untouchable: Vec::new(),
            keep: Vec::new(),
            keep_llm: Vec::new(),
        },
        Endpoint {
            name: "unresolvable host",
            gitlab: format!("{unresolvable}/api/v4"),
            llm: format!("{unresolvable}/v1"),
            untouchable: Vec::new(),
            keep: Vec::new(),
            keep_llm: Vec::new(),
        },
        Endpoint {
            name: "html error page",
            gitlab: html.url.clone(),
            llm: format!("{}/v1", html_llm.url),
            untouchable: Vec::new(),
            keep: vec![html],
            keep_llm: vec![html_llm],
        },
        Endpoint {
            name: "redirect to another host",
            gitlab: redirect.url.clone(),
            llm: format!("{}/v1", redirect_llm.url),
            untouchable: vec![Untouchable::Gitlab(target), Untouchable::Llm(target_llm)],
            keep: vec![redirect],
            keep_llm: vec![redirect_llm],
        },
        Endpoint {
            name: "unknown certificate authority",
            llm: tls.url.trim_end_matches("/api/v4").to_string() + "/v1",
            gitlab: tls.url.clone(),
            untouchable: Vec::new(),
            keep: vec![tls],
            keep_llm: Vec::new(),
        },
    ]
}

/// A repository whose `mr` branch adds a (fake) token next to a command injection.
fn repo() -> common::Repo {
    let repo = common::Repo::new();
    repo.write("README.md", "x\n").commit("base");
    repo.branch("mr");
    repo.write(
        "app.py",
        format!(
            "{}\nsubprocess.run(\"ls \" + name, shell=True)\n",
            common::token_line(31)
        ),
    )
    .commit("mr");
    repo
}

/// Runs one command with both canaries against one endpoint; returns everything it
/// printed and wrote.
fn run(args: &[&str], repo: &Path, e: &Endpoint, token: &str, key: &str) -> Vec<(String, String)> {
    let home = tempfile::tempdir().expect("home");
    let out = tempfile::tempdir().expect("out");
    let mut all: Vec<String> = args.iter().map(|s| (*s).to_string()).collect();
    if matches!(args[0], "scan" | "review" | "demo") {
        all.push("--output-dir".into());
        all.push(out.path().display().to_string());
    }
    let mut cmd = crate::support::mrwarden_bin();
    cmd.args(&all)
        .current_dir(repo)
        .env("HOME", home.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("RUST_LOG", "trace")
        .env("RUST_BACKTRACE", "1")
        .env("CI", "true")
        .env("CI_PIPELINE_SOURCE", "merge_request_event")
        .env("CI_API_V4_URL", &e.gitlab)
        .env("CI_PROJECT_ID", "42")
        .env("CI_MERGE_REQUEST_PROJECT_ID", "42")
        .env("CI_MERGE_REQUEST_IID", "7")
        .env("MRWARDEN_GITLAB_TOKEN", token)
        .env("MRWARDEN_LLM_PROVIDER", "openai")
        .env("MRWARDEN_LLM_URL", &e.llm)
        .env("MRWARDEN_LLM_MODEL", "canary-model")
        .env("MRWARDEN_LLM_API_KEY", key);
    let output = cmd.output().expect("runs");
    let label = format!("{} / {}", e.name, args.join(" "));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.status.code().is_some() && !stderr.contains("panicked"),
        "{label}: crashed\n{stderr}"
    );
    let mut texts = vec![
        (
            format!("{label}: stdout"),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        ),
        (format!("{label}: stderr"), stderr),
    ];
    for dir in [out.path(), home.path(), repo] {
        for (path, text) in files_under(dir) {
            texts.push((format!("{label}: {}", path.display()), text));
        }
    }
    texts
}

/// T2 + T3 + T4: every command, every failing endpoint, both canaries.
#[test]
fn canaries_never_leak_from_any_command_against_any_failing_endpoint() {
    let token = common::token(4242);
    let key = llm_key();
    let commands: &[&[&str]] = &[
        &["scan", "--llm", "--base", "main", "--head", "mr"],
        &["review"],
        &["review", "--dry-run"],
        &["doctor"],
        &["demo"],
        &["rules", "list"],
        &["baseline", "create"],
        &["init"],
    ];
    let eps = endpoints();
    std::thread::scope(|s| {
        for e in &eps {
            let (token, key) = (&token, &key);
            s.spawn(move || {
                for args in commands {
                    let repo = repo();
                    for (where_, text) in run(args, repo.path(), e, token, key) {
                        for secret in [token.as_str(), key.as_str()] {
                            for f in forms(secret) {
                                assert!(!text.contains(&f), "{where_}: canary leaked as {f}");
                            }
                        }
                    }
                }
            });
        }
    });
    for e in &eps {
        for u in &e.untouchable {
            match u {
                Untouchable::Gitlab(f) => {
                    assert!(
                        f.requests().is_empty(),
                        "{}: redirect target reached",
                        e.name
                    );
                }
                Untouchable::Llm(f) => {
                    assert!(
                        f.requests().is_empty(),
                        "{}: redirect target reached",
                        e.name
                    );
                }
            }
        }
        for f in &e.keep_llm {
            for r in f.requests() {
                for secret in [token.as_str(), key.as_str()] {
                    assert!(
                        !r.body.contains(secret),
                        "{}: canary in a request body",
                        e.name
                    );
                }
                assert!(
                    r.authorization
                        .as_deref()
                        .is_none_or(|a| a == format!("Bearer {key}")),
                    "the key goes only in its header"
                );
            }
        }
    }
}

/// T4: no code path can switch TLS verification off.
#[test]
fn tls_verification_cannot_be_switched_off_in_the_source() {
    for (path, text) in files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
        for banned in [
            "danger_accept_invalid",
            "dangerous()",
            "set_certificate_verifier",
            "NoVerifier",
        ] {
            assert!(
                !text.contains(banned),
                "{} contains {banned}",
                path.display()
            );
        }
    }
}

/// T16: mrwarden keeps no state between jobs: nothing under HOME or a cache directory
/// (where a poisoned cache from an MR pipeline would sit) changes what a run finds.
#[test]
fn no_state_is_read_from_home_or_cache_directories() {
    let repo = repo();
    let clean = common::Cmd::new(&["scan", "--base", "main", "--head", "mr", "--format", "json"])
        .cwd(repo.path())
        .run();
    let poisoned_home = tempfile::tempdir().expect("home");
    let disable =
        "version: 1\nrules:\n  disable: [gitlab-pat, python-subprocess-shell]\nfail_on: never\n";
    let pack = "pack: poisoned\nrules: []\n";
    for rel in [
        ".mrwarden.yml",
        ".config/mrwarden/config.yml",
        ".config/mrwarden/.mrwarden.yml",
        ".cache/mrwarden/.mrwarden.yml",
        ".cache/mrwarden/rules/secrets.yml",
        ".cache/mrwarden/baseline.json",
    ] {
        let p = poisoned_home.path().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, if rel.contains("rules") { pack } else { disable }).expect("write");
    }
    let poisoned =
        common::Cmd::new(&["scan", "--base", "main", "--head", "mr", "--format", "json"])
            .cwd(repo.path())
            .home(poisoned_home.path())
            .env(
                "XDG_CACHE_HOME",
                &poisoned_home.path().join(".cache").display().to_string(),
            )
            .env(
                "XDG_CONFIG_HOME",
                &poisoned_home.path().join(".config").display().to_string(),
            )
            .run();
    assert_eq!(poisoned.code, clean.code, "{poisoned}");
    assert_eq!(clean.code, 1, "the token fails the run\n{clean}");
    assert_eq!(poisoned.locations(), clean.locations());
}

/// T9: a change that adds symbolic links (to `/proc/self/environ`, out of the tree) gets
/// them reported, never followed: what they point at is not read, scanned or sent.
#[test]
fn symlinks_in_a_change_are_reported_and_never_followed() {
    let repo = common::Repo::new();
    repo.write("README.md", "x\n").commit("base");
    repo.branch("mr");
    // A file outside the repository holding a token the scan must never see.
    let outside = tempfile::tempdir().expect("outside");
    let bait = outside.path().join("creds.py");
    std::fs::write(&bait, format!("{}\n", common::token_line(77))).expect("write");
    for (name, target) in [
        ("environ", "/proc/self/environ".to_string()),
        ("creds.py", bait.display().to_string()),
        ("up.py", "../../../../etc/passwd".to_string()),
    ] {
        std::os::unix::fs::symlink(&target, repo.path().join(name)).expect("symlink");
    }
    repo.commit("links");
    let llm = FakeLlm::start(vec![Answer::Findings(serde_json::json!({"findings": []}))]);
    let run = common::Cmd::new(&[
        "scan", "--llm", "--base", "main", "--head", "mr", "--format", "json",
    ])
    .cwd(repo.path())
    .env("MRWARDEN_LLM_PROVIDER", "openai")
    .env("MRWARDEN_LLM_URL", &format!("{}/v1", llm.url))
    .env("MRWARDEN_LLM_MODEL", "m")
    .env("MRWARDEN_LLM_API_KEY", &llm_key())
    .env("CANARY_IN_ENVIRON", &common::token(78))
    .run();
    let mut links: Vec<String> = run
        .locations()
        .into_iter()
        .filter(|(rule, _, _)| rule == "mrwarden.symlink")
        .map(|(_, path, _)| path)
        .collect();
    links.sort();
    assert_eq!(links, ["creds.py", "environ", "up.py"], "{run}");
    assert!(
        run.locations()
            .iter()
            .all(|(rule, _, _)| rule == "mrwarden.symlink"),
        "nothing behind a link was scanned\n{run}"
    );
    run.assert_never_shows(&common::token(77));
    run.assert_never_shows(&common::token(78));
    for r in llm.requests() {
        assert!(!r.body.contains("glpat-"), "a link target reached the LLM");
        assert!(
            !r.body.contains("/proc/self/environ"),
            "a link was sent to the LLM"
        );
    }
}

/// T9: paths from the API are labels: an entry named `../../escape.py` is analysed and
/// reported under that name, and nothing is read or written outside the output directory.
#[test]
fn api_paths_that_climb_out_are_labels_only() {
    let diff = format!(
        "diff --git a/../../escape.py b/../../escape.py\nnew file mode 100644\n--- /dev/null\n+++ b/../../escape.py\n@@ -0,0 +1 @@\n+{}\n",
        common::token_line(79)
    );
    let head = "b".repeat(40);
    let base = "a".repeat(40);
    let fake = Fake::start(
        "/api/v4",
        State {
            project_id: 42,
            iid: 7,
            token: Some(common::token(80)),
            versions: vec![fake_gitlab::VersionData {
                id: 300,
                base: base.clone(),
                start: base,
                head,
                diffs: fake_gitlab::entries_from_git_diff(&diff),
            }],
            ..State::default()
        },
    );
    let work = tempfile::tempdir().expect("work");
    let cwd = work.path().join("a/b");
    std::fs::create_dir_all(&cwd).expect("mkdir");
    let out = cwd.join("out");
    let run = crate::support::mrwarden_bin()
        .args(["review", "--dry-run", "--format", "json", "--output-dir"])
        .arg(&out)
        .current_dir(&cwd)
        .env("HOME", work.path())
        .env("CI", "true")
        .env("CI_PIPELINE_SOURCE", "merge_request_event")
        .env("CI_API_V4_URL", &fake.url)
        .env("CI_PROJECT_ID", "42")
        .env("CI_MERGE_REQUEST_PROJECT_ID", "42")
        .env("CI_MERGE_REQUEST_IID", "7")
        .env("CI_MERGE_REQUEST_DIFF_ID", "300")
        .env("MRWARDEN_GITLAB_TOKEN", common::token(80))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let doc: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{e}: {stdout}\n{}", String::from_utf8_lossy(&run.stderr)));
    let paths: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(paths.contains(&"../../escape.py"), "{stdout}");
    // Nothing was created beside or above the output directory.
    let mut written: Vec<String> = files_under(work.path())
        .into_iter()
        .map(|(p, _)| {
            p.strip_prefix(work.path())
                .expect("inside")
                .display()
                .to_string()
        })
        .collect();
    written.sort();
    assert!(
        written.iter().all(|p| p.starts_with("a/b/out/")),
        "written outside --output-dir: {written:?}"
    );
}
