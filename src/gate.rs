//! Gate: the only code that decides pass or fail (DESIGN.md, Exit codes).

use std::fmt;
use std::str::FromStr;

use std::collections::BTreeMap;

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

/// The name of the verdict file in the output directory.
pub const VERDICT_FILE: &str = "mrwarden-verdict.json";

/// The format version of the verdict file; `gate` refuses any other.
pub const VERDICT_VERSION: u32 = 1;

/// The verdict file (`mrwarden-verdict.json`, schema `docs/verdict.schema.json`): what
/// a `review` or `scan` decided, for `mrwarden gate` to exit with later. The exit code
/// is the run's own (what it would have exited with without `--exit-zero`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Format version ([`VERDICT_VERSION`]).
    pub version: u32,
    /// The run's exit code: 0, 1, 2 or 3 (DESIGN.md, Exit codes).
    pub exit_code: u8,
    /// `passed` (0), `failed` (1), `error` (2) or `incomplete` (3).
    pub verdict: String,
    /// One line on why.
    pub reason: String,
    /// The threshold in force.
    pub fail_on: Threshold,
    /// Findings reported, by severity (every severity present, zero included).
    pub counts: BTreeMap<String, usize>,
    /// Of those, findings at or above `fail_on` that gate (not marked non-gating).
    pub at_or_above_fail_on: usize,
    /// The head commit analysed, when known.
    pub head_sha: Option<String>,
    /// The mrwarden version that wrote the file.
    pub mrwarden_version: String,
}

/// The verdict label of an exit code (`None` for a code the gate never gives).
fn label_of(code: u8) -> Option<&'static str> {
    match code {
        0 => Some("passed"),
        1 => Some("failed"),
        2 => Some("error"),
        3 => Some("incomplete"),
        _ => None,
    }
}

impl Record {
    /// The record of a finished run that exits with `exit_code`; `error` is the
    /// run's error, if it stopped on one.
    pub fn new(
        findings: &[Finding],
        fail_on: Threshold,
        head_sha: Option<String>,
        exit_code: u8,
        error: Option<&str>,
    ) -> Self {
        let mut counts: BTreeMap<String, usize> = Severity::ALL
            .iter()
            .map(|s| (s.as_str().to_owned(), 0))
            .collect();
        for f in findings {
            *counts.entry(f.severity.as_str().to_owned()).or_default() += 1;
        }
        let at_or_above = findings
            .iter()
            .filter(|f| f.non_gating.is_none() && fail_on.reached_by(f.severity))
            .count();
        let reason = match (exit_code, error) {
            (_, Some(e)) => e.to_owned(),
            (0, None) => format!("no finding at or above {fail_on}, and everything was scanned"),
            (1, None) => format!("{at_or_above} finding(s) at or above {fail_on}"),
            (3, None) => format!(
                "part of the change could not be analysed, and no finding reached {fail_on}"
            ),
            (_, None) => "the run stopped before analysis".to_owned(),
        };
        Record {
            version: VERDICT_VERSION,
            exit_code,
            verdict: label_of(exit_code).unwrap_or("error").to_owned(),
            reason,
            fail_on,
            counts,
            at_or_above_fail_on: at_or_above,
            head_sha,
            mrwarden_version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }

    /// The file's bytes (pretty JSON and a final newline).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }
}

/// `mrwarden gate`: the exit code recorded in a verdict file, after checking that the
/// file is one this version understands and agrees with itself. `Err` (exit 2) says
/// what is wrong with it.
pub fn decide_recorded(bytes: &[u8]) -> Result<(u8, Record), String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("not JSON: {e}"))?;
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(VERDICT_VERSION)) {
        return Err(format!(
            "verdict file version {} is not {VERDICT_VERSION}; use the same mrwarden version for the review and gate jobs",
            value
                .get("version")
                .map_or("(none)".into(), ToString::to_string)
        ));
    }
    let record: Record =
        serde_json::from_value(value).map_err(|e| format!("not a verdict file: {e}"))?;
    let Some(label) = label_of(record.exit_code) else {
        return Err(format!(
            "exit code {} is not 0, 1, 2 or 3",
            record.exit_code
        ));
    };
    if record.verdict != label {
        return Err(format!(
            "verdict {:?} does not match exit code {} ({label})",
            record.verdict, record.exit_code
        ));
    }
    Ok((record.exit_code, record))
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

    #[test]
    fn verdict_file_round_trips_and_refuses_what_it_does_not_know() {
        let r = Record::new(&[], Threshold::default(), Some("abc".into()), 3, None);
        let (code, back) = decide_recorded(&r.to_bytes()).expect("valid");
        assert_eq!(code, 3);
        assert_eq!(back, r);
        assert_eq!(back.verdict, "incomplete");
        assert_eq!(back.counts.len(), 5);
        let text = String::from_utf8(r.to_bytes()).expect("utf-8");
        for (from, to) in [
            ("\"version\": 1", "\"version\": 2"),
            ("\"exit_code\": 3", "\"exit_code\": 0"),
            ("\"exit_code\": 3", "\"exit_code\": 7"),
            ("\"fail_on\": \"high\"", "\"fail_on\": \"severe\""),
        ] {
            assert!(text.contains(from), "{text}");
            let bad = text.replace(from, to);
            assert!(decide_recorded(bad.as_bytes()).is_err(), "{bad}");
        }
        assert!(decide_recorded(b"").is_err());
        assert!(decide_recorded(b"{}").is_err());
    }
}
