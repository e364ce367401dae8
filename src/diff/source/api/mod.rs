//! GitLab API source: the pipeline's own MR diff version (`…/versions/:id`, else the
//! newest), turned into the same [`Diff`](crate::diff::Diff) model `scan` uses. Each
//! entry's hunk text goes through the same parser ([`crate::diff::parse`]); paths and
//! status come from GitLab's fields, which are authoritative. Never reads the working
//! tree.

use crate::coverage::{FileNote, NoteReason};
use crate::diff::commits::{CommitDiff, Commits, MAX_COMMITS};
use crate::diff::{Diff, FileDiff, FileStatus};
use crate::error::Error;
use crate::gitlab::endpoints::{
    CommitDiff as CommitDiffEndpoint, MergeRequestRawDiffs, MergeRequestVersion,
    MergeRequestVersions,
};
use crate::gitlab::model::{CommitInfo, DiffEntry, MergeRequest, Version, VersionDetail};
use crate::gitlab::{ApiFailure, Gitlab};

use super::Loaded;

mod commit_blobs;
mod fill;
mod history;
pub use history::history;

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
    /// Remarks for the summary (e.g. why missing entries stayed unscanned).
    pub warnings: Vec<String>,
    /// The MR's commits with their own diffs, for secrets in history.
    pub commits: Commits,
}

/// What the API source found.
#[derive(Debug, Clone)]
pub enum ApiLoad {
    /// The MR is closed or merged: nothing to review.
    Closed {
        /// `closed`, `merged`, ….
        state: String,
    },
    /// The diff of the pipeline's version.
    Diff(Box<ApiDiff>),
}

/// Which merge request and how much to read.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// Project id or path.
    pub project: &'a str,
    /// MR iid.
    pub iid: u64,
    /// `CI_MERGE_REQUEST_DIFF_ID`.
    pub diff_id: Option<u64>,
    /// `CI_SERVER_VERSION_MAJOR/MINOR`.
    pub server: Option<(u32, u32)>,
    /// `limits.max_diff_bytes`.
    pub max_bytes: u64,
    /// `limits.blob_fetch_files`.
    pub blob_fetch_files: usize,
    /// Name of the token variable, for hints.
    pub token_variable: &'a str,
}

/// Reads the MR's state and the pipeline's diff version; entries GitLab left out are
/// taken from `…/raw_diffs` on GitLab ≥ 17.9 when the version is still the newest
/// (`raw_diffs` is always the newest version's diff), else stay "not scanned".
pub async fn load(api: &Gitlab, req: Request<'_>) -> Result<ApiLoad, ApiFailure> {
    let token_warnings = if api.client().has_token() {
        crate::gitlab::checks::token_warnings(api, req.project, req.token_variable).await?
    } else {
        Vec::new()
    };
    let mr_ep = gitlab::api::projects::merge_requests::MergeRequest::builder()
        .project(project_id(req.project))
        .merge_request(req.iid)
        .build();
    let mut mr_info = None;
    if let Ok(ep) = mr_ep {
        let mr: MergeRequest = api.get_shared(&ep).await?;
        if matches!(mr.state.as_str(), "closed" | "merged") {
            return Ok(ApiLoad::Closed { state: mr.state });
        }
        mr_info = Some(mr);
    }
    let detail = fetch(api, req.project, req.iid, req.diff_id).await?;
    // Entries GitLab left empty (collapsed, too large): kept for the blob fallback.
    let left_out: Vec<DiffEntry> = detail
        .diffs
        .iter()
        .filter(|e| e.diff.is_empty())
        .cloned()
        .collect();
    let entries = detail.diffs.len();
    let mut diff = convert(detail, req.iid);
    diff.warnings.extend(token_warnings);
    if !diff.not_scanned.is_empty() && req.server.is_some_and(|v| v >= (17, 9)) {
        fill::from_raw_diffs(api, req, &mut diff).await;
    }
    if diff.not_scanned.iter().any(|n| n.path != OVERFLOW) {
        fill::from_blobs(api, req, &left_out, &mut diff).await;
    }
    check_changes_count(&mut diff, entries, mr_info.as_ref());
    // A one-commit MR need not be read again, but only when its final diff is whole.
    let base_if_whole = diff
        .not_scanned
        .is_empty()
        .then(|| diff.version.base_commit_sha.clone())
        .flatten();
    diff.commits = history::history(
        api,
        req,
        diff.version.head_commit_sha.as_deref(),
        base_if_whole.as_deref(),
    )
    .await;
    Ok(ApiLoad::Diff(Box::new(diff)))
}

