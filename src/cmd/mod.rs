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

/// `--exit-zero`: the reporting job succeeds once the reports and the verdict file are
/// written, so GitLab ingests its security reports; the gate job exits with the
/// verdict. A configuration error (2) still fails it, and so does a verdict file that
/// could not be written (the gate job would have nothing to read).
pub(crate) fn exit_zero(dir: &std::path::Path, outcome: &mut Outcome) {
    if outcome.code == 2 || !dir.join(crate::gate::VERDICT_FILE).is_file() {
        return;
    }
    if outcome.code != 0 {
        outcome.stderr.push(format!(
            "note: exit code {} is recorded in {}; `mrwarden gate` exits with it",
            outcome.code,
            crate::gate::VERDICT_FILE
        ));
        outcome.code = 0;
    }
}

/// Adds the summary note `review` would post (the markdown report just written).
pub(crate) fn append_would_post(outcome: &mut Outcome, dir: &std::path::Path, dry_run: bool) {
    let Ok(summary) =
        std::fs::read_to_string(dir.join(crate::report::ReportKind::Markdown.file_name()))
    else {
        return;
    };
    let why = if dry_run {
        "--dry-run"
    } else {
        "report-only run: no token, or --diff-source git"
    };
    let text = &mut outcome.stdout;
    text.push_str("\nmrwarden would post this summary note (");
    text.push_str(why);
    text.push_str("):\n\n");
    text.push_str(&crate::sanitize::terminal(&summary));
}
