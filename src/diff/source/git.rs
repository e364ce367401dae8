//! Local git source. Every call pins the options that would otherwise come from the
//! user's git config (prefixes, colour, external diff drivers, textconv, quoting,
//! pager, rename detection), so the parser always sees the same format.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::Error;

use super::Loaded;

/// Options put before the subcommand on every call.
const CONFIG: &[&str] = &[
    "-c",
    "safe.directory=*",
    "-c",
    "core.quotePath=false",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.pager=cat",
    "-c",
    "color.ui=never",
    "-c",
    "diff.noprefix=false",
    "-c",
    "diff.mnemonicPrefix=false",
    "-c",
    "diff.relative=false",
    "-c",
    "diff.suppressBlankEmpty=false",
    // Attributes can mark any file `-diff`/`binary` (git then prints "Binary files …
    // differ" and we would scan nothing); see `attr_source` for the repository's own.
    "-c",
    "core.attributesFile=/dev/null",
];

/// Options of every `git diff`/`git log -p` we run.
const DIFF_OPTS: &[&str] = &[
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--find-renames",
    "--unified=3",
    "--submodule=short",
    "--ignore-submodules=none",
];

fn git(repo: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(repo).args(CONFIG);
    for var in [
        "GIT_EXTERNAL_DIFF",
        "GIT_DIFF_OPTS",
        "GIT_PAGER",
        "PAGER",
        "GIT_ATTR_SOURCE",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_ATTR_NOSYSTEM", "1")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("LC_ALL", "C")
        .stdin(Stdio::null());
    cmd
}

/// Whether git is read in process ([`super::gix`]) instead of by running `git`: only
/// where `git` cannot be run because it is not on `PATH` (the released image). The
/// subprocess stays the reference everywhere else. Decided once per process, by trying
/// `git --version` (no environment is read here: only `context` does that).
pub fn in_process() -> bool {
    static IN_PROCESS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *IN_PROCESS.get_or_init(|| {
        let probe = Command::new("git")
            .arg("--version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        matches!(probe, Err(e) if e.kind() == std::io::ErrorKind::NotFound)
    })
}

/// Errors both readers give in the same words.
pub(super) mod messages {
    use std::path::Path;

    use crate::error::Error;

    /// Where the default branch is looked for, in order.
    pub(crate) const DEFAULT_BRANCHES: [&str; 5] = [
        "origin/HEAD",
        "main",
        "master",
        "origin/main",
        "origin/master",
    ];

    pub(crate) fn not_a_repo(repo: &Path) -> Error {
        Error::Usage(format!(
            "{} is not a git repository; pass the repository path, or use --diff FILE or scan --all",
            crate::sanitize::terminal(&repo.display().to_string())
        ))
    }

    pub(crate) fn unknown_revision(rev: &str, flag: &str) -> Error {
        Error::Usage(format!(
            "unknown revision {} for {flag}; check the name (git rev-parse {0}) or fetch it first",
            crate::sanitize::terminal(rev)
        ))
    }

    pub(crate) fn no_default_branch() -> Error {
        Error::Usage(
            "cannot find the default branch (origin/HEAD, main or master); pass --base REV".into(),
        )
    }

    pub(crate) fn no_common_ancestor(base: &str, head: &str) -> Error {
        Error::Usage(format!(
            "{} and {} have no common ancestor; pass a --base on the same history",
            super::short(base),
            super::short(head)
        ))
    }

    pub(crate) fn too_large(max_bytes: u64) -> Error {
        Error::Analysis(format!(
            "the diff is larger than limits.max_diff_bytes ({max_bytes} bytes): not scanned; raise the limit or scan a smaller range"
        ))
    }

    /// The CI checkout checks: base and head present, and (in a shallow clone) the
    /// history between them; `has` says whether a commit is present.
    pub(crate) fn check_ci(
        shallow: bool,
        base: &str,
        head: &str,
        has: impl Fn(&str) -> bool,
        is_ancestor: impl FnOnce() -> bool,
    ) -> Result<(), Error> {
        let short = super::short;
        let fix = "set GIT_STRATEGY: fetch and GIT_DEPTH: \"0\" on the job so the runner fetches the history (the component does this with diff_source: git), or use the API mode with a token";
        let clone = if shallow {
            "the shallow clone"
        } else {
            "the checkout"
        };
        for (sha, what) in [
            (base, "base commit (CI_MERGE_REQUEST_DIFF_BASE_SHA)"),
            (head, "head commit"),
        ] {
            if !has(sha) {
                return Err(Error::Analysis(format!(
                    "the merge request's {what} {} is not in {clone}: {fix}",
                    crate::sanitize::terminal(short(sha))
                )));
            }
        }
        if shallow && !is_ancestor() {
            return Err(Error::Analysis(format!(
                "{clone} cuts the history between the base {} and the head {}: {fix}",
                short(base),
                short(head)
            )));
        }
        Ok(())
    }
}

/// Runs git and returns stdout, at most `max_bytes` of it.
fn run(repo: &Path, args: &[&str], max_bytes: u64) -> Result<Result<Vec<u8>, String>, Error> {
    run_env(repo, args, max_bytes, &[])
}

/// [`run`] with extra environment variables.
fn run_env(
    repo: &Path,
    args: &[&str],
    max_bytes: u64,
    env: &[(&str, &str)],
) -> Result<Result<Vec<u8>, String>, Error> {
    let mut child = spawn(git(repo).args(args).envs(env.iter().copied()))?;
    let mut out = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        stdout
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| Error::Analysis(format!("reading git output: {e}")))?;
    }
    if out.len() as u64 > max_bytes {
        let _ = child.kill();
        let _ = child.wait();
        return Err(messages::too_large(max_bytes));
    }
    let mut err = String::new();
    if let Some(mut stderr) = child.stderr.take() {
        let _ = stderr.read_to_string(&mut err);
    }
    let status = child
        .wait()
        .map_err(|e| Error::Analysis(format!("waiting for git: {e}")))?;
    if status.success() {
        Ok(Ok(out))
    } else {
        Ok(Err(crate::sanitize::terminal(err.trim())))
    }
}