/// GitLab's count of changed files: the version's `real_size`, else the MR's
/// `changes_count` when the version is the MR's current one. `(n, true)` for `"n+"`.
fn expected_files(version: &Version, mr: Option<&MergeRequest>) -> Option<(usize, bool)> {
    let count = version.real_size.as_deref().or_else(|| {
        mr.filter(|m| m.sha.is_some() && m.sha == version.head_commit_sha)
            .and_then(|m| m.changes_count.as_deref())
    })?;
    let count = count.trim();
    let (digits, plus) = match count.strip_suffix('+') {
        Some(d) => (d, true),
        None => (count, false),
    };
    digits.parse().ok().map(|n| (n, plus))
}

/// Cross-checks GitLab's count of changed files against the entries read (DESIGN.md):
/// fewer files than GitLab counts means some were never returned, so the run is not
/// fully scanned. Files `raw_diffs` added count; a version already marked `overflow`
/// has its own note.
fn check_changes_count(diff: &mut ApiDiff, entries: usize, mr: Option<&MergeRequest>) {
    let Some((expected, plus)) = expected_files(&diff.version, mr) else {
        return;
    };
    if diff.not_scanned.iter().any(|n| n.path == OVERFLOW) {
        return;
    }
    let have = entries.max(diff.loaded.diff.files.len() + diff.not_scanned.len());
    if have >= expected {
        if have > expected && !plus {
            diff.warnings.push(format!(
                "GitLab counts {expected} changed files in diff version {} but returned {have}; all were scanned",
                diff.version.id
            ));
        }
        return;
    }
    let counted = format!("{expected}{}", if plus { "+" } else { "" });
    diff.warnings.push(format!(
        "GitLab counts {counted} changed files in diff version {} (changes_count) but returned {have}; the missing files were not scanned",
        diff.version.id
    ));
    diff.not_scanned.push(FileNote {
        path: format!(
            "({} of {counted} changed files GitLab counts but did not return)",
            expected - have
        ),
        reason: NoteReason::NotReturned,
    });
}

/// The note for a version GitLab stored incompletely (`state: overflow`): files beyond
/// the instance's diff limits are missing from it altogether.
const OVERFLOW: &str = "(files beyond GitLab's diff limits: diff version state overflow)";

pub use crate::gitlab::project_id;

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
            .get_all_shared(
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
                    "GET projects/{}/merge_requests/{iid}/versions",
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
    if v.state.as_deref() == Some("overflow") {
        not_scanned.push(FileNote {
            path: OVERFLOW.into(),
            reason: NoteReason::NotReturned,
        });
    }
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
        warnings: Vec::new(),
        commits: Commits::default(),
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

/// The project's files at one commit, through
/// `GET /projects/:id/repository/files/:path/raw?ref=<rev>` (the trusted policy at the
/// base commit, whole files at the head).
#[derive(Debug)]
pub struct ApiFiles<'a> {
    /// The run's GitLab session.
    pub session: &'a crate::gitlab::Session,
    /// Project id or path.
    pub project: &'a str,
    /// The commit.
    pub rev: String,
    /// Largest file read, in bytes; a larger one is an error.
    pub max_bytes: u64,
}

/// Requests of [`ApiFiles::read_many`] in flight at once.
pub const FILE_READS_IN_FLIGHT: usize = 8;

impl ApiFiles<'_> {
    async fn fetch(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let ep = gitlab::api::projects::repository::files::FileRaw::builder()
            .project(project_id(self.project))
            .file_path(path)
            .ref_(self.rev.as_str())
            .build()
            .map_err(|e| Error::Analysis(format!("cannot build the request for {path}: {e}")))?;
        match self.session.api().get_text(&ep, self.max_bytes).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ApiFailure::NotFound { .. }) => Ok(None),
            Err(e) => Err(Error::Analysis(e.to_string())),
        }
    }
}

