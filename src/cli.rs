//! Command-line definitions (clap derive). Flags with a fixed set of values are value
//! enums (an unknown value is a usage error naming the choices); `context` turns them
//! into the typed values of a run and validates the rest.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// mrwarden: security review of the lines a merge request adds.
///
/// Finds leaked secrets and risky code or configuration in a change, writes reports
/// GitLab shows in the merge request, and exits non-zero when a finding reaches the
/// --fail-on severity.
#[derive(Debug, Parser)]
#[command(name = "mrwarden", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_CODES: &str = "Exit codes: 0 passed, 1 findings at or above --fail-on, \
2 usage or configuration error, 3 could not analyse (nothing reached --fail-on).";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan a local change: a git range (default: merge-base with the default branch to
    /// HEAD), the staged changes, or a unified diff. No network.
    Scan(ScanArgs),
    /// CI mode: review the merge request of this pipeline through the GitLab API,
    /// write reports and gate. Outside a merge-request pipeline it writes empty reports.
    Review(ReviewArgs),
    /// Exit with the code recorded in the verdict file of an earlier `review` or
    /// `scan` (the component's gate job).
    Gate(GateArgs),
    /// Check the GitLab connection: API reachable (TLS, CA, proxy), token valid, its
    /// scopes and expiry, the bot's role, project and merge request. One line per check.
    Doctor(DoctorArgs),
    /// Run the whole flow on a bundled example change in a temporary git repository.
    Demo(DemoArgs),
    /// List the detection rules or run their fixtures.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Accept the current findings: write their fingerprints to a baseline file.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Write a starter .mrwarden.yml and print the CI include snippet.
    Init(InitArgs),
}

/// `mrwarden baseline …`.
#[derive(Debug, Subcommand)]
pub enum BaselineCommand {
    /// Scan every file under PATH and write the fingerprints of all findings.
    Create(BaselineCreateArgs),
}