/// Starts git with its output piped.
fn spawn(cmd: &mut Command) -> Result<std::process::Child, Error> {
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            Error::Analysis(format!(
                "cannot run git ({e}); install git or use --diff FILE"
            ))
        })
}

fn ensure_repo(repo: &Path) -> Result<(), Error> {
    match run(repo, &["rev-parse", "--git-dir"], 1 << 20)? {
        Ok(_) => Ok(()),
        Err(_) => Err(messages::not_a_repo(repo)),
    }
}

/// Checks that a CI checkout (`review --diff-source git`) holds the merge request's
/// base and head commits and the history between them: a shallow clone often lacks
/// the base. Each error says how to fix the job (exit 3: the checkout is unusable).
pub fn check_ci_range(repo: &Path, base: &str, head: &str) -> Result<(), Error> {
    if in_process() {
        return super::gix::check_ci_range(repo, base, head);
    }
    ensure_repo(repo)?;
    let shallow = matches!(
        run(repo, &["rev-parse", "--is-shallow-repository"], 1 << 10)?,
        Ok(out) if out.starts_with(b"true")
    );
    let has = |sha: &str| {
        let spec = format!("{sha}^{{commit}}");
        matches!(
            run(
                repo,
                &["cat-file", "-e", "--end-of-options", &spec],
                1 << 10
            ),
            Ok(Ok(_))
        )
    };
    let is_ancestor = || {
        matches!(
            run(repo, &["merge-base", "--is-ancestor", base, head], 1 << 10),
            Ok(Ok(_))
        )
    };
    messages::check_ci(shallow, base, head, has, is_ancestor)
}

/// The environment that makes `git diff` ignore the repository's `.gitattributes`: the
/// change under review controls them, and `* -diff` would turn every file into "Binary
/// files differ". `GIT_ATTR_SOURCE` (git >= 2.40) reads attributes from the empty tree
/// instead of the working tree and index; older git ignores the variable.
fn attr_source(repo: &Path) -> Result<Vec<(&'static str, String)>, Error> {
    // The empty tree's id depends on the repository's hash (SHA-1 or SHA-256).
    match run(repo, &["hash-object", "-t", "tree", "/dev/null"], 1 << 10)? {
        Ok(out) => Ok(vec![(
            "GIT_ATTR_SOURCE",
            String::from_utf8_lossy(&out).trim().to_string(),
        )]),
        Err(e) => Err(Error::Analysis(format!(
            "git hash-object failed: {e}; check the git installation"
        ))),
    }
}

