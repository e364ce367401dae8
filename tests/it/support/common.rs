//! Shared helpers of the integration tests: real git repositories in temporary
//! directories ([`Repo`]) and the real binary ([`Cmd`], [`Run`]).
//!
//! Every git call and every run of the binary is isolated from the developer's machine:
//! no global or system git config, `HOME` in a temporary directory, and no `GIT_*` or
//! `CI_*` variables inherited (a `cargo test` run from a git hook or a CI job would
//! otherwise see the outer repository or pipeline).
#![allow(dead_code)] // each test crate uses its own subset

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// A fake GitLab personal access token of the right shape: `glpat-` + 20 alphanumerics,
/// different for every `n`. Built at run time so no token-shaped literal sits in the
/// repository.
pub(crate) fn token(n: u32) -> String {
    let alphabet = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut x = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5DEE_CE66_D1CE_4E5B;
    let tail: String = (0..20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(alphabet[(x % alphabet.len() as u64) as usize])
        })
        .collect();
    format!("glpat-{tail}")
}

/// What the redacted form of [`token`] looks like.
pub(crate) const REDACTED_TOKEN: &str = "glpat-… (26 chars)";

/// A line of Python that assigns a fake token.
pub(crate) fn token_line(n: u32) -> String {
    format!("GITLAB_TOKEN = \"{}\"", token(n))
}

/// A cleared environment ([`super::clean_env`]) with git's configuration sources
/// pinned and a private `HOME`.
fn isolate(cmd: &mut Command, home: &Path) {
    super::clean_env(cmd);
    cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C");
}

/// Runs git in `dir` with an isolated environment (`HOME` = `home`), a fixed identity,
/// no hooks and no signing; panics with git's stderr on failure; returns stdout. Every
/// test repository is built through here.
pub(crate) fn git_in(dir: &Path, home: &Path, args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let mut cmd = Command::new("git");
    isolate(&mut cmd, home);
    cmd.envs(env.iter().copied());
    let out = cmd
        .current_dir(dir)
        .args([
            "-c",
            "user.name=mrwarden test",
            "-c",
            "user.email=test@mrwarden.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A scratch git repository on branch `main`.
pub(crate) struct Repo {
    dir: TempDir,
    home: TempDir,
}

impl Repo {
    /// `git init` with `main` as the initial branch and a local identity.
    pub(crate) fn new() -> Self {
        let repo = Repo {
            dir: tempfile::Builder::new()
                .prefix("mrwarden-test-repo-")
                .tempdir()
                .expect("temp repo dir"),
            home: tempfile::Builder::new()
                .prefix("mrwarden-test-home-")
                .tempdir()
                .expect("temp home"),
        };
        repo.git(&["init", "--quiet", "--initial-branch=main"]);
        repo
    }

    /// The working tree.
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A private `HOME` for processes run against this repository.
    pub(crate) fn home(&self) -> &Path {
        self.home.path()
    }

    /// Runs git in the repository, panicking with its stderr on failure; returns stdout.
    pub(crate) fn git(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.git_bytes(args)).into_owned()
    }

    /// Like [`Repo::git`], returning raw stdout.
    pub(crate) fn git_bytes(&self, args: &[&str]) -> Vec<u8> {
        self.git_bytes_env(args, &[])
    }

    /// Like [`Repo::git_bytes`], with extra environment variables.
    pub(crate) fn git_bytes_env(&self, args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
        git_in(self.path(), self.home(), args, env)
    }

    /// Writes a file (creating parent directories).
    pub(crate) fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent dirs");
        }
        std::fs::write(&path, content).expect("write file");
        self
    }

    /// Reads a file of the working tree.
    pub(crate) fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path().join(rel)).expect("read file")
    }

    /// Removes a file from the working tree.
    pub(crate) fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.path().join(rel)).expect("remove file");
        self
    }

    /// `git add --all` and commit; returns the new commit id.
    pub(crate) fn commit(&self, message: &str) -> String {
        self.git(&["add", "--all"]);
        self.commit_staged(message)
    }

    /// Commits what is staged (even nothing); returns the new commit id.
    pub(crate) fn commit_staged(&self, message: &str) -> String {
        self.git(&["commit", "--quiet", "--allow-empty", "--message", message]);
        self.head()
    }

    /// The commit id of `HEAD`.
    pub(crate) fn head(&self) -> String {
        self.rev("HEAD")
    }

    /// The commit id of a revision.
    pub(crate) fn rev(&self, rev: &str) -> String {
        self.git(&["rev-parse", "--verify", rev]).trim().to_string()
    }

    /// Creates and checks out a branch.
    pub(crate) fn branch(&self, name: &str) -> &Self {
        self.git(&["checkout", "--quiet", "-b", name]);
        self
    }

    /// Checks out an existing branch or commit.
    pub(crate) fn checkout(&self, rev: &str) -> &Self {
        self.git(&["checkout", "--quiet", rev]);
        self
    }

    /// The binary, run in this repository with this repository's private `HOME`.
    pub(crate) fn mrwarden(&self, args: &[&str]) -> Cmd {
        Cmd::new(args).cwd(self.path()).home(self.home())
    }

    /// `mrwarden scan --base main --format json` in this repository (head: `HEAD`).
    pub(crate) fn scan_json(&self, extra: &[&str]) -> Run {
        let mut args = vec!["scan", "--base", "main", "--format", "json"];
        args.extend_from_slice(extra);
        self.mrwarden(&args).run()
    }
}

