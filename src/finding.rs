//! The one currency every later stage trades in: [`Finding`], with its severity,
//! location, redacted snippet and stable [`Fingerprint`].
//!
//! Secrets are redacted before a `Finding` exists: analyzers hand the raw value to
//! [`redact_secret`] and [`Fingerprint::for_secret`], and only the results are stored.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How bad a finding is. Ordered: `Info < Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, never worth blocking on by default.
    Info,
    /// Minor weakness.
    Low,
    /// A real weakness that needs context to exploit.
    Medium,
    /// Exploitable or a leaked credential.
    High,
    /// Exploitable with severe impact.
    Critical,
}

impl Severity {
    /// All severities, lowest first.
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// The lowercase name used in flags, config and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure a rule is that a match is a real problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Often a false positive; shown, rarely gating.
    Low,
    /// Usually right.
    Medium,
    /// Almost always right (e.g. a token with a valid checksum).
    High,
}

/// What family a finding belongs to; decides which report it lands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A leaked credential (secret-detection report).
    Secret,
    /// A vulnerable code or configuration pattern (SAST report).
    Vulnerability,
    /// A finding about the run itself (`mrwarden.*` rule ids).
    Meta,
}

/// A stable identifier of a finding that survives unrelated edits.
///
/// Algorithm (version 1, fixed, documented in `docs/reports.md`): the lowercase hex of the
/// first 16 bytes of SHA-256 over the NUL-separated tuple
/// `("mrwarden-fp-v1", rule_id, path, basis, occurrence)`, where `basis` is the line with
/// every secret value on it replaced by `<SECRET:xxxx>` (`xxxx` = the first 16 bits of
/// SHA-256 over `("mrwarden-secret-v1", value)`) and whitespace runs collapsed and
/// trimmed. The line number is not part of it, so moving code keeps the fingerprint;
/// `occurrence` (0, 1, … among equal bases of one rule in one file) tells identical
/// lines apart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(String);

impl Fingerprint {
    /// Fingerprint of a finding on a line whose secrets (if any) were already replaced
    /// by [`secret_placeholder`]s: see [`line_basis`].
    pub fn compute(rule_id: &str, path: &str, basis: &str, occurrence: u32) -> Self {
        let digest = Sha256::new()
            .chain_update(b"mrwarden-fp-v1\0")
            .chain_update(rule_id.as_bytes())
            .chain_update(b"\0")
            .chain_update(path.as_bytes())
            .chain_update(b"\0")
            .chain_update(basis.as_bytes())
            .chain_update(b"\0")
            .chain_update(occurrence.to_string().as_bytes())
            .finalize();
        Fingerprint(hex(&digest[..16]))
    }

    /// Wraps an already computed fingerprint (from a baseline file or a note marker).
    pub fn from_hex(s: &str) -> Option<Self> {
        (s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Fingerprint(s.to_ascii_lowercase()))
    }