/// `git diff ARGS` with the pinned options, parsed.
fn diff(
    repo: &Path,
    args: &[&str],
    max_bytes: u64,
    what: &str,
) -> Result<crate::diff::Diff, Error> {
    let attrs = attr_source(repo)?;
    let env: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    let bytes = run_env(repo, &all, max_bytes, &env)?
        .map_err(|e| Error::Analysis(format!("{what} failed: {e}")))?;
    crate::diff::parse(&bytes).map_err(|e| Error::Analysis(format!("git diff output: {e}")))
}

/// Resolves a revision to a commit id; an unknown one is a usage error.
fn resolve(repo: &Path, rev: &str, flag: &str) -> Result<String, Error> {
    if rev.starts_with('-') {
        return Err(Error::Usage(format!("{flag} {rev:?} is not a revision")));
    }
    let spec = format!("{rev}^{{commit}}");
    match run(
        repo,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ],
        1 << 20,
    )? {
        Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
        Err(_) => Err(messages::unknown_revision(rev, flag)),
    }
}

/// The default branch: `origin/HEAD`, else `main`, else `master` (local or on origin).
fn default_branch(repo: &Path) -> Result<String, Error> {
    for candidate in messages::DEFAULT_BRANCHES {
        if let Ok(sha) = resolve(repo, candidate, "--base") {
            return Ok(sha);
        }
    }
    Err(messages::no_default_branch())
}

/// The diff from the merge-base of `base` and `head` to `head`.
pub fn range(
    repo: &Path,
    base: Option<&str>,
    head: Option<&str>,
    max_bytes: u64,
) -> Result<Loaded, Error> {
    if in_process() {
        return super::gix::range(repo, base, head, max_bytes);
    }
    let (merge_base, head_sha) = range_shas(repo, base, head)?;
    let mut args = DIFF_OPTS.to_vec();
    args.extend_from_slice(&[&merge_base, &head_sha, "--"]);
    let diff = diff(repo, &args, max_bytes, "git diff")?;
    Ok(Loaded {
        diff,
        label: format!("{}..{}", short(&merge_base), short(&head_sha)),
        head_sha: Some(head_sha),
    })
}

/// Bytes of `git diff` output handed on at a time by [`range_analysed`].
const STREAM_CHUNK: usize = 1 << 20;

/// [`range`], handing each run of whole files to `each` while git is still writing the
/// rest, so the caller can analyse them in the meantime (git and the analysis then use
/// both cores instead of taking turns). A reader thread drains git's output and cuts it
/// at `diff --git` headers; content lines never start with that text (they carry a
/// `+`, `-`, ` ` or `\` prefix), so every piece parses on its own.
pub fn range_analysed(
    repo: &Path,
    base: Option<&str>,
    head: Option<&str>,
    max_bytes: u64,
    each: &mut dyn FnMut(&[crate::diff::FileDiff]),
) -> Result<Loaded, Error> {
    if in_process() {
        let loaded = super::gix::range(repo, base, head, max_bytes)?;
        each(&loaded.diff.files);
        return Ok(loaded);
    }
    range_streamed(repo, base, head, max_bytes, STREAM_CHUNK, each)
}

