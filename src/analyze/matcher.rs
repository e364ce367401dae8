//! Line matcher: runs the compiled rules over the added lines of one file.
//!
//! For each added line, the Aho-Corasick keyword index names the few rules worth
//! trying; only those run their regexes. Secrets are found first so every snippet and
//! fingerprint on the line is built from the redacted text.

use std::collections::HashMap;
use std::ops::Range;

use crate::diff::{FileDiff, LineKind};
use crate::finding::{
    Confidence, Finding, FindingKind, Fingerprint, line_basis, redact_secret, secret_placeholder,
};
use crate::rules::{CompiledRule, RuleKind, RuleSet};
use crate::sanitize;

/// Longest snippet kept, in characters.
const SNIPPET_CHARS: usize = 240;

/// Most secret matches looked at on one line. Every finding on a line costs time in the
/// line's length (redaction, fingerprint basis, snippet), so an unbounded count lets one
/// long line of many tokens take quadratic time; past this many the line is reported
/// anyway and every secret on it must be rotated.
const MAX_SECRETS_PER_LINE: usize = 16;

/// What to run on a file.
#[derive(Debug, Clone, Copy)]
pub struct FileScope {
    /// Only secret rules (generated files, files over the per-file cap).
    pub secrets_only: bool,
    /// Added bytes of the file to scan; the rest is skipped.
    pub byte_cap: usize,
}

pub(super) struct SecretHit {
    pub(super) rule: usize,
    span: Range<usize>,
    confidence: Confidence,
    /// For a `decode:` rule, the rule that found a credential in the decoded text.
    decoded_kind: Option<usize>,
}

/// Findings on the added lines of `file`.
pub fn scan_file(file: &FileDiff, rules: &RuleSet, scope: FileScope) -> Vec<Finding> {
    scan_file_keyed(file, rules, scope).0
}

/// A keyed SHA-256 of a secret value: tells whether two findings carry the same secret
/// (a value added in one commit and still in the final diff) without keeping the value.
/// Held in memory only; never written anywhere (fingerprints use 16 bits of another
/// keyed hash).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SecretKey([u8; 32]);

impl SecretKey {
    fn of(value: &str) -> Self {
        use sha2::{Digest, Sha256};
        SecretKey(
            Sha256::new()
                .chain_update(b"mrwarden-secret-key-v1\0")
                .chain_update(value.as_bytes())
                .finalize()
                .into(),
        )
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

/// [`scan_file`] plus, for each secret finding, its index in the findings and the key
/// of its value.
#[expect(
    clippy::too_many_lines,
    reason = "the per-line hot loop; splitting it costs the prefilter's locality"
)]
pub fn scan_file_keyed(
    file: &FileDiff,
    rules: &RuleSet,
    scope: FileScope,
) -> (Vec<Finding>, Vec<(usize, SecretKey)>) {
    let path = file.path();
    let applies = applicable_rules(file, rules, scope);
    let mut keys = Vec::new();
    if !applies.iter().any(|a| *a) {
        return (Vec::new(), keys);
    }

    let mut findings = Vec::new();
    let mut occurrences: HashMap<(usize, String), u32> = HashMap::new();
    let mut seen_on_line = vec![usize::MAX; rules.rules.len()];
    let mut budget = scope.byte_cap;
    let mut line_index = 0usize;
    for hunk in &file.hunks {
        let mut visible: Vec<&str> = Vec::new();
        for line in &hunk.lines {
            if line.kind == LineKind::Removed {
                continue;
            }
            visible.push(&line.text);
            if line.kind != LineKind::Added {
                continue;
            }
            line_index += 1;
            if budget == 0 {
                break;
            }
            let above = &visible[..visible.len() - 1];
            let text = truncate(&line.text, budget);
            budget = budget.saturating_sub(line.text.len() + 1);
            let mut candidates = Vec::new();
            rules.candidates(text, |r| {
                if applies[r] && seen_on_line[r] != line_index {
                    seen_on_line[r] = line_index;
                    candidates.push(r);
                }
            });
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_unstable();
            let line_no = line.new_line.unwrap_or(0);
            let secrets = find_secrets(text, above, rules, &candidates);
            let vulns: Vec<(usize, usize)> = candidates
                .iter()
                .filter(|&&r| rules.rules[r].spec.kind == RuleKind::Vulnerability)
                .filter_map(|&r| vuln_match(text, above, &rules.rules[r]).map(|at| (r, at)))
                .collect();
            if secrets.is_empty() && vulns.is_empty() {
                continue;
            }
            let (redacted, basis) = redact_line(text, &secrets, rules);
            let mut emit = |rule_index: usize,
                            at: usize,
                            confidence: Confidence,
                            decoded_kind: Option<usize>| {
                let rule = &rules.rules[rule_index];
                let key = (rule_index, basis.clone());
                let occurrence = occurrences.entry(key).or_insert(0);
                let fingerprint = Fingerprint::compute(&rule.spec.id, path, &basis, *occurrence);
                *occurrence += 1;
                let mut f = finding(
                    rule,
                    path,
                    line_no,
                    snippet(&redacted, at),
                    confidence,
                    fingerprint,
                );
                if let Some(kind) = decoded_kind {
                    name_decoded_kind(&mut f, &rules.rules[kind].spec);
                }
                // A suggestion repeats the line: never for a line holding a secret.
                if secrets.is_empty() {
                    f.suggestion = rule.suggest(text);
                }
                findings.push(f);
                findings.len() - 1
            };
            for hit in &secrets {
                let index = emit(
                    hit.rule,
                    redacted_offset(text, &secrets, hit.span.start, rules),
                    hit.confidence,
                    hit.decoded_kind,
                );
                keys.push((index, SecretKey::of(&text[hit.span.clone()])));
            }
            for (r, at) in vulns {
                let rule = &rules.rules[r];
                emit(
                    r,
                    redacted_offset(text, &secrets, at, rules),
                    rule.spec.confidence,
                    None,
                );
            }
        }
    }
    (findings, keys)
}