/// One run of the real binary to be made.
pub(crate) struct Cmd {
    args: Vec<String>,
    cwd: Option<PathBuf>,
    home: Option<PathBuf>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
    output_dir: Option<PathBuf>,
    always_output_dir: bool,
}

impl Cmd {
    /// `mrwarden ARGS…`; for `scan` and `demo` an `--output-dir` in a fresh temporary
    /// directory is added unless `args` name one.
    pub(crate) fn new(args: &[&str]) -> Self {
        Cmd {
            args: args.iter().map(|s| (*s).to_string()).collect(),
            cwd: None,
            home: None,
            env: Vec::new(),
            stdin: None,
            output_dir: None,
            always_output_dir: false,
        }
    }

    /// Working directory.
    pub(crate) fn cwd(mut self, dir: &Path) -> Self {
        self.cwd = Some(dir.to_path_buf());
        self
    }

    /// `HOME`.
    pub(crate) fn home(mut self, dir: &Path) -> Self {
        self.home = Some(dir.to_path_buf());
        self
    }

    /// An environment variable.
    pub(crate) fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_string(), value.to_string()));
        self
    }

    /// Bytes on standard input.
    pub(crate) fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    /// Use this output directory instead of a fresh one.
    pub(crate) fn output_dir(mut self, dir: &Path) -> Self {
        self.output_dir = Some(dir.to_path_buf());
        self
    }

    /// Add `--output-dir` whatever the subcommand (`review`, …), not only for `scan`
    /// and `demo`.
    pub(crate) fn with_output_dir(mut self) -> Self {
        self.always_output_dir = true;
        self
    }

    /// Runs it and waits.
    pub(crate) fn run(self) -> Run {
        let out_tmp = tempfile::Builder::new()
            .prefix("mrwarden-test-out-")
            .tempdir()
            .expect("temp out dir");
        let home_tmp = tempfile::Builder::new()
            .prefix("mrwarden-test-home-")
            .tempdir()
            .expect("temp home");
        let mut args = self.args.clone();
        let wants_dir = (self.always_output_dir
            || matches!(args.first().map(String::as_str), Some("scan" | "demo")))
            && !args.iter().any(|a| a.starts_with("--output-dir"));
        let out_dir = self
            .output_dir
            .clone()
            .unwrap_or_else(|| out_tmp.path().join("reports"));
        if wants_dir {
            args.push("--output-dir".into());
            args.push(out_dir.display().to_string());
        }
        let mut cmd = Command::new(super::bin_path());
        isolate(&mut cmd, self.home.as_deref().unwrap_or(home_tmp.path()));
        cmd.args(&args)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(cwd) = &self.cwd {
            cmd.current_dir(cwd);
        }
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let started = std::time::Instant::now();
        let mut child = cmd.spawn().expect("spawn mrwarden");
        if let Some(bytes) = self.stdin {
            let mut stdin = child.stdin.take().expect("stdin");
            // Write from another thread so a binary that does not read cannot deadlock us.
            std::thread::spawn(move || {
                let _ = stdin.write_all(&bytes);
            });
        }
        let out = child.wait_with_output().expect("wait for mrwarden");
        let run = Run {
            args,
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            out_dir,
            elapsed: started.elapsed(),
            _out_tmp: out_tmp,
        };
        run.assert_no_panic();
        run
    }
}

