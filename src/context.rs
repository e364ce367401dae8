//! Context: every input of a run in one typed value, built once from flags and the
//! environment. This is the only module that reads environment variables; everything
//! below takes a `&Context`.

use std::path::PathBuf;

use crate::analyze::llm;
use crate::cli::{
    CommentsFlag, CommonArgs, DoctorArgs, FailOn, Format, OnPublishError, ReportFlag, ReviewArgs,
    ReviewDiffSource, ScanArgs,
};
use crate::config::CommentMode;
use crate::error::Error;
use crate::finding::Severity;
use crate::gate::Threshold;
use crate::gitlab::{self, Token};
use crate::report::ReportKind;

pub use crate::diff::source::DiffSpec;

/// Output options shared by every command.
#[derive(Debug, Clone)]
pub struct Output {
    /// Report directory.
    pub dir: PathBuf,
    /// Standard-output format.
    pub format: Format,
    /// Use colour on standard output (a terminal, and `NO_COLOR` unset).
    pub color: bool,
    /// The report files to write, in writing order, without repeats (`--report`).
    pub reports: Vec<ReportKind>,
    /// Whether the run writes files at all (reports and the verdict file): not for
    /// `scan --staged` unless `--output-dir` or `--report` asks (a pre-commit hook
    /// must leave the working tree as it was).
    pub write_files: bool,
}

/// GitLab CI variables that matter to a local scan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CiVars {
    /// `CI_MERGE_REQUEST_DIFF_BASE_SHA`: the MR's base commit.
    pub diff_base_sha: Option<String>,
    /// `CI_MERGE_REQUEST_SOURCE_BRANCH_SHA` (merged-results pipelines), else `CI_COMMIT_SHA`.
    pub head_sha: Option<String>,
    /// `CI_PROJECT_DIR`.
    pub project_dir: Option<PathBuf>,
}

/// Everything a `scan` (or `demo`) run needs.
#[derive(Debug, Clone)]
pub struct Context {
    /// Repository (or directory) path.
    pub repo: PathBuf,
    /// Which change to analyse.
    pub diff: DiffSpec,
    /// Report and stdout options.
    pub output: Output,
    /// `--fail-on`, when given; the configuration's value applies otherwise.
    pub fail_on: Option<Threshold>,
    /// `--config`, when given.
    pub config_path: Option<PathBuf>,
    /// CI variables, when running in GitLab CI.
    pub ci: CiVars,
    /// The LLM reviewer's endpoint: for `scan`, only with `--llm` (DESIGN.md: `scan`
    /// does no network unless asked to).
    pub llm: Option<llm::Settings>,
    /// `MRWARDEN_LLM_*` is set but `scan` was not given `--llm`: worth a hint.
    pub llm_not_asked: bool,
}

/// Reads one environment variable; empty counts as unset (GitLab sets empty values).
pub type EnvFn<'a> = &'a dyn Fn(&str) -> Option<String>;

/// The process environment, with empty values treated as unset.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Context {
    /// Builds the context of `mrwarden scan`.
    pub fn for_scan(args: &ScanArgs, env: EnvFn<'_>) -> Result<Self, Error> {
        let ca = CaSources::default();
        let ci = CiVars::from_env(env);
        let diff = match (&args.diff, args.staged) {
            _ if args.all => DiffSpec::AllFiles,
            (Some(p), _) if p.as_os_str() == "-" => DiffSpec::Stdin,
            (Some(p), _) => DiffSpec::File(p.clone()),
            (None, true) => DiffSpec::Staged,
            (None, false) => DiffSpec::Range {
                base: args.base.clone().or_else(|| ci.diff_base_sha.clone()),
                head: args
                    .head
                    .clone()
                    .or_else(|| args.base.is_none().then(|| ci.head_sha.clone()).flatten()),
            },
        };
        let mut output = Output::from_args(&args.common, PathBuf::from("mrwarden-out"), env);
        output.write_files = diff != DiffSpec::Staged
            || args.common.output_dir.is_some()
            || !args.common.reports.is_empty();
        Ok(Context {
            repo: args.path.clone(),
            diff,
            output,
            fail_on: fail_on_with_env(args.common.fail_on, env)?,
            config_path: args.common.config.clone(),
            ci,
            llm: if args.llm {
                Some(read_llm(env, &ca)?.ok_or_else(|| {
                    Error::Usage(
                        "--llm needs an LLM endpoint: set MRWARDEN_LLM_PROVIDER and MRWARDEN_LLM_MODEL (and MRWARDEN_LLM_URL, MRWARDEN_LLM_API_KEY as needed; see docs/llm.md)".into(),
                    )
                })?)
            } else {
                None
            },
            llm_not_asked: !args.llm && llm_configured(env),
        })
    }

    /// Builds the context of `mrwarden demo` for a prepared example repository.
    pub fn for_demo(
        common: &CommonArgs,
        repo: PathBuf,
        default_out: PathBuf,
        env: EnvFn<'_>,
    ) -> Result<Self, Error> {
        Ok(Context {
            repo,
            diff: DiffSpec::Range {
                base: Some("main".into()),
                head: Some("feature".into()),
            },
            output: Output::from_args(common, default_out, env),
            fail_on: common.fail_on.map(threshold),
            config_path: common.config.clone(),
            ci: CiVars::default(),
            // The demo never talks to the network.
            llm: None,
            llm_not_asked: false,
        })
    }
}

pub use crate::gitlab::MergeRequestRef;