#[expect(
    clippy::too_many_lines,
    reason = "the reader thread and the cut at file headers share their buffers"
)]
fn range_streamed(
    repo: &Path,
    base: Option<&str>,
    head: Option<&str>,
    max_bytes: u64,
    chunk: usize,
    each: &mut dyn FnMut(&[crate::diff::FileDiff]),
) -> Result<Loaded, Error> {
    let (merge_base, head_sha) = range_shas(repo, base, head)?;
    let attrs = attr_source(repo)?;
    let mut child = spawn(
        git(repo)
            .arg("diff")
            .args(DIFF_OPTS)
            .args([merge_base.as_str(), head_sha.as_str(), "--"])
            .envs(attrs.iter().map(|(k, v)| (*k, v.as_str()))),
    )?;
    let (Some(mut stdout), Some(mut stderr)) = (child.stdout.take(), child.stderr.take()) else {
        return Err(Error::Analysis("git diff: no output pipes".into()));
    };
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    let reader = std::thread::spawn(move || -> Result<bool, String> {
        let mut pending: Vec<u8> = Vec::new();
        let mut total = 0u64;
        let mut buf = vec![0u8; 64 << 10];
        loop {
            let n = stdout.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > max_bytes {
                return Ok(false);
            }
            pending.extend_from_slice(&buf[..n]);
            if pending.len() >= chunk
                && let Some(cut) = last_file_start(&pending)
            {
                let rest = pending.split_off(cut);
                if tx.send(std::mem::replace(&mut pending, rest)).is_err() {
                    return Ok(true);
                }
            }
        }
        if !pending.is_empty() {
            let _ = tx.send(pending);
        }
        Ok(true)
    });
    let mut diff = crate::diff::Diff::default();
    let mut parse_error = None;
    for piece in rx {
        if parse_error.is_some() {
            continue;
        }
        match crate::diff::parse(&piece) {
            Ok(part) => {
                each(&part.files);
                diff.files.extend(part.files);
            }
            Err(e) => parse_error = Some(e),
        }
    }
    let read = reader
        .join()
        .map_err(|_| Error::Analysis("reading git output failed".into()))?;
    let within_limit = match read {
        Ok(ok) => ok,
        Err(e) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::Analysis(format!("reading git output: {e}")));
        }
    };
    if !within_limit {
        let _ = child.kill();
        let _ = child.wait();
        return Err(messages::too_large(max_bytes));
    }
    let mut err = String::new();
    let _ = stderr.read_to_string(&mut err);
    let status = child
        .wait()
        .map_err(|e| Error::Analysis(format!("waiting for git: {e}")))?;
    if !status.success() {
        return Err(Error::Analysis(format!(
            "git diff failed: {}",
            crate::sanitize::terminal(err.trim())
        )));
    }
    if let Some(e) = parse_error {
        return Err(Error::Analysis(format!("git diff output: {e}")));
    }
    Ok(Loaded {
        diff,
        label: format!("{}..{}", short(&merge_base), short(&head_sha)),
        head_sha: Some(head_sha),
    })
}

/// Where the last file section of `text` starts (after its first byte), if anywhere.
fn last_file_start(text: &[u8]) -> Option<usize> {
    const HEADER: &[u8] = b"\ndiff --git ";
    text.windows(HEADER.len())
        .rposition(|w| w == HEADER)
        .map(|at| at + 1)
        .filter(|&at| at > 0)
}

/// The staged changes (index against `HEAD`, or against nothing in a new repository).
pub fn staged(repo: &Path, max_bytes: u64) -> Result<Loaded, Error> {
    ensure_repo(repo)?;
    let mut args = vec!["--cached"];
    args.extend_from_slice(DIFF_OPTS);
    args.push("--");
    let diff = diff(repo, &args, max_bytes, "git diff --cached")?;
    Ok(Loaded {
        diff,
        label: "staged changes".into(),
        head_sha: None,
    })
}

pub(super) fn short(sha: &str) -> &str {
    sha.get(..12).unwrap_or(sha)
}

/// The files of a local repository at one commit, read from git's object store (never
/// the working tree); files over `max_bytes` read as absent.
#[derive(Debug, Clone)]
pub struct GitFiles {
    /// Repository.
    pub repo: PathBuf,
    /// Revision (a commit id or any name git resolves).
    pub rev: String,
    /// Largest file read, in bytes.
    pub max_bytes: u64,
}

impl crate::diff::FileAt for GitFiles {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        show(&self.repo, &self.rev, path, self.max_bytes)
    }
    fn describe(&self) -> String {
        format!("revision {}", crate::diff::revision::short(&self.rev))
    }
    fn read_many(&self, paths: &[String]) -> Vec<Result<Option<Vec<u8>>, Error>> {
        if in_process() {
            return paths.iter().map(|p| self.read(p)).collect();
        }
        let commit = match ensure_repo(&self.repo)
            .and_then(|()| resolve(&self.repo, &self.rev, "the head revision"))
        {
            Ok(c) => c,
            Err(e) => {
                let msg = e.to_string();
                return paths
                    .iter()
                    .map(|_| Err(Error::Analysis(msg.clone())))
                    .collect();
            }
        };
        batch(&self.repo, &commit, paths, self.max_bytes)
    }
}

/// The files of the index (the staged changes): `scan --staged` parses these.
#[derive(Debug, Clone)]
pub struct IndexFiles {
    /// Repository.
    pub repo: PathBuf,
    /// Largest file read, in bytes.
    pub max_bytes: u64,
}

