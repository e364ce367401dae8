//! In-process git reader (gitoxide), used only where no `git` is on `PATH` (the released
//! image has none; see [`super::git::in_process`]). It reads what token-less
//! `review --diff-source git` needs: revisions, the merge-base, the range's diff with
//! rename tracking (50 % similarity, like git's default), files at a revision, the
//! first-parent history and the CI checkout checks. Diffs are written as the same
//! unified text `git diff` prints with our pinned options (blob line diffs from
//! [`crate::diff::unified`]) and go through the same parser. Like the subprocess, it
//! reads only git's object store, never the working tree, and ignores `.gitattributes`.

use std::path::Path;

use gix::ObjectId;
use gix::objs::tree::{EntryKind, EntryMode};

use super::Loaded;
use super::git::{messages, short};
use crate::diff::commits::{CommitDiff, Commits, MAX_COMMITS};
use crate::error::Error;

fn open(repo: &Path) -> Result<gix::Repository, Error> {
    let mut r = gix::open_opts(repo, gix::open::Options::isolated())
        .map_err(|_| messages::not_a_repo(repo))?;
    r.object_cache_size_if_unset(8 << 20);
    Ok(r)
}

fn failed(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Analysis(format!(
        "{what} failed: {}",
        crate::sanitize::terminal(&e.to_string())
    ))
}

/// The commit `rev` names, if any.
fn commit_of(repo: &gix::Repository, rev: &str) -> Option<ObjectId> {
    if rev.starts_with('-') {
        return None;
    }
    let spec = format!("{rev}^{{commit}}");
    repo.rev_parse_single(spec.as_str())
        .ok()
        .map(gix::Id::detach)
}

/// Resolves a revision to a commit id; an unknown one is a usage error.
fn resolve(repo: &gix::Repository, rev: &str, flag: &str) -> Result<ObjectId, Error> {
    if rev.starts_with('-') {
        return Err(Error::Usage(format!("{flag} {rev:?} is not a revision")));
    }
    commit_of(repo, rev).ok_or_else(|| messages::unknown_revision(rev, flag))
}

/// (merge-base of base and head, head); `base` defaults to the default branch and
/// `head` to `HEAD`.
fn range_shas(
    repo: &gix::Repository,
    base: Option<&str>,
    head: Option<&str>,
) -> Result<(ObjectId, ObjectId), Error> {
    let head_id = resolve(repo, head.unwrap_or("HEAD"), "--head")?;
    let base_id = match base {
        Some(b) => resolve(repo, b, "--base")?,
        None => messages::DEFAULT_BRANCHES
            .iter()
            .find_map(|c| commit_of(repo, c))
            .ok_or_else(messages::no_default_branch)?,
    };
    match repo.merge_base(base_id, head_id) {
        Ok(Some(mb)) => Ok((mb.detach(), head_id)),
        _ => Err(messages::no_common_ancestor(
            &base_id.to_string(),
            &head_id.to_string(),
        )),
    }
}

/// Same checks and messages as [`super::git::check_ci_range`].
pub fn check_ci_range(repo: &Path, base: &str, head: &str) -> Result<(), Error> {
    let r = open(repo)?;
    let shallow = r.is_shallow().unwrap_or(false);
    messages::check_ci(
        shallow,
        base,
        head,
        |sha| commit_of(&r, sha).is_some(),
        || match (commit_of(&r, base), commit_of(&r, head)) {
            (Some(b), Some(h)) => matches!(r.merge_base(b, h), Ok(Some(mb)) if mb.detach() == b),
            _ => false,
        },
    )
}

/// The diff from the merge-base of `base` and `head` to `head`.
pub fn range(
    repo: &Path,
    base: Option<&str>,
    head: Option<&str>,
    max_bytes: u64,
) -> Result<Loaded, Error> {
    let r = open(repo)?;
    let (merge_base, head_id) = range_shas(&r, base, head)?;
    let text = commit_diff(&r, Some(merge_base), head_id, max_bytes)?;
    let diff =
        crate::diff::parse(&text).map_err(|e| Error::Analysis(format!("git diff output: {e}")))?;
    let head_sha = head_id.to_string();
    Ok(Loaded {
        diff,
        label: format!("{}..{}", short(&merge_base.to_string()), short(&head_sha)),
        head_sha: Some(head_sha),
    })
}

