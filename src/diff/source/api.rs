//! GitLab API source: the pipeline's own MR diff version (`…/versions/:id`, else the
//! newest), turned into the same [`Diff`](crate::diff::Diff) model `scan` uses. Each
//! entry's hunk text goes through the same parser ([`crate::diff::parse`]); paths and
//! status come from GitLab's fields, which are authoritative. Never reads the working
//! tree.

use gitlab::api::common::NameOrId;

use crate::analyze::{FileNote, NoteReason};
use crate::diff::{Diff, FileDiff, FileStatus};
use crate::gitlab::endpoints::{MergeRequestVersion, MergeRequestVersions};
use crate::gitlab::model::{DiffEntry, Version, VersionDetail};
use crate::gitlab::{ApiFailure, Gitlab};

use super::Loaded;

/// A diff read from the API, with the files whose content GitLab did not return.
#[derive(Debug, Clone)]
pub struct ApiDiff {
    /// The parsed change.
    pub loaded: Loaded,
    /// Files that could not be scanned (fail closed).
    pub not_scanned: Vec<FileNote>,
    /// The version analysed (its SHAs position comments later).
    pub version: Version,
    /// Bytes of diff text received.
    pub bytes: u64,
}

/// The project as the crate's `:id` (numeric id, else a path it URL-encodes).
pub fn project_id(project: &str) -> NameOrId<'_> {
    project
        .parse::<u64>()
        .map_or_else(|_| NameOrId::from(project), NameOrId::from)
}

/// Fetches the version `diff_id`, or the newest one when it is `None`.
pub async fn fetch(
    api: &Gitlab,
    project: &str,
    iid: u64,
    diff_id: Option<u64>,
) -> Result<VersionDetail, ApiFailure> {
    let version = if let Some(id) = diff_id {
        id
    } else {
        let versions: Vec<Version> = api
            .get_all(
                &MergeRequestVersions {
                    project: project_id(project),
                    merge_request: iid,
                },
                100,
            )
            .await?;
        // GitLab lists versions newest first; take the highest id to be safe.
        versions
            .iter()
            .map(|v| v.id)
            .max()
            .ok_or_else(|| ApiFailure::BadJson {
                what: format!(
                    "projects/{}/merge_requests/{iid}/versions",
                    project_id(project)
                ),
                detail: "the merge request has no diff version yet".into(),
            })?
    };
    api.get(&MergeRequestVersion {
        project: project_id(project),
        merge_request: iid,
        version,
    })
    .await
}

/// Converts a version's entries into the diff model.
pub fn convert(detail: VersionDetail, iid: u64) -> ApiDiff {
    let mut files = Vec::with_capacity(detail.diffs.len());
    let mut not_scanned = Vec::new();
    let mut bytes = 0u64;
    for entry in &detail.diffs {
        bytes += entry.diff.len() as u64;
        match entry_to_file(entry) {
            Some(f) => files.push(f),
            None => not_scanned.push(FileNote {
                path: if entry.deleted_file {
                    entry.old_path.clone()
                } else {
                    entry.new_path.clone()
                },
                reason: NoteReason::NotReturned,
            }),
        }
    }
    let v = &detail.version;
    let short = |s: &Option<String>| {
        s.as_deref()
            .map_or_else(|| "?".to_string(), |s| s.chars().take(8).collect())
    };
    let label = format!(
        "merge request !{iid} diff version {} ({}..{})",
        v.id,
        short(&v.base_commit_sha),
        short(&v.head_commit_sha)
    );
    ApiDiff {
        loaded: Loaded {
            diff: Diff { files },
            label,
            head_sha: v.head_commit_sha.clone(),
        },
        not_scanned,
        version: detail.version,
        bytes,
    }
}

/// One entry as a [`FileDiff`]; `None` when GitLab left its content out (or sent text
/// the parser rejects), which is "not scanned".
fn entry_to_file(e: &DiffEntry) -> Option<FileDiff> {
    let status = if e.new_file {
        FileStatus::Added
    } else if e.deleted_file {
        FileStatus::Deleted
    } else if e.renamed_file {
        FileStatus::Renamed
    } else {
        FileStatus::Modified
    };
    let mut file = FileDiff::new(
        (!e.new_file).then(|| e.old_path.clone()),
        (!e.deleted_file).then(|| e.new_path.clone()),
        status,
    );
    let mode = |m: &Option<String>| m.clone().filter(|m| m != "0");
    file.old_mode = mode(&e.a_mode);
    file.new_mode = mode(&e.b_mode);
    file.submodule = [&file.old_mode, &file.new_mode]
        .iter()
        .any(|m| m.as_deref() == Some("160000"));
    file.generated = e.generated_file.unwrap_or(false);
    if e.diff.is_empty() {
        let missing = e.collapsed.unwrap_or(false) || e.too_large.unwrap_or(false);
        return (!missing).then_some(file);
    }
    if e.diff.starts_with("Binary files ") {
        file.binary = true;
        return Some(file);
    }
    // The same parser as `scan`: give the hunk text plain file headers (their paths are
    // placeholders; GitLab's fields above name the file).
    let mut text = Vec::with_capacity(e.diff.len() + 32);
    text.extend_from_slice(b"--- a/file\n+++ b/file\n");
    text.extend_from_slice(e.diff.as_bytes());
    if !e.diff.ends_with('\n') {
        text.push(b'\n');
    }
    let parsed = crate::diff::parse(&text).ok()?;
    let first = parsed.files.into_iter().next()?;
    file.hunks = first.hunks;
    file.binary = first.binary;
    Some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(diff: &str) -> DiffEntry {
        DiffEntry {
            old_path: "a b.py".into(),
            new_path: "a b.py".into(),
            a_mode: Some("100644".into()),
            b_mode: Some("100644".into()),
            diff: diff.into(),
            new_file: false,
            renamed_file: false,
            deleted_file: false,
            generated_file: None,
            collapsed: None,
            too_large: None,
        }
    }

    #[test]
    fn hunks_are_parsed_and_paths_come_from_gitlab() {
        let f = entry_to_file(&entry(
            "@@ -1,2 +1,3 @@\n a\n-b\n+c\n+d\n e\n\\ No newline at end of file\n",
        ))
        .expect("file");
        assert_eq!(f.path(), "a b.py");
        let added: Vec<_> = f
            .added_lines()
            .map(|l| (l.new_line, l.text.as_str()))
            .collect();
        assert_eq!(added, vec![(Some(2), "c"), (Some(3), "d")]);
    }

    #[test]
    fn collapsed_or_too_large_without_text_is_not_scanned() {
        let mut e = entry("");
        e.collapsed = Some(true);
        assert!(entry_to_file(&e).is_none());
        let mut e = entry("");
        e.too_large = Some(true);
        assert!(entry_to_file(&e).is_none());
        let mut e = entry("");
        e.renamed_file = true;
        assert!(entry_to_file(&e).is_some(), "a pure rename has no text");
    }

    #[test]
    fn flags_are_kept() {
        let mut e = entry("@@ -0,0 +1 @@\n+x\n");
        e.new_file = true;
        e.a_mode = Some("0".into());
        e.generated_file = Some(true);
        let f = entry_to_file(&e).expect("file");
        assert_eq!(f.status, FileStatus::Added);
        assert!(f.old_path.is_none() && f.generated && f.old_mode.is_none());
        let mut e = entry("@@ -1 +0,0 @@\n-x\n");
        e.deleted_file = true;
        assert!(entry_to_file(&e).expect("file").new_path.is_none());
    }
}
