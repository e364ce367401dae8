//! Context: every input of a run in one typed value, built once from flags and the
//! environment. This is the only module that reads environment variables; everything
//! below takes a `&Context`.

use std::path::PathBuf;

use crate::cli::{CommonArgs, Format, ScanArgs};
use crate::error::Error;
use crate::gate::Threshold;
use crate::report::ReportKind;

/// Where the diff of a `scan` comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffSpec {
    /// `git diff` from the merge-base of `base` and `head` to `head`.
    Range {
        /// Base revision; `None` means the default branch.
        base: Option<String>,
        /// Head revision; `None` means `HEAD`.
        head: Option<String>,
    },
    /// The index against `HEAD`.
    Staged,
    /// A unified diff file.
    File(PathBuf),
    /// A unified diff on standard input.
    Stdin,
    /// Every file under the path (`scan --all`), read up to the per-file cap.
    AllFiles,
}

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
        Ok(Context {
            repo: args.path.clone(),
            diff,
            output: Output::from_args(&args.common, PathBuf::from("mrwarden-out"), env),
            fail_on: parse_fail_on(args.common.fail_on.as_deref())?,
            config_path: args.common.config.clone(),
            ci,
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
            fail_on: parse_fail_on(common.fail_on.as_deref())?,
            config_path: common.config.clone(),
            ci: CiVars::default(),
        })
    }
}

impl Output {
    fn from_args(common: &CommonArgs, default_dir: PathBuf, env: EnvFn<'_>) -> Self {
        use std::io::IsTerminal;
        let color = std::io::stdout().is_terminal()
            && env("NO_COLOR").is_none()
            && env("TERM").as_deref() != Some("dumb");
        // clap only lets the six names through, so `from_name` never drops one.
        let mut reports: Vec<ReportKind> = common
            .reports
            .iter()
            .filter_map(|name| ReportKind::from_name(name))
            .collect();
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

fn parse_fail_on(raw: Option<&str>) -> Result<Option<Threshold>, Error> {
    raw.map(|s| {
        s.parse::<Threshold>()
            .map_err(|e| Error::Usage(format!("--fail-on: {e}")))
    })
    .transpose()
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
}
