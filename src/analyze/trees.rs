//! The tree engines over the changed code files: each file is parsed once and its tree
//! handed to the structural rules and the taint engine.

use crate::analyze::code::CodeFile;
use crate::analyze::{structural, taint};
use crate::coverage::FileNote;
use crate::finding::Finding;
use crate::rules::RuleSet;

/// Findings and notes of the tree engines.
#[derive(Debug, Default)]
pub struct TreeAnalysis {
    /// Structural and taint findings (unsorted).
    pub findings: Vec<Finding>,
    /// What could not be analysed fully.
    pub notes: Vec<FileNote>,
}

/// Parses every file once and runs the structural rules and the taint engine on it. A
/// file no tree rule applies to is not parsed.
pub fn analyse(files: &[CodeFile], rules: &RuleSet) -> TreeAnalysis {
    let mut out = TreeAnalysis::default();
    for file in files {
        let selected = structural::rules_for(file, rules);
        if selected.rules.is_empty() {
            continue;
        }
        let tree = file.lang.parse(&file.text);
        let (findings, notes) = structural::scan_selected(file, &tree, rules, &selected);
        out.findings.extend(findings);
        out.notes.extend(notes);
        let taint = taint::scan(file, &tree, rules, &selected);
        out.findings.extend(taint.findings);
        out.notes.extend(taint.notes);
    }
    out
}

/// Adds the tree engines' findings to the line engine's: one finding per problem, so a
/// line rule's vulnerability on a line where a tree rule of the same CWE reported (with
/// its flow or structure) is dropped. At most `max` findings in all.
pub fn merge(findings: &mut Vec<Finding>, tree: Vec<Finding>, max: usize) {
    let covered: std::collections::HashSet<(String, u32, Option<u32>)> = tree
        .iter()
        .map(|f| (f.path.clone(), f.start_line, f.cwe))
        .collect();
    findings.retain(|f| {
        f.kind != crate::finding::FindingKind::Vulnerability
            || !covered.contains(&(f.path.clone(), f.start_line, f.cwe))
    });
    let room = max.saturating_sub(findings.len());
    findings.extend(tree.into_iter().take(room));
}
