//! Filling the entries of a version GitLab collapsed or marked too large: from
//! `raw_diffs` (GitLab ≥ 17.9, newest version only) or from both blobs diffed locally
//! with `similar` (capped by `limits.blob_fetch_files`); what stays missing is noted
//! "not scanned".

use super::{
    ApiDiff, ApiFailure, DiffEntry, FileDiff, Gitlab, MergeRequestRawDiffs, MergeRequestVersions,
    OVERFLOW, Request, Version, entry_to_file, project_id,
};

pub(super) async fn from_raw_diffs(api: &Gitlab, req: Request<'_>, diff: &mut ApiDiff) {
    let versions: Result<Vec<Version>, _> = api
        .get_all_shared(
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
pub(super) async fn from_blobs(
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
pub(super) async fn blob_diff(
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
