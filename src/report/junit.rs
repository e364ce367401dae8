//! `mrwarden-junit.xml` (`artifacts:reports:junit`): the findings as a test report, so
//! GitLab's merge-request test widget (all tiers) lists them and says which are new.
//!
//! One test case per (rule, file) with findings, failed with one line per finding; its
//! class name is the rule id and its name the path, so the same problem keeps the same
//! test identity between the base and head pipelines. A clean run has one passing
//! case; a run that could not analyse, or left files unscanned, has cases in error.
//! See <https://docs.gitlab.com/ci/testing/unit_test_reports/>.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::RunInfo;
use crate::finding::Finding;

/// A test case of the report.
struct Case {
    classname: String,
    name: String,
    file: Option<String>,
    outcome: CaseOutcome,
}

enum CaseOutcome {
    Passed,
    Failure {
        message: String,
        kind: String,
        body: String,
    },
    Error {
        message: String,
    },
}

/// Renders the report.
pub fn render(findings: &[Finding], run: &RunInfo) -> Vec<u8> {
    let cases = cases(findings, run);
    let failures = cases
        .iter()
        .filter(|c| matches!(c.outcome, CaseOutcome::Failure { .. }))
        .count();
    let errors = cases
        .iter()
        .filter(|c| matches!(c.outcome, CaseOutcome::Error { .. }))
        .count();
    let seconds = run
        .finished
        .duration_since(run.started)
        .map_or(0.0, |d| d.as_secs_f64());
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<testsuites name=\"mrwarden\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" time=\"{seconds:.3}\">",
        cases.len()
    );
    let _ = writeln!(
        x,
        "  <testsuite name=\"mrwarden security review\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\" timestamp=\"{}\" time=\"{seconds:.3}\">",
        cases.len(),
        super::iso8601(run.started)
    );
    for c in &cases {
        let _ = write!(
            x,
            "    <testcase classname=\"{}\" name=\"{}\"",
            attr(&c.classname),
            attr(&c.name)
        );
        if let Some(file) = &c.file {
            let _ = write!(x, " file=\"{}\"", attr(file));
        }
        x.push_str(" time=\"0\"");
        match &c.outcome {
            CaseOutcome::Passed => x.push_str("/>\n"),
            CaseOutcome::Failure {
                message,
                kind,
                body,
            } => {
                let _ = writeln!(
                    x,
                    ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                    attr(message),
                    attr(kind),
                    text(body)
                );
            }
            CaseOutcome::Error { message } => {
                let _ = writeln!(
                    x,
                    ">\n      <error message=\"{}\" type=\"not-scanned\">{}</error>\n    </testcase>",
                    attr(message),
                    text(message)
                );
            }
        }
    }
    x.push_str("  </testsuite>\n</testsuites>\n");
    x.into_bytes()
}

fn cases(findings: &[Finding], run: &RunInfo) -> Vec<Case> {
    let mut groups: BTreeMap<(&str, &str), Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        groups
            .entry((f.rule_id.as_str(), f.path.as_str()))
            .or_default()
            .push(f);
    }
    let mut cases: Vec<Case> = groups
        .into_iter()
        .map(|((rule, path), group)| {
            let first = group[0];
            let worst = group
                .iter()
                .map(|f| f.severity)
                .max()
                .unwrap_or(first.severity);
            let mut body = String::new();
            for f in &group {
                let lines = if f.end_line > f.start_line {
                    format!("{}-{}", f.start_line, f.end_line)
                } else {
                    f.start_line.to_string()
                };
                let gating = f
                    .non_gating
                    .map(|n| format!(" ({})", n.describe()))
                    .unwrap_or_default();
                let _ = writeln!(
                    body,
                    "{}:{lines}: [{}]{gating} {}: {}\n    {}\n    fix: {}",
                    f.path, f.severity, f.title, f.message, f.snippet, f.remediation
                );
            }
            Case {
                classname: rule.to_string(),
                name: path.to_string(),
                file: Some(path.to_string()),
                outcome: CaseOutcome::Failure {
                    message: format!("{} {} finding(s): {}", group.len(), worst, first.title),
                    kind: worst.to_string(),
                    body,
                },
            }
        })
        .collect();
    for n in run.notes.iter().filter(|n| n.reason.fails_closed()) {
        cases.push(Case {
            classname: "mrwarden.not-scanned".into(),
            name: n.path.clone(),
            file: Some(n.path.clone()),
            outcome: CaseOutcome::Error {
                message: format!("{}: {}", n.path, n.reason.describe()),
            },
        });
    }
    if let Some(e) = &run.error {
        cases.push(Case {
            classname: "mrwarden".into(),
            name: "analysis".into(),
            file: None,
            outcome: CaseOutcome::Error {
                message: format!("could not analyse: {e}"),
            },
        });
    }
    if cases.is_empty() {
        cases.push(Case {
            classname: "mrwarden".into(),
            name: "security review".into(),
            file: None,
            outcome: CaseOutcome::Passed,
        });
    }
    cases
}

/// Whether XML 1.0 allows the character at all (`Char` production), minus the
/// discouraged controls (DEL and C1), which attackers use to fake terminal output.
fn xml_char(c: char) -> bool {
    let forbidden =
        c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{fffe}' || c == '\u{ffff}';
    matches!(c, '\t' | '\n' | '\r') || !forbidden
}

/// Escapes text content; characters XML 1.0 forbids are dropped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value (double-quoted); whitespace controls become character
/// references so attribute normalisation keeps them.
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|&c| xml_char(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_invalid_characters() {
        assert_eq!(text("a<b>&c"), "a&lt;b&gt;&amp;c");
        assert_eq!(text("x\u{0}\u{1b}[2Jy\u{fffe}\u{9b}z"), "x[2Jyz");
        assert_eq!(text("]]>"), "]]&gt;");
        assert_eq!(attr("\"q' \n"), "&quot;q&apos; &#10;");
        assert_eq!(text("é😀\t"), "é😀\t");
    }
}