impl crate::diff::FileAt for IndexFiles {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        self.read_many(&[path.to_string()])
            .pop()
            .unwrap_or(Ok(None))
    }
    fn describe(&self) -> String {
        "the index".into()
    }
    fn read_many(&self, paths: &[String]) -> Vec<Result<Option<Vec<u8>>, Error>> {
        if in_process() {
            // No git to ask: the staged files are parsed from their hunks.
            return paths.iter().map(|_| Ok(None)).collect();
        }
        batch(&self.repo, "", paths, self.max_bytes)
    }
}

/// One answer of `git cat-file --batch`: the blob, `None` for a missing object or a
/// non-blob, an error for a blob over `max_bytes` (read past, not kept).
fn batch_entry(
    reader: &mut impl std::io::BufRead,
    path: &str,
    max_bytes: u64,
) -> Result<Option<Vec<u8>>, Error> {
    let mut header = String::new();
    if reader.read_line(&mut header).unwrap_or(0) == 0 {
        return Err(Error::Analysis(format!(
            "git cat-file stopped before {path}"
        )));
    }
    let parts: Vec<&str> = header.trim_end().rsplitn(3, ' ').collect();
    // "<oid> <type> <size>" for an object; "<spec> missing" (or "ambiguous") otherwise.
    let (Some(size), Some(kind)) = (
        parts.first().and_then(|s| s.parse::<u64>().ok()),
        parts.get(1),
    ) else {
        return Ok(None);
    };
    let keep = *kind == "blob" && size <= max_bytes;
    let mut body = Vec::new();
    let read = if keep {
        reader.take(size).read_to_end(&mut body).map(|n| n as u64)
    } else {
        std::io::copy(&mut reader.take(size), &mut std::io::sink())
    };
    let mut nl = [0u8; 1];
    let _ = reader.read_exact(&mut nl);
    match read {
        Ok(n) if n != size => Err(Error::Analysis(format!("cannot read {path} from git"))),
        Ok(_) if *kind != "blob" => Ok(None),
        Ok(_) if size > max_bytes => Err(messages::too_large(max_bytes)),
        Ok(_) => Ok(Some(body)),
        Err(_) => Err(Error::Analysis(format!("cannot read {path} from git"))),
    }
}

/// Many blobs in one `git cat-file --batch`: `<rev>:<path>` for each path (`:<path>`,
/// the index, when `rev` is empty). Missing files and non-blobs are `None`; a blob over
/// `max_bytes` is an error for that file only. Paths git could not take on one line
/// are read one by one.
fn batch(
    repo: &Path,
    rev: &str,
    paths: &[String],
    max_bytes: u64,
) -> Vec<Result<Option<Vec<u8>>, Error>> {
    use std::io::{BufReader, Write};
    let fail = |e: Error| {
        let msg = e.to_string();
        paths
            .iter()
            .map(|_| Err(Error::Analysis(msg.clone())))
            .collect::<Vec<_>>()
    };
    let mut child = match git(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return fail(Error::Analysis(format!("cannot run git ({e})"))),
    };
    let plain: Vec<bool> = paths
        .iter()
        .map(|p| !p.contains(['\n', '\r']) && !p.is_empty())
        .collect();
    let mut input = String::new();
    for (p, _) in paths.iter().zip(&plain).filter(|(_, ok)| **ok) {
        input.push_str(rev);
        input.push(':');
        input.push_str(p);
        input.push('\n');
    }
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(input.as_bytes());
        }
    });
    let mut out = Vec::with_capacity(paths.len());
    let Some(stdout) = child.stdout.take() else {
        return fail(Error::Analysis("git cat-file gave no output".into()));
    };
    let mut reader = BufReader::new(stdout);
    for (path, ok) in paths.iter().zip(&plain) {
        if !ok {
            out.push(if rev.is_empty() {
                Ok(None)
            } else {
                show(repo, rev, path, max_bytes)
            });
            continue;
        }
        out.push(batch_entry(&mut reader, path, max_bytes));
    }
    let _ = writer.join();
    let _ = child.wait();
    out
}

/// The content of `path` at `rev`, or `None` if the file does not exist there.
pub fn show(repo: &Path, rev: &str, path: &str, max_bytes: u64) -> Result<Option<Vec<u8>>, Error> {
    if in_process() {
        return super::gix::show(repo, rev, path, max_bytes);
    }
    ensure_repo(repo)?;
    let commit = resolve(repo, rev, "the policy revision")?;
    let spec = format!("{commit}:{path}");
    match run(repo, &["cat-file", "-e", &spec], 1 << 10)? {
        Ok(_) => {}
        Err(_) => return Ok(None),
    }
    run(repo, &["cat-file", "blob", &spec], max_bytes)?
        .map(Some)
        .map_err(|e| Error::Analysis(format!("cannot read {path} at {}: {e}", short(&commit))))
}

