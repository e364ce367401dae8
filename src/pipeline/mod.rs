//! One run of the flow of DESIGN.md, for every command that analyses a change (`scan`,
//! `review`, `demo`, `baseline create`): a [`Run`] owns the findings and the run's state
//! and goes through its steps in order —
//!
//! 1. [`Run::analyse`]: the analyzers over the diff (or an analysis made while the diff
//!    was read), plus the meta findings of the policy read (`mrwarden.policy-*`);
//! 2. [`Run::history`]: secrets in the change's commits that its final diff no longer shows;
//! 3. [`Run::policy`]: excludes, severity overrides, suppressions, baseline, threshold;
//! 4. [`Run::llm`]: the optional LLM reviewer, whose findings go through the same policy;
//! 5. [`Run::dismissals`]: triage replies that count;
//! 6. [`Run::finish`]: the verdict, decided here and nowhere else.
//!
//! Pure but for the clock and the LLM's network call: the same diff, rules and
//! configuration give the same findings in the same order.

pub mod input;

use std::collections::BTreeSet;
use std::time::{Duration, Instant, SystemTime};

use crate::analyze::{self, Analysis};
use crate::config;
use crate::coverage::FileNote;
use crate::diff::commits::Commits;
use crate::diff::{Diff, FileAt, source::Loaded};
use crate::error::Error;
use crate::finding::{self, Finding, Fingerprint};
use crate::gate::{self, Threshold};
use crate::policy;
use crate::report::RunInfo;
use crate::rules;

/// What a run needs besides the diff: configuration, rules and baseline.
#[derive(Debug)]
pub struct Policy<'a> {
    /// The configuration in force (and its warnings).
    pub config: &'a config::Loaded,
    /// Compiled rules.
    pub rules: &'a rules::RuleSet,
    /// Accepted fingerprints.
    pub baseline: &'a BTreeSet<Fingerprint>,
    /// `--fail-on`, if given.
    pub fail_on_flag: Option<Threshold>,
    /// Findings about the run itself (`mrwarden.policy-changed`, …), added to the
    /// analyzers' findings before policy.
    pub meta_findings: Vec<Finding>,
}

/// One run between its steps: findings (raw until [`Run::policy`], kept after) and
/// what the reports say about the run.
#[derive(Debug)]
pub struct Run<'a> {
    policy: &'a Policy<'a>,
    findings: Vec<Finding>,
    info: RunInfo,
    /// Notes and warnings of the history pass, added after the policy's own.
    later_notes: Vec<FileNote>,
    later_warnings: Vec<String>,
    /// Time spent in [`Run::analyse`] when it analysed (not when handed an analysis).
    analysed_in: Option<Duration>,
    /// Time spent in [`Run::trees`].
    trees_in: Option<Duration>,
}

impl<'a> Run<'a> {
    /// Step 1: analyses `loaded` (or takes `analysis`, made while the diff was read,
    /// timed with the read) and adds the policy's meta findings.
    #[must_use]
    pub fn analyse(
        loaded: &Loaded,
        policy: &'a Policy<'a>,
        started: SystemTime,
        analysis: Option<Analysis>,
    ) -> Self {
        let clock = Instant::now();
        let pre_analysed = analysis.is_some();
        let analysis = analysis.unwrap_or_else(|| {
            analyze::analyze(&loaded.diff, policy.rules, &policy.config.config.limits)
        });
        let mut findings = analysis.findings;
        findings.extend(policy.meta_findings.iter().cloned());
        let info = RunInfo {
            source: loaded.label.clone(),
            head_sha: loaded.head_sha.clone(),
            notes: analysis.notes,
            stats: analysis.stats,
            error: None,
            ..RunInfo::failed(started, gate::Verdict::Passed, String::new())
        };
        Run {
            policy,
            findings,
            info,
            later_notes: Vec::new(),
            later_warnings: Vec::new(),
            analysed_in: (!pre_analysed).then(|| clock.elapsed()),
            trees_in: None,
        }
    }

    /// Step 1b: the structural and taint rules on the changed code files, each parsed
    /// once: whole where `head` (the files at the change's head revision) supplies
    /// them, else from their hunks with context (noted; never a failure, and never a
    /// change to which findings gate).
    #[must_use]
    pub fn trees(mut self, diff: &Diff, head: Option<&dyn FileAt>) -> Self {
        let clock = Instant::now();
        let limits = &self.policy.config.config.limits;
        // Vendored code gets secrets only: its vulnerability findings would be dropped
        // by the policy, so its files are neither read nor parsed.
        let classes = self.policy.config.path_classes().unwrap_or_default();
        let vendored = |p: &str| classes.classify(p) == Some(config::paths::PathClass::Vendored);
        let gathered = analyze::code::gather(diff, head, limits, self.policy.rules, &vendored);
        let analysis = analyze::trees::analyse(&gathered.files, self.policy.rules);
        analyze::trees::merge(&mut self.findings, analysis.findings, limits.max_findings);
        self.info.notes.extend(gathered.notes);
        self.info.notes.extend(analysis.notes);
        self.info.stats.files_parsed += gathered.whole;
        self.info.stats.files_parsed_in_part += gathered.in_part;
        self.trees_in = Some(clock.elapsed());
        self
    }

