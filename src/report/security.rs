//! GitLab security reports: `gl-sast-report.json` (`artifacts:reports:sast`) and
//! `gl-secret-detection-report.json` (`artifacts:reports:secret_detection`), schema
//! version [`SCHEMA_VERSION`].
//!
//! 15.0.7 is the newest version GitLab 16.0 to 18.x all ingest (GitLab validates each
//! report against the version it declares and drops reports of versions it does not
//! know); see <https://docs.gitlab.com/development/integrations/secure/#report>.
//! Secret findings go to the secret-detection report, every other finding (meta
//! findings included) to the SAST report.

use serde::Serialize;

use super::RunInfo;
use crate::finding::{Finding, FindingKind, Severity};

/// The security report schema version both reports declare.
pub const SCHEMA_VERSION: &str = "15.0.7";

/// Which of the two security reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `gl-sast-report.json`: vulnerabilities and meta findings.
    Sast,
    /// `gl-secret-detection-report.json`: leaked credentials.
    SecretDetection,
}

impl Family {
    fn scan_type(self) -> &'static str {
        match self {
            Family::Sast => "sast",
            Family::SecretDetection => "secret_detection",
        }
    }

    fn schema_url(self) -> &'static str {
        match self {
            Family::Sast => {
                "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.0.7/dist/sast-report-format.json"
            }
            Family::SecretDetection => {
                "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.0.7/dist/secret-detection-report-format.json"
            }
        }
    }

    /// Whether a finding belongs in this report.
    pub fn holds(self, finding: &Finding) -> bool {
        (finding.kind == FindingKind::Secret) == (self == Family::SecretDetection)
    }
}

/// The commit a secret-detection location names when the head commit is unknown (a diff
/// read from a file or stdin): the schema requires a non-empty `sha`, and GitLab's own
/// secret detection analyzer uses this value for scans outside history.
const UNKNOWN_SHA: &str = "0000000";

#[derive(Serialize)]
struct Report<'a> {
    version: &'static str,
    schema: &'static str,
    scan: Scan,
    vulnerabilities: Vec<Vulnerability<'a>>,
}

#[derive(Serialize)]
struct Scan {
    analyzer: Tool,
    scanner: Tool,
    #[serde(rename = "type")]
    kind: &'static str,
    start_time: String,
    end_time: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    messages: Vec<Message>,
}

#[derive(Serialize)]
struct Tool {
    id: &'static str,
    name: &'static str,
    version: &'static str,
    vendor: Vendor,
}

#[derive(Serialize)]
struct Vendor {
    name: &'static str,
}

#[derive(Serialize)]
struct Message {
    level: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Vulnerability<'a> {
    id: String,
    name: String,
    description: String,
    severity: &'static str,
    solution: String,
    identifiers: Vec<Identifier>,
    location: Location<'a>,
    tracking: Tracking<'a>,
}

#[derive(Serialize)]
struct Identifier {
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Location<'a> {
    file: &'a str,
    start_line: u32,
    end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<Commit<'a>>,
}

#[derive(Serialize)]
struct Commit<'a> {
    sha: &'a str,
}

#[derive(Serialize)]
struct Tracking<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    items: [TrackingItem<'a>; 1],
}

#[derive(Serialize)]
struct TrackingItem<'a> {
    file: &'a str,
    start_line: u32,
    end_line: u32,
    signatures: [Signature<'a>; 1],
}

#[derive(Serialize)]
struct Signature<'a> {
    algorithm: &'static str,
    value: &'a str,
}

/// The security-report severity of a finding: the DESIGN.md names, capitalised.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "Info",
        Severity::Low => "Low",
        Severity::Medium => "Medium",
        Severity::High => "High",
        Severity::Critical => "Critical",
    }
}