/// The merge-base of a range's base and head (the revision whose policy is trusted).
pub fn merge_base_of(repo: &Path, spec: &super::DiffSpec) -> Result<String, Error> {
    let super::DiffSpec::Range { base, head } = spec else {
        return Err(Error::Usage(
            "a trusted policy needs a git range (--base/--head or the CI variables)".into(),
        ));
    };
    if in_process() {
        return super::gix::merge_base_of(repo, base.as_deref(), head.as_deref());
    }
    range_shas(repo, base.as_deref(), head.as_deref()).map(|(merge_base, _)| merge_base)
}

/// (merge-base of base and head, head) as commit ids; `base` defaults to the default
/// branch and `head` to `HEAD`.
fn range_shas(
    repo: &Path,
    base: Option<&str>,
    head: Option<&str>,
) -> Result<(String, String), Error> {
    ensure_repo(repo)?;
    let head_sha = resolve(repo, head.unwrap_or("HEAD"), "--head")?;
    let base_sha = match base {
        Some(b) => resolve(repo, b, "--base")?,
        None => default_branch(repo)?,
    };
    match run(repo, &["merge-base", &base_sha, &head_sha], 1 << 20)? {
        Ok(out) => Ok((String::from_utf8_lossy(&out).trim().to_string(), head_sha)),
        Err(_) => Err(messages::no_common_ancestor(&base_sha, &head_sha)),
    }
}

/// Marks the start of each commit in our `git log` output: a line can only begin with
/// this byte there (every line of a patch begins with a printable character).
const COMMIT_MARK: char = '\u{1}';

