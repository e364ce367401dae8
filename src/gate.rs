//! Gate: the only code that decides pass or fail (DESIGN.md, Exit codes).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Severity};

/// The lowest severity that fails a run, or `never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Threshold {
    /// Fail on findings at or above this severity.
    At(Severity),
    /// Never fail on findings (report only).
    Never,
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold::At(Severity::High)
    }
}

impl Threshold {
    /// Whether a finding of this severity reaches the threshold.
    pub fn reached_by(self, severity: Severity) -> bool {
        match self {
            Threshold::At(min) => severity >= min,
            Threshold::Never => false,
        }
    }

    /// The stricter of two thresholds (the one that fails more runs).
    #[must_use]
    pub fn stricter(self, other: Threshold) -> Threshold {
        match (self, other) {
            (Threshold::Never, x) | (x, Threshold::Never) => x,
            (Threshold::At(a), Threshold::At(b)) => Threshold::At(a.min(b)),
        }
    }
}

impl FromStr for Threshold {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "never" {
            return Ok(Threshold::Never);
        }
        Severity::ALL
            .into_iter()
            .find(|sev| sev.as_str() == s)
            .map(Threshold::At)
            .ok_or_else(|| {
                format!("unknown severity {s:?}; use info, low, medium, high, critical or never")
            })
    }
}

impl TryFrom<String> for Threshold {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<Threshold> for String {
    fn from(t: Threshold) -> String {
        t.to_string()
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Threshold::At(s) => s.fmt(f),
            Threshold::Never => f.write_str("never"),
        }
    }
}

/// The verdict of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing reached the threshold and everything was scanned (exit 0).
    Passed,
    /// A finding reached the threshold (exit 1).
    Failed,
    /// Something could not be scanned and no finding reached the threshold (exit 3).
    Incomplete,
}

impl Verdict {
    /// The process exit code of this verdict.
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Passed => 0,
            Verdict::Failed => 1,
            Verdict::Incomplete => 3,
        }
    }
}

/// Decides the verdict: 1 beats 3 beats 0.
pub fn decide(gating: &[Finding], threshold: Threshold, fully_scanned: bool) -> Verdict {
    if gating.iter().any(|f| threshold.reached_by(f.severity)) {
        Verdict::Failed
    } else if fully_scanned {
        Verdict::Passed
    } else {
        Verdict::Incomplete
    }
}

/// Decides the verdict when LLM findings are present: an LLM finding (probabilistic)
/// counts only if it reaches both `threshold` and `llm_gate_on`; every other finding
/// counts as in [`decide`]. LLM findings can therefore only ever add a failure.
pub fn decide_with_llm(
    findings: &[Finding],
    threshold: Threshold,
    llm_gate_on: Threshold,
    fully_scanned: bool,
) -> Verdict {
    let gating: Vec<Finding> = findings
        .iter()
        .filter(|f| !f.is_llm() || llm_gate_on.reached_by(f.severity))
        .cloned()
        .collect();
    decide(&gating, threshold, fully_scanned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_order() {
        assert_eq!(
            "high".parse::<Threshold>(),
            Ok(Threshold::At(Severity::High))
        );
        assert_eq!("never".parse::<Threshold>(), Ok(Threshold::Never));
        assert!("severe".parse::<Threshold>().is_err());
        let high = Threshold::At(Severity::High);
        let low = Threshold::At(Severity::Low);
        assert_eq!(high.stricter(low), low);
        assert_eq!(Threshold::Never.stricter(high), high);
        assert!(high.reached_by(Severity::Critical) && !high.reached_by(Severity::Medium));
        assert!(!Threshold::Never.reached_by(Severity::Critical));
    }

    #[test]
    fn precedence_one_beats_three_beats_zero() {
        assert_eq!(decide(&[], Threshold::default(), true), Verdict::Passed);
        assert_eq!(
            decide(&[], Threshold::default(), false),
            Verdict::Incomplete
        );
        assert_eq!(Verdict::Incomplete.exit_code(), 3);
        assert_eq!(Verdict::Failed.exit_code(), 1);
    }
}
