//! Inline suppressions: `mrwarden:ignore <rule-id>[,<rule-id>…] <reason>` in any comment
//! syntax, on the finding's line or the line above.
//!
//! Trust rules (DESIGN.md, threat model T8): a suppression without a rule id (or, with
//! `require_reason`, without a reason) suppresses nothing and is reported; one the change
//! itself adds is honoured but listed (or not counted with `allow_new: false`); a secret
//! is never silenced by an inline suppression: a committed credential is leaked either
//! way, and only a baseline from the target branch can accept it (the LLM's
//! `mrwarden.llm.secret-exposure` counts as a secret). Findings about the run itself
//! (`mrwarden.policy-changed`, `mrwarden.not-scanned`, …) are never silenced. Other tools' markers
//! (`nosec`, `nosemgrep`, `gitleaks:allow`, …) are listed, never honoured.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use crate::config::Suppressions;
use crate::diff::{Diff, LineKind};
use crate::finding::{Finding, FindingKind};

/// What became of a suppression comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// It silenced at least one finding.
    Honoured,
    /// It named a finding's rule but was added by this change and `allow_new` is false.
    NotCountedNew,
    /// It named a secret finding's rule; secrets are never silenced inline.
    SecretNotSilenced,
    /// It is malformed and suppresses nothing; the text says why.
    Invalid(String),
    /// Another tool's marker; mrwarden does not honour it.
    Foreign(String),
    /// Valid, but no finding on its line or the next one matched it.
    Unused,
}

/// One suppression comment seen in the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// File path.
    pub path: String,
    /// Line of the comment (new file).
    pub line: u32,
    /// Rule ids it names.
    pub rules: Vec<String>,
    /// The reason given, if any.
    pub reason: Option<String>,
    /// The change adds this comment.
    pub added: bool,
    /// What became of it.
    pub status: Status,
}

#[derive(Debug, Clone)]
struct Marker {
    rules: Vec<String>,
    reason: Option<String>,
    added: bool,
    invalid: Option<String>,
    foreign: Option<String>,
}

fn marker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"mrwarden:ignore\b[ \t]*([^\r\n]*)")
            .unwrap_or_else(|_| unreachable!("constant regex compiles"))
    })
}

fn foreign_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(\bnosec\b|\bnosemgrep\b|gitleaks:allow|pragma:\s*allowlist\s+secret|\bNOSONAR\b|trufflehog:ignore)")
            .unwrap_or_else(|_| unreachable!("constant regex compiles"))
    })
}

/// Parses one line's marker, if it has one.
fn parse_marker(
    text: &str,
    added: bool,
    known: &BTreeSet<&str>,
    policy: &Suppressions,
) -> Option<Marker> {
    if let Some(caps) = marker_re().captures(text) {
        let rest = caps.get(1).map_or("", |m| m.as_str());
        let rest = rest
            .trim_end()
            .trim_end_matches("*/")
            .trim_end_matches("-->")
            .trim_end_matches("#}")
            .trim_end_matches("%>")
            .trim();
        let (first, reason) = match rest.split_once(char::is_whitespace) {
            Some((a, b)) => (a, Some(b.trim().to_string()).filter(|r| !r.is_empty())),
            None => (rest, None),
        };
        let rules: Vec<String> = first
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let invalid = if rules.is_empty() {
            Some("names no rule id; write mrwarden:ignore <rule-id> <reason>".to_string())
        } else if let Some(unknown) = rules.iter().find(|r| !known.contains(r.as_str())) {
            Some(format!(
                "{unknown:?} is not a rule id (see mrwarden rules list)"
            ))
        } else if policy.require_reason && reason.is_none() {
            Some("gives no reason; write mrwarden:ignore <rule-id> <reason>".to_string())
        } else {
            None
        };
        return Some(Marker {
            rules,
            reason,
            added,
            invalid,
            foreign: None,
        });
    }
    foreign_re().captures(text).map(|c| Marker {
        rules: Vec::new(),
        reason: None,
        added,
        invalid: None,
        foreign: Some(c[1].to_string()),
    })
}

/// The result of matching suppressions against findings.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Findings that still count.
    pub kept: Vec<Finding>,
    /// Findings silenced, each with the suppression's reason.
    pub suppressed: Vec<(Finding, String)>,
    /// Suppressions worth listing: every one the change adds, and older ones that acted.
    pub suppressions: Vec<Suppression>,
}

