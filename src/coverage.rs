//! What a run could not (fully) analyse: the notes every stage may add (the diff
//! sources for content GitLab left out, the analyzers for binary, generated or over-cap
//! files, the history pass for unread commits). A leaf: it imports nothing of ours.

use serde::Serialize;

/// Why a file was not (fully) analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteReason {
    /// Binary content: nothing to read.
    Binary,
    /// A submodule pointer.
    Submodule,
    /// Generated or vendored: scanned for secrets only.
    Generated,
    /// Over the per-file cap: scanned for secrets up to the cap.
    OverFileCap,
    /// A global budget (files, findings) was hit before this file: not scanned.
    BudgetExceeded,
    /// The source did not return the content though it was asked (GitLab collapsed the
    /// entry or marked it too large): not scanned.
    NotReturned,
    /// Part of the change's commit history was not searched for secrets (more than
    /// `MAX_COMMITS` (50) commits, or a commit that could not be read).
    HistoryNotScanned,
    /// A function of the file was larger than the taint engine's step budget: its
    /// flows were followed only up to the budget (the line and structural rules ran in
    /// full).
    TaintBudget,
    /// The whole file could not be had (over a parse limit, the source refused it):
    /// its hunks with their context lines were parsed instead. Every line rule ran on
    /// the diff as usual; structural and taint rules saw only the hunks.
    ScannedInPart,
    /// Over the parse limits even as hunks (a huge minified line, the run's parse
    /// budget spent): no syntax tree, line rules only.
    NotParsed,
}

impl NoteReason {
    /// Whether this note means content went unscanned (the run fails closed).
    pub fn fails_closed(self) -> bool {
        matches!(
            self,
            NoteReason::BudgetExceeded | NoteReason::NotReturned | NoteReason::HistoryNotScanned
        )
    }

    /// A short phrase for summaries.
    pub fn describe(self) -> &'static str {
        match self {
            NoteReason::Binary => "binary file, not scanned",
            NoteReason::Submodule => "submodule pointer, not scanned",
            NoteReason::Generated => "generated file, scanned for secrets only",
            NoteReason::OverFileCap => "over the per-file cap, scanned for secrets up to the cap",
            NoteReason::BudgetExceeded => "not scanned: a global limit was reached",
            NoteReason::NotReturned => "not scanned: GitLab did not return its content",
            NoteReason::HistoryNotScanned => "commit history not searched for secrets",
            NoteReason::TaintBudget => {
                "a function too large to follow data flows through completely"
            }
            NoteReason::ScannedInPart => {
                "syntax tree built from the changed hunks only (whole file not available)"
            }
            NoteReason::NotParsed => "too large for a syntax tree: line rules only",
        }
    }
}

/// A file the summary should mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileNote {
    /// Repository path.
    pub path: String,
    /// Why.
    pub reason: NoteReason,
}
