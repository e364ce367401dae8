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

/// Parses every file once and runs the structural rules and the taint engine on it.
pub fn analyse(files: &[CodeFile], rules: &RuleSet) -> TreeAnalysis {
    let mut out = TreeAnalysis::default();
    for file in files {
        let tree = file.lang.parse(&file.text);
        out.findings.extend(structural::scan(file, &tree, rules));
        let taint = taint::scan(file, &tree, rules);
        out.findings.extend(taint.findings);
        out.notes.extend(taint.notes);
    }
    out
}
