//! `mrwarden.sarif`: SARIF 2.1.0 for tools other than GitLab (GitLab does not ingest
//! SARIF). One run; `tool.driver.rules` holds every rule that produced a finding,
//! results point at them by id and index.
//!
//! Spec: <https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html>. The
//! `security-severity` property and the `external/cwe/cwe-N` tags follow the
//! convention GitHub code scanning and other consumers read.

use std::collections::BTreeMap;

use serde::Serialize;

use super::RunInfo;
use crate::finding::{Finding, Severity};

/// The `$schema` URI of SARIF 2.1.0 (OASIS, errata 01).
const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key our fingerprint has in `partialFingerprints` (versioned with the algorithm).
pub const FINGERPRINT_KEY: &str = "mrwarden/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: [Invocation; 1],
    original_uri_base_ids: BTreeMap<&'static str, UriBase>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct UriBase {
    description: Text,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
    tags: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    start_time_utc: String,
    end_time_utc: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [ResultLocation; 1],
    partial_fingerprints: BTreeMap<&'static str, &'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    code_flows: Vec<CodeFlow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

/// A rule's `fix:` as a SARIF fix (§3.55): the finding's line replaced whole.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: [Replacement; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: LineRegion,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LineRegion {
    start_line: u32,
    end_line: u32,
}

/// A result's property bag: `non_gating` (`test_code`, `low_confidence`) when the
/// finding is reported but does not gate.
#[derive(Serialize)]
struct ResultProperties {
    non_gating: &'static str,
}

/// The finding's suggestion as a SARIF fix: its one line's text replaced by the rewrite
/// (a line region without columns excludes the newline, SARIF §3.30.5).
fn fixes(f: &Finding) -> Vec<Fix> {
    let Some(line) = f.suggestion.as_ref().filter(|_| f.start_line == f.end_line) else {
        return Vec::new();
    };
    vec![Fix {
        description: Text {
            text: f.remediation.clone(),
        },
        artifact_changes: [ArtifactChange {
            artifact_location: ArtifactLocation {
                uri: path_uri(&f.path),
                uri_base_id: "%SRCROOT%",
            },
            replacements: [Replacement {
                deleted_region: LineRegion {
                    start_line: f.start_line.max(1),
                    end_line: f.start_line.max(1),
                },
                inserted_content: Text { text: line.clone() },
            }],
        }],
    }]
}

/// A taint finding's path from source to sink (SARIF §3.36).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CodeFlow {
    thread_flows: [ThreadFlow; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ThreadFlow {
    locations: Vec<ThreadFlowLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ThreadFlowLocation {
    location: FlowLocation,
    kinds: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FlowLocation {
    physical_location: PhysicalLocation,
    message: Text,
}

/// The finding's flow as one SARIF code flow (none for findings without a flow).
fn code_flows(f: &Finding) -> Vec<CodeFlow> {
    if f.flow.is_empty() {
        return Vec::new();
    }
    let locations = f
        .flow
        .iter()
        .map(|step| ThreadFlowLocation {
            location: FlowLocation {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: path_uri(&f.path),
                        uri_base_id: "%SRCROOT%",
                    },
                    region: Region {
                        start_line: step.line.max(1),
                        end_line: step.line.max(1),
                        snippet: Text {
                            text: step.code.clone(),
                        },
                    },
                },
                message: Text {
                    text: step.role.as_str().to_string(),
                },
            },
            // SARIF's threadFlowLocation kinds: "taint" plus source/sink where they apply.
            kinds: [match step.role {
                crate::finding::FlowRole::Source => "source",
                crate::finding::FlowRole::Step => "taint",
                crate::finding::FlowRole::Sink => "sink",
            }],
        })
        .collect();
    vec![CodeFlow {
        thread_flows: [ThreadFlow { locations }],
    }]
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    end_line: u32,
    snippet: Text,
}

/// The SARIF `level` of a severity: high and critical are errors, medium a warning,
/// low and info notes.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// The `security-severity` score (0.0–10.0, CVSS-like bands): critical ≥ 9.0, high
/// 7.0–8.9, medium 4.0–6.9, low 0.1–3.9, info 0.0.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "2.0",
        Severity::Info => "0.0",
    }
}

