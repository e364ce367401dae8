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
pub mod coverage;
pub mod diff;
pub mod error;
pub mod finding;
pub mod gate;
pub mod gitlab;
#[cfg(test)]
mod layering;
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
    review_diff_analysed(loaded, policy, started, None)
}

/// [`review_diff`] with the analysis already made (while the diff was being read, see
/// `diff::source::git::range_analysed`); `None` analyses here.
pub fn review_diff_analysed(
    loaded: &diff::source::Loaded,
    policy: &Policy<'_>,
    started: SystemTime,
    analysis: Option<analyze::Analysis>,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let clock = std::time::Instant::now();
    let pre_analysed = analysis.is_some();
    let mut analysis = analysis.unwrap_or_else(|| {
        analyze::analyze(&loaded.diff, policy.rules, &policy.config.config.limits)
    });
    let analysed = clock.elapsed();
    analysis
        .findings
        .extend(policy.meta_findings.iter().cloned());
    finding::sort(&mut analysis.findings);
    let rule_ids = known_rule_ids(policy.rules);
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
        // Analysis made while the diff was read is timed with the read.
        stages: if pre_analysed {
            vec![("policy", decided_in)]
        } else {
            vec![("analysis", analysed), ("policy", decided_in)]
        },
        api_requests: None,
    };
    Ok((decided.kept, run))
}

/// The rule ids an inline suppression may name: the loaded rules' and the LLM's
/// (`mrwarden.llm.<category>`, whether or not an LLM is configured for this run). Meta
/// ids (`mrwarden.policy-changed`, …) are not among them.
fn known_rule_ids(rules: &rules::RuleSet) -> BTreeSet<&str> {
    rules
        .rules
        .iter()
        .map(|r| r.spec.id.as_str())
        .chain(analyze::llm::rule_ids().iter().map(String::as_str))
        .collect()
}

/// [`review_diff`] plus the secrets of the change's commit history
/// ([`analyze::history`]): secrets added by a commit but absent from the final diff
/// become `mrwarden.history-secret` findings that go through the same policy and gate;
/// history that was not read is "not scanned" and fails closed. `final_complete` is
/// false when the source left part of the final diff out.
pub fn review_diff_with_history(
    loaded: &diff::source::Loaded,
    policy: &Policy<'_>,
    commits: &analyze::history::Commits,
    final_complete: bool,
    started: SystemTime,
    analysis: Option<analyze::Analysis>,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let history = analyze::history::scan(
        commits,
        &loaded.diff,
        final_complete,
        policy.rules,
        &policy.config.config.limits,
    );
    let mut meta_findings = policy.meta_findings.clone();
    meta_findings.extend(history.findings);
    let (findings, mut run) = review_diff_analysed(
        loaded,
        &Policy {
            meta_findings,
            ..*policy
        },
        started,
        analysis,
    )?;
    run.notes.extend(history.notes);
    run.warnings.extend(history.warnings);
    let fully_scanned = run.notes.iter().all(|n| !n.reason.fails_closed());
    run.verdict = gate::decide(&findings, run.fail_on, fully_scanned);
    Ok((findings, run))
}

/// Adds the LLM reviewer's findings to a finished review and re-decides the verdict.
///
/// The pass only adds: rule findings are never removed or re-graded, LLM findings gate
/// only at `llm.gate_on` (default critical), and every LLM problem is a warning.
/// LLM findings go through the same policy as rule findings: excludes, `rules.severity`,
/// inline suppressions (an MR-added one is listed, or not counted with `allow_new:
/// false`; `mrwarden.llm.secret-exposure` is never silenced inline) and the baseline.
pub fn add_llm_review(
    diff: &diff::Diff,
    policy: &Policy<'_>,
    findings: &mut Vec<Finding>,
    run: &mut RunInfo,
    reviewer: &mut dyn analyze::llm::Reviewer,
    head: Option<&dyn analyze::llm::HeadFiles>,
) {
    let config = &policy.config.config;
    let pass = analyze::llm::review(
        &analyze::llm::Input {
            diff,
            rule_findings: findings,
            rules: policy.rules,
            config: &config.llm,
            exclude: &config.exclude,
            head,
        },
        reviewer,
    );
    run.warnings.extend(pass.warnings);
    let rule_ids = known_rule_ids(policy.rules);
    match policy::apply(
        pass.findings,
        &policy::Inputs {
            diff,
            config,
            rule_ids: &rule_ids,
            baseline: policy.baseline,
            fail_on_flag: policy.fail_on_flag,
        },
    ) {
        Ok(decided) => {
            findings.extend(decided.kept);
            run.excluded += decided.excluded;
            run.suppressed += decided.suppressed.len();
            run.baselined += decided.baselined.len();
            policy::suppress::merge(&mut run.suppressions, decided.suppressions);
        }
        // The excludes compiled for the rule pass already; this cannot happen, and if it
        // did the LLM findings would be dropped, never the rule verdict changed.
        Err(e) => run.warnings.push(format!(
            "LLM findings dropped (rule verdict unchanged): {e}"
        )),
    }
    finding::sort(findings);
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
