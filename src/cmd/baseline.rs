//! `mrwarden baseline create`: accept the current findings of a repository.

use crate::cli::{BaselineCommand, BaselineCreateArgs};
use crate::error::Error;
use crate::policy::baseline;
use crate::{analyze, diff, policy, report};

use super::Outcome;

/// Dispatches the `baseline` subcommands.
pub fn run(cmd: &BaselineCommand) -> Outcome {
    match cmd {
        BaselineCommand::Create(a) => create(a).unwrap_or_else(|e| Outcome::error(&e)),
    }
}

fn create(args: &BaselineCreateArgs) -> Result<Outcome, Error> {
    // Everything currently found is accepted, whatever an existing baseline says.
    let local = crate::pipeline::input::local(&args.path, args.config.as_deref())?;
    let limits = &local.config.config.limits;
    let excludes = policy::exclude_set(&local.config.config.exclude)?;
    let mut findings = Vec::new();
    let mut files_scanned = 0;
    let mut complete = true;
    diff::source::tree::walk_chunks(
        &args.path,
        limits.max_file_bytes,
        limits.max_diff_bytes,
        16 << 20,
        |chunk| {
            let mut analysis = analyze::analyze(&chunk.diff, &local.rules, limits);
            // The tree engines too (every file of the tree is whole in its chunk), merged
            // as `scan` merges them, so a later review does not report their findings as
            // new.
            let code = analyze::code::gather(&chunk.diff, None, limits, &local.rules, &|_| false);
            let trees = analyze::trees::analyse(&code.files, &local.rules);
            analyze::trees::merge(&mut analysis.findings, trees.findings, limits.max_findings);
            files_scanned += analysis.stats.files_scanned;
            complete &= analysis.notes.iter().all(|n| !n.reason.fails_closed());
            findings.extend(
                analysis
                    .findings
                    .into_iter()
                    .filter(|f| !excludes.is_match(&f.path)),
            );
            Ok(())
        },
    )?;
    let target = args.output.clone().unwrap_or_else(|| {
        args.path.join(
            local
                .config
                .config
                .baseline
                .clone()
                .unwrap_or_else(|| baseline::DEFAULT_PATH.into()),
        )
    });
    report::write_atomic(&target, &baseline::render(&findings))
        .map_err(|e| Error::Usage(format!("{e}; pass a writable --output")))?;
    let mut stderr: Vec<String> = local
        .config
        .warnings
        .iter()
        .map(|w| format!("warning: {w}"))
        .collect();
    if !complete {
        stderr.push(
            "warning: not every file could be scanned; the baseline may be incomplete".into(),
        );
    }
    Ok(Outcome {
        stdout: format!(
            "wrote {} with {} finding(s) from {} file(s); commit it to the default branch to accept them\n",
            target.display(),
            findings.len(),
            files_scanned
        ),
        stderr,
        code: 0,
    })
}
