//! Bodies of the notes mrwarden posts, and the last safety pass every body goes through.
//!
//! GitLab executes quick actions (`/approve`, `/merge`, …) in notes created through the
//! API, as the bot (threat model T5); it renders images, HTML and `@` mentions. So:
//! untrusted text (paths, code, LLM output) only ever appears inside code spans or
//! fenced blocks whose fences are longer than any backtick run inside; rule texts are
//! escaped; and [`finalise`] neutralises every line that starts with `/`, strips
//! control characters and bounds the size, whatever produced the body.

use std::fmt::Write;

pub use crate::finding::marker::{
    SUMMARY_MARKER, is_summary_key, marker, marker_fingerprint, summary_key, summary_marker,
};
use crate::finding::{Finding, Severity};
pub use crate::sanitize::{code_block, escape_text};

/// GitLab's note body limit is 1,000,000 characters; stay well below it.
pub const MAX_BODY_CHARS: usize = 900_000;

fn severity_badge(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "🔴 Critical",
        Severity::High => "🟠 High",
        Severity::Medium => "🟡 Medium",
        Severity::Low => "🔵 Low",
        Severity::Info => "⚪ Info",
    }
}

/// A link to a CWE entry.
pub fn cwe_link(cwe: u32) -> String {
    format!("[CWE-{cwe}](https://cwe.mitre.org/data/definitions/{cwe}.html)")
}

/// The body of an inline discussion for one finding.
pub fn inline(finding: &Finding, suggestion: Option<&str>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "**{} · {}** ({})\n",
        severity_badge(finding.severity),
        escape_text(&finding.title),
        crate::report::markdown::code_span(&finding.rule_id)
    );
    let _ = writeln!(s, "{}\n", escape_text(&finding.message));
    if let Some(n) = finding.non_gating {
        let _ = writeln!(
            s,
            "*Reported without gating ({}): it does not fail the pipeline.*\n",
            n.why()
        );
    }
    let _ = writeln!(s, "{}\n", code_block(&finding.snippet, "text"));
    flow_list(&mut s, finding);
    let _ = write!(s, "**Fix:** {}", escape_text(&finding.remediation));
    if let Some(cwe) = finding.cwe {
        let _ = write!(s, " · {}", cwe_link(cwe));
    }
    s.push_str("\n\n");
    if let Some(lines) = suggestion.filter(|l| suggestion_allowed(l)) {
        let _ = writeln!(s, "```suggestion:-0+0\n{lines}\n```\n");
    }
    let _ = write!(s, "{}", marker(&finding.fingerprint));
    finalise(&s)
}

/// A taint finding's flow as a short list: one line per step, its role, line and code.
pub fn flow_list(s: &mut String, finding: &Finding) {
    if finding.flow.is_empty() {
        return;
    }
    s.push_str("**Flow:**\n");
    for step in &finding.flow {
        let _ = writeln!(
            s,
            "- {} line {}: {}",
            step.role.as_str(),
            step.line,
            crate::report::markdown::code_span(&step.code)
        );
    }
    s.push('\n');
}