/// Where `review` takes the diff from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewSource {
    /// The GitLab API (the pipeline's diff version); never reads the working tree.
    Api,
    /// Local git in `repo` (needs history).
    Git {
        /// Repository path (`CI_PROJECT_DIR`, else `.`).
        repo: PathBuf,
        /// The range.
        diff: DiffSpec,
    },
}

/// Everything a `review` run needs.
#[derive(Debug, Clone)]
pub struct ReviewContext {
    /// Report and stdout options.
    pub output: Output,
    /// `--fail-on`, when given.
    pub fail_on: Option<Threshold>,
    /// `--config`, when given.
    pub config_path: Option<PathBuf>,
    /// `--dry-run`: never write to GitLab.
    pub dry_run: bool,
    /// The MR, or `None` outside a merge-request pipeline.
    pub mr: Option<MergeRequestRef>,
    /// Diff source.
    pub source: ReviewSource,
    /// Name of the variable holding the token (for messages).
    pub token_variable: String,
    /// GitLab connection settings, when an API URL is known.
    pub gitlab: Option<gitlab::Settings>,
    /// `CI_SERVER_VERSION_MAJOR`/`_MINOR`.
    pub server_version: Option<(u32, u32)>,
    /// `--pipeline branch`: a branch pipeline (not the default branch's) whose branch
    /// has an open MR (`CI_OPEN_MERGE_REQUESTS`).
    pub branch: Option<BranchPipeline>,
    /// What the process exits with (`--exit-zero`).
    pub exit: ExitWith,
    /// `--instance`, unless it is the default `mrwarden`: the summary note's marker
    /// carries it, so two includes of the component keep one summary each.
    pub instance: Option<String>,
    /// The LLM reviewer's endpoint, when `MRWARDEN_LLM_*` configures one.
    pub llm: Option<llm::Settings>,
    /// `--comments`, when given.
    pub comments: Option<CommentMode>,
    /// `--max-inline`, when given.
    pub max_inline: Option<usize>,
    /// `--on-publish-error fail`: a publishing failure makes the run exit 3.
    pub fail_on_publish_error: bool,
    /// `CI_MERGE_REQUEST_EVENT_TYPE=merge_train`: gate, no inline comments.
    pub merge_train: bool,
}

/// What `review` exits with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitWith {
    /// The gate's code (0, 1, 3; 2 for a configuration error).
    Verdict,
    /// `--exit-zero`: 0 once the reports and the verdict file are written (2 stays),
    /// for the component's reporting job; `mrwarden gate` exits with the verdict.
    ZeroOnceWritten,
}

/// A branch pipeline that may belong to an open MR: the open MR of this project whose
/// source branch (in this project) is the pipeline's branch, found through
/// `GET /projects/:id/merge_requests?state=opened&source_branch=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchPipeline {
    /// `CI_PROJECT_ID`.
    pub project: String,
    /// `CI_COMMIT_SHA`.
    pub sha: String,
    /// `CI_COMMIT_BRANCH`.
    pub branch: String,
}

/// CA variables, in the order their certificates are added to the built-in roots.
const CA_FILE_VARS: &[&str] = &["MRWARDEN_CA_FILE", "CI_SERVER_TLS_CA_FILE", "SSL_CERT_FILE"];

impl ReviewContext {
    /// Builds the context of `mrwarden review` from flags and `CI_*` variables.
    pub fn for_review(args: &ReviewArgs, env: EnvFn<'_>) -> Result<Self, Error> {
        let ca = CaSources::default();
        let var = args.token_variable.as_str();
        check_variable_name(var)?;
        let token = read_token(var, env)?;
        let mr = read_merge_request(env)?;
        let gitlab = read_settings(token, env, &ca)?;
        if mr.is_some() && gitlab.is_none() && args.diff_source == ReviewDiffSource::Api {
            return Err(Error::Usage(
                "CI_API_V4_URL is not set; run inside GitLab CI or set MRWARDEN_GITLAB_URL to the API root (https://host/api/v4)".into(),
            ));
        }
        let ci = CiVars::from_env(env);
        let source = match args.diff_source {
            ReviewDiffSource::Api => ReviewSource::Api,
            ReviewDiffSource::Git => ReviewSource::Git {
                repo: ci.project_dir.clone().unwrap_or_else(|| PathBuf::from(".")),
                diff: DiffSpec::Range {
                    base: ci.diff_base_sha.clone(),
                    head: ci.head_sha.clone(),
                },
            },
        };
        let server_version = match (
            env("CI_SERVER_VERSION_MAJOR").and_then(|v| v.parse().ok()),
            env("CI_SERVER_VERSION_MINOR").and_then(|v| v.parse().ok()),
        ) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        let branch = read_branch_pipeline(mr.as_ref(), args.pipeline == "branch", env);
        let instance = match args.instance.as_str() {
            "mrwarden" => None,
            other if valid_instance(other) => Some(other.to_owned()),
            other => {
                return Err(Error::Usage(format!(
                    "--instance {:?} is not a job prefix; use a lowercase letter, then up to 39 lowercase letters, digits, - or _",
                    crate::sanitize::terminal_line(other)
                )));
            }
        };
        Ok(ReviewContext {
            output: Output::from_args(&args.common, PathBuf::from("mrwarden-out"), env),
            fail_on: fail_on_with_env(args.common.fail_on, env)?,
            config_path: args.common.config.clone(),
            dry_run: args.dry_run,
            mr,
            source,
            token_variable: var.to_string(),
            branch,
            gitlab,
            server_version,
            llm: read_llm(env, &ca)?,
            comments: args.comments.map(comment_mode),
            max_inline: args.max_inline,
            exit: if args.exit_zero {
                ExitWith::ZeroOnceWritten
            } else {
                ExitWith::Verdict
            },
            instance,
            fail_on_publish_error: args.on_publish_error == OnPublishError::Fail,
            merge_train: env("CI_MERGE_REQUEST_EVENT_TYPE").as_deref() == Some("merge_train"),
        })
    }
}