/// The merge-base of a range's base and head.
pub fn merge_base_of(repo: &Path, base: Option<&str>, head: Option<&str>) -> Result<String, Error> {
    let r = open(repo)?;
    range_shas(&r, base, head).map(|(mb, _)| mb.to_string())
}

/// The content of `path` at `rev`, or `None` if the file does not exist there.
pub fn show(repo: &Path, rev: &str, path: &str, max_bytes: u64) -> Result<Option<Vec<u8>>, Error> {
    let r = open(repo)?;
    let commit = resolve(&r, rev, "the policy revision")?;
    let read = |what: &str, e: &dyn std::fmt::Display| {
        Error::Analysis(format!(
            "cannot read {path} at {}: {what}: {}",
            short(&commit.to_string()),
            crate::sanitize::terminal(&e.to_string())
        ))
    };
    let tree = r
        .find_commit(commit)
        .and_then(|c| c.tree())
        .map_err(|e| read("tree", &e))?;
    let Some(entry) = tree
        .lookup_entry_by_path(path)
        .map_err(|e| read("tree", &e))?
    else {
        return Ok(None);
    };
    if !entry.mode().is_blob_or_symlink() {
        return Ok(None);
    }
    let size = r
        .find_header(entry.object_id())
        .map_err(|e| read("object", &e))?
        .size();
    if size > max_bytes {
        return Err(messages::too_large(max_bytes));
    }
    let obj = r
        .find_object(entry.object_id())
        .map_err(|e| read("object", &e))?;
    Ok(Some(obj.detach().data))
}

/// The non-merge commits on the first-parent line from the merge-base to `head`, oldest
/// first, each with its own diff; the same contract as [`super::git::history`].
pub fn history(repo: &Path, base: Option<&str>, head: Option<&str>, max_bytes: u64) -> Commits {
    let mut out = Commits::default();
    if let Err(e) = history_into(repo, base, head, max_bytes, &mut out) {
        out.unread
            .push(("(commit history)".into(), format!("git log failed: {e}")));
    }
    out
}

fn history_into(
    repo: &Path,
    base: Option<&str>,
    head: Option<&str>,
    max_bytes: u64,
    out: &mut Commits,
) -> Result<(), Error> {
    let r = open(repo)?;
    let (merge_base, head_id) = range_shas(&r, base, head)?;
    let walk = r
        .rev_walk([head_id])
        .first_parent_only()
        .with_hidden([merge_base])
        .all()
        .map_err(|e| failed("walking the history", e))?;
    let mut line = Vec::new();
    for info in walk {
        line.push(info.map_err(|e| failed("walking the history", e))?.id);
    }
    line.reverse();
    let mut non_merge = Vec::new();
    for id in &line {
        let c = r
            .find_commit(*id)
            .map_err(|e| failed("reading a commit", e))?;
        let parents: Vec<ObjectId> = c.parent_ids().map(gix::Id::detach).collect();
        if parents.len() < 2 {
            non_merge.push((*id, parents.first().copied()));
        }
    }
    out.merges_skipped = line.len().saturating_sub(non_merge.len());
    out.beyond_limit = non_merge.len().saturating_sub(MAX_COMMITS);
    // One non-merge commit: its diff is the range's diff, already analysed.
    if line.len() == 1 && non_merge.len() == 1 {
        return Ok(());
    }
    let mut budget = max_bytes;
    for (id, parent) in non_merge.into_iter().take(MAX_COMMITS) {
        let sha = id.to_string();
        let text = commit_diff(&r, parent, id, budget)?;
        budget = budget.saturating_sub(text.len() as u64);
        match crate::diff::parse(&text) {
            Ok(diff) => out.commits.push(CommitDiff { sha, diff }),
            Err(e) => out.unread.push((
                format!("(commit {})", short(&sha)),
                format!("its diff could not be parsed: {e}"),
            )),
        }
    }
    Ok(())
}