/// The non-merge commits on the first-parent line from the merge-base of `base` and
/// `head` to `head`, oldest first, each with its own diff (`git log -p --first-parent
/// --no-merges`, the same pinned options as `git diff`), at most
/// [`MAX_COMMITS`](crate::diff::commits::MAX_COMMITS). What cannot be read is
/// recorded in `unread` (the caller fails closed) instead of stopping the scan.
#[expect(
    clippy::too_many_lines,
    reason = "one git log run parsed commit by commit, with its limits"
)]
pub fn history(
    repo: &Path,
    base: Option<&str>,
    head: Option<&str>,
    max_bytes: u64,
) -> crate::diff::commits::Commits {
    use crate::diff::commits::{Commits, MAX_COMMITS};
    if in_process() {
        return super::gix::history(repo, base, head, max_bytes);
    }
    let mut out = Commits::default();
    let unread = |out: &mut Commits, e: &dyn std::fmt::Display| {
        out.unread
            .push(("(commit history)".into(), format!("git log failed: {e}")));
    };
    let (merge_base, head_sha) = match range_shas(repo, base, head) {
        Ok(r) => r,
        Err(e) => {
            unread(&mut out, &e);
            return out;
        }
    };
    let range = format!("{merge_base}..{head_sha}");
    let (all, commits) = match (
        run(
            repo,
            &["rev-list", "--first-parent", "--count", &range, "--"],
            1 << 10,
        ),
        non_merge_commits(repo, &range),
    ) {
        (Ok(Ok(all)), Ok(list)) => (
            String::from_utf8_lossy(&all)
                .trim()
                .parse::<usize>()
                .unwrap_or(0),
            list,
        ),
        (Ok(Err(e)), _) => {
            unread(&mut out, &e);
            return out;
        }
        (Err(e), _) | (_, Err(e)) => {
            unread(&mut out, &e);
            return out;
        }
    };
    out.merges_skipped = all.saturating_sub(commits.len());
    out.beyond_limit = commits.len().saturating_sub(MAX_COMMITS);
    // One first-parent commit that is not a merge: its parent is the merge-base, so its
    // diff is the range's diff, already analysed. Nothing to read twice.
    if all == 1 && commits.len() == 1 {
        return out;
    }
    let attrs = match attr_source(repo) {
        Ok(a) => a,
        Err(e) => {
            unread(&mut out, &e);
            return out;
        }
    };
    let env: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let limit = format!("--max-count={MAX_COMMITS}");
    let format = format!("--format={COMMIT_MARK}%H");
    let mut args = vec![
        "-c",
        "log.showSignature=false",
        "log",
        "-p",
        "--first-parent",
        "--no-merges",
        "--reverse",
        "--no-notes",
        "--no-decorate",
        &format,
    ];
    args.extend_from_slice(DIFF_OPTS);
    // The oldest commits: the log ends at the last one kept (`--reverse` would apply
    // after `--max-count` and keep the newest).
    let Some(newest_kept) = commits[..MAX_COMMITS.min(commits.len())].last() else {
        return out;
    };
    let kept_range = format!("{merge_base}..{newest_kept}");
    args.extend_from_slice(&[&limit, &kept_range, "--"]);
    let bytes = match run_env(repo, &args, max_bytes, &env) {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => {
            unread(&mut out, &e);
            return out;
        }
        Err(e) => {
            unread(&mut out, &e);
            return out;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    for chunk in text.split(COMMIT_MARK).filter(|c| !c.is_empty()) {
        let (sha, patch) = chunk.split_once('\n').unwrap_or((chunk, ""));
        let sha = sha.trim().to_string();
        match crate::diff::parse(patch.as_bytes()) {
            Ok(diff) => out
                .commits
                .push(crate::diff::commits::CommitDiff { sha, diff }),
            Err(e) => out.unread.push((
                format!("(commit {})", short(&sha)),
                format!("its diff could not be parsed: {e}"),
            )),
        }
    }
    out
}

/// The non-merge first-parent commits of `range`, oldest first.
fn non_merge_commits(repo: &Path, range: &str) -> Result<Vec<String>, Error> {
    let args = [
        "rev-list",
        "--first-parent",
        "--no-merges",
        "--reverse",
        range,
        "--",
    ];
    match run(repo, &args, 64 << 20)? {
        Ok(o) => Ok(String::from_utf8_lossy(&o)
            .lines()
            .map(str::to_string)
            .collect()),
        Err(e) => Err(Error::Analysis(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn git_on_path_keeps_the_subprocess() {
        // The test process has git on PATH; without it the binary reads in process
        // (tests/it/adoption.rs and git_diff.rs run it with a PATH lacking git).
        assert!(!in_process());
    }

    fn git_in(dir: &Path, args: &[&str]) {
        let ok = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .expect("git runs")
            .status
            .success();
        assert!(ok, "git {args:?}");
    }

    #[test]
    fn streamed_pieces_add_up_to_the_whole_diff() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        git_in(d, &["init", "-q", "-b", "main"]);
        std::fs::write(d.join("old.txt"), "a\nb\nc\n").expect("write");
        git_in(d, &["add", "-A"]);
        git_in(d, &["commit", "-qm", "base"]);
        git_in(d, &["checkout", "-qb", "mr"]);
        std::fs::write(d.join("old.txt"), "a\nB\nc\n").expect("write");
        for i in 0..12 {
            // Content that looks like a header must not cut a file in two.
            std::fs::write(
                d.join(format!("f{i}.py")),
                format!("x = {i}\ndiff --git a/f b/f\n\\ not a marker\n"),
            )
            .expect("write");
        }
        git_in(d, &["add", "-A"]);
        git_in(d, &["commit", "-qm", "mr"]);
        let whole = range(d, Some("main"), Some("mr"), 1 << 20).expect("range");
        for chunk in [1, 64, 300, 1 << 20] {
            let mut pieces = 0;
            let mut seen = 0;
            let streamed = range_streamed(d, Some("main"), Some("mr"), 1 << 20, chunk, &mut |f| {
                pieces += 1;
                seen += f.len();
            })
            .expect("streamed");
            assert_eq!(streamed.diff, whole.diff, "chunk {chunk}");
            assert_eq!(seen, whole.diff.files.len());
            if chunk < 300 {
                assert!(
                    pieces >= 2,
                    "chunk {chunk}: the output was cut ({pieces} pieces)"
                );
            }
        }
        let err = range_streamed(d, Some("main"), Some("mr"), 100, 64, &mut |_| {})
            .expect_err("over the byte limit");
        assert!(err.to_string().contains("limits.max_diff_bytes"), "{err}");
    }

    #[test]
    fn last_file_start_finds_the_last_header() {
        assert_eq!(
            last_file_start(b"diff --git a b\n+x\ndiff --git c d\n"),
            Some(18)
        );
        assert_eq!(last_file_start(b"diff --git a b\n+diff --git x\n"), None);
    }
}
