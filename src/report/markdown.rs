//! `mrwarden-summary.md`: the markdown of the merge-request summary note.
//!
//! Repository text only ever appears inside code spans whose fences are longer than any
//! backtick run inside, with control characters removed and table pipes escaped.

use std::fmt::Write;

use super::RunInfo;
use crate::finding::{Finding, Severity};
use crate::gate::Verdict;
pub use crate::sanitize::code_span;

/// `2 high, 1 medium` style counts, highest first; `none` when empty.
pub fn counts(findings: &[Finding]) -> String {
    let parts: Vec<String> = Severity::ALL
        .iter()
        .rev()
        .filter_map(|s| {
            let n = findings.iter().filter(|f| f.severity == *s).count();
            (n > 0).then(|| format!("{n} {s}"))
        })
        .collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

/// `; 2 not gating` when some findings are reported without gating, else nothing.
pub fn not_gating_count(findings: &[Finding]) -> String {
    match findings.iter().filter(|f| f.non_gating.is_some()).count() {
        0 => String::new(),
        n => format!("; {n} not gating"),
    }
}

/// Renders the summary: verdict, counts by severity, one table row per finding
/// (`file:line`), files not (fully) scanned, warnings. Every line starts with `#`, `|`,
/// `-`, `*`, a digit or a letter we chose, never with `/` (a GitLab quick action).
pub fn render(findings: &[Finding], run: &RunInfo) -> String {
    let mut s = String::new();
    let verdict = match run.verdict {
        Verdict::Passed => "passed",
        Verdict::Failed => "failed",
        Verdict::Incomplete => "incomplete: not everything could be scanned",
    };
    let _ = writeln!(s, "### mrwarden security review: {verdict}\n");
    let _ = writeln!(
        s,
        "{} finding(s): {}{}. Fails on {} and above. Scanned {} file(s), {} added line(s){}.\n",
        findings.len(),
        counts(findings),
        not_gating_count(findings),
        run.fail_on,
        run.stats.files_scanned,
        run.stats.lines_added,
        run.head_sha
            .as_deref()
            .map(|h| format!(" at {}", code_span(h)))
            .unwrap_or_default()
    );
    if let Some(e) = &run.error {
        let _ = writeln!(s, "**Could not analyse:** {}\n", code_span(e));
    }
    severity_table(&mut s, findings);
    findings_table(&mut s, findings);
    history_section(&mut s, findings);
    let (unscanned, partial): (Vec<_>, Vec<_>) =
        run.notes.iter().partition(|n| n.reason.fails_closed());
    for (title, notes) in [
        ("Not scanned (the run is incomplete)", unscanned),
        ("Skipped or scanned in part", partial),
    ] {
        if notes.is_empty() {
            continue;
        }
        let _ = writeln!(s, "**{title}**\n");
        for n in notes {
            let _ = writeln!(s, "- {}: {}", code_span(&n.path), n.reason.describe());
        }
        s.push('\n');
    }
    if !run.suppressions.is_empty() {
        s.push_str("**Suppressions**\n\n");
        for sup in &run.suppressions {
            let origin = if sup.added {
                "added in this change"
            } else {
                "existing"
            };
            let reason = sup
                .reason
                .as_deref()
                .map(|r| format!(", reason {}", code_span(r)))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "- {} ({origin}) {}{reason}: {}",
                code_span(&format!("{}:{}", sup.path, sup.line)),
                code_span(&sup.rules.join(",")),
                sup.status.describe()
            );
        }
        s.push('\n');
    }
    not_counted(&mut s, run);
    if !run.warnings.is_empty() {
        s.push_str("**Warnings**\n\n");
        for w in &run.warnings {
            let _ = writeln!(s, "- {}", code_span(w));
        }
        s.push('\n');
    }
    run_line(&mut s, run);
    s
}

