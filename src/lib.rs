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
pub mod publish;
pub mod report;
pub mod rules;
pub mod sanitize;

use std::collections::BTreeSet;
use std::time::SystemTime;

use error::Error;
use finding::Finding;
use gate::Threshold;
use report::RunInfo;

/// What a review needs besides the diff: configuration, rules and baseline.
#[derive(Debug)]
pub struct Policy<'a> {
    /// The configuration in force (and its warnings).
    pub config: &'a config::Loaded,
    /// Compiled rules.
    pub rules: &'a rules::RuleSet,
    /// Accepted fingerprints.
    pub baseline: &'a BTreeSet<finding::Fingerprint>,
    /// `--fail-on`, if given.
    pub fail_on_flag: Option<Threshold>,
    /// Findings about the run itself (`mrwarden.policy-changed`, …), added to the
    /// analyzers' findings before policy.
    pub meta_findings: Vec<Finding>,
}

/// Analyses a loaded diff under a policy and decides the verdict.
///
/// Pure apart from the clock: the same diff, rules and configuration give the same
/// findings in the same order.
pub fn review_diff(
    loaded: &diff::source::Loaded,
    policy: &Policy<'_>,
    started: SystemTime,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let mut analysis = analyze::analyze(&loaded.diff, policy.rules, &policy.config.config.limits);
    analysis
        .findings
        .extend(policy.meta_findings.iter().cloned());
    finding::sort(&mut analysis.findings);
    let rule_ids: BTreeSet<&str> = policy
        .rules
        .rules
        .iter()
        .map(|r| r.spec.id.as_str())
        .collect();
    let decided = policy::apply(
        analysis.findings,
        &policy::Inputs {
            diff: &loaded.diff,
            config: &policy.config.config,
            rule_ids: &rule_ids,
            baseline: policy.baseline,
            fail_on_flag: policy.fail_on_flag,
        },
    )?;
    let fully_scanned = analysis.notes.iter().all(|n| !n.reason.fails_closed());
    let verdict = gate::decide(&decided.kept, decided.threshold, fully_scanned);
    let mut warnings = policy.config.warnings.clone();
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
        suppressions: decided.suppressions,
        suppressed: decided.suppressed.len(),
        baselined: decided.baselined.len(),
        excluded: decided.excluded,
        error: None,
    };
    Ok((decided.kept, run))
}
