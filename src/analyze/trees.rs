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
