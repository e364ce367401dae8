//! The structural engine: rules with an `ast:` matcher run over a changed file's syntax
//! tree (all rules of a language in one walk); a match is reported only when its anchor
//! (the rule's primary node, or the metavariable named by `anchor:`) is on a line the
//! change added.

use crate::analyze::code::CodeFile;
use crate::finding::Finding;
use crate::rules::RuleSet;
use crate::syntax::Tree;

/// Findings of the structural rules in one parsed file.
pub fn scan(file: &CodeFile, tree: &Tree, rules: &RuleSet) -> Vec<Finding> {
    // Filled in by the structural-rules work (issue 17, item 2).
    let _ = (file, tree, rules);
    Vec::new()
}
