//! GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array of
//! CodeClimate-style issues. GitLab reads `description`, `check_name`, `fingerprint`,
//! `severity` and `location.path` + `location.lines.begin`; see
//! <https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format>.

use serde::Serialize;

use crate::finding::{Finding, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'a str,
    description: String,
    categories: [&'static str; 1],
    severity: &'static str,
    fingerprint: &'a str,
    location: Location<'a>,
    content: Content<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

#[derive(Serialize)]
struct Content<'a> {
    body: &'a str,
}

/// The Code Quality severity of a finding (the table in DESIGN.md).
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Low => "minor",
        Severity::Medium => "major",
        Severity::High => "critical",
        Severity::Critical => "blocker",
    }
}

/// Renders the report: a JSON array, no BOM, one issue per finding.
pub fn render(findings: &[Finding]) -> Vec<u8> {
    let issues: Vec<Issue<'_>> = findings
        .iter()
        .map(|f| Issue {
            kind: "issue",
            check_name: &f.rule_id,
            description: format!("{}: {} ({})", f.title, f.message, f.snippet),
            categories: ["Security"],
            severity: severity(f.severity),
            fingerprint: f.fingerprint.as_str(),
            location: Location {
                path: &f.path,
                lines: Lines {
                    begin: f.start_line,
                    end: f.end_line,
                },
            },
            content: Content {
                body: &f.remediation,
            },
        })
        .collect();
    let mut out = serde_json::to_vec_pretty(&issues).unwrap_or_else(|_| b"[]".to_vec());
    out.push(b'\n');
    out
}