/// How far up a parent line is looked for.
const PARENT_WINDOW: usize = 40;

fn indent(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

/// Whether the rule's `parent_pattern` (if any) matches the enclosing line of `text`.
fn parent_ok(rule: &CompiledRule, text: &str, above: &[&str]) -> bool {
    let Some(re) = &rule.parent_pattern else {
        return true;
    };
    let own = indent(text);
    above
        .iter()
        .rev()
        .take(PARENT_WINDOW)
        .find(|l| {
            let t = l.trim_start();
            !t.is_empty() && !t.starts_with('#') && !t.starts_with("//") && indent(l) < own
        })
        .is_some_and(|l| re.is_match(l))
}

/// Which rules run on `file`: path globs, the secrets-only scope and file patterns.
fn applicable_rules(file: &FileDiff, rules: &RuleSet, scope: FileScope) -> Vec<bool> {
    let mut applies = rules.applicable(file.path());
    let mut file_text: Option<String> = None;
    for (i, rule) in rules.rules.iter().enumerate() {
        if !applies[i] {
            continue;
        }
        if (scope.secrets_only && rule.spec.kind != RuleKind::Secret) || rule.is_tree() {
            // Tree rules run on the parsed file (`analyze::trees`), not on lines.
            applies[i] = false;
            continue;
        }
        if let Some(re) = &rule.file_pattern {
            let text = file_text.get_or_insert_with(|| hunk_text(file));
            applies[i] = re.is_match(text);
        }
        if let Some(re) = &rule.not_file_pattern
            && applies[i]
        {
            let text = file_text.get_or_insert_with(|| hunk_text(file));
            applies[i] = !re.is_match(text);
        }
    }
    applies
}

/// Added and context lines of the file, for `file_pattern` checks.
fn hunk_text(file: &FileDiff) -> String {
    let mut s = String::new();
    for line in file.hunks.iter().flat_map(|h| &h.lines) {
        if line.kind != LineKind::Removed {
            s.push_str(&line.text);
            s.push('\n');
        }
    }
    s
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn find_secrets(
    text: &str,
    above: &[&str],
    rules: &RuleSet,
    candidates: &[usize],
) -> Vec<SecretHit> {
    find_secrets_at(text, above, rules, candidates, 0)
}

/// [`find_secrets`] inside `depth` decodings (see [`super::decode`]).
pub(super) fn find_secrets_at(
    text: &str,
    above: &[&str],
    rules: &RuleSet,
    candidates: &[usize],
    depth: u8,
) -> Vec<SecretHit> {
    let mut hits: Vec<SecretHit> = Vec::new();
    for &r in candidates {
        let rule = &rules.rules[r];
        if rule.spec.kind != RuleKind::Secret
            || rule.not_patterns.iter().any(|n| n.is_match(text))
            || !parent_ok(rule, text, above)
        {
            continue;
        }
        for re in &rule.patterns {
            for caps in re.captures_iter(text) {
                if hits.len() >= MAX_SECRETS_PER_LINE {
                    break;
                }
                let Some(m) = caps.name("secret").or_else(|| caps.get(0)) else {
                    continue;
                };
                if m.is_empty() || hits.iter().any(|h| h.rule == r && h.span == m.range()) {
                    continue;
                }
                let judged = if rule.spec.decode.is_some() {
                    super::decode::judge(m.as_str(), r, rules, depth)
                        .map(|d| (d.confidence, d.kind))
                } else {
                    super::secrets::assess(m.as_str(), text, &rule.spec).map(|c| (c, None))
                };
                if let Some((confidence, decoded_kind)) = judged {
                    hits.push(SecretHit {
                        rule: r,
                        span: m.range(),
                        confidence,
                        decoded_kind,
                    });
                }
            }
        }
    }
    crate::rules::prefixes::yield_replaced_pat_form(&mut hits, |h| {
        (&rules.rules[h.rule].spec, h.span.clone())
    });
    // A generic rule yields to a specific one that found an overlapping value.
    let specific: Vec<Range<usize>> = hits
        .iter()
        .filter(|h| !rules.rules[h.rule].spec.generic)
        .map(|h| h.span.clone())
        .collect();
    hits.retain(|h| {
        !rules.rules[h.rule].spec.generic
            || !specific
                .iter()
                .any(|s| s.start < h.span.end && h.span.start < s.end)
    });
    // Two generic rules on the same value: keep the first.
    let mut kept: Vec<SecretHit> = Vec::with_capacity(hits.len());
    for h in hits {
        let duplicate = kept.iter().any(|k| {
            rules.rules[k.rule].spec.generic
                && rules.rules[h.rule].spec.generic
                && k.span.start < h.span.end
                && h.span.start < k.span.end
        });
        if !duplicate {
            kept.push(h);
        }
    }
    kept
}

/// Names on a finding of a `decode:` rule the kind of credential the value decodes to
/// (never the value), and takes the more severe of the two rules' severities.
fn name_decoded_kind(finding: &mut Finding, kind: &crate::rules::RuleSpec) {
    finding.message = format!(
        "{} The encoded value decodes to a credential of kind {} ({}); the decoded value is not shown.",
        finding.message, kind.title, kind.id
    );
    finding.severity = finding.severity.max(kind.severity);
}

fn vuln_match(text: &str, above: &[&str], rule: &CompiledRule) -> Option<usize> {
    let at = rule.patterns.iter().find_map(|re| re.find(text))?.start();
    (!rule.not_patterns.iter().any(|n| n.is_match(text)) && parent_ok(rule, text, above))
        .then_some(at)
}

/// Merged, sorted secret spans on a line (overlapping hits become one redaction).
fn merged_spans<'a>(
    secrets: &'a [SecretHit],
    rules: &'a RuleSet,
) -> Vec<(Range<usize>, Option<&'a str>)> {
    let mut spans: Vec<(Range<usize>, Option<&str>)> = secrets
        .iter()
        .map(|h| {
            let spec = &rules.rules[h.rule].spec;
            // An encoded value shows none of its characters: they would spell out the
            // start of the decoded credential.
            let prefix = if spec.decode.is_some() {
                Some("")
            } else {
                spec.prefix.as_deref()
            };
            (h.span.clone(), prefix)
        })
        .collect();
    spans.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut merged: Vec<(Range<usize>, Option<&str>)> = Vec::new();
    for (span, prefix) in spans {
        match merged.last_mut() {
            Some((last, _)) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push((span, prefix)),
        }
    }
    merged
}

/// The line with every secret redacted (for display) and with every secret replaced by
/// its placeholder (the fingerprint basis).
fn redact_line(text: &str, secrets: &[SecretHit], rules: &RuleSet) -> (String, String) {
    let mut shown = String::with_capacity(text.len());
    let mut basis = String::with_capacity(text.len());
    let mut pos = 0;
    for (span, prefix) in merged_spans(secrets, rules) {
        shown.push_str(&text[pos..span.start]);
        basis.push_str(&text[pos..span.start]);
        let value = &text[span.clone()];
        shown.push_str(&redact_secret(value, prefix));
        basis.push_str(&secret_placeholder(value));
        pos = span.end;
    }
    shown.push_str(&text[pos..]);
    basis.push_str(&text[pos..]);
    (shown, line_basis(&basis))
}

/// Where byte `at` of the original line lands in the redacted line.
fn redacted_offset(text: &str, secrets: &[SecretHit], at: usize, rules: &RuleSet) -> usize {
    let mut shift: isize = 0;
    for (span, prefix) in merged_spans(secrets, rules) {
        if span.start >= at {
            break;
        }
        let value = &text[span.clone()];
        shift += redact_secret(value, prefix).len().cast_signed() - span.len().cast_signed();
    }
    at.saturating_add_signed(shift)
}

/// A bounded, single-line, control-free window of the (already redacted) line around `at`.
fn snippet(redacted: &str, at: usize) -> String {
    let trimmed_start = redacted.len() - redacted.trim_start().len();
    let body = redacted.trim();
    let at = at.saturating_sub(trimmed_start).min(body.len());
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let out = if chars.len() <= SNIPPET_CHARS {
        body.to_string()
    } else {
        let centre = chars.partition_point(|(i, _)| *i < at);
        let start = centre.saturating_sub(SNIPPET_CHARS / 3);
        let end = (start + SNIPPET_CHARS).min(chars.len());
        let start = end.saturating_sub(SNIPPET_CHARS);
        let mut s: String = chars[start..end].iter().map(|(_, c)| c).collect();
        if start > 0 {
            s.insert(0, '…');
        }
        if end < chars.len() {
            s.push('…');
        }
        s
    };
    sanitize::terminal_line(&out)
}

fn finding(
    rule: &CompiledRule,
    path: &str,
    line: u32,
    snippet: String,
    confidence: Confidence,
    fingerprint: Fingerprint,
) -> Finding {
    let spec = &rule.spec;
    Finding {
        flow: Vec::new(),
        suggestion: None,
        non_gating: None,
        rule_id: spec.id.clone(),
        title: spec.title.clone(),
        message: spec.message.clone(),
        severity: spec.severity,
        confidence,
        kind: match spec.kind {
            RuleKind::Secret => FindingKind::Secret,
            RuleKind::Vulnerability => FindingKind::Vulnerability,
        },
        cwe: spec.cwe,
        owasp: spec.owasp.clone(),
        path: path.to_string(),
        start_line: line,
        end_line: line,
        snippet,
        remediation: spec.remediation.clone(),
        fingerprint,
    }
}

/// A line as a tree-engine finding shows it: every secret on it redacted (the snippet)
/// and replaced by its placeholder (the fingerprint basis).
pub fn redacted_line(text: &str, rules: &RuleSet) -> (String, String) {
    let secrets = secrets_on_line(text, &[], rules);
    if secrets.len() >= MAX_SECRETS_PER_LINE {
        return (WITHHELD_LINE.to_string(), line_basis(WITHHELD_LINE));
    }
    let (shown, basis) = redact_line(text, &secrets, rules);
    (snippet(&shown, 0), basis)
}

/// `rule`'s `fix:` applied to `text` (a tree finding's line), unless the line holds a
/// secret: a suggestion repeats the line.
pub fn suggestion_for(rule: &CompiledRule, text: &str, rules: &RuleSet) -> Option<String> {
    rule.fix.as_ref()?;
    if !secrets_on_line(text, &[], rules).is_empty() {
        return None;
    }
    rule.suggest(text)
}

/// The secrets the secret rules whose keywords occur in `text` find in it (`above`: the
/// lines before it, for rules that look at their enclosing line).
fn secrets_on_line(text: &str, above: &[&str], rules: &RuleSet) -> Vec<SecretHit> {
    let mut candidates = Vec::new();
    let mut seen = vec![false; rules.rules.len()];
    rules.candidates(text, |r| {
        if !seen[r] && rules.rules[r].spec.kind == RuleKind::Secret {
            seen[r] = true;
            candidates.push(r);
        }
    });
    if candidates.is_empty() {
        return Vec::new();
    }
    candidates.sort_unstable();
    find_secrets(text, above, rules, &candidates)
}

/// What stands for a line that cannot be sent anywhere safely.
pub const WITHHELD_LINE: &str = "[line withheld by mrwarden: it may carry a secret]";

/// The line with every secret the secret rules find on it redacted, for text that leaves
/// the process (the LLM prompt). A line with more secrets than are looked at is withheld
/// whole, so nothing unredacted can slip through the per-line cap.
pub fn redact_secrets(text: &str, above: &[&str], rules: &RuleSet) -> String {
    let secrets = secrets_on_line(text, above, rules);
    if secrets.len() >= MAX_SECRETS_PER_LINE {
        return WITHHELD_LINE.to_string();
    }
    if secrets.is_empty() {
        return text.to_string();
    }
    redact_line(text, &secrets, rules).0
}

#[cfg(test)]
mod tests {
    use crate::config::Limits;
    use crate::rules::{RuleSet, builtin};

    fn tls_suggestion(line: &str) -> Option<String> {
        let set = RuleSet::compile(&builtin::packs().expect("packs")).expect("compiles");
        let found =
            crate::analyze::scan_whole_file("app.py", line.as_bytes(), &set, &Limits::default());
        let f = found
            .findings
            .iter()
            .find(|f| f.rule_id == "python-tls-verify-disabled")
            .expect("TLS finding");
        f.suggestion.clone()
    }

    #[test]
    fn a_suggestion_is_never_offered_on_a_line_holding_a_secret() {
        assert_eq!(
            tls_suggestion("r = requests.get(u, verify=False)\n").as_deref(),
            Some("r = requests.get(u, verify=True)")
        );
        let token = "glpat-Xq3vT9sLmW2pR8kZ4nYb";
        let with_secret = format!(
            "r = requests.get(u, verify=False, headers={{\"PRIVATE-TOKEN\": \"{token}\"}})\n"
        );
        assert_eq!(tls_suggestion(&with_secret), None);
    }
}
