//! Policy: what the configuration keeps, drops or re-grades, and the threshold that
//! applies. Pure: findings, the diff (for inline suppressions), configuration and
//! baseline in; decided findings out.

pub mod baseline;
pub mod gating;
pub mod suppress;
pub mod triage;
pub mod trusted;

use std::collections::BTreeSet;

use crate::config::Config;
use crate::config::paths::PathClasses;
use crate::diff::Diff;
use crate::error::Error;
use crate::finding::{Finding, FindingKind, Fingerprint};
use crate::gate::Threshold;

/// The outcome of applying policy.
#[derive(Debug, Clone, Default)]
pub struct Decided {
    /// Findings that count, sorted.
    pub kept: Vec<Finding>,
    /// Findings dropped because their path is excluded.
    pub excluded: usize,
    /// Vulnerability findings dropped because their path is vendored (secrets only).
    pub vendored: usize,
    /// Findings silenced by inline suppressions, with the reason given.
    pub suppressed: Vec<(Finding, String)>,
    /// Findings accepted by the baseline: reported as baselined, never gating.
    pub baselined: Vec<Finding>,
    /// Suppression comments worth listing in the summary.
    pub suppressions: Vec<suppress::Suppression>,
    /// The threshold in force.
    pub threshold: Threshold,
    /// Remarks for the summary (e.g. a flag that tried to loosen the gate).
    pub warnings: Vec<String>,
}

pub use crate::config::exclude_set;

/// The threshold: the configuration's `fail_on` is the floor; a flag may only make it
/// stricter unless the configuration says `allow_override: true`.
pub fn threshold(config: &Config, flag: Option<Threshold>) -> (Threshold, Option<String>) {
    match (config.fail_on, flag) {
        (None, None) => (Threshold::default(), None),
        (None, Some(f)) => (f, None),
        (Some(c), None) => (c, None),
        (Some(_), Some(f)) if config.allow_override => (f, None),
        (Some(c), Some(f)) => {
            let t = c.stricter(f);
            let warning = (t != f).then(|| {
                format!("--fail-on {f} is looser than the configuration's fail_on {c}; using {c} (set allow_override: true to permit)")
            });
            (t, warning)
        }
    }
}

/// What policy needs besides the findings.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The change (inline suppressions are read from its lines).
    pub diff: &'a Diff,
    /// The configuration in force.
    pub config: &'a Config,
    /// Ids of the rules loaded (a suppression naming another id is invalid).
    pub rule_ids: &'a BTreeSet<&'a str>,
    /// Accepted fingerprints.
    pub baseline: &'a BTreeSet<Fingerprint>,
    /// `--fail-on`, if given.
    pub fail_on_flag: Option<Threshold>,
    /// The path classes of the configuration in force (test and vendored code).
    pub classes: &'a PathClasses,
}

/// Applies excludes, the vendored path class (secrets only), severity overrides, inline
/// suppressions and the baseline, then marks what does not gate ([`gating::mark`]).
pub fn apply(findings: Vec<Finding>, input: &Inputs<'_>) -> Result<Decided, Error> {
    let config = input.config;
    let excludes = exclude_set(&config.exclude)?;
    let (threshold, warning) = threshold(config, input.fail_on_flag);
    let mut out = Decided {
        threshold,
        warnings: warning.into_iter().collect(),
        ..Decided::default()
    };
    let mut candidates = Vec::with_capacity(findings.len());
    for mut f in findings {
        if f.kind != FindingKind::Meta && excludes.is_match(&f.path) {
            out.excluded += 1;
            continue;
        }
        if gating::dropped_as_vendored(&f, input.classes) {
            out.vendored += 1;
            continue;
        }
        if let Some(sev) = config.rules.severity.get(&f.rule_id) {
            f.severity = *sev;
        }
        candidates.push(f);
    }
    let suppressed = suppress::apply(candidates, input.diff, input.rule_ids, &config.suppressions);
    out.suppressed = suppressed.suppressed;
    out.suppressions = suppressed.suppressions;
    for f in suppressed.kept {
        if input.baseline.contains(&f.fingerprint) {
            out.baselined.push(f);
        } else {
            out.kept.push(f);
        }
    }
    gating::mark(
        &mut out.kept,
        input.classes,
        config.rules.gate_low_confidence,
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    #[test]
    fn config_is_the_floor() {
        let mut c = Config {
            fail_on: Some(Threshold::At(Severity::Medium)),
            ..Config::default()
        };
        let (t, w) = threshold(&c, Some(Threshold::Never));
        assert_eq!(t, Threshold::At(Severity::Medium));
        assert!(w.is_some());
        assert_eq!(
            threshold(&c, Some(Threshold::At(Severity::Low))).0,
            Threshold::At(Severity::Low)
        );
        c.allow_override = true;
        assert_eq!(threshold(&c, Some(Threshold::Never)).0, Threshold::Never);
    }

    #[test]
    fn excludes_are_gitignore_like() {
        let set =
            exclude_set(&["tests/".into(), "*.md".into(), "/docs/x.py".into()]).expect("globs");
        assert!(set.is_match("tests/a.py") && set.is_match("a/tests/b.py"));
        assert!(set.is_match("README.md") && set.is_match("d/e.md"));
        assert!(set.is_match("docs/x.py") && !set.is_match("a/docs/x.py"));
        assert!(!set.is_match("src/a.py"));
    }
}
