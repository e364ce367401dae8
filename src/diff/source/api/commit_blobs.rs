//! Commit-diff entries GitLab returns `too_large` (over its `diff_max_patch_bytes`, a
//! few hundred KB by default) or collapsed, with no diff: filled from the blobs at the
//! commit and its first parent, diffed here like the version's left-out entries
//! (DESIGN.md, Diff). An entry whose file at the commit is the head's version is
//! covered by the final diff and read not at all; a deleted file adds nothing. The
//! same caps as the version's blob fallback (`limits.blob_fetch_files` files,
//! `limits.max_diff_bytes` bytes with the commits' own diffs); an entry beyond them
//! stays unread, and the run fails closed.

use std::collections::BTreeSet;

use crate::coverage::NoteReason;
use crate::diff::commits::Commits;
use crate::gitlab::Gitlab;
use crate::gitlab::model::{CommitInfo, DiffEntry};

use super::Request;
use super::fill::blob_diff;
use super::history::commit_parents;

/// What the commit loop set aside: the entries left out, and the paths every commit
/// touches (oldest first), to tell whether a later commit changed a file again.
#[derive(Debug, Default)]
pub(super) struct LeftOut {
    entries: Vec<(String, DiffEntry)>,
    touched: Vec<(String, BTreeSet<String>)>,
}

impl LeftOut {
    /// An entry of commit `sha` GitLab gave no diff for.
    pub(super) fn push(&mut self, sha: &str, entry: DiffEntry) {
        self.entries.push((sha.to_owned(), entry));
    }

    /// The paths (old and new) commit `sha` touches.
    pub(super) fn touched(&mut self, sha: &str, entries: &[DiffEntry]) {
        let paths = entries
            .iter()
            .flat_map(|e| [e.old_path.clone(), e.new_path.clone()])
            .collect();
        self.touched.push((sha.to_owned(), paths));
    }

    /// The history stopped early: every entry set aside is unread.
    pub(super) fn give_up(self, out: &mut Commits) {
        for (sha, entry) in self.entries {
            out.unread.push((
                label(&sha, &entry),
                NoteReason::NotReturned.describe().to_string(),
            ));
        }
    }

    /// Whether the file of `entry` at commit `sha` is the head's version: no later
    /// commit of the chain touches it, and nothing else could have (no merge commit
    /// skipped, no commit beyond the limit or unread).
    fn equals_head(&self, sha: &str, entry: &DiffEntry, whole_chain: bool) -> bool {
        let Some(at) = self.touched.iter().position(|(s, _)| s == sha) else {
            return false;
        };
        whole_chain
            && self.touched[at + 1..]
                .iter()
                .all(|(_, paths)| !paths.contains(&entry.new_path))
    }
}

fn label(sha: &str, entry: &DiffEntry) -> String {
    format!(
        "(commit {}) {}",
        sha.get(..12).unwrap_or(sha),
        entry.new_path
    )
}

/// Fills the entries set aside into `out.commits`, or records them unread. `bytes` is
/// what the commits' own diffs already took of `limits.max_diff_bytes`.
pub(super) async fn fill(
    api: &Gitlab,
    req: Request<'_>,
    list: &[CommitInfo],
    left_out: LeftOut,
    out: &mut Commits,
    mut bytes: u64,
) {
    let whole_chain = out.merges_skipped == 0 && out.beyond_limit == 0 && out.unread.is_empty();
    let mut fetched = 0usize;
    for (sha, entry) in &left_out.entries {
        // A deletion adds no line; the head's version is the final diff's to scan.
        if entry.deleted_file || left_out.equals_head(sha, entry, whole_chain) {
            continue;
        }
        if fetched >= req.blob_fetch_files || bytes >= req.max_bytes {
            out.unread.push((
                label(sha, entry),
                format!(
                    "GitLab returned it too large and reading its blobs would pass limits.blob_fetch_files ({}) or limits.max_diff_bytes ({} bytes)",
                    req.blob_fetch_files, req.max_bytes
                ),
            ));
            continue;
        }
        fetched += 1;
        let parent = match list
            .iter()
            .find(|c| &c.id == sha)
            .and_then(|c| c.parent_ids.as_ref())
            .and_then(|p| p.first().cloned())
        {
            Some(p) => Ok(p),
            None => commit_parents(api, req, sha)
                .await
                .and_then(|p| p.first().cloned().ok_or_else(|| "it has no parent".into())),
        };
        let read = match parent {
            Ok(parent) => blob_diff(api, req, entry, &parent, sha, req.max_bytes - bytes)
                .await
                .map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        match read {
            Ok((file, n)) => {
                bytes += n;
                if let Some(c) = out.commits.iter_mut().find(|c| &c.sha == sha) {
                    c.diff.files.push(file);
                }
            }
            Err(e) => out.unread.push((
                label(sha, entry),
                format!("GitLab returned it too large and its blobs could not be read ({e})"),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> DiffEntry {
        serde_json::from_value(serde_json::json!({
            "old_path": path, "new_path": path, "diff": "", "too_large": true,
            "new_file": false, "renamed_file": false, "deleted_file": false,
        }))
        .expect("entry")
    }

    #[test]
    fn a_file_no_later_commit_touches_is_the_heads() {
        let mut l = LeftOut::default();
        l.touched("a", &[entry("big.js"), entry("x")]);
        l.touched("b", &[entry("x")]);
        l.touched("c", &[entry("big.js")]);
        let big = entry("big.js");
        assert!(!l.equals_head("a", &big, true), "c changes it again");
        assert!(l.equals_head("c", &big, true));
        assert!(
            !l.equals_head("c", &big, false),
            "a merge or unread commit may have"
        );
        assert!(!l.equals_head("zz", &big, true), "an unknown commit");
        // A later rename away from the path counts as touching it.
        let mut moved = entry("elsewhere.js");
        moved.old_path = "big.js".into();
        l.touched("d", &[moved]);
        assert!(!l.equals_head("c", &big, true));
    }
}