/// A repository path as a relative URI reference: every byte outside the unreserved
/// set and `/` is percent-encoded (spaces, `%`, `:`, `#`, `?`, non-ASCII), so the URI
/// resolves against `%SRCROOT%` to exactly the file.
pub fn path_uri(path: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Renders the log. Rules are listed in the order of their first finding (findings
/// are sorted), so the output is deterministic.
pub fn render(findings: &[Finding], run: &RunInfo) -> Vec<u8> {
    let mut rules: Vec<Rule<'_>> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut results = Vec::with_capacity(findings.len());
    for f in findings {
        let rule_index = *index.entry(&f.rule_id).or_insert_with(|| {
            rules.push(rule(f));
            rules.len() - 1
        });
        results.push(SarifResult {
            rule_id: &f.rule_id,
            rule_index,
            level: level(f.severity),
            message: Text {
                text: format!("{}: {}", f.title, f.message),
            },
            locations: [ResultLocation {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: path_uri(&f.path),
                        uri_base_id: "%SRCROOT%",
                    },
                    region: Region {
                        start_line: f.start_line.max(1),
                        end_line: f.end_line.max(f.start_line).max(1),
                        snippet: Text {
                            text: f.snippet.clone(),
                        },
                    },
                },
            }],
            partial_fingerprints: BTreeMap::from([(FINGERPRINT_KEY, f.fingerprint.as_str())]),
            code_flows: code_flows(f),
            fixes: fixes(f),
            properties: f.non_gating.map(|n| ResultProperties {
                non_gating: n.as_str(),
            }),
        });
    }
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "mrwarden",
                    version: run.version,
                    semantic_version: run.version,
                    rules,
                },
            },
            invocations: [Invocation {
                execution_successful: run.completed(),
                start_time_utc: format!("{}Z", super::iso8601(run.started)),
                end_time_utc: format!("{}Z", super::iso8601(run.finished)),
                tool_execution_notifications: notifications(run),
            }],
            original_uri_base_ids: BTreeMap::from([(
                "%SRCROOT%",
                UriBase {
                    description: Text {
                        text: "The root of the repository that was reviewed.".into(),
                    },
                },
            )]),
            results,
        }],
    };
    let mut out = serde_json::to_vec_pretty(&log).unwrap_or_default();
    out.push(b'\n');
    out
}

fn rule(f: &Finding) -> Rule<'_> {
    let mut tags = vec!["security".to_string()];
    if let Some(cwe) = f.cwe {
        tags.push(format!("external/cwe/cwe-{cwe}"));
    }
    if let Some(owasp) = f.owasp.as_deref().filter(|o| !o.is_empty()) {
        tags.push(format!("external/owasp/{}", owasp.to_ascii_lowercase()));
    }
    let markdown = match f.cwe {
        Some(cwe) => format!(
            "{}\n\n[CWE-{cwe}]({})",
            f.remediation,
            super::refs::cwe_url(cwe)
        ),
        None => f.remediation.clone(),
    };
    Rule {
        id: &f.rule_id,
        name: &f.title,
        short_description: Text {
            text: f.title.clone(),
        },
        full_description: Text {
            text: f.message.clone(),
        },
        help: Help {
            text: f.remediation.clone(),
            markdown,
        },
        default_configuration: Configuration {
            level: level(f.severity),
        },
        properties: RuleProperties {
            security_severity: security_severity(f.severity),
            tags,
        },
    }
}

fn notifications(run: &RunInfo) -> Vec<Notification> {
    let mut out = Vec::new();
    if let Some(e) = &run.error {
        out.push(Notification {
            level: "error",
            message: Text { text: e.clone() },
        });
    }
    for n in &run.notes {
        out.push(Notification {
            level: if n.reason.fails_closed() {
                "error"
            } else {
                "note"
            },
            message: Text {
                text: format!("{}: {}", n.path, n.reason.describe()),
            },
        });
    }
    for w in &run.warnings {
        out.push(Notification {
            level: "warning",
            message: Text { text: w.clone() },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_uri_encodes_what_is_not_a_plain_segment() {
        assert_eq!(path_uri("src/app.py"), "src/app.py");
        assert_eq!(path_uri("my dir/a#b?.py"), "my%20dir/a%23b%3F.py");
        assert_eq!(path_uri("c:x/ü%"), "c%3Ax/%C3%BC%25");
    }
}
