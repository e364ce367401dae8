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
        token_warnings(api, req).await?
    } else {
        Vec::new()
    };
    let mr_ep = gitlab::api::projects::merge_requests::MergeRequest::builder()
        .project(project_id(req.project))
        .merge_request(req.iid)
        .build();
    let mut mr_info = None;
    if let Ok(ep) = mr_ep {
        let mr: MergeRequest = api.get(&ep).await?;
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
        fill_from_raw_diffs(api, req, &mut diff).await;
    }
    if diff.not_scanned.iter().any(|n| n.path != OVERFLOW) {
        fill_from_blobs(api, req, &left_out, &mut diff).await;
    }
    check_changes_count(&mut diff, entries, mr_info.as_ref());
    // A one-commit MR need not be read again, but only when its final diff is whole.
    let base_if_whole = diff
        .not_scanned
        .is_empty()
        .then(|| diff.version.base_commit_sha.clone())
        .flatten();
    diff.commits = history(
        api,
        req,
        diff.version.head_commit_sha.as_deref(),
        base_if_whole.as_deref(),
    )
    .await;
    Ok(ApiLoad::Diff(Box::new(diff)))
}

/// The non-merge commits of the MR on the first-parent line of the version's `head`
/// (oldest first, at most [`MAX_COMMITS`]) with their own diffs (`…/merge_requests/:iid/commits`, `…/repository/commits/:sha/diff`), each
/// entry through the same parser. What cannot be read is recorded as unread (the run
/// fails closed) rather than stopping the review.
pub async fn history(
    api: &Gitlab,
    req: Request<'_>,
    head: Option<&str>,
    base: Option<&str>,
) -> Commits {
    use gitlab::api::projects::merge_requests::MergeRequestCommits;
    let mut out = Commits::default();
    let unread = |out: &mut Commits, what: String, e: &dyn std::fmt::Display| {
        out.unread.push((what, e.to_string()));
    };
    let list: Vec<CommitInfo> = match MergeRequestCommits::builder()
        .project(project_id(req.project))
        .merge_request(req.iid)
        .build()
    {
        Ok(ep) => match api.get_all(&ep, 100).await {
            Ok(list) => list,
            Err(e) => {
                unread(&mut out, "(commit history)".into(), &e);
                return out;
            }
        },
        Err(e) => {
            unread(&mut out, "(commit history)".into(), &e);
            return out;
        }
    };
    let chain = first_parent_chain(api, req, head, &list, &mut out).await;
    if single_commit_on_base(&list, &chain, out.merges_skipped, base) {
        // Its diff is the version's diff, already analysed: no second read.
        return out;
    }
    out.beyond_limit = chain.len().saturating_sub(MAX_COMMITS);
    let mut bytes = 0u64;
    // Entries GitLab returned `too_large` (or collapsed) with no diff, and the paths each
    // commit touches: filled from blobs once every commit's diff is known.
    let mut left_out = commit_blobs::LeftOut::default();
    for id in chain.iter().take(MAX_COMMITS) {
        let label = format!("(commit {})", id.get(..12).unwrap_or(id));
        let ep = CommitDiffEndpoint {
            project: project_id(req.project),
            sha: id,
        };
        let entries: Vec<DiffEntry> = match api
            .get_all(&ep, crate::gitlab::diffs_per_page(req.server))
            .await
        {
            Ok(e) => e,
            Err(e) => {
                unread(&mut out, label, &e);
                continue;
            }
        };
        bytes += entries.iter().map(|e| e.diff.len() as u64).sum::<u64>();
        if bytes > req.max_bytes {
            unread(
                &mut out,
                format!("{label} and later commits"),
                &format!(
                    "the commits' diffs are larger than limits.max_diff_bytes ({} bytes)",
                    req.max_bytes
                ),
            );
            left_out.give_up(&mut out);
            return out;
        }
        let mut diff = crate::diff::Diff::default();
        for entry in &entries {
            match entry_to_file(entry) {
                Some(f) => diff.files.push(f),
                None => left_out.push(id, entry.clone()),
            }
        }
        left_out.touched(id, &entries);
        out.commits.push(CommitDiff {
            sha: id.clone(),
            diff,
        });
    }
    commit_blobs::fill(api, req, &list, left_out, &mut out, bytes).await;
    out
}

