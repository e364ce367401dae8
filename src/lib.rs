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
    let clock = std::time::Instant::now();
    let mut analysis = analyze::analyze(&loaded.diff, policy.rules, &policy.config.config.limits);
    let analysed = clock.elapsed();
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
    let decided_in = clock.elapsed().saturating_sub(analysed);
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
        dismissals: Vec::new(),
        error: None,
        stages: vec![("analysis", analysed), ("policy", decided_in)],
        api_requests: None,
    };
    Ok((decided.kept, run))
}

/// Adds the LLM reviewer's findings to a finished review and re-decides the verdict.
///
/// The pass only adds: rule findings are never removed or re-graded, LLM findings gate
/// only at `llm.gate_on` (default critical), and every LLM problem is a warning.
/// Baselined LLM fingerprints are dropped and `rules.severity` applies to
/// `mrwarden.llm.*` ids like any other.
pub fn add_llm_review(
    diff: &diff::Diff,
    policy: &Policy<'_>,
    findings: &mut Vec<Finding>,
    run: &mut RunInfo,
    reviewer: &mut dyn analyze::llm::Reviewer,
) {
    let config = &policy.config.config;
    let pass = analyze::llm::review(
        &analyze::llm::Input {
            diff,
            rule_findings: findings,
            rules: policy.rules,
            config: &config.llm,
            exclude: &config.exclude,
        },
        reviewer,
    );
    for mut f in pass.findings {
        if policy.baseline.contains(&f.fingerprint) {
            run.baselined += 1;
            continue;
        }
        if let Some(sev) = config.rules.severity.get(&f.rule_id) {
            f.severity = *sev;
        }
        findings.push(f);
    }
    finding::sort(findings);
    run.warnings.extend(pass.warnings);
    let fully_scanned = run.notes.iter().all(|n| !n.reason.fails_closed());
    run.verdict = gate::decide_with_llm(findings, run.fail_on, config.llm.gate_on, fully_scanned);
}

/// Takes the findings that counting triage dismissals cover out of a finished review,
/// records every dismissal in the run, and decides the verdict again (LLM findings
/// still gate only at `llm_gate_on`).
pub fn apply_dismissals(
    findings: &mut Vec<Finding>,
    run: &mut RunInfo,
    dismissals: Vec<policy::triage::Dismissal>,
    llm_gate_on: Threshold,
) {
    let removed = policy::triage::apply(findings, &dismissals);
    run.dismissals = dismissals;
    if removed > 0 {
        let fully_scanned = run.notes.iter().all(|n| !n.reason.fails_closed());
        run.verdict = gate::decide_with_llm(findings, run.fail_on, llm_gate_on, fully_scanned);
    }
}
