//! The change's own commits and their first-parent diffs, as the diff sources read
//! them (git log, or the MR's commits through the API); the history pass of
//! `analyze::history` searches them for secrets.

use super::Diff;

/// Most commits of one change whose diffs are read (DESIGN.md); beyond, the history is
/// "not fully scanned" and the run fails closed.
pub const MAX_COMMITS: usize = 50;

/// One non-merge commit of the change and its first-parent diff.
#[derive(Debug, Clone)]
pub struct CommitDiff {
    /// Full commit id.
    pub sha: String,
    /// The commit's own changes.
    pub diff: Diff,
}

/// The commits a source read, and what it could not read.
#[derive(Debug, Clone, Default)]
pub struct Commits {
    /// Non-merge commits, oldest first, at most [`MAX_COMMITS`].
    pub commits: Vec<CommitDiff>,
    /// Merge commits left out.
    pub merges_skipped: usize,
    /// Non-merge commits beyond [`MAX_COMMITS`], not read.
    pub beyond_limit: usize,
    /// Parts of the history that could not be read (not scanned, fails closed), each
    /// with the reason: `(what, why)`.
    pub unread: Vec<(String, String)>,
}