/// Whether the MR is one non-merge commit whose parent is the version's base: then its
/// own diff is the version's diff. Without `parent_ids` in the list, no shortcut.
fn single_commit_on_base(
    list: &[CommitInfo],
    chain: &[String],
    merges_skipped: usize,
    base: Option<&str>,
) -> bool {
    let [only] = list else {
        return false;
    };
    let parent = only.parent_ids.as_ref().and_then(|p| p.first());
    merges_skipped == 0
        && chain == std::slice::from_ref(&only.id)
        && parent.is_some_and(|p| Some(p.as_str()) == base)
}

/// The non-merge commits on the first-parent line from the version's head (else the
/// newest listed commit) back to the first commit not in the MR, oldest first, as
/// `git log --first-parent --no-merges` lists them. Parents come from the list's
/// `parent_ids`, else from `…/repository/commits/:sha`.
async fn first_parent_chain(
    api: &Gitlab,
    req: Request<'_>,
    head: Option<&str>,
    list: &[CommitInfo],
    out: &mut Commits,
) -> Vec<String> {
    let by_id: std::collections::HashMap<&str, &CommitInfo> =
        list.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut cur = head
        .filter(|h| by_id.contains_key(h))
        .or_else(|| list.first().map(|c| c.id.as_str()))
        .map(str::to_string);
    let mut chain = Vec::new();
    let mut steps = 0;
    while let Some(id) = cur.take() {
        steps += 1;
        if steps > list.len() {
            break;
        }
        let listed = by_id.get(id.as_str()).and_then(|c| c.parent_ids.clone());
        let parents = if let Some(p) = listed {
            p
        } else {
            match commit_parents(api, req, &id).await {
                Ok(p) => p,
                Err(e) => {
                    let label = format!("(commit {} and older)", id.get(..12).unwrap_or(&id));
                    out.unread.push((label, e));
                    break;
                }
            }
        };
        if parents.len() > 1 {
            out.merges_skipped += 1;
        } else {
            chain.push(id.clone());
        }
        cur = parents
            .first()
            .filter(|p| by_id.contains_key(p.as_str()))
            .cloned();
    }
    chain.reverse();
    chain
}