    /// Step 2: secrets of the change's commit history ([`analyze::history`]) absent from
    /// its final diff; history that was not read is "not scanned" and fails closed.
    /// `final_complete` is false when the source left part of the final diff out.
    #[must_use]
    pub fn history(mut self, commits: &Commits, diff: &Diff, final_complete: bool) -> Self {
        let history = analyze::history::scan(
            commits,
            diff,
            final_complete,
            self.policy.rules,
            &self.policy.config.config.limits,
        );
        self.findings.extend(history.findings);
        self.later_notes.extend(history.notes);
        self.later_warnings.extend(history.warnings);
        self
    }

    /// Step 3: the policy over every finding so far (excludes, severity overrides,
    /// suppressions, baseline) and the threshold in force.
    pub fn policy(mut self, diff: &Diff) -> Result<Self, Error> {
        let clock = Instant::now();
        let mut raw = std::mem::take(&mut self.findings);
        finding::sort(&mut raw);
        let decided = self.apply(raw, diff)?;
        let classes = self.policy.config.path_classes()?;
        self.info
            .notes
            .extend(policy::gating::vendored_notes(diff, &classes));
        let mut warnings = self.policy.config.warnings.clone();
        warnings.extend(decided.warnings);
        warnings.append(&mut self.later_warnings);
        let info = &mut self.info;
        info.notes.append(&mut self.later_notes);
        info.warnings = warnings;
        info.fail_on = decided.threshold;
        info.suppressions = decided.suppressions;
        info.suppressed = decided.suppressed.len();
        info.baselined = decided.baselined.len();
        info.excluded = decided.excluded;
        info.vendored = decided.vendored;
        info.finished = SystemTime::now();
        info.stages = self
            .analysed_in
            .map(|t| ("analysis", t))
            .into_iter()
            .chain(self.trees_in.map(|t| ("syntax trees", t)))
            .chain([("policy", clock.elapsed())])
            .collect();
        self.findings = decided.kept;
        Ok(self)
    }

    fn apply(&self, findings: Vec<Finding>, diff: &Diff) -> Result<policy::Decided, Error> {
        let rule_ids = known_rule_ids(self.policy.rules);
        let classes = self.policy.config.path_classes()?;
        policy::apply(
            findings,
            &policy::Inputs {
                diff,
                config: &self.policy.config.config,
                rule_ids: &rule_ids,
                baseline: self.policy.baseline,
                fail_on_flag: self.policy.fail_on_flag,
                classes: &classes,
            },
        )
    }

    /// Step 4: the LLM reviewer when `settings` configures one. The pass only adds: rule
    /// findings are never removed or re-graded, LLM findings go through the same policy
    /// (an inline suppression never silences `mrwarden.llm.secret-exposure`) and gate
    /// only at `llm.gate_on`; every LLM problem is a warning. `head` gives the whole
    /// enclosing function of each hunk when this run can read files.
    pub fn llm(
        &mut self,
        settings: Option<&analyze::llm::Settings>,
        diff: &Diff,
        head: Option<&dyn FileAt>,
    ) {
        let Some(settings) = settings else {
            return;
        };
        let config = &self.policy.config.config;
        let timeout = Duration::from_secs(config.llm.request_timeout_secs);
        match analyze::llm::http::HttpReviewer::new(settings.clone(), timeout) {
            Ok(mut reviewer) => self.llm_with(&mut reviewer, diff, head),
            Err(e) => self
                .info
                .warnings
                .push(format!("LLM review skipped (rule verdict unchanged): {e}")),
        }
    }