/// Applies inline suppressions found in the diff (added and context lines) to findings.
pub fn apply(
    findings: Vec<Finding>,
    diff: &Diff,
    known: &BTreeSet<&str>,
    policy: &Suppressions,
) -> Outcome {
    let mut markers: BTreeMap<(String, u32), (Marker, Option<Status>)> = BTreeMap::new();
    for file in diff.files.iter().filter(|f| f.is_scannable()) {
        for line in file.hunks.iter().flat_map(|h| &h.lines) {
            let (Some(no), true) = (line.new_line, line.kind != LineKind::Removed) else {
                continue;
            };
            if let Some(m) = parse_marker(&line.text, line.kind == LineKind::Added, known, policy) {
                markers.insert((file.path().to_string(), no), (m, None));
            }
        }
    }
    let mut out = Outcome::default();
    for f in findings {
        // Findings about the run itself (policy changed, not scanned, …) are never an
        // inline comment's to silence, whatever id a rule pack or the LLM list knows.
        if f.kind == FindingKind::Meta {
            out.kept.push(f);
            continue;
        }
        let mut silenced = None;
        for at in [f.start_line, f.start_line.saturating_sub(1)] {
            let Some((m, status)) = markers.get_mut(&(f.path.clone(), at)) else {
                continue;
            };
            if m.foreign.is_some() || m.invalid.is_some() || !m.rules.contains(&f.rule_id) {
                continue;
            }
            let verdict = if f.reports_a_secret() {
                Status::SecretNotSilenced
            } else if m.added && !policy.allow_new {
                Status::NotCountedNew
            } else {
                silenced = Some(m.reason.clone().unwrap_or_default());
                Status::Honoured
            };
            // Honoured wins over the other outcomes when one comment meets several findings.
            if status.as_ref() != Some(&Status::Honoured) {
                *status = Some(verdict);
            }
            break;
        }
        match silenced {
            Some(reason) => out.suppressed.push((f, reason)),
            None => out.kept.push(f),
        }
    }
    for ((path, line), (m, status)) in markers {
        let status = match (m.foreign, m.invalid, status) {
            (Some(tool), _, _) => Status::Foreign(tool),
            (None, Some(why), _) => Status::Invalid(why),
            (None, None, Some(s)) => s,
            (None, None, None) => Status::Unused,
        };
        if m.added
            || !matches!(
                status,
                Status::Unused | Status::Foreign(_) | Status::Invalid(_)
            )
        {
            out.suppressions.push(Suppression {
                path,
                line,
                rules: m.rules,
                reason: m.reason,
                added: m.added,
                status,
            });
        }
    }
    out
}

/// Merges the suppressions of a second policy pass over the same diff (the LLM's
/// findings) into the first's: one entry per comment, with the outcome that says most
/// (honoured, then not counted, then secret not silenced, then the rest).
pub fn merge(into: &mut Vec<Suppression>, more: Vec<Suppression>) {
    fn rank(s: &Status) -> u8 {
        match s {
            Status::Honoured => 3,
            Status::NotCountedNew => 2,
            Status::SecretNotSilenced => 1,
            _ => 0,
        }
    }
    for s in more {
        match into
            .iter_mut()
            .find(|e| e.path == s.path && e.line == s.line)
        {
            Some(e) if rank(&s.status) > rank(&e.status) => e.status = s.status,
            Some(_) => {}
            None => into.push(s),
        }
    }
    into.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
}