/// A commit's parents from `GET …/repository/commits/:sha`.
async fn commit_parents(api: &Gitlab, req: Request<'_>, sha: &str) -> Result<Vec<String>, String> {
    use gitlab::api::projects::repository::commits::Commit;
    let ep = Commit::builder()
        .project(project_id(req.project))
        .commit(sha)
        .build()
        .map_err(|e| e.to_string())?;
    let full: CommitInfo = api.get(&ep).await.map_err(|e| e.to_string())?;
    Ok(full.parent_ids.unwrap_or_default())
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
            "GitLab left some files out of diff version {} and a newer version exists, so raw_diffs (newest version only) cannot fill them in",
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

/// Files GitLab left out of the version (collapsed or too large) that `raw_diffs` did not
/// supply (GitLab < 17.9, or not the newest version): both blobs are read at the
/// version's base and head (`…/repository/files/:path/raw?ref=`) and diffed here with
/// `similar`, the result going through the same parser. At most `blob_fetch_files`
/// files and `max_bytes` of blob content; the rest stay "not scanned".
async fn fill_from_blobs(
    api: &Gitlab,
    req: Request<'_>,
    left_out: &[DiffEntry],
    diff: &mut ApiDiff,
) {
    let v = &diff.version;
    let (Some(base), Some(head)) = (v.base_commit_sha.clone(), v.head_commit_sha.clone()) else {
        diff.warnings.push(
            "GitLab left some files out of the diff and the version names no base or head commit to read them at; they were not scanned".into(),
        );
        return;
    };
    let mut fetched = 0usize;
    let mut capped = false;
    let mut still_missing = Vec::new();
    for note in std::mem::take(&mut diff.not_scanned) {
        let entry = left_out.iter().find(|e| entry_path(e) == note.path);
        let Some(entry) = entry.filter(|_| note.path != OVERFLOW) else {
            still_missing.push(note);
            continue;
        };
        if fetched >= req.blob_fetch_files || diff.bytes > req.max_bytes {
            capped = true;
            still_missing.push(note);
            continue;
        }
        fetched += 1;
        let budget = req.max_bytes.saturating_sub(diff.bytes);
        match blob_diff(api, req, entry, &base, &head, budget).await {
            Ok((file, bytes)) => {
                diff.bytes += bytes;
                diff.loaded.diff.files.push(file);
            }
            Err(e) => {
                diff.warnings.push(format!(
                    "{}: GitLab left its diff out and its blobs could not be read ({e})",
                    note.path
                ));
                still_missing.push(note);
            }
        }
    }
    if capped {
        diff.warnings.push(format!(
            "GitLab left more files out of the diff than limits.blob_fetch_files ({}) or limits.max_diff_bytes ({} bytes) allow fetching; the rest were not scanned",
            req.blob_fetch_files, req.max_bytes
        ));
    }
    diff.not_scanned = still_missing;
}

/// The path a "not scanned" note names for an entry.
fn entry_path(e: &DiffEntry) -> &str {
    if e.deleted_file {
        &e.old_path
    } else {
        &e.new_path
    }
}

/// One entry rebuilt from its two blobs; also the bytes read.
async fn blob_diff(
    api: &Gitlab,
    req: Request<'_>,
    entry: &DiffEntry,
    base: &str,
    head: &str,
    budget: u64,
) -> Result<(FileDiff, u64), ApiFailure> {
    let old = if entry.new_file {
        Vec::new()
    } else {
        blob(api, req, &entry.old_path, base, budget).await?
    };
    let new = if entry.deleted_file {
        Vec::new()
    } else {
        blob(
            api,
            req,
            &entry.new_path,
            head,
            budget.saturating_sub(old.len() as u64),
        )
        .await?
    };
    let bytes = (old.len() + new.len()) as u64;
    let mut rebuilt = entry.clone();
    rebuilt.collapsed = Some(false);
    rebuilt.too_large = Some(false);
    if old.contains(&0) || new.contains(&0) {
        rebuilt.diff = format!(
            "Binary files a/{} and b/{} differ\n",
            entry.old_path, entry.new_path
        );
    } else {
        let (old, new) = (String::from_utf8_lossy(&old), String::from_utf8_lossy(&new));
        rebuilt.diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
            .unified_diff()
            .context_radius(3)
            .to_string();
    }
    entry_to_file(&rebuilt)
        .map(|f| (f, bytes))
        .ok_or_else(|| ApiFailure::BadJson {
            what: entry.new_path.clone(),
            detail: "the local diff of its blobs could not be parsed".into(),
        })
}

/// `GET /projects/:id/repository/files/:path/raw?ref=<sha>`, at most `max` bytes.
async fn blob(
    api: &Gitlab,
    req: Request<'_>,
    path: &str,
    rev: &str,
    max: u64,
) -> Result<Vec<u8>, ApiFailure> {
    use gitlab::api::projects::repository::files::FileRaw;
    let ep = FileRaw::builder()
        .project(project_id(req.project))
        .file_path(path)
        .ref_(rev)
        .build()
        .map_err(|e| ApiFailure::BadJson {
            what: path.to_string(),
            detail: e.to_string(),
        })?;
    api.get_text(&ep, max).await
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

impl crate::diff::FileAt for ApiFiles<'_> {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let ep = gitlab::api::projects::repository::files::FileRaw::builder()
            .project(project_id(self.project))
            .file_path(path)
            .ref_(self.rev.as_str())
            .build()
            .map_err(|e| Error::Analysis(format!("cannot build the request for {path}: {e}")))?;
        match self
            .session
            .block_on(self.session.api().get_text(&ep, self.max_bytes))
        {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ApiFailure::NotFound { .. }) => Ok(None),
            Err(e) => Err(Error::Analysis(e.to_string())),
        }
    }
    fn describe(&self) -> String {
        format!(
            "target branch at {}",
            crate::diff::revision::short(&self.rev)
        )
    }
}

#[cfg(test)]
mod tests {
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
            project_id: None,
            source_project_id: None,
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