/// The unified text of the change from commit `old` (or the empty tree) to `new`.
fn commit_diff(
    r: &gix::Repository,
    old: Option<ObjectId>,
    new: ObjectId,
    max_bytes: u64,
) -> Result<Vec<u8>, Error> {
    let tree_of = |id: ObjectId| {
        r.find_commit(id)
            .and_then(|c| c.tree())
            .map_err(|e| failed("reading a tree", e))
    };
    let old_tree = old.map(tree_of).transpose()?;
    let new_tree = tree_of(new)?;
    let rewrites = gix::diff::Rewrites {
        copies: None,
        percentage: Some(0.5),
        limit: 1000,
        track_empty: false,
    };
    let opts = gix::diff::Options::default().with_rewrites(Some(rewrites));
    let changes = r
        .diff_tree_to_tree(old_tree.as_ref(), &new_tree, opts)
        .map_err(|e| failed("git diff", e))?;
    let mut files: Vec<Section> = Vec::new();
    let mut total = 0u64;
    for change in changes {
        for (key, text) in change_text(r, change)? {
            total += text.len() as u64;
            if total > max_bytes {
                return Err(messages::too_large(max_bytes));
            }
            files.push((key, text));
        }
    }
    // git lists files in path order (a rename at its new path).
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files.into_iter().flat_map(|(_, t)| t).collect())
}

type Side = (EntryMode, ObjectId);

/// A file section of a diff: (sort key, text).
type Section = (Vec<u8>, Vec<u8>);

/// The file sections (sort key, text) of one tree change; trees themselves have none.
fn change_text(
    r: &gix::Repository,
    change: gix::object::tree::diff::ChangeDetached,
) -> Result<Vec<Section>, Error> {
    use gix::object::tree::diff::ChangeDetached as C;
    let file = |path: &[u8], text: Vec<u8>| (path.to_vec(), text);
    Ok(match change {
        C::Addition {
            location,
            entry_mode,
            id,
            ..
        } if !entry_mode.is_tree() => vec![file(
            &location,
            section(r, &location, &location, None, Some((entry_mode, id)), None)?,
        )],
        C::Deletion {
            location,
            entry_mode,
            id,
            ..
        } if !entry_mode.is_tree() => vec![file(
            &location,
            section(r, &location, &location, Some((entry_mode, id)), None, None)?,
        )],
        C::Modification {
            location,
            previous_entry_mode,
            previous_id,
            entry_mode,
            id,
        } => {
            let old =
                (!previous_entry_mode.is_tree()).then_some((previous_entry_mode, previous_id));
            let new = (!entry_mode.is_tree()).then_some((entry_mode, id));
            match (old, new) {
                (Some(o), Some(n)) if same_type(o.0, n.0) => {
                    vec![file(
                        &location,
                        section(r, &location, &location, Some(o), Some(n), None)?,
                    )]
                }
                // A type change (file ↔ symlink ↔ submodule): git shows a deletion and
                // an addition.
                (o, n) => {
                    let mut v = Vec::new();
                    if o.is_some() {
                        v.push(file(
                            &location,
                            section(r, &location, &location, o, None, None)?,
                        ));
                    }
                    if n.is_some() {
                        v.push(file(
                            &location,
                            section(r, &location, &location, None, n, None)?,
                        ));
                    }
                    v
                }
            }
        }
        C::Rewrite {
            source_location,
            source_entry_mode,
            source_id,
            entry_mode,
            id,
            location,
            copy,
            ..
        } if !entry_mode.is_tree() => vec![file(
            &location,
            section(
                r,
                &source_location,
                &location,
                Some((source_entry_mode, source_id)),
                Some((entry_mode, id)),
                Some(if copy { "copy" } else { "rename" }),
            )?,
        )],
        _ => Vec::new(),
    })
}

fn same_type(a: EntryMode, b: EntryMode) -> bool {
    let class = |m: EntryMode| match m.kind() {
        EntryKind::Blob | EntryKind::BlobExecutable => 0,
        EntryKind::Link => 1,
        EntryKind::Commit => 2,
        EntryKind::Tree => 3,
    };
    class(a) == class(b)
}

fn mode_text(m: EntryMode) -> &'static str {
    match m.kind() {
        EntryKind::Blob => "100644",
        EntryKind::BlobExecutable => "100755",
        EntryKind::Link => "120000",
        EntryKind::Commit => "160000",
        EntryKind::Tree => "040000",
    }
}