/// Everything `mrwarden doctor` checks. Problems that `review` would stop on (a
/// malformed token, a bad API URL) are kept as text here: doctor reports them as
/// failed checks instead of exiting 2.
#[derive(Debug, Clone)]
pub struct DoctorContext {
    /// Name of the token variable.
    pub token_variable: String,
    /// The token variable is set but malformed.
    pub token_problem: Option<String>,
    /// Connection settings, when the API URL is known and valid.
    pub gitlab: Option<gitlab::Settings>,
    /// The API URL is missing or invalid (or a CA variable is unreadable).
    pub api_problem: Option<String>,
    /// The MR, in a merge-request pipeline.
    pub mr: Option<MergeRequestRef>,
    /// `CI_MERGE_REQUEST_PROJECT_ID`, else `CI_PROJECT_ID`.
    pub project: Option<String>,
    /// `CI_PIPELINE_SOURCE`.
    pub pipeline_source: Option<String>,
    /// `CI_MERGE_REQUEST_EVENT_TYPE`.
    pub event_type: Option<String>,
    /// The LLM endpoint (`Ok(None)` when not configured), or what is wrong with its variables.
    pub llm: Result<Option<llm::Settings>, String>,
}

impl DoctorContext {
    /// Builds the context of `mrwarden doctor`.
    pub fn for_doctor(args: &DoctorArgs, env: EnvFn<'_>) -> Result<Self, Error> {
        let ca = CaSources::default();
        let var = args.token_variable.as_str();
        check_variable_name(var)?;
        let (token, token_problem) = match read_token(var, env) {
            Ok(t) => (t, None),
            Err(e) => (None, Some(e.to_string())),
        };
        let (gitlab, api_problem) = match read_settings(token, env, &ca) {
            Ok(Some(s)) => (Some(s), None),
            Ok(None) => (
                None,
                Some("CI_API_V4_URL is not set; run inside GitLab CI or set MRWARDEN_GITLAB_URL to the API root".into()),
            ),
            Err(e) => (None, Some(e.to_string())),
        };
        Ok(DoctorContext {
            token_variable: var.to_string(),
            token_problem,
            gitlab,
            api_problem,
            mr: read_merge_request(env).ok().flatten(),
            project: env("CI_MERGE_REQUEST_PROJECT_ID").or_else(|| env("CI_PROJECT_ID")),
            pipeline_source: env("CI_PIPELINE_SOURCE"),
            event_type: env("CI_MERGE_REQUEST_EVENT_TYPE"),
            llm: read_llm(env, &ca).map_err(|e| e.to_string()),
        })
    }
}

/// Branch-pipeline mode (DESIGN.md, Token and setup): only when asked for
/// (`--pipeline branch`), only outside an MR pipeline, only when GitLab says the branch
/// has an open MR, and never on the default branch, whose pipeline always runs the
/// empty-base job (with an open MR from `main` to `production`, `main` is that MR's
/// source branch).
fn read_branch_pipeline(
    mr: Option<&MergeRequestRef>,
    asked: bool,
    env: EnvFn<'_>,
) -> Option<BranchPipeline> {
    if !asked || mr.is_some() || env("CI_OPEN_MERGE_REQUESTS").is_none() {
        return None;
    }
    let branch = env("CI_COMMIT_BRANCH")?;
    if env("CI_DEFAULT_BRANCH").is_none_or(|d| d == branch) {
        // Without the default branch's name, no branch can be told apart from it.
        return None;
    }
    Some(BranchPipeline {
        project: env("CI_PROJECT_ID")?,
        sha: env("CI_COMMIT_SHA")?,
        branch,
    })
}

/// The component's `job_prefix` rule: `^[a-z][a-z0-9_-]{0,39}$`.
fn valid_instance(name: &str) -> bool {
    name.len() <= 40
        && name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn check_variable_name(var: &str) -> Result<(), Error> {
    let valid = var
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && var.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "--token-variable {var:?} is not a variable name; use letters, digits and _"
        )))
    }
}

/// The token from the named variable; there is no fallback to any other variable.
fn read_token(var: &str, env: EnvFn<'_>) -> Result<Option<Token>, Error> {
    env(var)
        .map(|raw| {
            Token::parse(&raw).map_err(|e| {
                Error::Usage(format!(
                    "the token in {var} is malformed ({e}); store the token again without spaces or line breaks"
                ))
            })
        })
        .transpose()
}

fn read_merge_request(env: EnvFn<'_>) -> Result<Option<MergeRequestRef>, Error> {
    let Some(iid) = env("CI_MERGE_REQUEST_IID") else {
        return Ok(None);
    };
    Ok(Some(MergeRequestRef {
        project: env("CI_MERGE_REQUEST_PROJECT_ID")
            .or_else(|| env("CI_PROJECT_ID"))
            .ok_or_else(|| {
                Error::Usage(
                    "CI_MERGE_REQUEST_IID is set but CI_MERGE_REQUEST_PROJECT_ID is not; run inside a GitLab merge-request pipeline".into(),
                )
            })?,
        iid: parse_number("CI_MERGE_REQUEST_IID", &iid)?,
        diff_id: env("CI_MERGE_REQUEST_DIFF_ID")
            .map(|v| parse_number("CI_MERGE_REQUEST_DIFF_ID", &v))
            .transpose()?,
        source_project: env("CI_MERGE_REQUEST_SOURCE_PROJECT_ID"),
    }))
}