impl crate::diff::FileAt for ApiFiles<'_> {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        self.session.block_on(self.fetch(path))
    }
    fn describe(&self) -> String {
        format!("revision {}", crate::diff::revision::short(&self.rev))
    }
    /// At most [`FILE_READS_IN_FLIGHT`] requests at once on the session's runtime.
    fn read_many(&self, paths: &[String]) -> Vec<Result<Option<Vec<u8>>, Error>> {
        use std::future::Future;
        use std::pin::Pin;
        use std::task::Poll;
        type Pending<'f> = Pin<Box<dyn Future<Output = Result<Option<Vec<u8>>, Error>> + 'f>>;
        let mut out: Vec<Option<Result<Option<Vec<u8>>, Error>>> =
            paths.iter().map(|_| None).collect();
        let mut next = 0;
        let mut running: Vec<(usize, Pending<'_>)> = Vec::new();
        self.session.block_on(std::future::poll_fn(|cx| {
            while running.len() < FILE_READS_IN_FLIGHT && next < paths.len() {
                running.push((next, Box::pin(self.fetch(&paths[next]))));
                next += 1;
            }
            let mut i = 0;
            while i < running.len() {
                if let Poll::Ready(r) = running[i].1.as_mut().poll(cx) {
                    let (slot, _) = running.swap_remove(i);
                    out[slot] = Some(r);
                    // Start the next one at once (it must be polled to register).
                    if next < paths.len() {
                        running.push((next, Box::pin(self.fetch(&paths[next]))));
                        next += 1;
                    }
                } else {
                    i += 1;
                }
            }
            if running.is_empty() && next >= paths.len() {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        }));
        out.into_iter().map(|r| r.unwrap_or(Ok(None))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::history::single_commit_on_base;
    use super::*;

    #[test]
    fn one_commit_on_the_base_is_not_read_twice() {
        let c = |id: &str, parents: Option<&[&str]>| CommitInfo {
            id: id.into(),
            parent_ids: parents.map(|p| p.iter().map(|s| (*s).to_string()).collect()),
        };
        let chain = vec!["h".to_string()];
        assert!(single_commit_on_base(
            &[c("h", Some(&["b"]))],
            &chain,
            0,
            Some("b")
        ));
        // Another parent, no parents listed, a merge skipped, or two commits: read it.
        assert!(!single_commit_on_base(
            &[c("h", Some(&["x"]))],
            &chain,
            0,
            Some("b")
        ));
        assert!(!single_commit_on_base(
            &[c("h", None)],
            &chain,
            0,
            Some("b")
        ));
        assert!(!single_commit_on_base(
            &[c("h", Some(&["b"]))],
            &chain,
            1,
            Some("b")
        ));
        let two = [c("h", Some(&["g"])), c("g", Some(&["b"]))];
        assert!(!single_commit_on_base(&two, &chain, 0, Some("b")));
    }

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

    fn api_diff(files: usize, real_size: Option<&str>) -> ApiDiff {
        let entries = (0..files)
            .map(|i| {
                let mut e = entry("@@ -0,0 +1 @@\n+x\n");
                e.new_path = format!("f{i}");
                e
            })
            .collect();
        convert(
            VersionDetail {
                version: Version {
                    id: 9,
                    head_commit_sha: Some("h".into()),
                    base_commit_sha: Some("b".into()),
                    start_commit_sha: None,
                    state: None,
                    real_size: real_size.map(str::to_string),
                },
                diffs: entries,
            },
            1,
        )
    }

    #[test]
    fn changes_count_mismatch_is_not_scanned() {
        for (files, count, missing) in [
            (3, "3", false),
            (3, "4", true),
            (1000, "1000+", false),
            (999, "1000+", true),
            (4, "3", false),
        ] {
            let mut d = api_diff(files, Some(count));
            check_changes_count(&mut d, files, None);
            assert_eq!(!d.not_scanned.is_empty(), missing, "{files} vs {count}");
            if missing {
                assert!(d.not_scanned[0].reason.fails_closed());
            }
        }
        // No real_size: the MR's changes_count counts only for its current version.
        let mr = MergeRequest {
            iid: 1,
            state: "opened".into(),
            sha: Some("h".into()),
            changes_count: Some("5".into()),
            author: None,
        };
        let mut d = api_diff(3, None);
        check_changes_count(&mut d, 3, Some(&mr));
        assert_eq!(d.not_scanned.len(), 1);
        let other = MergeRequest {
            sha: Some("newer".into()),
            ..mr
        };
        let mut d = api_diff(3, None);
        check_changes_count(&mut d, 3, Some(&other));
        assert!(d.not_scanned.is_empty());
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
