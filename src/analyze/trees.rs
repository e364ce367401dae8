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
/// file no tree rule applies to is not parsed. Files are shared among a few worker
/// threads (one per available core, at most [`MAX_WORKERS`]); the result is assembled in
/// file order, so it does not depend on how the work was shared.
pub fn analyse(files: &[CodeFile], rules: &RuleSet) -> TreeAnalysis {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .clamp(1, MAX_WORKERS)
        .min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut per_file: Vec<(usize, TreeAnalysis)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break mine };
                        mine.push((i, analyse_one(file, rules)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    per_file.sort_by_key(|(i, _)| *i);
    let mut out = TreeAnalysis::default();
    for (_, one) in per_file {
        out.findings.extend(one.findings);
        out.notes.extend(one.notes);
    }
    out
}

/// Worker threads for the tree engines (the image runs on CI runners with few cores).
const MAX_WORKERS: usize = 4;

/// One file through both tree engines.
fn analyse_one(file: &CodeFile, rules: &RuleSet) -> TreeAnalysis {
    let mut out = TreeAnalysis::default();
    let selected = structural::rules_for(file, rules);
    if selected.rules.is_empty() {
        return out;
    }
    let tree = file.lang.parse(&file.text);
    let (findings, notes) = structural::scan_selected(file, &tree, rules, &selected);
    out.findings.extend(findings);
    out.notes.extend(notes);
    let taint = taint::scan(file, &tree, rules, &selected);
    out.findings.extend(taint.findings);
    out.notes.extend(taint.notes);
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
