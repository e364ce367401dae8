//! What a `review` reads before its run: the diff (the pipeline's MR version through the
//! API, or a git range), the change's commits for history secrets, and the trusted
//! policy at the diff's base commit, through the one file-at-revision trait.

use std::path::Path;

use crate::config;
use crate::diff::commits::Commits;
use crate::diff::source::{self, api::ApiFiles, api::ApiLoad, git::GitFiles};
use crate::error::Error;
use crate::gitlab::Session;
use crate::gitlab::model::Version;
use crate::policy::trusted::{self, Trusted};

/// What the review analyses: the diff, the files it could not get, its history and the
/// trusted policy, and (in API mode) the version and the session that read them.
pub struct ReviewInput {
    /// The final diff.
    pub loaded: source::Loaded,
    /// Files the source could not give (the run fails closed).
    pub not_scanned: Vec<crate::coverage::FileNote>,
    /// The change's commits, for secrets in history.
    pub commits: Commits,
    /// Configuration, custom rules and baseline of the target branch.
    pub trusted: Trusted,
    /// The session that read it all and the diff version, in API mode.
    pub api: Option<(Session, Version)>,
}

/// `--diff-source git`: the range, its history and the policy at the merge-base. The
/// limits that apply before the trusted configuration is known are the defaults.
pub fn from_git(repo: &Path, diff: &source::DiffSpec) -> Result<ReviewInput, Error> {
    let limits = config::Limits::default();
    let loaded = source::load(repo, diff, &limits)?;
    let commits = match diff {
        source::DiffSpec::Range { base, head } => source::git::history(
            repo,
            base.as_deref(),
            head.as_deref(),
            limits.max_diff_bytes,
        ),
        _ => Commits::default(),
    };
    let base = GitFiles {
        repo: repo.to_path_buf(),
        rev: source::git::merge_base_of(repo, diff)?,
        max_bytes: config::yaml::MAX_YAML_BYTES as u64 * 8,
    };
    let trusted = trusted::load(&base, &loaded.diff)?;
    Ok(ReviewInput {
        loaded,
        not_scanned: Vec::new(),
        commits,
        trusted,
        api: None,
    })
}

/// The API: the pipeline's diff version and the trusted policy at its base commit;
/// `Err(state)` when the MR is closed or merged.
pub fn from_api(
    req: &source::api::Request<'_>,
    session: Session,
    warnings: &mut Vec<String>,
) -> Result<Result<ReviewInput, String>, Error> {
    let api_diff = match session
        .block_on(source::api::load(session.api(), *req))
        .map_err(|e| session.error(&e))?
    {
        ApiLoad::Diff(d) => d,
        ApiLoad::Closed { state } => return Ok(Err(state)),
    };
    if api_diff.bytes > req.max_bytes {
        return Err(Error::Analysis(format!(
            "the merge request diff ({} bytes) is larger than limits.max_diff_bytes ({}); raise the limit",
            api_diff.bytes, req.max_bytes
        )));
    }
    warnings.extend(api_diff.warnings);
    let trusted = if let Some(base) = api_diff.version.base_commit_sha.clone() {
        let files = ApiFiles {
            session: &session,
            project: req.project,
            rev: base,
            max_bytes: 8 << 20,
        };
        trusted::load(&files, &api_diff.loaded.diff).map_err(|e| match e {
            Error::Analysis(m) => {
                Error::Analysis(format!("cannot read the target branch's policy: {m}"))
            }
            other => other,
        })?
    } else {
        warnings
            .push("the diff version names no base commit: built-in strict defaults apply".into());
        Trusted::strict()
    };
    Ok(Ok(ReviewInput {
        loaded: api_diff.loaded,
        not_scanned: api_diff.not_scanned,
        commits: api_diff.commits,
        trusted,
        api: Some((session, api_diff.version)),
    }))
}