/// DESIGN.md: a suggestion is offered only when no suggested line starts with `/` or
/// contains a fence.
pub fn suggestion_allowed(lines: &str) -> bool {
    !lines
        .lines()
        .any(|l| l.trim_start().starts_with('/') || l.contains("```") || l.contains("~~~"))
        && !lines
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// The last pass over every body before it is sent: CRLF to LF, control characters
/// removed, any line whose first non-blank character is `/` prefixed with a zero-width
/// space (so GitLab runs no quick action), and the size bounded.
pub fn finalise(body: &str) -> String {
    let clean = crate::sanitize::strip_controls(body);
    let mut out = String::with_capacity(clean.len() + 16);
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start().len();
        if line[indent..].starts_with('/') {
            out.push_str(&line[..indent]);
            out.push('\u{200b}');
            out.push_str(&line[indent..]);
        } else {
            out.push_str(line);
        }
    }
    if out.chars().count() > MAX_BODY_CHARS {
        let cut: String = out.chars().take(MAX_BODY_CHARS).collect();
        out =
            format!("{cut}\n\n(truncated: the rest is in the job's mrwarden-summary.md artifact)");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Fingerprint;
    use crate::finding::{Confidence, FindingKind};

    fn finding(snippet: &str) -> Finding {
        Finding {
            flow: Vec::new(),
            suggestion: None,
            non_gating: None,
            rule_id: "python-eval".into(),
            title: "Eval of <input> @all".into(),
            message: "![x](https://evil.example/a.png) /merge".into(),
            severity: Severity::High,
            confidence: Confidence::Medium,
            kind: FindingKind::Vulnerability,
            cwe: Some(95),
            owasp: None,
            path: "a.py".into(),
            start_line: 3,
            end_line: 3,
            snippet: snippet.into(),
            remediation: "Use ast.literal_eval".into(),
            fingerprint: Fingerprint::compute("python-eval", "a.py", "x", 0),
        }
    }

    #[test]
    fn a_taint_finding_lists_its_flow() {
        use crate::finding::{FlowRole, FlowStep};
        let mut f = finding("os.system(cmd)");
        f.flow = vec![
            FlowStep {
                role: FlowRole::Source,
                line: 3,
                code: "n = request.args.get('n')".into(),
            },
            FlowStep {
                role: FlowRole::Sink,
                line: 6,
                code: "os.system(`n` + cmd)".into(),
            },
        ];
        let body = inline(&f, None);
        assert!(
            body.contains("**Flow:**\n- source line 3: `n = request.args.get('n')`\n"),
            "{body}"
        );
        // A backtick in the code cannot break out of its span.
        assert!(
            body.contains("- sink line 6: ``os.system(`n` + cmd)``"),
            "{body}"
        );
        assert!(!inline(&finding("x"), None).contains("Flow"));
    }

    #[test]
    fn hostile_snippet_cannot_escape_or_act() {
        let body = inline(
            &finding("x = 1\n/approve\n  /merge\n````\n<img src=x> @all\x1b[2J"),
            None,
        );
        for line in body.lines() {
            assert!(
                !line.trim_start().starts_with('/'),
                "quick action survives: {line:?}"
            );
        }
        assert!(!body.contains('\x1b'));
        assert!(
            body.contains("`````text"),
            "fence longer than the 4-backtick run: {body}"
        );
        assert!(!body.contains("![x]"));
        assert!(!body.contains("<input>"));
        assert_eq!(
            marker_fingerprint(&body),
            Some(finding("").fingerprint.as_str())
        );
    }

    #[test]
    fn suggestions_refuse_quick_actions_and_fences() {
        assert!(suggestion_allowed("x = ast.literal_eval(s)"));
        assert!(!suggestion_allowed("/merge"));
        assert!(!suggestion_allowed("a\n```"));
        let body = inline(&finding("eval(s)"), Some("/approve"));
        assert!(!body.contains("suggestion"));
    }

    #[test]
    fn markers_parse_strictly() {
        assert_eq!(marker_fingerprint(SUMMARY_MARKER), Some("summary"));
        assert_eq!(marker_fingerprint("<!-- mrwarden:v1 fp=zz -->"), None);
        assert_eq!(summary_marker(&summary_key(None)), SUMMARY_MARKER);
        let sec = summary_marker(&summary_key(Some("sec-app")));
        assert_eq!(marker_fingerprint(&sec), Some("summary.sec-app"));
        assert!(is_summary_key("summary.sec-app") && !is_summary_key("summary."));
        assert_eq!(
            marker_fingerprint("<!-- mrwarden:v1 fp=summary.A B -->"),
            None
        );
        assert_eq!(marker_fingerprint("no marker"), None);
    }

    #[test]
    fn finalise_bounds_size() {
        let big = "a".repeat(MAX_BODY_CHARS + 10);
        assert!(finalise(&big).chars().count() < MAX_BODY_CHARS + 200);
    }
}