    /// The 32 hex characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The part of a line a fingerprint hashes: whitespace runs collapsed and trimmed.
pub fn line_basis(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What stands for a secret value in a fingerprint basis: 16 bits of a keyed hash, so a
/// rotated secret is a new finding but the basis cannot be turned back into the value.
pub fn secret_placeholder(secret: &str) -> String {
    let tag = Sha256::new()
        .chain_update(b"mrwarden-secret-v1\0")
        .chain_update(secret.as_bytes())
        .finalize();
    format!("<SECRET:{:02x}{:02x}>", tag[0], tag[1])
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lowercase hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The redacted form of a secret: its known provider prefix (or at most
/// `min(4, len/4)` characters of a generic secret) and its length, e.g. `glpat-… (26 chars)`.
pub fn redact_secret(secret: &str, known_prefix: Option<&str>) -> String {
    let len = secret.chars().count();
    let shown: String =
        match known_prefix.filter(|p| secret.starts_with(p) && p.len() < secret.len()) {
            Some(prefix) => prefix.to_string(),
            None => secret.chars().take((len / 4).min(4)).collect(),
        };
    format!("{shown}… ({len} chars)")
}

/// The rule ids of meta findings: findings about the run itself, not a rule's match.
/// The `mrwarden.` prefix is reserved for them (DESIGN.md, Names).
pub mod meta {
    /// A secret added by a commit of the change but absent from its final diff.
    pub const HISTORY_SECRET: &str = "mrwarden.history-secret";
    /// Content that should have been scanned and was not (fails closed).
    pub const NOT_SCANNED: &str = "mrwarden.not-scanned";
    /// A symlink in the change (never read).
    pub const SYMLINK: &str = "mrwarden.symlink";
    /// The change edits the policy that reviews it.
    pub const POLICY_CHANGED: &str = "mrwarden.policy-changed";
    /// The target branch's policy is invalid: strict defaults apply.
    pub const POLICY_INVALID: &str = "mrwarden.policy-invalid";
}

/// The hidden marker that ties a note to a finding: a contract with every earlier run's
/// notes (DESIGN.md, Names), versioned so an algorithm change can migrate.
pub mod marker {
    use crate::finding::Fingerprint;

    const PREFIX: &str = "<!-- mrwarden:v1 fp=";

    /// The hidden marker that ties a note to a finding (the only raw HTML we write).
    pub fn marker(fingerprint: &Fingerprint) -> String {
        format!("<!-- mrwarden:v1 fp={fingerprint} -->")
    }

    /// The marker of the summary note.
    pub const SUMMARY_MARKER: &str = "<!-- mrwarden:v1 fp=summary -->";

    /// The marker key of the summary note of one include of the component: `summary`
    /// for the default job prefix (today's marker), `summary.<prefix>` for another, so
    /// two includes keep one summary note each. Versions that know only `summary`
    /// ignore the longer form.
    pub fn summary_key(instance: Option<&str>) -> String {
        match instance {
            None => "summary".to_owned(),
            Some(i) => format!("summary.{i}"),
        }
    }

    /// The marker of the summary note with key [`summary_key`].
    pub fn summary_marker(key: &str) -> String {
        format!("{PREFIX}{key} -->")
    }

    /// Whether a marker key names a summary note (any include's), not a finding.
    pub fn is_summary_key(fp: &str) -> bool {
        fp == "summary"
            || fp.strip_prefix("summary.").is_some_and(|i| {
                !i.is_empty()
                    && i.len() <= 40
                    && i.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                    })
            })
    }

    /// The fingerprint in a body's marker, if the body carries one (`summary` or
    /// `summary.<prefix>` for a summary note).
    pub fn marker_fingerprint(body: &str) -> Option<&str> {
        let start = body.find(PREFIX)? + PREFIX.len();
        let rest = &body[start..];
        let end = rest.find(" -->")?;
        let fp = &rest[..end];
        (is_summary_key(fp) || Fingerprint::from_hex(fp).is_some()).then_some(fp)
    }
}

/// The rule-id prefix of LLM findings (`mrwarden.llm.<category>`): probabilistic,
/// gated by `llm.gate_on`, never resolved on absence alone.
pub const LLM_RULE_PREFIX: &str = "mrwarden.llm.";

/// One problem found on lines an MR adds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Rule id, e.g. `gitlab-pat` or `mrwarden.not-scanned`.
    pub rule_id: String,
    /// Short rule title.
    pub title: String,
    /// What is wrong here.
    pub message: String,
    /// How bad it is.
    pub severity: Severity,
    /// How sure the rule is.
    pub confidence: Confidence,
    /// Report family.
    pub kind: FindingKind,
    /// CWE number, if any.
    pub cwe: Option<u32>,
    /// OWASP Top 10 category, e.g. `A03:2021`.
    pub owasp: Option<String>,
    /// Repository-relative path in the new revision.
    pub path: String,
    /// First line (1-based, in the new file).
    pub start_line: u32,
    /// Last line (inclusive).
    pub end_line: u32,
    /// The offending line, secrets redacted, control characters removed, bounded length.
    pub snippet: String,
    /// How to fix it.
    pub remediation: String,
    /// Stable identifier.
    pub fingerprint: Fingerprint,
    /// For a taint finding, the path data took: source, steps, sink (in order).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flow: Vec<FlowStep>,
    /// The finding's line rewritten by its rule's `fix:`, offered as a GitLab suggestion
    /// (never for a line holding a secret).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Why this finding is reported but does not gate (set by the policy stage,
    /// `policy::gating`); absent when it gates at the threshold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub non_gating: Option<NonGating>,
}

/// Why a finding does not gate. DESIGN.md: only two things can mark a finding
/// non-gating, the rule's declared confidence and the trusted path classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NonGating {
    /// A vulnerability finding in test code (`paths.tests` and the built-in list).
    TestCode,
    /// A finding of a rule declared `confidence: low` (`rules.gate_low_confidence`).
    LowConfidence,
}

impl NonGating {
    /// The `snake_case` name used in the JSON output and SARIF properties.
    pub fn as_str(self) -> &'static str {
        match self {
            NonGating::TestCode => "test_code",
            NonGating::LowConfidence => "low_confidence",
        }
    }

    /// Why, in a few words: `test code`, `low-confidence rule`.
    pub fn why(self) -> &'static str {
        match self {
            NonGating::TestCode => "test code",
            NonGating::LowConfidence => "low-confidence rule",
        }
    }

    /// A short phrase for summaries and comments: `not gating: test code`.
    pub fn describe(self) -> String {
        format!("not gating: {}", self.why())
    }
}

/// One step of a taint flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlowStep {
    /// `source`, `step` or `sink`.
    pub role: FlowRole,
    /// 1-based line in the new file.
    pub line: u32,
    /// The code of the step, secrets redacted, bounded length.
    pub code: String,
}

/// What a flow step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowRole {
    /// Where untrusted data enters.
    Source,
    /// An assignment or call that carries it on.
    Step,
    /// Where it is used dangerously.
    Sink,
}

impl FlowRole {
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            FlowRole::Source => "source",
            FlowRole::Step => "step",
            FlowRole::Sink => "sink",
        }
    }
}

