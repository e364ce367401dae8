//! Human output for terminals and job logs: one block per finding, colour only on a
//! terminal, every piece of repository text escaped.

use std::fmt::Write;

use super::RunInfo;
use crate::finding::{Finding, Severity};
use crate::gate::Verdict;
use crate::sanitize::terminal_line;

fn paint(color: bool, code: &str, s: &str) -> String {
    if color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn severity_colour(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "1;31",
        Severity::High => "31",
        Severity::Medium => "33",
        Severity::Low => "36",
        Severity::Info => "2",
    }
}

/// Renders findings and the verdict line.
pub fn render(findings: &[Finding], run: &RunInfo, color: bool) -> String {
    let mut out = String::new();
    for f in findings {
        let sev = paint(
            color,
            severity_colour(f.severity),
            &format!("{:<8}", f.severity.as_str()),
        );
        let _ = writeln!(
            out,
            "{sev} {}:{}  {}  [{}]{}",
            paint(color, "1", &terminal_line(&f.path)),
            f.start_line,
            terminal_line(&f.title),
            f.rule_id,
            f.non_gating
                .map(|n| format!(" ({})", n.describe()))
                .unwrap_or_default()
        );
        if f.rule_id == crate::finding::meta::HISTORY_SECRET {
            let _ = writeln!(out, "         {}", terminal_line(&f.message));
        }
        let _ = writeln!(out, "         {}", terminal_line(&f.snippet));
        if !f.flow.is_empty() {
            let steps: Vec<String> = f
                .flow
                .iter()
                .map(|s| format!("{} {}", s.role.as_str(), s.line))
                .collect();
            let _ = writeln!(out, "         flow: {}", steps.join(" → "));
        }
        let _ = writeln!(out, "         fix: {}", terminal_line(&f.remediation));
        if let Some(line) = &f.suggestion {
            let _ = writeln!(out, "         suggested: {}", terminal_line(line.trim()));
        }
    }
    for note in &run.notes {
        let _ = writeln!(
            out,
            "note     {}: {}",
            terminal_line(&note.path),
            note.reason.describe()
        );
    }
    for sup in &run.suppressions {
        let _ = writeln!(
            out,
            "suppress {}:{} {}: {}",
            terminal_line(&sup.path),
            sup.line,
            terminal_line(&sup.rules.join(",")),
            sup.status.describe()
        );
    }
    for w in &run.warnings {
        let _ = writeln!(out, "warning  {}", terminal_line(w));
    }
    let counts = super::markdown::counts(findings);
    let verdict = match run.verdict {
        Verdict::Passed => paint(color, "32", "passed"),
        Verdict::Failed => paint(color, "1;31", "failed"),
        Verdict::Incomplete => paint(color, "33", "incomplete"),
    };
    let _ = writeln!(
        out,
        "mrwarden {}: {} finding(s) ({counts}{}) in {} file(s), {} added line(s); fail_on {}; {}",
        run.version,
        findings.len(),
        super::markdown::not_gating_count(findings),
        run.stats.files_scanned,
        run.stats.lines_added,
        run.fail_on,
        verdict
    );
    if let Some(e) = &run.error {
        let _ = writeln!(out, "error: {}", terminal_line(e));
    }
    out
}