    /// [`Run::llm`] with a given reviewer.
    pub fn llm_with(
        &mut self,
        reviewer: &mut dyn analyze::llm::Reviewer,
        diff: &Diff,
        head: Option<&dyn FileAt>,
    ) {
        let config = &self.policy.config.config;
        let classes = self
            .policy
            .config
            .path_classes()
            .unwrap_or_else(|_| config::paths::PathClasses::default());
        let pass = analyze::llm::review(
            &analyze::llm::Input {
                diff,
                rule_findings: &self.findings,
                rules: self.policy.rules,
                config: &config.llm,
                exclude: &config.exclude,
                head,
                paths: &classes,
            },
            reviewer,
        );
        self.info.warnings.extend(pass.warnings);
        match self.apply(pass.findings, diff) {
            Ok(decided) => {
                self.findings.extend(decided.kept);
                self.info.excluded += decided.excluded;
                self.info.vendored += decided.vendored;
                self.info.suppressed += decided.suppressed.len();
                self.info.baselined += decided.baselined.len();
                policy::suppress::merge(&mut self.info.suppressions, decided.suppressions);
            }
            // The excludes compiled for the rule pass already; this cannot happen, and if
            // it did the LLM findings would be dropped, never the rule verdict changed.
            Err(e) => self.info.warnings.push(format!(
                "LLM findings dropped (rule verdict unchanged): {e}"
            )),
        }
        finding::sort(&mut self.findings);
    }

    /// Step 5: takes the findings that counting triage dismissals cover out of the run
    /// and records every dismissal.
    pub fn dismissals(&mut self, dismissals: Vec<policy::triage::Dismissal>) {
        policy::triage::apply(&mut self.findings, &dismissals);
        self.info.dismissals = dismissals;
    }

    /// Step 5 in review: reads the `!fp`/`!accept` replies through the session and applies
    /// those that count under the trusted `triage.min_role`; a failed read is a warning
    /// and dismisses nothing (fail closed).
    pub fn triage(
        &mut self,
        session: &crate::gitlab::Session,
        mr: &crate::gitlab::MergeRequestRef,
        config: &config::Config,
    ) {
        match session.triage(&mr.project, mr.iid, &self.findings, config.triage.min_role) {
            Ok(dismissals) => self.dismissals(dismissals),
            Err(e) => self.info.warnings.push(format!(
                "cannot read the triage replies, so no dismissal applies: {e}"
            )),
        }
    }

    /// Files the source could not give (noted, and the run fails closed).
    pub fn not_scanned(&mut self, notes: Vec<FileNote>) {
        for n in &notes {
            self.info
                .warnings
                .push(format!("{}: {}", n.path, n.reason.describe()));
        }
        self.info.notes.extend(notes);
    }

    /// The run's state so far, for steps outside the pipeline (a stage's time, a
    /// warning).
    pub fn info_mut(&mut self) -> &mut RunInfo {
        &mut self.info
    }

    /// The findings kept so far.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The findings and run without a verdict, to merge with other parts of one run
    /// (`scan --all` analyses a tree chunk by chunk) before [`finish`].
    pub fn into_parts(self) -> (Vec<Finding>, RunInfo) {
        (self.findings, self.info)
    }

    /// Step 6: the verdict.
    pub fn finish(self) -> (Vec<Finding>, RunInfo) {
        let llm_gate_on = self.policy.config.config.llm.gate_on;
        finish(self.findings, self.info, llm_gate_on)
    }
}

/// The one place the verdict of a run is decided: every gating finding
/// ([`policy::gating::gating`]: not marked non-gating by the policy stage) at or above
/// the threshold in force fails it (an LLM finding only at `llm_gate_on` too); else
/// content that went unscanned makes it incomplete; else it passes.
pub fn finish(
    findings: Vec<Finding>,
    mut info: RunInfo,
    llm_gate_on: Threshold,
) -> (Vec<Finding>, RunInfo) {
    let fully_scanned = info.notes.iter().all(|n| !n.reason.fails_closed());
    let gating = policy::gating::gating(&findings);
    info.verdict = gate::decide_with_llm(&gating, info.fail_on, llm_gate_on, fully_scanned);
    (findings, info)
}

/// Steps 1–3 and 6 for a diff with no history: what `scan` of a file or the staged
/// changes, `baseline create` and an empty review run.
pub fn review_diff(
    loaded: &Loaded,
    policy: &Policy<'_>,
    started: SystemTime,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    Ok(Run::analyse(loaded, policy, started, None)
        .policy(&loaded.diff)?
        .finish())
}

/// The flow on an empty diff under the built-in defaults: valid empty reports (the base
/// GitLab's MR widgets compare against) and a pass. `label` says why there is nothing.
pub fn empty(
    label: String,
    fail_on_flag: Option<Threshold>,
    started: SystemTime,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let empty = Loaded {
        diff: Diff::default(),
        label,
        head_sha: None,
    };
    let defaults = config::Loaded::default();
    let rules = rules::load(&[])?;
    let policy = Policy {
        config: &defaults,
        rules: &rules,
        baseline: &BTreeSet::new(),
        fail_on_flag,
        meta_findings: Vec::new(),
    };
    review_diff(&empty, &policy, started)
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
