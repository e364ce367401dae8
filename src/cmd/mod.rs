//! One module per subcommand. Each returns an [`Outcome`]; `main` prints it and exits.

pub mod baseline;
pub mod demo;
pub mod doctor;
pub mod gate;
pub mod init;
pub mod review;
pub mod rules;
pub mod scan;

use std::time::SystemTime;

use crate::cli::Format;
use crate::context::Output;
use crate::error::Error;
use crate::finding::Finding;
use crate::gate::Verdict;
use crate::report::{self, RunInfo};

/// What a command produced: text for stdout and stderr, and the exit code.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Standard output.
    pub stdout: String,
    /// Standard error lines (warnings, errors), already escaped.
    pub stderr: Vec<String>,
    /// Process exit code.
    pub code: u8,
}

impl Outcome {
    /// An outcome that only reports an error.
    pub fn error(e: &Error) -> Self {
        Outcome {
            stdout: String::new(),
            stderr: vec![format!(
                "error: {}",
                crate::sanitize::terminal(&e.to_string())
            )],
            code: e.exit_code(),
        }
    }
}

/// Runs an analysis closure with the report contract around it: the output directory
/// is prepared first, every report is written on every exit path (empty and valid when
/// the analysis failed), then stdout is rendered.
pub fn with_reports(
    output: &Output,
    analyse: impl FnOnce(SystemTime) -> Result<(Vec<Finding>, RunInfo), Error>,
) -> Outcome {
    let started = SystemTime::now();
    if output.write_files
        && let Err(e) = report::prepare_dir(&output.dir)
    {
        return Outcome::error(&e);
    }
    let (findings, run, failure) = match analyse(started) {
        Ok((findings, run)) => (findings, run, None),
        Err(e) => {
            let run = RunInfo::failed(started, Verdict::Incomplete, e.to_string());
            (Vec::new(), run, Some(e))
        }
    };
    let mut outcome = Outcome {
        code: failure
            .as_ref()
            .map_or(run.verdict.exit_code(), Error::exit_code),
        ..Outcome::default()
    };
    for w in &run.warnings {
        outcome
            .stderr
            .push(format!("warning: {}", crate::sanitize::terminal(w)));
    }
    if output.write_files {
        if let Err(e) = report::write_all(&output.dir, &output.reports, &findings, &run) {
            outcome.stderr.push(format!("error: {e}"));
            // Reports are part of the contract: a run that could not write them did not complete.
            if outcome.code == 0 {
                outcome.code = 3;
            }
        }
        // The verdict file is written whatever `--report` chose: `review --exit-zero`
        // and the gate job depend on it.
        write_verdict(output, &findings, &run, &mut outcome);
    }
    if let Some(e) = &failure {
        outcome.stderr.push(format!(
            "error: {}",
            crate::sanitize::terminal(&e.to_string())
        ));
        if output.format == Format::Human {
            return outcome;
        }
    }
    outcome.stdout = match output.format {
        Format::Human => report::human::render(&findings, &run, output.color),
        Format::Json => report::json::render(&findings, &run),
        Format::Markdown => report::markdown::render(&findings, &run),
    };
    outcome
}

/// Writes (or rewrites, after publishing changed the exit code) the verdict file for
/// `outcome.code`; failing to write it is exit 3 when nothing worse happened.
pub fn write_verdict(output: &Output, findings: &[Finding], run: &RunInfo, outcome: &mut Outcome) {
    let record = crate::gate::Record::new(
        findings,
        run.fail_on,
        run.head_sha.clone(),
        outcome.code,
        run.error.as_deref(),
    );
    if let Err(e) = report::write_verdict(&output.dir, &record) {
        outcome.stderr.push(format!("error: {e}"));
        if outcome.code == 0 {
            outcome.code = 3;
        }
    }
}

/// The files of a local repository at the diff's head commit, read from git's object
/// store (never the working tree), for the LLM reviewer's function context.
#[derive(Debug)]
pub struct GitHead {
    repo: std::path::PathBuf,
    rev: String,
    max_bytes: u64,
}

impl GitHead {
    /// A reader of `repo` at the head of a diff loaded from it, when the head is known;
    /// files over the per-file cap are not read.
    pub fn of(
        repo: &std::path::Path,
        loaded: &crate::diff::source::Loaded,
        limits: &crate::config::Limits,
    ) -> Option<Self> {
        Some(GitHead {
            repo: repo.to_path_buf(),
            rev: loaded.head_sha.clone()?,
            max_bytes: limits.max_file_bytes as u64,
        })
    }
}

impl crate::analyze::llm::HeadFiles for GitHead {
    fn read(&self, path: &str) -> Option<String> {
        let bytes = crate::diff::source::git::show(&self.repo, &self.rev, path, self.max_bytes)
            .ok()
            .flatten()?;
        String::from_utf8(bytes).ok()
    }
}

/// Runs the LLM reviewer over a finished review when `MRWARDEN_LLM_*` configures one.
/// Failing to even start it is a warning: the rule verdict stands. `head` gives the
/// whole enclosing function of each hunk as context when this run can read files.
pub fn llm_review(
    settings: Option<&crate::analyze::llm::Settings>,
    diff: &crate::diff::Diff,
    head: Option<&GitHead>,
    policy: &crate::Policy<'_>,
    result: &mut (Vec<Finding>, RunInfo),
) {
    let Some(settings) = settings else {
        return;
    };
    let timeout = std::time::Duration::from_secs(policy.config.config.llm.request_timeout_secs);
    match crate::analyze::llm::http::HttpReviewer::new(settings.clone(), timeout) {
        Ok(mut reviewer) => {
            let head = head.map(|h| h as &dyn crate::analyze::llm::HeadFiles);
            crate::add_llm_review(
                diff,
                policy,
                &mut result.0,
                &mut result.1,
                &mut reviewer,
                head,
            );
        }
        Err(e) => result
            .1
            .warnings
            .push(format!("LLM review skipped (rule verdict unchanged): {e}")),
    }
}
