//! Baselines: fingerprints of accepted findings, for adopting mrwarden on a repository
//! with existing debt. Findings in the baseline are reported as baselined, never gate,
//! and get no inline comment. The file holds fingerprints, rule ids and paths: never a
//! secret (a secret's fingerprint carries at most 16 bits of a keyed hash of it).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::finding::{Finding, Fingerprint};

/// The default baseline path, relative to the repository root.
pub const DEFAULT_PATH: &str = ".mrwarden-baseline.json";

/// The file format (version 1).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// Format version (1).
    pub version: u32,
    /// Accepted findings.
    pub entries: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The finding's fingerprint.
    pub fingerprint: Fingerprint,
    /// Its rule, for humans reading the file.
    pub rule_id: String,
    /// Its path, for humans reading the file.
    pub path: String,
}

/// Renders a baseline for findings, sorted, one entry per fingerprint.
pub fn render(findings: &[Finding]) -> Vec<u8> {
    let mut entries: Vec<Entry> = findings
        .iter()
        .map(|f| Entry {
            fingerprint: f.fingerprint.clone(),
            rule_id: f.rule_id.clone(),
            path: f.path.clone(),
        })
        .collect();
    entries.sort();
    entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let mut out = serde_json::to_vec_pretty(&File {
        version: 1,
        entries,
    })
    .unwrap_or_default();
    out.push(b'\n');
    out
}

/// Parses a baseline; errors name the origin.
pub fn parse(origin: &str, text: &str) -> Result<BTreeSet<Fingerprint>, Error> {
    let file: File = serde_json::from_str(text).map_err(|e| {
        Error::Config(format!(
            "baseline {origin}: {e}; regenerate it with mrwarden baseline create"
        ))
    })?;
    if file.version != 1 {
        return Err(Error::Config(format!(
            "baseline {origin}: version {} is not supported; regenerate it with mrwarden baseline create",
            file.version
        )));
    }
    Ok(file.entries.into_iter().map(|e| e.fingerprint).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let fp = Fingerprint::compute("r", "p", "x", 0);
        let text = format!(
            r#"{{"version":1,"entries":[{{"fingerprint":"{fp}","rule_id":"r","path":"p"}}]}}"#
        );
        assert!(parse("b.json", &text).expect("parses").contains(&fp));
        assert!(parse("b.json", "{").is_err());
        assert!(parse("b.json", r#"{"version":2,"entries":[]}"#).is_err());
    }
}