/// The result of running the binary.
pub(crate) struct Run {
    /// The arguments it ran with.
    pub(crate) args: Vec<String>,
    /// Exit code (-1 if killed by a signal).
    pub(crate) code: i32,
    /// Standard output.
    pub(crate) stdout: String,
    /// Standard error.
    pub(crate) stderr: String,
    /// The report directory it was given.
    pub(crate) out_dir: PathBuf,
    /// Wall time.
    pub(crate) elapsed: std::time::Duration,
    _out_tmp: TempDir,
}

/// One finding, as `--format json` prints it (fields read by name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// `rule_id`.
    pub(crate) rule: String,
    /// `path`.
    pub(crate) path: String,
    /// `start_line`.
    pub(crate) line: u64,
    /// `snippet`.
    pub(crate) snippet: String,
    /// `fingerprint`.
    pub(crate) fingerprint: String,
}

impl Run {
    /// Panics unless the exit code is `code`.
    pub(crate) fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code\n{self}");
        self
    }

    /// No panic message and no backtrace hint on stderr.
    pub(crate) fn assert_no_panic(&self) {
        for bad in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
            assert!(
                !self.stderr.contains(bad),
                "stderr mentions {bad:?}\n{self}"
            );
        }
        assert!(self.code >= 0, "killed by a signal\n{self}");
    }

    /// The `--format json` document.
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{self}"))
    }

    /// The findings of the `--format json` document.
    pub(crate) fn findings(&self) -> Vec<Found> {
        let doc = self.json();
        doc["findings"]
            .as_array()
            .unwrap_or_else(|| panic!("no findings array\n{self}"))
            .iter()
            .map(|f| Found {
                rule: f["rule_id"].as_str().unwrap_or_default().to_string(),
                path: f["path"].as_str().unwrap_or_default().to_string(),
                line: f["start_line"].as_u64().unwrap_or_default(),
                snippet: f["snippet"].as_str().unwrap_or_default().to_string(),
                fingerprint: f["fingerprint"].as_str().unwrap_or_default().to_string(),
            })
            .collect()
    }

    /// `(rule, path, line)` of every finding.
    pub(crate) fn locations(&self) -> Vec<(String, String, u64)> {
        self.findings()
            .into_iter()
            .map(|f| (f.rule, f.path, f.line))
            .collect()
    }

    /// `(path, reason)` of every file note in the JSON run information.
    pub(crate) fn notes(&self) -> Vec<(String, String)> {
        self.json()["run"]["notes"]
            .as_array()
            .map(|notes| {
                notes
                    .iter()
                    .map(|n| {
                        (
                            n["path"].as_str().unwrap_or_default().to_string(),
                            n["reason"].as_str().unwrap_or_default().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every file in the report directory: (name, bytes).
    pub(crate) fn report_files(&self) -> Vec<(String, Vec<u8>)> {
        let Ok(entries) = std::fs::read_dir(&self.out_dir) else {
            return Vec::new();
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_file())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).expect("read report"),
                )
            })
            .collect();
        files.sort();
        files
    }

    /// The Code Quality report, parsed; panics if it is missing or not a JSON array.
    pub(crate) fn code_quality(&self) -> Vec<Value> {
        let path = self.out_dir.join("gl-code-quality-report.json");
        let bytes =
            std::fs::read(&path).unwrap_or_else(|e| panic!("no {} ({e})\n{self}", path.display()));
        let doc: Value = serde_json::from_slice(&bytes).expect("code quality report is JSON");
        doc.as_array()
            .unwrap_or_else(|| panic!("code quality report is not an array: {doc}"))
            .clone()
    }

    /// Panics if `secret` appears anywhere the run wrote: stdout, stderr, report files.
    pub(crate) fn assert_never_shows(&self, secret: &str) {
        assert!(!self.stdout.contains(secret), "secret on stdout\n{self}");
        assert!(!self.stderr.contains(secret), "secret on stderr\n{self}");
        for (name, bytes) in self.report_files() {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(secret), "secret in report {name}");
        }
    }

    /// The one error line of a failed run; panics if stderr is not exactly one line
    /// starting with `error: `.
    pub(crate) fn one_line_error(&self) -> &str {
        let lines: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "expected one stderr line\n{self}");
        assert!(lines[0].starts_with("error: "), "not an error line\n{self}");
        lines[0]
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "mrwarden {:?}\nexit: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }
}
