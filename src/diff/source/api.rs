//! GitLab API source: the pipeline's own MR diff version (`…/versions/:id`, else the
//! newest), turned into the same [`Diff`](crate::diff::Diff) model `scan` uses. Each
//! entry's hunk text goes through the same parser ([`crate::diff::parse`]); paths and
//! status come from GitLab's fields, which are authoritative. Never reads the working
//! tree.

use gitlab::api::common::NameOrId;

use crate::analyze::{FileNote, NoteReason};
use crate::diff::{Diff, FileDiff, FileStatus};
use crate::gitlab::endpoints::{MergeRequestRawDiffs, MergeRequestVersion, MergeRequestVersions};
use crate::gitlab::model::{DiffEntry, MergeRequest, Version, VersionDetail};
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
    /// Remarks for the summary (e.g. why missing entries stayed unscanned).
    pub warnings: Vec<String>,
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
    /// Name of the token variable, for hints.
    pub token_variable: &'a str,
}

/// Reads the MR's state and the pipeline's diff version; entries GitLab left out are
/// taken from `…/raw_diffs` on GitLab ≥ 17.9 when the version is still the newest
/// (`raw_diffs` is always the newest version's diff), else stay "not scanned".
pub async fn load(api: &Gitlab, req: Request<'_>) -> Result<ApiLoad, ApiFailure> {
    let token_warnings = if api.client().has_token() {
        token_warnings(api, req).await?
    } else {
        Vec::new()
    };
    let mr_ep = gitlab::api::projects::merge_requests::MergeRequest::builder()
        .project(project_id(req.project))
        .merge_request(req.iid)
        .build();
    if let Ok(ep) = mr_ep {
        let mr: MergeRequest = api.get(&ep).await?;
        if matches!(mr.state.as_str(), "closed" | "merged") {
            return Ok(ApiLoad::Closed { state: mr.state });
        }
    }
    let detail = fetch(api, req.project, req.iid, req.diff_id).await?;
    let mut diff = convert(detail, req.iid);
    diff.warnings.extend(token_warnings);
    if !diff.not_scanned.is_empty() {
        fill_from_raw_diffs(api, req, &mut diff).await;
    }
    Ok(ApiLoad::Diff(Box::new(diff)))
}

/// T13/T14 at the start of a run: the token's expiry and scopes and the bot's role,
/// as warnings for the summary. A 401 stops the run ("GitLab token invalid or
/// expired"), as does an unusable API; 403, 404 or an unknown shape only skip the
/// check (older GitLab, narrow scopes).
async fn token_warnings(api: &Gitlab, req: Request<'_>) -> Result<Vec<String>, ApiFailure> {
    use crate::gitlab::checks::{Level, role_check, today, token_info_checks};
    use crate::gitlab::model::{Member, TokenInfo, User};
    use gitlab::api::personal_access_tokens::PersonalAccessTokenSelf;
    use gitlab::api::projects::members::AllProjectMember;
    use gitlab::api::users::CurrentUser;

    let mut out = Vec::new();
    let mut push = |c: crate::gitlab::checks::Check| {
        if matches!(c.level, Level::Warn | Level::Fail) {
            let fix = c.fix.map(|f| format!("; fix: {f}")).unwrap_or_default();
            out.push(format!("{}: {}{fix}", c.name, c.detail));
        }
    };
    if let Ok(ep) = PersonalAccessTokenSelf::builder().build() {
        match api.get::<TokenInfo>(&ep).await {
            Ok(info) if info.active == Some(false) || info.revoked == Some(true) => {
                return Err(ApiFailure::Unauthorized {
                    what: crate::gitlab::request_name(&ep),
                });
            }
            Ok(info) => token_info_checks(&info, req.token_variable, today())
                .into_iter()
                .for_each(&mut push),
            // Forbidden, not found or an unknown shape: older GitLab or narrow scopes.
            Err(
                ApiFailure::Forbidden { .. }
                | ApiFailure::NotFound { .. }
                | ApiFailure::BadJson { .. },
            ) => {}
            // 401, or GitLab unusable: the diff reads would fail the same way.
            Err(e) => return Err(e),
        }
    }
    let user = match CurrentUser::builder().build() {
        Ok(ep) => api.get::<User>(&ep).await.ok(),
        Err(_) => None,
    };
    if let Some(user) = user
        && let Ok(ep) = AllProjectMember::builder()
            .project(project_id(req.project))
            .user(user.id)
            .build()
        && let Ok(m) = api.get::<Member>(&ep).await
    {
        push(role_check(m.access_level));
    }
    Ok(out)
}

async fn fill_from_raw_diffs(api: &Gitlab, req: Request<'_>, diff: &mut ApiDiff) {
    if req.server.is_none_or(|v| v < (17, 9)) {
        diff.warnings.push(
            "GitLab left some files out of the diff and raw_diffs needs GitLab 17.9 or later (CI_SERVER_VERSION); those files were not scanned".into(),
        );
        return;
    }
    let versions: Result<Vec<Version>, _> = api
        .get_all(
            &MergeRequestVersions {
                project: project_id(req.project),
                merge_request: req.iid,
            },
            100,
        )
        .await;
    let newest = versions.ok().and_then(|v| v.iter().map(|v| v.id).max());
    if newest != Some(diff.version.id) {
        diff.warnings.push(format!(
            "GitLab left some files out of diff version {} and a newer version exists, so raw_diffs (newest version only) cannot fill them in; they were not scanned",
            diff.version.id
        ));
        return;
    }
    let ep = MergeRequestRawDiffs {
        project: project_id(req.project),
        merge_request: req.iid,
    };
    let raw = match api.get_text(&ep, req.max_bytes).await {
        Ok(raw) => raw,
        Err(e) => {
            diff.warnings
                .push(format!("files GitLab left out were not scanned: {e}"));
            return;
        }
    };
    let parsed = match crate::diff::parse(&raw) {
        Ok(p) => p,
        Err(e) => {
            diff.warnings.push(format!(
                "files GitLab left out were not scanned: raw_diffs could not be parsed ({e})"
            ));
            return;
        }
    };
    diff.bytes += raw.len() as u64;
    let mut still_missing = Vec::new();
    for note in std::mem::take(&mut diff.not_scanned) {
        if note.path == OVERFLOW {
            // The stored diff dropped whole files: take every file it lacks.
            let extra: Vec<_> = parsed
                .files
                .iter()
                .filter(|f| !diff.loaded.diff.files.iter().any(|g| g.path() == f.path()))
                .cloned()
                .collect();
            diff.loaded.diff.files.extend(extra);
            continue;
        }
        match parsed.files.iter().find(|f| f.path() == note.path) {
            Some(f) => diff.loaded.diff.files.push(f.clone()),
            None => still_missing.push(note),
        }
    }
    diff.not_scanned = still_missing;
}

/// The note for a version GitLab stored incompletely (`state: overflow`): files beyond
/// the instance's diff limits are missing from it altogether.
const OVERFLOW: &str = "(files beyond GitLab's diff limits: diff version state overflow)";

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
