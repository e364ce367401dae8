//! What a run reads before its steps. `review`: the diff (the pipeline's MR version
//! through the API, or a git range), the change's commits for history secrets, and the
//! trusted policy at the diff's base commit, through the one file-at-revision trait.
//! `scan`: the configuration, rules and baseline of the working tree (the user's own
//! machine), and a git range analysed while git still writes it.

use std::path::Path;

use std::collections::BTreeSet;

use crate::config;
use crate::diff::commits::Commits;
use crate::diff::source::{self, api::ApiFiles, api::ApiLoad, git::GitFiles};
use crate::error::Error;
use crate::finding::Fingerprint;
use crate::gitlab::model::Version;
use crate::gitlab::{MergeRequestRef, Session};
use crate::policy::baseline;
use crate::policy::trusted::{self, Trusted};
use crate::rules;

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

/// Configuration and rules of a local run, read from the working tree (it is the
/// user's own machine; `review` reads them from the target branch instead).
pub struct Local {
    /// The configuration.
    pub config: config::Loaded,
    /// Compiled rules (built-in, custom, minus disabled ones).
    pub rules: rules::RuleSet,
}

/// Loads configuration and rules for `repo`.
pub fn local(repo: &Path, config_path: Option<&Path>) -> Result<Local, Error> {
    let mut config = config::load_local(repo, config_path)?;
    let custom = config
        .config
        .custom_rules
        .iter()
        .map(|p| rules::read_pack(&repo.join(p)))
        .collect::<Result<Vec<_>, _>>()?;
    let (rules, warnings) = rules::load_configured(&custom, &config.config)?;
    config.warnings.extend(warnings);
    Ok(Local { config, rules })
}

/// The baseline named by the configuration (it must exist), else the default file if
/// present, else none.
pub fn baseline(repo: &Path, config: &config::Config) -> Result<BTreeSet<Fingerprint>, Error> {
    match &config.baseline {
        Some(p) => {
            let path = repo.join(p);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Error::Config(format!("cannot read baseline {}: {e}", path.display()))
            })?;
            baseline::parse(&path.display().to_string(), &text)
        }
        None => match std::fs::read_to_string(repo.join(baseline::DEFAULT_PATH)) {
            Ok(text) => baseline::parse(baseline::DEFAULT_PATH, &text),
            Err(_) => Ok(BTreeSet::new()),
        },
    }
}

/// A git range, analysed while git writes it, and its commits' history read by their
/// own git processes meanwhile.
pub fn git_range(
    repo: &Path,
    local: &Local,
    base: Option<&str>,
    head: Option<&str>,
) -> Result<(source::Loaded, crate::analyze::Analysis, Commits), Error> {
    let limits = &local.config.config.limits;
    std::thread::scope(|s| {
        let history = s.spawn(|| source::git::history(repo, base, head, limits.max_diff_bytes));
        let mut analysis = crate::analyze::Analysis::begin(&local.rules);
        let loaded =
            source::git::range_analysed(repo, base, head, limits.max_diff_bytes, &mut |files| {
                analysis.add_files(files, &local.rules, limits);
            });
        analysis.finish(limits);
        // (Release builds abort on a panic; if one ever unwinds here, the history counts
        // as unread and the run fails closed.)
        let commits = history.join().unwrap_or_else(|_| {
            let mut c = Commits::default();
            c.unread
                .push(("(commit history)".into(), "reading it failed".into()));
            c
        });
        loaded.map(|l| (l, analysis, commits))
    })
}

/// Which MR version to read, with the limits that apply before the trusted
/// configuration is known (the defaults).
pub fn api_request<'a>(
    mr: &'a MergeRequestRef,
    server: Option<(u32, u32)>,
    token_variable: &'a str,
) -> source::api::Request<'a> {
    let limits = config::Limits::default();
    source::api::Request {
        project: &mr.project,
        iid: mr.iid,
        diff_id: mr.diff_id,
        server,
        max_bytes: limits.max_diff_bytes,
        blob_fetch_files: limits.blob_fetch_files,
        token_variable,
    }
}

/// A fork MR whose pipeline holds the token, or no token at all: said in the summary.
pub fn token_notes(mr: &MergeRequestRef, has_token: bool, token_variable: &str) -> Vec<String> {
    let fork = mr.source_project.as_deref().filter(|s| *s != mr.project);
    match fork {
        Some(fork) if has_token => vec![format!(
            "merge request !{} comes from a fork (project {fork}) and this job has the token: fork pipelines must never receive {}; see docs/review.md",
            mr.iid, token_variable
        )],
        _ if !has_token => vec![format!(
            "{} is not set: report-only run (reports and gate, nothing posted to GitLab)",
            token_variable
        )],
        _ => Vec::new(),
    }
}

/// One session for the run, when the API is the source and there is an MR to find;
/// in branch-pipeline mode, the MR it finds.
pub fn session_and_mr(
    ctx: &crate::context::ReviewContext,
    warnings: &mut Vec<String>,
) -> Result<(Option<Session>, Option<MergeRequestRef>), Error> {
    let wanted = ctx.mr.is_some() || ctx.branch.is_some();
    let session = match &ctx.source {
        crate::context::ReviewSource::Api if wanted => {
            Some(Session::connect(ctx.gitlab.as_ref(), &ctx.token_variable)?)
        }
        _ => None,
    };
    let found = match (&ctx.mr, &ctx.branch, &session) {
        (None, Some(b), Some(s)) => s.find_branch_mr(&b.project, &b.branch, warnings)?,
        _ => None,
    };
    Ok((session, found))
}
