//! What comes back is attacker-influenced data (threat model T6): parsed strictly,
//! every finding checked against the diff that was sent, text bounded and defused,
//! and only then turned into [`Finding`]s that can add to the rule findings.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;

use super::prompt::{CATEGORIES, Unit};
use crate::finding::{
    Confidence, Finding, FindingKind, Fingerprint, LLM_RULE_PREFIX, Severity, line_basis,
};

/// Largest answer parsed, in bytes.
const MAX_ANSWER_BYTES: usize = 256 << 10;
/// Most findings taken from one answer.
const MAX_PER_ANSWER: usize = 20;
/// Text bounds, in characters.
const TITLE_CHARS: usize = 100;
const EXPLANATION_CHARS: usize = 600;
const FIX_CHARS: usize = 400;
const SNIPPET_CHARS: usize = 240;

/// Counts of dropped findings, for the summary.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    pub(super) not_in_diff: usize,
    pub(super) invalid: usize,
    pub(super) duplicate: usize,
    pub(super) over_cap: usize,
    pub(super) malformed: usize,
}

impl Stats {
    pub(super) fn dropped(&self) -> usize {
        self.not_in_diff + self.invalid + self.duplicate + self.over_cap
    }
}

/// The answer object: exactly `{"findings": [...]}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Answer {
    findings: Vec<serde_json::Value>,
}

/// One finding as the model wrote it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Raw {
    path: String,
    line: u64,
    category: String,
    severity: String,
    #[serde(default)]
    confidence: Option<String>,
    title: String,
    explanation: String,
    fix: String,
}

/// Parses an answer. A model may wrap the object in one code fence; nothing else is
/// tolerated. Items that do not match the schema are kept as errors (counted later).
pub(super) fn parse(content: &str) -> Result<Vec<Result<Raw, ()>>, String> {
    if content.len() > MAX_ANSWER_BYTES {
        return Err(format!("answer larger than {MAX_ANSWER_BYTES} bytes"));
    }
    let mut text = content.trim();
    if let Some(rest) = text.strip_prefix("```") {
        let rest = rest.strip_prefix("json").unwrap_or(rest);
        text = rest.strip_suffix("```").unwrap_or(rest).trim();
    }
    let answer: Answer =
        serde_json::from_str(text).map_err(|e| format!("not the expected JSON object: {e}"))?;
    Ok(answer
        .findings
        .into_iter()
        .map(|v| serde_json::from_value::<Raw>(v).map_err(|_| ()))
        .collect())
}

/// Turns the parsed findings of one unit's answer into findings, dropping (and
/// counting) every one that does not name an added line that was sent.
pub(super) fn accept(
    raw: Vec<Result<Raw, ()>>,
    unit: &Unit,
    model: &str,
    stats: &mut Stats,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, item) in raw.into_iter().enumerate() {
        if i >= MAX_PER_ANSWER {
            stats.over_cap += 1;
            continue;
        }
        let Ok(r) = item else {
            stats.invalid += 1;
            continue;
        };
        let Some(line_text) = u32::try_from(r.line).ok().and_then(|line| {
            unit.files
                .iter()
                .find(|f| f.path == r.path)
                .and_then(|f| f.added.get(&line))
        }) else {
            stats.not_in_diff += 1;
            continue;
        };
        let Some(&(category, cwe)) = CATEGORIES.iter().find(|(c, _)| *c == r.category) else {
            stats.invalid += 1;
            continue;
        };
        let Some(severity) = Severity::ALL.into_iter().find(|s| s.as_str() == r.severity) else {
            stats.invalid += 1;
            continue;
        };
        let explanation = clean(&r.explanation, EXPLANATION_CHARS);
        if explanation.is_empty() {
            stats.invalid += 1;
            continue;
        }
        let confidence = if r.confidence.as_deref() == Some("low") {
            Confidence::Low
        } else {
            Confidence::Medium
        };
        let rule_id = format!("{LLM_RULE_PREFIX}{category}");
        let title = clean(&r.title, TITLE_CHARS);
        out.push(Finding {
            flow: Vec::new(),
            suggestion: None,
            non_gating: None,
            fingerprint: Fingerprint::compute(&rule_id, &r.path, &line_basis(line_text), 0),
            rule_id,
            title: format!("LLM: {}", if title.is_empty() { category } else { &title }),
            message: format!(
                "{explanation} (LLM reviewer, model {}: probabilistic, verify before acting)",
                clean(model, 80)
            ),
            severity,
            confidence,
            kind: FindingKind::Vulnerability,
            cwe: Some(cwe),
            owasp: None,
            path: r.path.clone(),
            start_line: line_no(r.line),
            end_line: line_no(r.line),
            snippet: snippet(line_text),
            remediation: clean(&r.fix, FIX_CHARS),
        });
    }
    out
}

fn line_no(line: u64) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}

/// Drops LLM findings that repeat a rule finding (same line, same category: the same
/// CWE, or any secret finding for `secret-exposure`) or another LLM finding, and gives
/// equal fingerprints distinct occurrences.
pub(super) fn dedupe(findings: &mut Vec<Finding>, rules: &[Finding], stats: &mut Stats) {
    let mut seen: BTreeSet<(String, u32, String)> = BTreeSet::new();
    let before = findings.len();
    findings.retain(|f| {
        let repeats_rule = rules.iter().any(|r| {
            r.path == f.path
                && r.start_line <= f.start_line
                && f.start_line <= r.end_line
                && (r.cwe.is_some() && r.cwe == f.cwe
                    || r.kind == FindingKind::Secret
                        && f.rule_id == format!("{LLM_RULE_PREFIX}secret-exposure"))
        });
        !repeats_rule && seen.insert((f.path.clone(), f.start_line, f.rule_id.clone()))
    });
    stats.duplicate += before - findings.len();
    crate::finding::sort(findings);
    let mut occurrences: HashMap<Fingerprint, u32> = HashMap::new();
    for f in findings.iter_mut() {
        let n = occurrences.entry(f.fingerprint.clone()).or_insert(0);
        if *n > 0 {
            f.fingerprint = Fingerprint::compute(&f.rule_id, &f.path, &line_basis(&f.snippet), *n);
        }
        *n += 1;
    }
}

/// Model text made safe to carry: one line, no control characters, no links (so no
/// remote images or phishing targets), no HTML, no leading `/` (a GitLab quick
/// action), bounded. Renderers escape it again for their format.
pub(super) fn clean(text: &str, max_chars: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if lower.contains("://") || lower.starts_with("www.") || lower.contains("](") {
            words.push("[link removed]".into());
            continue;
        }
        words.push(
            word.chars()
                .map(|c| match c {
                    '<' => '‹',
                    '>' => '›',
                    c => c,
                })
                .filter(|c| !is_invisible(*c))
                .collect(),
        );
    }
    let joined = words.join(" ");
    let trimmed = joined.trim_start_matches(['/', ' ']);
    let mut out: String = trimmed.chars().take(max_chars).collect();
    if trimmed.chars().count() > max_chars {
        out.push('…');
    }
    out
}

/// Zero-width, bidi and Unicode tag characters: hide text from the human reader.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}')
}

fn snippet(line: &str) -> String {
    let body = line.trim();
    let mut s: String = body.chars().take(SNIPPET_CHARS).collect();
    if body.chars().count() > SNIPPET_CHARS {
        s.push('…');
    }
    crate::sanitize::terminal_line(&s)
}
