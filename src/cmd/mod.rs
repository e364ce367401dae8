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
