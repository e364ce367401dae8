//! The change's own commits through the API, for secrets in history: the MR's commits
//! on the first-parent line of the version's head, each commit's own diff through the
//! same parser.

use super::commit_blobs;
use super::{
    CommitDiff, CommitDiffEndpoint, CommitInfo, Commits, DiffEntry, Gitlab, MAX_COMMITS, Request,
    entry_to_file, project_id,
};

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
pub(super) fn single_commit_on_base(
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
pub(super) async fn commit_parents(
    api: &Gitlab,
    req: Request<'_>,
    sha: &str,
) -> Result<Vec<String>, String> {
    use gitlab::api::projects::repository::commits::Commit;
    let ep = Commit::builder()
        .project(project_id(req.project))
        .commit(sha)
        .build()
        .map_err(|e| e.to_string())?;
    let full: CommitInfo = api.get(&ep).await.map_err(|e| e.to_string())?;
    Ok(full.parent_ids.unwrap_or_default())
}