impl Status {
    /// A phrase for the summary.
    pub fn describe(&self) -> String {
        match self {
            Status::Honoured => "honoured".into(),
            Status::NotCountedNew => "not counted: added in this change and suppressions.allow_new is false".into(),
            Status::SecretNotSilenced => {
                "not honoured: a committed secret is leaked either way; rotate it (only a target-branch baseline can accept it)".into()
            }
            Status::Invalid(why) => format!("ignored: {why}"),
            Status::Foreign(tool) => format!("not honoured: {tool:?} is another tool's marker; use mrwarden:ignore <rule-id> <reason>"),
            Status::Unused => "unused: no matching finding on its line or the next".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Confidence, Fingerprint, Severity};

    fn finding(rule: &str, line: u32, kind: FindingKind) -> Finding {
        Finding {
            flow: Vec::new(),
            suggestion: None,
            non_gating: None,
            rule_id: rule.into(),
            title: String::new(),
            message: String::new(),
            severity: Severity::High,
            confidence: Confidence::High,
            kind,
            cwe: None,
            owasp: None,
            path: "a.py".into(),
            start_line: line,
            end_line: line,
            snippet: String::new(),
            remediation: String::new(),
            fingerprint: Fingerprint::compute(rule, "a.py", "x", line),
        }
    }

    fn diff(lines: &[&str]) -> Diff {
        let mut text = format!("--- a/a.py\n+++ b/a.py\n@@ -0,0 +1,{} @@\n", lines.len());
        for l in lines {
            text.push('+');
            text.push_str(l);
            text.push('\n');
        }
        crate::diff::parse(text.as_bytes()).expect("test diff parses")
    }

    fn run(lines: &[&str], findings: Vec<Finding>, policy: &Suppressions) -> Outcome {
        let known: BTreeSet<&str> = ["py-eval", "gitlab-pat"].into_iter().collect();
        apply(findings, &diff(lines), &known, policy)
    }

    #[test]
    fn llm_secret_exposure_and_meta_findings_are_never_silenced() {
        let known: BTreeSet<&str> = ["mrwarden.llm.secret-exposure", "mrwarden.llm.idor"]
            .into_iter()
            .collect();
        let lines = [
            "k = load()  # mrwarden:ignore mrwarden.llm.secret-exposure test key",
            "d = get(i)  # mrwarden:ignore mrwarden.llm.idor public documents",
            "# mrwarden:ignore mrwarden.policy-changed,mrwarden.llm.idor sneaky",
            "x = 1",
        ];
        let o = apply(
            vec![
                finding(
                    "mrwarden.llm.secret-exposure",
                    1,
                    FindingKind::Vulnerability,
                ),
                finding("mrwarden.llm.idor", 2, FindingKind::Vulnerability),
                finding("mrwarden.policy-changed", 4, FindingKind::Meta),
            ],
            &diff(&lines),
            &known,
            &Suppressions::default(),
        );
        let kept: Vec<&str> = o.kept.iter().map(|f| f.rule_id.as_str()).collect();
        assert_eq!(
            kept,
            vec!["mrwarden.llm.secret-exposure", "mrwarden.policy-changed"]
        );
        assert_eq!(o.suppressed.len(), 1);
        assert_eq!(o.suppressed[0].0.rule_id, "mrwarden.llm.idor");
        let status = |line: u32| {
            o.suppressions
                .iter()
                .find(|s| s.line == line)
                .map(|s| s.status.clone())
        };
        assert_eq!(status(1), Some(Status::SecretNotSilenced));
        assert_eq!(status(2), Some(Status::Honoured));
        assert!(
            matches!(status(3), Some(Status::Invalid(_))),
            "{:?}",
            status(3)
        );
    }

    #[test]
    fn same_line_and_line_above_with_reason() {
        let p = Suppressions::default();
        let o = run(
            &[
                "eval(x)  # mrwarden:ignore py-eval input is a constant",
                "# mrwarden:ignore py-eval,gitlab-pat trusted",
                "eval(y)",
            ],
            vec![
                finding("py-eval", 1, FindingKind::Vulnerability),
                finding("py-eval", 3, FindingKind::Vulnerability),
            ],
            &p,
        );
        assert!(o.kept.is_empty());
        assert_eq!(o.suppressed.len(), 2);
        assert!(
            o.suppressions
                .iter()
                .all(|s| s.added && s.status == Status::Honoured)
        );
    }

    #[test]
    fn no_rule_id_or_no_reason_suppresses_nothing() {
        let p = Suppressions::default();
        let o = run(
            &["eval(x)  # mrwarden:ignore"],
            vec![finding("py-eval", 1, FindingKind::Vulnerability)],
            &p,
        );
        assert_eq!(o.kept.len(), 1);
        assert!(matches!(o.suppressions[0].status, Status::Invalid(_)));
        let o = run(
            &["eval(x)  # mrwarden:ignore py-eval"],
            vec![finding("py-eval", 1, FindingKind::Vulnerability)],
            &p,
        );
        assert_eq!(o.kept.len(), 1, "reason required by default");
        let o = run(
            &["eval(x)  # mrwarden:ignore because safe"],
            vec![finding("py-eval", 1, FindingKind::Vulnerability)],
            &p,
        );
        assert_eq!(o.kept.len(), 1, "an unknown id is not a rule id");
    }

    #[test]
    fn secrets_are_never_silenced_and_allow_new_false_counts() {
        let p = Suppressions::default();
        let o = run(
            &["t = 'glpat-x' # mrwarden:ignore gitlab-pat test token"],
            vec![finding("gitlab-pat", 1, FindingKind::Secret)],
            &p,
        );
        assert_eq!(o.kept.len(), 1);
        assert_eq!(o.suppressions[0].status, Status::SecretNotSilenced);
        let strict = Suppressions {
            allow_new: false,
            require_reason: true,
        };
        let o = run(
            &["eval(x) # mrwarden:ignore py-eval fine"],
            vec![finding("py-eval", 1, FindingKind::Vulnerability)],
            &strict,
        );
        assert_eq!(o.kept.len(), 1);
        assert_eq!(o.suppressions[0].status, Status::NotCountedNew);
    }

    #[test]
    fn foreign_markers_are_listed_not_honoured() {
        let o = run(
            &["eval(x)  # nosec"],
            vec![finding("py-eval", 1, FindingKind::Vulnerability)],
            &Suppressions::default(),
        );
        assert_eq!(o.kept.len(), 1);
        assert!(matches!(o.suppressions[0].status, Status::Foreign(_)));
    }
}