/// `mrwarden baseline create`.
#[derive(Debug, Args)]
pub struct BaselineCreateArgs {
    /// Repository root to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Baseline file to write [default: the configuration's `baseline`, else
    /// .mrwarden-baseline.json in PATH].
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Configuration file [default: .mrwarden.yml in PATH, if present].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `mrwarden init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Repository root to write .mrwarden.yml into.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Overwrite an existing .mrwarden.yml.
    #[arg(long)]
    pub force: bool,
}

/// `mrwarden scan`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES)]
pub struct ScanArgs {
    /// Repository to scan.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Base revision; the diff starts at the merge-base of BASE and HEAD
    /// [default: origin/HEAD, else main, else master].
    #[arg(long, value_name = "REV", conflicts_with_all = ["diff", "staged"])]
    pub base: Option<String>,
    /// Head revision [default: HEAD].
    #[arg(long, value_name = "REV", conflicts_with_all = ["diff", "staged"])]
    pub head: Option<String>,
    /// Scan a unified diff from FILE, or from standard input with `-`, instead of git.
    #[arg(long, value_name = "FILE|-", conflicts_with = "staged")]
    pub diff: Option<PathBuf>,
    /// Scan the staged changes (for a pre-commit hook).
    #[arg(long)]
    pub staged: bool,
    /// Scan every file under PATH (gitignore rules apply; no git needed), as if all
    /// of it were new. For audits, not for gating merge requests.
    #[arg(long, conflicts_with_all = ["base", "head", "diff", "staged"])]
    pub all: bool,
    /// Also ask the LLM reviewer configured by the `MRWARDEN_LLM_*` variables: this sends
    /// the change (secrets redacted) to that endpoint. Without it, scan does no network.
    #[arg(long, conflicts_with = "all")]
    pub llm: bool,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `mrwarden review`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES)]
pub struct ReviewArgs {
    /// Never write to GitLab; print what would be posted.
    #[arg(long)]
    pub dry_run: bool,
    /// Where the diff comes from: the GitLab API (no checkout needed) or local git
    /// (needs history back to `CI_MERGE_REQUEST_DIFF_BASE_SHA`).
    #[arg(long, value_enum, default_value_t = ReviewDiffSource::Api)]
    pub diff_source: ReviewDiffSource,
    /// Name of the masked CI/CD variable holding the bot's token.
    #[arg(long, value_name = "NAME", default_value = "MRWARDEN_GITLAB_TOKEN")]
    pub token_variable: String,
    /// What to write on the MR: `inline` discussions plus the summary note, the
    /// `summary` only, or nothing (`off`); can only be quieter than the target
    /// branch's `comments.mode` unless it says `allow_override: true`.
    #[arg(long, value_name = "MODE", value_enum)]
    pub comments: Option<CommentsFlag>,
    /// Most inline discussions per run (the rest go into the summary); can only lower
    /// `comments.max_inline` unless `allow_override: true`.
    #[arg(long, value_name = "N")]
    pub max_inline: Option<usize>,
    /// Exit 0 once the reports and the verdict file are written (2 still for a
    /// configuration error); `mrwarden gate` exits with the verdict later. GitLab
    /// ingests security reports only from jobs that succeed.
    #[arg(long)]
    pub exit_zero: bool,
    /// Which pipelines review an MR: `merge_request` pipelines only, or also `branch`
    /// pipelines whose branch is the source branch of an open MR in this project
    /// (never the default branch's).
    #[arg(long, value_name = "KIND", default_value = "merge_request", value_parser = ["merge_request", "branch"])]
    pub pipeline: String,
    /// Identity of this include of the component (its job prefix): the summary note
    /// it writes on the MR is its own, so two includes do not edit each other's.
    #[arg(long, value_name = "NAME", default_value = "mrwarden")]
    pub instance: String,
    /// Whether failing to post comments fails the job (exit 3) or only warns.
    #[arg(long, value_name = "WHAT", value_enum, default_value_t = OnPublishError::Warn)]
    pub on_publish_error: OnPublishError,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `mrwarden gate`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: the recorded ones (0 passed, 1 findings at or above --fail-on, 3 could not analyse); 2 if the verdict file is missing or invalid."
)]
pub struct GateArgs {
    /// The verdict file written by `review` or `scan`.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "mrwarden-out/mrwarden-verdict.json"
    )]
    pub verdict: PathBuf,
}

/// `mrwarden doctor`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 every needed check passes (warnings allowed), 1 a needed check fails, 3 the API cannot be reached."
)]
pub struct DoctorArgs {
    /// Name of the masked CI/CD variable holding the bot's token.
    #[arg(long, value_name = "NAME", default_value = "MRWARDEN_GITLAB_TOKEN")]
    pub token_variable: String,
}

/// `review --diff-source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewDiffSource {
    /// The pipeline's merge-request diff version from the GitLab API.
    Api,
    /// `git diff` of `CI_MERGE_REQUEST_DIFF_BASE_SHA`…HEAD in `CI_PROJECT_DIR`.
    Git,
}

/// `mrwarden demo`.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES)]
pub struct DemoArgs {
    /// Shared options. The output directory defaults to a new temporary directory.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `mrwarden rules …`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Print every rule: id, severity, languages, title.
    List(RulesListArgs),
    /// Check rule fixtures: built-in packs, or the packs under DIR.
    Test(RulesTestArgs),
    /// Print a file's syntax tree (node kinds and fields), for writing `ast:` patterns.
    Tree(RulesTreeArgs),
}

/// `mrwarden rules tree`.
#[derive(Debug, Args)]
pub struct RulesTreeArgs {
    /// The source file to parse (its name picks the grammar unless --lang is given).
    pub file: PathBuf,
    /// Grammar: python, javascript, typescript, tsx, go, java, ruby, php, csharp, rust,
    /// shell, yaml, terraform, dockerfile.
    #[arg(long)]
    pub lang: Option<String>,
}

/// `mrwarden rules list`.
#[derive(Debug, Args)]
pub struct RulesListArgs {
    /// Configuration file whose `custom_rules` are listed too [default: ./.mrwarden.yml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// `mrwarden rules test`.
#[derive(Debug, Args)]
pub struct RulesTestArgs {
    /// Directory of rule packs (`*.yml`) with fixture directories beside them
    /// [default: the built-in packs].
    pub dir: Option<PathBuf>,
}

/// Options shared by the commands that analyse and report.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Configuration file [default: .mrwarden.yml in the repository, if present].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Directory for report files; stale mrwarden reports in it are removed first
    /// [default: mrwarden-out].
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// What to print on standard output.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Lowest severity that fails the run (exit 1); `never` only reports
    /// [default: high, or the configuration's `fail_on`].
    #[arg(long, value_name = "SEVERITY", value_enum)]
    pub fail_on: Option<FailOn>,
    /// Report files to write, comma-separated [default: all of them].
    #[arg(
        long = "report",
        value_name = "KINDS",
        value_enum,
        value_delimiter = ','
    )]
    pub reports: Vec<ReportFlag>,
}

/// `review --comments`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CommentsFlag {
    /// Inline discussions plus the summary note.
    Inline,
    /// Only the summary note.
    Summary,
    /// Nothing at all.
    Off,
}

/// `review --on-publish-error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnPublishError {
    /// Warn and keep the exit code.
    Warn,
    /// Exit 3 when the run would otherwise pass.
    Fail,
}

/// `--fail-on`: a severity, or `never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on any finding.
    Info,
    /// Low and above.
    Low,
    /// Medium and above.
    Medium,
    /// High and above.
    High,
    /// Critical only.
    Critical,
    /// Never fail on findings (report only).
    Never,
}

/// `--report`: one report file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ReportFlag {
    /// GitLab Code Quality widget.
    #[value(name = "codequality")]
    CodeQuality,
    /// GitLab SAST report.
    Sast,
    /// GitLab secret detection report.
    SecretDetection,
    /// SARIF 2.1.0, for other tools.
    Sarif,
    /// A JUnit-style XML file, for the test report of GitLab.
    Junit,
    /// The summary note as a Markdown file.
    Markdown,
}

/// Standard-output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable lines, coloured on a terminal.
    Human,
    /// One JSON document (schema: docs/output.schema.json).
    Json,
    /// The markdown of the merge-request summary note.
    Markdown,
}