/// What policy kept out of the gate: triage replies on current findings (who, which
/// rule, where, the reason as untrusted text in a code span, whether it counts), then
/// the baselined, suppressed and excluded counts.
fn not_counted(s: &mut String, run: &RunInfo) {
    dismissals(s, &run.dismissals);
    if run.baselined + run.excluded + run.suppressed + run.vendored > 0 {
        let vendored = match run.vendored {
            0 => String::new(),
            n => format!(", {n} in vendored code (secrets only there)"),
        };
        let _ = writeln!(
            s,
            "Not counted: {} baselined, {} suppressed, {} in excluded paths{vendored}.\n",
            run.baselined, run.suppressed, run.excluded
        );
    }
}

fn dismissals(s: &mut String, list: &[crate::policy::triage::Dismissal]) {
    if list.is_empty() {
        return;
    }
    s.push_str("**Dismissed by triage reply**\n\n");
    for d in list {
        let effect = match d.not_counted {
            None => "dismissed for this merge request, does not gate".to_string(),
            Some(why) => format!(
                "does not count for the gate ({}): still gates",
                why.describe()
            ),
        };
        let reason = if d.reason.is_empty() {
            "no reason".to_string()
        } else {
            format!("reason {}", code_span(&d.reason))
        };
        let _ = writeln!(
            s,
            "- {} {} ({}): {} by {}, {reason}; {effect}",
            code_span(&format!("{}:{}", d.path, d.line)),
            code_span(&d.rule_id),
            d.severity,
            code_span(d.command.as_str()),
            code_span(&d.by),
        );
    }
    s.push('\n');
}

/// The last line: what the run looked at and how long each stage took, e.g. "Run: 4
/// file(s) in the diff, 207 rules · diff 12 ms · analysis 3 ms · 9 API requests".
fn run_line(s: &mut String, run: &RunInfo) {
    if run.stages.is_empty() && run.api_requests.is_none() {
        return;
    }
    let _ = write!(
        s,
        "Run: {} file(s) in the diff, {} rules",
        run.stats.files, run.stats.rules
    );
    for (stage, took) in &run.stages {
        let _ = write!(s, " · {stage} {} ms", took.as_millis());
    }
    if let Some(n) = run.api_requests {
        let _ = write!(s, " · {n} API requests");
    }
    s.push_str(".\n");
}

/// Secrets found in a commit of the change but not in its final diff: never inline
/// (their line is not in the diff), so the summary says which commit, file and line.
fn history_section(s: &mut String, findings: &[Finding]) {
    let history: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule_id == crate::finding::meta::HISTORY_SECRET)
        .collect();
    if history.is_empty() {
        return;
    }
    s.push_str("**Secrets in the commit history: rotate them**\n\n");
    for f in history {
        let _ = writeln!(s, "- {}", code_span(&f.message));
    }
    s.push('\n');
}

/// One table row per finding (`file:line`), omitted when there is none.
fn findings_table(s: &mut String, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    s.push_str(
        "| Severity | Rule | Location | Finding | Snippet |\n| --- | --- | --- | --- | --- |\n",
    );
    for f in findings {
        let mut location = if f.end_line > f.start_line {
            format!("{}:{}-{}", f.path, f.start_line, f.end_line)
        } else {
            format!("{}:{}", f.path, f.start_line)
        };
        if let (Some(first), Some(last)) = (f.flow.first(), f.flow.last()) {
            let _ = write!(location, " (flow {} → {})", first.line, last.line);
        }
        let severity = match f.non_gating {
            Some(n) => format!("{} ({})", f.severity, n.describe()),
            None => f.severity.to_string(),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            severity,
            code_span(&f.rule_id),
            code_span(&location),
            code_span(&f.title),
            code_span(&f.snippet)
        );
    }
    s.push('\n');
}

/// A one-row table of counts, highest severity first (omitted when there is nothing).
fn severity_table(s: &mut String, findings: &[Finding]) {
    if findings.is_empty() {
        return;
    }
    let order: Vec<Severity> = Severity::ALL.iter().rev().copied().collect();
    let _ = writeln!(
        s,
        "| {} |",
        order
            .iter()
            .map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(s, "|{}", " ---: |".repeat(order.len()));
    let _ = writeln!(
        s,
        "| {} |\n",
        order
            .iter()
            .map(|v| findings
                .iter()
                .filter(|f| f.severity == *v)
                .count()
                .to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    );
}
