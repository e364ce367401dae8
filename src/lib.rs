//! mrwarden: a security reviewer for GitLab merge requests.
//!
//! The flow (DESIGN.md) is one direction:
//! Context → Diff → Analyzers → Findings → Policy → Reports / Gate.
//! [`review_diff`] is that flow for a diff already loaded; the commands in [`cmd`]
//! build its inputs from flags and the environment and print its outputs.

pub mod analyze;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod context;
pub mod diff;
pub mod error;
pub mod finding;
pub mod gate;
pub mod gitlab;
pub mod policy;
pub mod report;
pub mod rules;
pub mod sanitize;

use std::time::SystemTime;

use error::Error;
use finding::Finding;
use gate::Threshold;
use report::RunInfo;

/// Analyses a loaded diff under a configuration and decides the verdict.
///
/// Pure apart from the clock: the same diff, rules and configuration give the same
/// findings in the same order.
pub fn review_diff(
    loaded: &diff::source::Loaded,
    config: &config::Loaded,
    rules: &rules::RuleSet,
    fail_on_flag: Option<Threshold>,
    started: SystemTime,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let analysis = analyze::analyze(&loaded.diff, rules, &config.config.limits);
    let decided = policy::apply(analysis.findings.clone(), &config.config, fail_on_flag)?;
    let verdict = gate::decide(&decided.kept, decided.threshold, analysis.fully_scanned());
    let mut warnings = config.warnings.clone();
    warnings.extend(decided.warnings);
    let run = RunInfo {
        version: env!("CARGO_PKG_VERSION"),
        source: loaded.label.clone(),
        head_sha: loaded.head_sha.clone(),
        started,
        finished: SystemTime::now(),
        fail_on: decided.threshold,
        verdict,
        notes: analysis.notes,
        stats: analysis.stats,
        warnings,
        error: None,
    };
    Ok((decided.kept, run))
}