/// Connection settings from `MRWARDEN_GITLAB_URL` / `CI_API_V4_URL`, the CA variables
/// and the proxy variables; `None` without an API URL.
fn read_settings(
    token: Option<Token>,
    env: EnvFn<'_>,
    ca: &CaSources,
) -> Result<Option<gitlab::Settings>, Error> {
    let api_url = match env("MRWARDEN_GITLAB_URL") {
        Some(u) => Some(("MRWARDEN_GITLAB_URL", u)),
        None => env("CI_API_V4_URL").map(|u| ("CI_API_V4_URL", u)),
    };
    let Some((name, raw)) = api_url else {
        return Ok(None);
    };
    let api_url = parse_api_url(name, &raw)?;
    let proxy = if api_url.scheme() == "https" {
        env("HTTPS_PROXY").or_else(|| env("https_proxy"))
    } else {
        env("HTTP_PROXY").or_else(|| env("http_proxy"))
    };
    Ok(Some(gitlab::Settings {
        api_url,
        token,
        extra_ca_pem: ca.get(env)?,
        proxy,
        no_proxy: env("NO_PROXY").or_else(|| env("no_proxy")),
        limits: if short_waits(env) {
            gitlab::Limits::default().with_short_waits()
        } else {
            gitlab::Limits::default()
        },
    }))
}

/// Whether any of the variables that name an LLM endpoint is set.
fn llm_configured(env: EnvFn<'_>) -> bool {
    [
        "MRWARDEN_LLM_PROVIDER",
        "MRWARDEN_LLM_URL",
        "MRWARDEN_LLM_MODEL",
    ]
    .iter()
    .any(|v| env(v).is_some())
}

/// The LLM endpoint from `MRWARDEN_LLM_PROVIDER`, `_URL`, `_MODEL` and `_API_KEY` (never
/// from a file), with the same CA and proxy variables as GitLab; `None` when neither the
/// provider, the URL nor the model is set.
fn read_llm(env: EnvFn<'_>, ca: &CaSources) -> Result<Option<llm::Settings>, Error> {
    if !llm_configured(env) {
        return Ok(None);
    }
    let provider = env("MRWARDEN_LLM_PROVIDER");
    let url = env("MRWARDEN_LLM_URL");
    let model = env("MRWARDEN_LLM_MODEL");
    let provider = match provider {
        None => {
            return Err(Error::Usage(
                "MRWARDEN_LLM_URL or MRWARDEN_LLM_MODEL is set but MRWARDEN_LLM_PROVIDER is not; set it to openai (any OpenAI-compatible server) or anthropic, or unset the MRWARDEN_LLM_* variables".into(),
            ));
        }
        Some(p) => llm::Provider::parse(&p).ok_or_else(|| {
            Error::Usage(format!(
                "MRWARDEN_LLM_PROVIDER={:?} is not known; use openai (any OpenAI-compatible server) or anthropic",
                crate::sanitize::terminal_line(&p)
            ))
        })?,
    };
    let Some(model) = model else {
        return Err(Error::Usage(
            "MRWARDEN_LLM_PROVIDER is set but MRWARDEN_LLM_MODEL is not; set the model name (see docs/llm.md)".into(),
        ));
    };
    let url = parse_api_url(
        "MRWARDEN_LLM_URL",
        url.as_deref().unwrap_or(provider.default_url()),
    )?;
    let key = env("MRWARDEN_LLM_API_KEY")
        .map(|raw| {
            llm::ApiKey::parse(raw.trim_end_matches(['\n', '\r'])).ok_or_else(|| {
                Error::Usage(
                    "the key in MRWARDEN_LLM_API_KEY is malformed (whitespace or non-printable characters); store it again".into(),
                )
            })
        })
        .transpose()?;
    let proxy = if url.scheme() == "https" {
        env("HTTPS_PROXY").or_else(|| env("https_proxy"))
    } else {
        env("HTTP_PROXY").or_else(|| env("http_proxy"))
    };
    Ok(Some(llm::Settings {
        provider,
        url,
        model,
        key,
        extra_ca_pem: ca.get(env)?,
        proxy,
        no_proxy: env("NO_PROXY").or_else(|| env("no_proxy")),
        short_waits: short_waits(env),
    }))
}

/// `MRWARDEN_TEST_FAST_RETRY=1`: for the test suite only (docs/troubleshooting.md).
/// Shortens the waits between retries of the GitLab and LLM clients to milliseconds;
/// timeouts, attempts, budgets and TLS are untouched.
fn short_waits(env: EnvFn<'_>) -> bool {
    env("MRWARDEN_TEST_FAST_RETRY").as_deref() == Some("1")
}

fn parse_number(name: &str, raw: &str) -> Result<u64, Error> {
    raw.trim()
        .parse()
        .map_err(|_| Error::Usage(format!("{name} must be a number, got {raw:?}")))
}