/// What git diffs for one side: a blob's bytes, or a submodule's commit line.
fn content(r: &gix::Repository, (mode, id): Side) -> Result<Vec<u8>, Error> {
    if mode.is_commit() {
        return Ok(format!("Subproject commit {id}\n").into_bytes());
    }
    Ok(r.find_object(id)
        .map_err(|e| failed("reading a blob", e))?
        .detach()
        .data)
}

/// One `diff --git` section as git prints it with our pinned options.
fn section(
    repo: &gix::Repository,
    old_path: &[u8],
    new_path: &[u8],
    old: Option<Side>,
    new: Option<Side>,
    rewrite: Option<&str>,
) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    out.extend_from_slice(b"diff --git ");
    out.extend(quoted("a/", old_path));
    out.push(b' ');
    out.extend(quoted("b/", new_path));
    out.push(b'\n');
    match (old, new) {
        (None, Some((m, _))) => out.extend(format!("new file mode {}\n", mode_text(m)).bytes()),
        (Some((m, _)), None) => out.extend(format!("deleted file mode {}\n", mode_text(m)).bytes()),
        (Some((om, _)), Some((nm, _))) => {
            if let Some(kind) = rewrite {
                for (dir, p) in [("from", old_path), ("to", new_path)] {
                    out.extend(format!("{kind} {dir} ").bytes());
                    out.extend(quoted("", p));
                    out.push(b'\n');
                }
            }
            if mode_text(om) != mode_text(nm) {
                out.extend(
                    format!("old mode {}\nnew mode {}\n", mode_text(om), mode_text(nm)).bytes(),
                );
            }
        }
        (None, None) => return Ok(Vec::new()),
    }
    let (old_id, new_id) = (old.map(|s| s.1), new.map(|s| s.1));
    if old_id == new_id {
        return Ok(out);
    }
    let abbrev =
        |id: Option<ObjectId>| id.map_or("0000000".to_string(), |i| i.to_string()[..7].to_string());
    out.extend(format!("index {}..{}", abbrev(old_id), abbrev(new_id)).bytes());
    if let (Some((om, _)), Some((nm, _))) = (old, new)
        && mode_text(om) == mode_text(nm)
    {
        out.extend(format!(" {}", mode_text(nm)).bytes());
    }
    out.push(b'\n');
    let before = old
        .map(|s| content(repo, s))
        .transpose()?
        .unwrap_or_default();
    let after = new
        .map(|s| content(repo, s))
        .transpose()?
        .unwrap_or_default();
    let from = old.map_or(b"/dev/null".to_vec(), |_| quoted("a/", old_path));
    let to = new.map_or(b"/dev/null".to_vec(), |_| quoted("b/", new_path));
    match crate::diff::unified::hunks(&before, &after) {
        None => {
            out.extend_from_slice(b"Binary files ");
            out.extend(from);
            out.extend_from_slice(b" and ");
            out.extend(to);
            out.extend_from_slice(b" differ\n");
        }
        Some(h) if h.is_empty() => {}
        Some(h) => {
            out.extend_from_slice(b"--- ");
            out.extend(from);
            out.extend_from_slice(b"\n+++ ");
            out.extend(to);
            out.push(b'\n');
            out.extend(h);
        }
    }
    Ok(out)
}

/// `prefix` + `path`, C-quoted the way git quotes it with `core.quotePath=false`.
fn quoted(prefix: &str, path: &[u8]) -> Vec<u8> {
    let special = |b: u8| b == b'"' || b == b'\\' || b < 0x20 || b == 0x7f;
    if !path.iter().any(|&b| special(b)) {
        return [prefix.as_bytes(), path].concat();
    }
    let mut out = vec![b'"'];
    out.extend_from_slice(prefix.as_bytes());
    for &b in path {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b if special(b) => out.extend(format!("\\{b:03o}").bytes()),
            b => out.push(b),
        }
    }
    out.push(b'"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_quoted_like_git() {
        assert_eq!(quoted("a/", b"plain \xc3\xa9.txt"), b"a/plain \xc3\xa9.txt");
        assert_eq!(quoted("b/", b"q\"t\\\x01"), b"\"b/q\\\"t\\\\\\001\"");
    }
}