/// The vulnerability `id`: the finding's 128-bit fingerprint written as a UUID, so it
/// is as stable as the fingerprint and unique within a report.
pub fn vulnerability_id(finding: &Finding) -> String {
    let h = finding.fingerprint.as_str();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Renders one of the two reports from the whole final list of findings (it picks its
/// own). Valid and empty when no finding belongs to it or the run failed.
pub fn render(family: Family, findings: &[Finding], run: &RunInfo) -> Vec<u8> {
    let sha = run.head_sha.as_deref().unwrap_or(UNKNOWN_SHA);
    let vulnerabilities = findings
        .iter()
        .filter(|f| family.holds(f))
        .map(|f| vulnerability(family, f, sha))
        .collect();
    let report = Report {
        version: SCHEMA_VERSION,
        schema: family.schema_url(),
        scan: Scan {
            analyzer: tool(run),
            scanner: tool(run),
            kind: family.scan_type(),
            start_time: super::iso8601(run.started),
            end_time: super::iso8601(run.finished),
            status: if run.completed() {
                "success"
            } else {
                "failure"
            },
            messages: messages(run),
        },
        vulnerabilities,
    };
    let mut out = serde_json::to_vec_pretty(&report).unwrap_or_default();
    out.push(b'\n');
    out
}

fn tool(run: &RunInfo) -> Tool {
    Tool {
        id: "mrwarden",
        name: "mrwarden",
        version: run.version,
        vendor: Vendor { name: "mrwarden" },
    }
}

fn messages(run: &RunInfo) -> Vec<Message> {
    let mut out = Vec::new();
    if let Some(e) = &run.error {
        out.push(Message {
            level: "fatal",
            value: non_empty(e, "the analysis failed"),
        });
    }
    for n in &run.notes {
        out.push(Message {
            level: if n.reason.fails_closed() {
                "warn"
            } else {
                "info"
            },
            value: format!("{}: {}", n.path, n.reason.describe()),
        });
    }
    for w in &run.warnings {
        out.push(Message {
            level: "warn",
            value: non_empty(w, "warning"),
        });
    }
    out
}

fn vulnerability<'a>(family: Family, f: &'a Finding, sha: &'a str) -> Vulnerability<'a> {
    Vulnerability {
        id: vulnerability_id(f),
        // The schema wants a generic name (no finding-specific data) of at most 255 chars.
        name: truncate(&non_empty(&f.title, &f.rule_id), 255),
        // GitLab renders the description as markdown: the snippet (repository text)
        // goes in a code block it cannot leave.
        description: format!(
            "{}\n\n{}",
            f.message,
            crate::sanitize::code_block(&crate::sanitize::one_line(&f.snippet), "")
        ),
        severity: severity(f.severity),
        solution: truncate(
            &non_empty(&f.remediation, "See the rule's documentation."),
            7000,
        ),
        identifiers: identifiers(f),
        location: Location {
            file: &f.path,
            start_line: f.start_line,
            end_line: f.end_line,
            commit: (family == Family::SecretDetection).then_some(Commit { sha }),
        },
        tracking: Tracking {
            kind: "source",
            items: [TrackingItem {
                file: &f.path,
                start_line: f.start_line,
                end_line: f.end_line,
                signatures: [Signature {
                    algorithm: "hash",
                    value: f.fingerprint.as_str(),
                }],
            }],
        },
    }
}

/// The rule id first (the primary identifier GitLab tracks and deduplicates by), then
/// the CWE and the OWASP Top 10 category when the rule has them.
fn identifiers(f: &Finding) -> Vec<Identifier> {
    let mut ids = vec![Identifier {
        kind: "mrwarden_rule_id",
        name: format!("mrwarden {}", f.rule_id),
        value: f.rule_id.clone(),
        url: None,
    }];
    if let Some(cwe) = f.cwe {
        ids.push(Identifier {
            kind: "cwe",
            name: format!("CWE-{cwe}"),
            value: cwe.to_string(),
            url: Some(super::refs::cwe_url(cwe)),
        });
    }
    if let Some(owasp) = f.owasp.as_deref().filter(|o| !o.is_empty()) {
        let (name, url) = super::refs::owasp(owasp);
        ids.push(Identifier {
            kind: "owasp",
            name,
            value: owasp.to_string(),
            url,
        });
    }
    ids
}

fn non_empty(s: &str, fallback: &str) -> String {
    if s.trim().is_empty() {
        fallback.to_string()
    } else {
        s.to_string()
    }
}

fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max_chars - 1).collect();
        t.push('…');
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("ééééé", 3), "éé…");
        assert_eq!(truncate(&"x".repeat(300), 255).chars().count(), 255);
    }
}