/// The API root: `https://`, or plain `http://` to a loopback host only (a local test
/// double; nothing on the network is ever spoken to without TLS). No credentials or
/// query in it: the token travels only in a header.
fn parse_api_url(name: &str, raw: &str) -> Result<url::Url, Error> {
    let url = url::Url::parse(raw.trim()).map_err(|e| {
        Error::Usage(format!(
            "{name} is not a URL ({e}); set it to the API root, e.g. https://gitlab.example.com/api/v4 or https://api.openai.com/v1"
        ))
    })?;
    if !url.username().is_empty() || url.password().is_some() || url.query().is_some() {
        return Err(Error::Usage(format!(
            "{name} must not carry credentials or a query; the token or key belongs in its masked variable"
        )));
    }
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(Error::Usage(format!(
            "{name} must be an https:// URL (plain http is allowed only to a loopback host); TLS cannot be switched off, add your CA with MRWARDEN_CA_FILE instead"
        ))),
    }
}

/// The CA sources of one context, read from disk at most once and shared by the GitLab
/// and LLM settings (the one HTTP stack, `net`, adds them to the built-in roots).
#[derive(Default)]
struct CaSources(std::cell::OnceCell<Result<Vec<CaPem>, String>>);

/// One CA source: the variable it came from and its PEM bytes.
type CaPem = (String, Vec<u8>);

impl CaSources {
    fn get(&self, env: EnvFn<'_>) -> Result<Vec<CaPem>, Error> {
        self.0
            .get_or_init(|| read_ca_sources(env).map_err(|e| e.to_string()))
            .clone()
            .map_err(Error::Usage)
    }
}

/// Every CA source that is set, as PEM bytes labelled with its variable.
fn read_ca_sources(env: EnvFn<'_>) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let mut out = Vec::new();
    for name in CA_FILE_VARS {
        if let Some(path) = env(name) {
            let bytes = std::fs::read(&path).map_err(|e| {
                Error::Usage(format!(
                    "{name}={path}: cannot read the CA file ({e}); fix the path or unset {name}"
                ))
            })?;
            out.push(((*name).to_string(), bytes));
        }
    }
    if let Some(pem) = env("ADDITIONAL_CA_CERT_BUNDLE") {
        out.push(("ADDITIONAL_CA_CERT_BUNDLE".into(), pem.into_bytes()));
    }
    if let Some(dir) = env("SSL_CERT_DIR") {
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            Error::Usage(format!(
                "SSL_CERT_DIR={dir}: cannot read the directory ({e}); fix the path or unset SSL_CERT_DIR"
            ))
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let mut pem = Vec::new();
        for f in files {
            if let Ok(bytes) = std::fs::read(&f)
                && bytes
                    .windows(27)
                    .any(|w| w == b"-----BEGIN CERTIFICATE-----")
            {
                pem.extend_from_slice(&bytes);
                pem.push(b'\n');
            }
        }
        if !pem.is_empty() {
            out.push(("SSL_CERT_DIR".into(), pem));
        }
    }
    Ok(out)
}

impl Output {
    fn from_args(common: &CommonArgs, default_dir: PathBuf, env: EnvFn<'_>) -> Self {
        use std::io::IsTerminal;
        let color = std::io::stdout().is_terminal()
            && env("NO_COLOR").is_none()
            && env("TERM").as_deref() != Some("dumb");
        let mut reports: Vec<ReportKind> = common.reports.iter().map(|&r| report_kind(r)).collect();
        if common.reports.is_empty() {
            reports = ReportKind::ALL.to_vec();
        }
        reports.sort_unstable();
        reports.dedup();
        Output {
            dir: common.output_dir.clone().unwrap_or(default_dir),
            format: common.format,
            color,
            reports,
            write_files: true,
        }
    }
}

impl CiVars {
    fn from_env(env: EnvFn<'_>) -> Self {
        CiVars {
            diff_base_sha: env("CI_MERGE_REQUEST_DIFF_BASE_SHA"),
            head_sha: env("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA").or_else(|| {
                env("CI_MERGE_REQUEST_IID")
                    .is_some()
                    .then(|| env("CI_COMMIT_SHA"))
                    .flatten()
            }),
            project_dir: env("CI_PROJECT_DIR").map(PathBuf::from),
        }
    }
}

/// `--fail-on` as the gate's threshold.
fn threshold(flag: FailOn) -> Threshold {
    let at = match flag {
        FailOn::Never => return Threshold::Never,
        FailOn::Info => Severity::Info,
        FailOn::Low => Severity::Low,
        FailOn::Medium => Severity::Medium,
        FailOn::High => Severity::High,
        FailOn::Critical => Severity::Critical,
    };
    Threshold::At(at)
}

/// `--comments` as a comment mode.
fn comment_mode(flag: CommentsFlag) -> CommentMode {
    match flag {
        CommentsFlag::Inline => CommentMode::Inline,
        CommentsFlag::Summary => CommentMode::Summary,
        CommentsFlag::Off => CommentMode::Off,
    }
}

/// One `--report` name as the report it writes.
fn report_kind(flag: ReportFlag) -> ReportKind {
    match flag {
        ReportFlag::CodeQuality => ReportKind::CodeQuality,
        ReportFlag::Sast => ReportKind::Sast,
        ReportFlag::SecretDetection => ReportKind::SecretDetection,
        ReportFlag::Sarif => ReportKind::Sarif,
        ReportFlag::Junit => ReportKind::Junit,
        ReportFlag::Markdown => ReportKind::Markdown,
    }
}