impl Finding {
    /// A finding about the run itself (`mrwarden.*`): high confidence, on one line, with no
    /// CWE, snippet or remediation until the caller sets them. `basis` is the text its
    /// fingerprint hashes in place of a source line.
    pub fn meta(
        rule_id: &str,
        title: &str,
        message: String,
        severity: Severity,
        path: &str,
        line: u32,
        basis: &str,
    ) -> Finding {
        Finding {
            flow: Vec::new(),
            suggestion: None,
            non_gating: None,
            fingerprint: Fingerprint::compute(rule_id, path, &line_basis(basis), 0),
            rule_id: rule_id.into(),
            title: title.into(),
            message,
            severity,
            confidence: Confidence::High,
            kind: FindingKind::Meta,
            cwe: None,
            owasp: None,
            path: path.into(),
            start_line: line,
            end_line: line,
            snippet: String::new(),
            remediation: String::new(),
        }
    }

    /// Whether the LLM reviewer made this finding.
    pub fn is_llm(&self) -> bool {
        self.rule_id.starts_with(LLM_RULE_PREFIX)
    }

    /// Whether this finding says a secret was committed: a secret rule's finding, or the
    /// LLM's `secret-exposure` (a credential the rules missed is leaked all the same).
    /// Inline suppressions never silence these (DESIGN.md).
    pub fn reports_a_secret(&self) -> bool {
        self.kind == FindingKind::Secret
            || self
                .rule_id
                .strip_prefix(LLM_RULE_PREFIX)
                .is_some_and(|c| c == "secret-exposure")
    }

    /// The order reports and threads use: path, line, rule, fingerprint.
    pub fn sort_key(&self) -> (&str, u32, &str, &Fingerprint) {
        (
            &self.path,
            self.start_line,
            &self.rule_id,
            &self.fingerprint,
        )
    }
}

/// Sorts findings deterministically (path, line, rule) as every output expects.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// A high-severity vulnerability on line `line` of `a.py` (rule `r`), for unit tests.
#[cfg(test)]
pub(crate) fn sample(line: u32) -> Finding {
    Finding {
        flow: Vec::new(),
        suggestion: None,
        non_gating: None,
        rule_id: "r".into(),
        title: "t".into(),
        message: "m".into(),
        severity: Severity::High,
        confidence: Confidence::High,
        kind: FindingKind::Vulnerability,
        cwe: None,
        owasp: None,
        path: "a.py".into(),
        start_line: line,
        end_line: line,
        snippet: "x".into(),
        remediation: "r".into(),
        fingerprint: Fingerprint::compute("r", "a.py", &line.to_string(), 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(rule: &str, path: &str, line: &str, occ: u32) -> Fingerprint {
        Fingerprint::compute(rule, path, &line_basis(line), occ)
    }

    #[test]
    fn fingerprint_ignores_indentation_and_has_fixed_width() {
        assert_eq!(
            fp("rule", "a.py", "  eval(x)", 0),
            fp("rule", "a.py", "eval(x)   ", 0)
        );
        assert_eq!(fp("rule", "a.py", "eval(x)", 0).as_str().len(), 32);
    }

    #[test]
    fn fingerprint_is_a_fixed_algorithm() {
        // Pinned: changing the algorithm would re-open every thread and baseline entry.
        assert_eq!(
            fp("gitlab-pat", "app/config.py", "token = x", 0).as_str(),
            "7f42ae161851527fa6f78e1da8b151ba"
        );
    }

    #[test]
    fn fingerprint_changes_with_rule_path_line_and_occurrence() {
        let base = fp("rule", "a.py", "eval(x)", 0);
        assert_ne!(base, fp("other", "a.py", "eval(x)", 0));
        assert_ne!(base, fp("rule", "b.py", "eval(x)", 0));
        assert_ne!(base, fp("rule", "a.py", "eval(x)", 1));
        assert_ne!(base, fp("rule", "a.py", "eval(y)", 0));
    }

    #[test]
    fn secret_placeholder_hides_the_value_but_tells_rotations_apart() {
        let a = secret_placeholder("glpat-abcdefghijklmnopqrst");
        let b = secret_placeholder("glpat-zzzzzzzzzzzzzzzzzzzz");
        assert_ne!(a, b);
        assert!(!a.contains("glpat") && a.len() == "<SECRET:0000>".len());
    }

    #[test]
    fn redaction_shows_prefix_or_a_quarter_at_most_four() {
        assert_eq!(
            redact_secret("glpat-abcdefghijklmnopqrst", Some("glpat-")),
            "glpat-… (26 chars)"
        );
        assert_eq!(redact_secret("hunter2hunter2", None), "hun… (14 chars)");
        assert_eq!(redact_secret("abc", None), "… (3 chars)");
        assert_eq!(
            redact_secret("supersecretpassword123", None),
            "supe… (22 chars)"
        );
    }

    #[test]
    fn severity_order() {
        assert!(Severity::Info < Severity::Low && Severity::High < Severity::Critical);
    }
}