/// `--fail-on` and `MRWARDEN_FAIL_ON` (a group-level threshold): the stricter of the
/// two when both are set. Policy then applies the configuration's floor to the result
/// (DESIGN.md: like every input, the variable can only tighten).
fn fail_on_with_env(flag: Option<FailOn>, env: EnvFn<'_>) -> Result<Option<Threshold>, Error> {
    let flag = flag.map(threshold);
    let group = env("MRWARDEN_FAIL_ON")
        .map(|raw| {
            raw.trim().parse::<Threshold>().map_err(|e| {
                Error::Usage(format!(
                    "MRWARDEN_FAIL_ON: {e}; fix the CI/CD variable or unset it"
                ))
            })
        })
        .transpose()?;
    Ok(match (flag, group) {
        (Some(f), Some(g)) => Some(f.stricter(g)),
        (f, g) => f.or(g),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn scan(args: &[&str], vars: &[(&str, &str)]) -> Context {
        let cli = crate::cli::Cli::try_parse_from(args).expect("args parse");
        let crate::cli::Command::Scan(a) = cli.command else {
            panic!("not scan")
        };
        let env = |k: &str| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_string())
        };
        Context::for_scan(&a, &env).expect("context")
    }

    #[test]
    fn mr_pipeline_variables_name_the_range() {
        let c = scan(
            &["mrwarden", "scan"],
            &[
                ("CI_MERGE_REQUEST_IID", "7"),
                ("CI_MERGE_REQUEST_DIFF_BASE_SHA", "aaa"),
                ("CI_COMMIT_SHA", "bbb"),
            ],
        );
        assert_eq!(
            c.diff,
            DiffSpec::Range {
                base: Some("aaa".into()),
                head: Some("bbb".into())
            }
        );
    }

    #[test]
    fn scan_asks_the_llm_only_with_the_flag() {
        let vars = [
            ("MRWARDEN_LLM_PROVIDER", "openai"),
            ("MRWARDEN_LLM_URL", "http://127.0.0.1:9/v1"),
            ("MRWARDEN_LLM_MODEL", "m"),
        ];
        let c = scan(&["mrwarden", "scan"], &vars);
        assert!(c.llm.is_none() && c.llm_not_asked);
        let c = scan(&["mrwarden", "scan", "--llm"], &vars);
        assert!(c.llm.is_some() && !c.llm_not_asked);
        let c = scan(&["mrwarden", "scan"], &[]);
        assert!(c.llm.is_none() && !c.llm_not_asked);
        let cli = crate::cli::Cli::try_parse_from(["mrwarden", "scan", "--llm"]).expect("parse");
        let crate::cli::Command::Scan(a) = cli.command else {
            panic!("not scan")
        };
        let e = Context::for_scan(&a, &|_: &str| None).expect_err("no endpoint");
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("MRWARDEN_LLM_PROVIDER"), "{e}");
        assert!(crate::cli::Cli::try_parse_from(["mrwarden", "scan", "--all", "--llm"]).is_err());
    }

    #[test]
    fn test_fast_retry_shortens_only_the_waits_and_only_when_set_to_1() {
        let read = |fast: Option<&'static str>| {
            let env = move |k: &str| match k {
                "CI_API_V4_URL" => Some("https://gitlab.example.com/api/v4".to_string()),
                "MRWARDEN_LLM_PROVIDER" => Some("openai".to_string()),
                "MRWARDEN_LLM_MODEL" => Some("m".to_string()),
                "MRWARDEN_TEST_FAST_RETRY" => fast.map(str::to_string),
                _ => None,
            };
            let gitlab = read_settings(None, &env, &CaSources::default())
                .expect("ok")
                .expect("settings");
            let llm = read_llm(&env, &CaSources::default())
                .expect("ok")
                .expect("llm");
            (gitlab.limits, llm.short_waits)
        };
        let normal = gitlab::Limits::default();
        for unset in [None, Some("0"), Some("true"), Some("")] {
            let (limits, short) = read(unset);
            assert!(!short, "{unset:?}");
            assert_eq!(limits.max_backoff, normal.max_backoff, "{unset:?}");
            assert_eq!(limits.base_backoff, normal.base_backoff, "{unset:?}");
        }
        let (fast, short) = read(Some("1"));
        assert!(short);
        assert!(fast.max_backoff <= std::time::Duration::from_millis(50));
        assert!(fast.base_backoff < normal.base_backoff);
        // Nothing but the waits: timeouts, attempts and the run's budget stay.
        assert_eq!(
            (
                fast.connect,
                fast.read,
                fast.request,
                fast.total,
                fast.attempts
            ),
            (
                normal.connect,
                normal.read,
                normal.request,
                normal.total,
                normal.attempts
            )
        );
    }

    fn review(args: &[&str], vars: &[(&str, &str)]) -> Result<ReviewContext, Error> {
        let cli = crate::cli::Cli::try_parse_from(args).expect("args parse");
        let crate::cli::Command::Review(a) = cli.command else {
            panic!("not review")
        };
        let env = |k: &str| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_string())
        };
        ReviewContext::for_review(&a, &env)
    }

    #[test]
    fn ca_files_are_read_once_for_gitlab_and_the_llm() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, "-----BEGIN CERTIFICATE-----\n").expect("write");
        let ca = ca.display().to_string();
        let asked = std::cell::Cell::new(0);
        let vars = [
            ("CI_API_V4_URL", "https://gitlab.example/api/v4"),
            ("MRWARDEN_CA_FILE", ca.as_str()),
            ("MRWARDEN_LLM_PROVIDER", "openai"),
            ("MRWARDEN_LLM_URL", "https://llm.example/v1"),
            ("MRWARDEN_LLM_MODEL", "m"),
        ];
        let env = |k: &str| {
            if k == "MRWARDEN_CA_FILE" {
                asked.set(asked.get() + 1);
            }
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_string())
        };
        let cli = crate::cli::Cli::try_parse_from(["mrwarden", "review"]).expect("args parse");
        let crate::cli::Command::Review(a) = cli.command else {
            panic!("not review")
        };
        let ctx = ReviewContext::for_review(&a, &env).expect("context");
        let gitlab_ca = &ctx.gitlab.as_ref().expect("gitlab settings").extra_ca_pem;
        let llm_ca = &ctx.llm.as_ref().expect("llm settings").extra_ca_pem;
        assert_eq!(gitlab_ca, llm_ca);
        assert_eq!(gitlab_ca.len(), 1);
        assert_eq!(asked.get(), 1, "the CA variable was read more than once");
    }

    #[test]
    fn review_reads_the_mr_and_token_variable() {
        let vars = [
            ("CI_MERGE_REQUEST_IID", "7"),
            ("CI_MERGE_REQUEST_PROJECT_ID", "42"),
            ("CI_MERGE_REQUEST_DIFF_ID", "9"),
            ("CI_API_V4_URL", "https://h.example/gitlab/api/v4"),
            ("GITLAB_TOKEN", "glpat-notours"),
            ("BOT", "glpat-ours"),
        ];
        let c = review(&["mrwarden", "review"], &vars).expect("context");
        let mr = c.mr.expect("mr");
        assert_eq!(
            (mr.project.as_str(), mr.iid, mr.diff_id),
            ("42", 7, Some(9))
        );
        let gl = c.gitlab.expect("gitlab");
        assert!(gl.token.is_none(), "no fallback to GITLAB_TOKEN");
        assert_eq!(gl.api_url.path(), "/gitlab/api/v4");
        let c = review(&["mrwarden", "review", "--token-variable", "BOT"], &vars).expect("ctx");
        assert!(c.gitlab.expect("gitlab").token.is_some());
    }

    #[test]
    fn review_rejects_bad_tokens_and_urls() {
        let base = [("CI_MERGE_REQUEST_IID", "7"), ("CI_PROJECT_ID", "1")];
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut v: Vec<(&str, &str)> = base.to_vec();
            v.extend_from_slice(extra);
            review(&["mrwarden", "review"], &v).map(|_| ())
        };
        let code = |r: Result<(), Error>| r.expect_err("must fail").exit_code();
        assert_eq!(
            code(with(&[
                ("CI_API_V4_URL", "https://h/api/v4"),
                ("MRWARDEN_GITLAB_TOKEN", "glpat-x\n")
            ])),
            2
        );
        assert_eq!(
            code(with(&[("CI_API_V4_URL", "http://gitlab.example/api/v4")])),
            2
        );
        assert_eq!(code(with(&[("CI_API_V4_URL", "https://u:p@h/api/v4")])), 2);
        assert_eq!(code(with(&[])), 2, "no API URL in an MR pipeline");
        assert!(with(&[("CI_API_V4_URL", "http://127.0.0.1:9/api/v4")]).is_ok());
        let err = with(&[
            ("CI_API_V4_URL", "https://h/api/v4"),
            ("MRWARDEN_GITLAB_TOKEN", "glpat-SECRET x"),
        ])
        .expect_err("malformed");
        assert!(!err.to_string().contains("SECRET"), "{err}");
    }

    #[test]
    fn report_flag_chooses_files_and_defaults_to_all() {
        assert_eq!(
            scan(&["mrwarden", "scan"], &[]).output.reports,
            ReportKind::ALL.to_vec()
        );
        assert_eq!(
            scan(
                &["mrwarden", "scan", "--report", "sarif,codequality,sarif"],
                &[]
            )
            .output
            .reports,
            vec![ReportKind::CodeQuality, ReportKind::Sarif]
        );
        assert!(crate::cli::Cli::try_parse_from(["mrwarden", "scan", "--report", "pdf"]).is_err());
    }

    #[test]
    fn fixed_choice_flags_map_to_the_values_of_the_same_name() {
        use clap::ValueEnum;
        let name = |v: clap::builder::PossibleValue| v.get_name().to_string();
        for &f in ReportFlag::value_variants() {
            let flag = name(f.to_possible_value().expect("named"));
            assert_eq!(report_kind(f).name(), flag);
        }
        assert_eq!(ReportFlag::value_variants().len(), ReportKind::ALL.len());
        for &f in FailOn::value_variants() {
            let flag = name(f.to_possible_value().expect("named"));
            assert_eq!(Ok(threshold(f)), flag.parse::<Threshold>(), "{flag}");
        }
        for &f in CommentsFlag::value_variants() {
            let flag = name(f.to_possible_value().expect("named"));
            let mode = comment_mode(f);
            let yaml: CommentMode =
                serde_json::from_value(serde_json::json!(flag)).expect("a mode");
            assert_eq!(mode, yaml, "{flag}");
        }
        let ci = [
            ("CI_MERGE_REQUEST_IID", "7"),
            ("CI_PROJECT_ID", "1"),
            ("CI_API_V4_URL", "http://127.0.0.1:9/api/v4"),
        ];
        let c = review(
            &[
                "mrwarden",
                "review",
                "--comments",
                "summary",
                "--on-publish-error",
                "fail",
                "--fail-on",
                "never",
            ],
            &ci,
        )
        .expect("context");
        assert_eq!(c.comments, Some(CommentMode::Summary));
        assert!(c.fail_on_publish_error);
        assert_eq!(c.fail_on, Some(Threshold::Never));
        let c = review(&["mrwarden", "review"], &ci).expect("context");
        assert_eq!(
            (c.comments, c.fail_on_publish_error, c.fail_on),
            (None, false, None)
        );
        for bad in [
            &["mrwarden", "review", "--comments", "inlined"][..],
            &["mrwarden", "review", "--on-publish-error", "ignore"],
            &["mrwarden", "scan", "--fail-on", "severe"],
        ] {
            let e = crate::cli::Cli::try_parse_from(bad).expect_err("unknown value");
            assert_eq!(e.kind(), clap::error::ErrorKind::InvalidValue, "{bad:?}");
        }
    }

    #[test]
    fn flags_beat_ci_variables_and_stdin_is_dash() {
        let c = scan(
            &["mrwarden", "scan", "--base", "x"],
            &[("CI_MERGE_REQUEST_IID", "7"), ("CI_COMMIT_SHA", "bbb")],
        );
        assert_eq!(
            c.diff,
            DiffSpec::Range {
                base: Some("x".into()),
                head: None
            }
        );
        assert_eq!(
            scan(&["mrwarden", "scan", "--diff", "-"], &[]).diff,
            DiffSpec::Stdin
        );
        assert_eq!(
            scan(&["mrwarden", "scan", "--staged"], &[]).diff,
            DiffSpec::Staged
        );
    }

    #[test]
    fn group_fail_on_variable_only_tightens_the_flag() {
        let fail_on = |args: &[&str], vars: &[(&str, &str)]| {
            review(args, vars).map(|c| c.fail_on.map(|t| t.to_string()))
        };
        let plain = ["mrwarden", "review"];
        let flag = ["mrwarden", "review", "--fail-on", "critical"];
        assert_eq!(fail_on(&plain, &[]).expect("ctx"), None);
        let group = [("MRWARDEN_FAIL_ON", "medium")];
        assert_eq!(
            fail_on(&plain, &group).expect("ctx").as_deref(),
            Some("medium")
        );
        assert_eq!(
            fail_on(&flag, &group).expect("ctx").as_deref(),
            Some("medium")
        );
        let never = [("MRWARDEN_FAIL_ON", "never")];
        assert_eq!(
            fail_on(&flag, &never).expect("ctx").as_deref(),
            Some("critical")
        );
        let low_flag = ["mrwarden", "review", "--fail-on", "low"];
        assert_eq!(
            fail_on(&low_flag, &group).expect("ctx").as_deref(),
            Some("low")
        );
        let bad = fail_on(&plain, &[("MRWARDEN_FAIL_ON", "severe")]).expect_err("bad");
        assert_eq!(bad.exit_code(), 2);
        assert!(bad.to_string().contains("MRWARDEN_FAIL_ON"), "{bad}");
        assert_eq!(
            scan(&["mrwarden", "scan"], &group)
                .fail_on
                .map(|t| t.to_string())
                .as_deref(),
            Some("medium")
        );
    }

    #[test]
    fn staged_scan_writes_files_only_when_asked() {
        assert!(
            !scan(&["mrwarden", "scan", "--staged"], &[])
                .output
                .write_files
        );
        assert!(
            scan(&["mrwarden", "scan", "--staged", "--output-dir", "o"], &[])
                .output
                .write_files
        );
        assert!(
            scan(&["mrwarden", "scan", "--staged", "--report", "sarif"], &[])
                .output
                .write_files
        );
        assert!(scan(&["mrwarden", "scan"], &[]).output.write_files);
    }

    #[test]
    fn branch_mode_only_when_asked_and_never_on_the_default_branch() {
        let vars = [
            ("CI_OPEN_MERGE_REQUESTS", "group/proj!7"),
            ("CI_PROJECT_ID", "42"),
            ("CI_COMMIT_SHA", "abc"),
            ("CI_COMMIT_BRANCH", "feature"),
            ("CI_DEFAULT_BRANCH", "main"),
        ];
        let branch = ["mrwarden", "review", "--pipeline", "branch"];
        let c = review(&branch, &vars).expect("ctx");
        assert_eq!(
            c.branch,
            Some(BranchPipeline {
                project: "42".into(),
                sha: "abc".into(),
                branch: "feature".into()
            })
        );
        // The component did not say `pipeline: branch`.
        assert_eq!(
            review(&["mrwarden", "review"], &vars).expect("ctx").branch,
            None
        );
        // The default branch is the source of an open MR (main -> production).
        let mut on_main = vars.to_vec();
        on_main[3] = ("CI_COMMIT_BRANCH", "main");
        assert_eq!(review(&branch, &on_main).expect("ctx").branch, None);
        let mut unknown_default = vars.to_vec();
        unknown_default.pop();
        assert_eq!(review(&branch, &unknown_default).expect("ctx").branch, None);
        let no_mr: Vec<_> = vars[1..].to_vec();
        assert_eq!(review(&branch, &no_mr).expect("ctx").branch, None);
    }

    #[test]
    fn instance_names_are_job_prefixes() {
        let c = review(&["mrwarden", "review"], &[]).expect("ctx");
        assert_eq!(c.instance, None);
        let c = review(&["mrwarden", "review", "--instance", "mrwarden"], &[]).expect("ctx");
        assert_eq!(c.instance, None, "the default prefix keeps today's marker");
        let c = review(&["mrwarden", "review", "--instance", "sec-app"], &[]).expect("ctx");
        assert_eq!(c.instance.as_deref(), Some("sec-app"));
        for bad in ["Sec", "a -->", "", "-x", &"a".repeat(41)] {
            let arg = format!("--instance={bad}");
            let e = review(&["mrwarden", "review", &arg], &[]).expect_err(bad);
            assert_eq!(e.exit_code(), 2, "{bad}");
        }
    }
}
