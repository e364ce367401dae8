//! `mrwarden review`: CI mode. Reads the pipeline's own MR diff version through the
//! GitLab API (or local git with `--diff-source git`), then runs the same flow as
//! `scan` ([`crate::review_diff`] inside [`super::with_reports`], so reports are written
//! on every exit path), then posts the review to the MR ([`crate::gitlab::publish`]);
//! without a token or with `--dry-run` the summary note it would post is printed.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::SystemTime;

use crate::cli::{Format, ReviewArgs};
use crate::context::{BranchPipeline, EnvFn, MergeRequestRef, ReviewContext, ReviewSource};
use crate::diff::source::{self, api::ApiLoad};
use crate::error::Error;
use crate::finding::{Finding, Fingerprint};
use crate::gitlab::{ApiFailure, Client, Gitlab};
use crate::policy::trusted::{self, GitRevision};
use crate::report::{ReportKind, RunInfo};
use crate::{config, gate, rules};
use gitlab::api::projects::repository::files::FileRaw;

use super::Outcome;

/// Runs `review` with flags and environment.
pub fn run(args: &ReviewArgs, env: EnvFn<'_>) -> Outcome {
    match ReviewContext::for_review(args, env) {
        Ok(ctx) => execute(&ctx),
        Err(e) => Outcome::error(&e),
    }
}

/// Runs the review for a built context.
pub fn execute(ctx: &ReviewContext) -> Outcome {
    if ctx.disabled {
        return switched_off(ctx);
    }
    let mut to_publish = None;
    // DESIGN.md: reports first (on every exit path), then publish, then the gate.
    let mut outcome = super::with_reports(&ctx.output, |started| {
        analyse(ctx, started, &mut to_publish)
    });
    let has_token = ctx.gitlab.as_ref().is_some_and(|g| g.token.is_some());
    match to_publish {
        Some(p) if has_token && !ctx.dry_run => {
            let recorded = outcome.code;
            publish(ctx, &p, &mut outcome);
            if outcome.code != recorded {
                // `--on-publish-error fail`: the verdict file says what the run exits with.
                super::write_verdict(&ctx.output, &p.findings, &p.run, &mut outcome);
            }
        }
        _ => {
            if ctx.output.format == Format::Human && ctx.mr.is_some() {
                append_would_post(&mut outcome, &ctx.output.dir, ctx.dry_run);
            }
        }
    }
    if ctx.exit == crate::context::ExitWith::ZeroOnceWritten {
        exit_zero(&ctx.output.dir, &mut outcome);
    }
    outcome
}

/// `MRWARDEN_DISABLED=true`: valid empty reports, a clear log line, exit 0; with a token
/// in an MR pipeline the summary note says the review was switched off (an MR can set
/// the variable in its own `.gitlab-ci.yml`, so this must be visible).
fn switched_off(ctx: &ReviewContext) -> Outcome {
    let mut outcome = super::with_reports(&ctx.output, |started| {
        let mut result =
            nothing_to_review("switched off (MRWARDEN_DISABLED)".into(), ctx, started)?;
        result.1.warnings.push(
            "MRWARDEN_DISABLED is true: mrwarden is switched off for this pipeline; no analysis ran, empty reports were written and the job passes".into(),
        );
        Ok(result)
    });
    let has_token = ctx.gitlab.as_ref().is_some_and(|g| g.token.is_some());
    let Some(mr) = ctx.mr.as_ref().filter(|_| has_token && !ctx.dry_run) else {
        return outcome;
    };
    let errors = match connect(ctx) {
        Ok((rt, api, _)) => {
            rt.block_on(crate::gitlab::publish::switched_off(
                &api,
                &mr.project,
                mr.iid,
                ctx.instance.as_deref(),
            ))
            .errors
        }
        Err(e) => vec![e.to_string()],
    };
    for e in &errors {
        outcome.stderr.push(format!(
            "warning: publishing to the merge request: {}",
            crate::sanitize::terminal(e)
        ));
    }
    outcome
}

/// `--exit-zero`: the reporting job succeeds once the reports and the verdict file are
/// written, so GitLab ingests its security reports; the gate job exits with the
/// verdict. A configuration error (2) still fails it, and so does a verdict file that
/// could not be written (the gate job would have nothing to read).
fn exit_zero(dir: &Path, outcome: &mut Outcome) {
    if outcome.code == 2 || !dir.join(gate::VERDICT_FILE).is_file() {
        return;
    }
    if outcome.code != 0 {
        outcome.stderr.push(format!(
            "note: exit code {} is recorded in {}; `mrwarden gate` exits with it",
            outcome.code,
            gate::VERDICT_FILE
        ));
        outcome.code = 0;
    }
}

/// What the publish step needs from the analysis.
struct ToPublish {
    findings: Vec<Finding>,
    run: RunInfo,
    diff: crate::diff::Diff,
    version: crate::gitlab::model::Version,
    mr: MergeRequestRef,
    comments: config::CommentsConfig,
    allow_override: bool,
}

/// Posts the review; failures are warnings unless `--on-publish-error fail` (then 3,
/// which a gate failure's 1 still beats).
fn publish(ctx: &ReviewContext, p: &ToPublish, outcome: &mut Outcome) {
    use crate::gitlab::publish::{Input, publish};
    let (mode, max_inline) = comment_settings(ctx, &p.comments, p.allow_override);
    let mut errors = Vec::new();
    match connect(ctx) {
        Ok((rt, api, _)) => {
            let input = Input {
                project: &p.mr.project,
                iid: p.mr.iid,
                findings: &p.findings,
                run: &p.run,
                diff: &p.diff,
                version: &p.version,
                mode,
                max_inline,
                merge_train: ctx.merge_train,
                instance: ctx.instance.as_deref(),
            };
            errors = rt.block_on(publish(&api, &input)).errors;
        }
        Err(e) => errors.push(e.to_string()),
    }
    for e in &errors {
        outcome.stderr.push(format!(
            "warning: publishing to the merge request: {}",
            crate::sanitize::terminal(e)
        ));
    }
    if !errors.is_empty() && ctx.fail_on_publish_error && outcome.code == 0 {
        outcome.code = 3;
    }
}

/// `comments.mode` and `max_inline` after flags: flags may only make it quieter unless
/// the trusted configuration says `allow_override: true`.
fn comment_settings(
    ctx: &ReviewContext,
    cfg: &config::CommentsConfig,
    allow_override: bool,
) -> (crate::publish::plan::Mode, usize) {
    let mode = match ctx.comments {
        Some(m) if allow_override => m,
        Some(m) => m.max(cfg.mode),
        None => cfg.mode,
    };
    let max_inline = match ctx.max_inline {
        Some(n) if allow_override => n,
        Some(n) => n.min(cfg.max_inline),
        None => cfg.max_inline,
    };
    (mode, max_inline)
}

#[allow(
    clippy::too_many_lines,
    reason = "the review's steps in order; split into load_from_api and policy already"
)]
fn analyse(
    ctx: &ReviewContext,
    started: SystemTime,
    to_publish: &mut Option<ToPublish>,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let mut warnings = Vec::new();
    if ctx.config_path.is_some() {
        warnings.push(
            "--config is ignored by review: the configuration is read from the target branch at the diff's base commit".into(),
        );
    }
    let defaults = config::Loaded::default();
    let found = match (&ctx.mr, &ctx.branch, &ctx.source) {
        (None, Some(branch), ReviewSource::Api) => find_branch_mr(ctx, branch, &mut warnings)?,
        _ => None,
    };
    let Some(mr) = ctx.mr.as_ref().or(found.as_ref()) else {
        // Not an MR pipeline: valid empty reports give GitLab's MR widgets their base.
        return nothing_to_review(
            "not a merge-request pipeline (no CI_MERGE_REQUEST_IID): nothing to review".into(),
            ctx,
            started,
        );
    };
    let has_token = ctx.gitlab.as_ref().is_some_and(|g| g.token.is_some());
    if has_token
        && mr
            .source_project
            .as_deref()
            .is_some_and(|s| s != mr.project)
    {
        warnings.push(format!(
            "merge request !{} comes from a fork (project {}) and this job has the token: fork pipelines must never receive {}; see docs/review.md",
            mr.iid,
            mr.source_project.as_deref().unwrap_or_default(),
            ctx.token_variable
        ));
    }
    if !has_token {
        warnings.push(format!(
            "{} is not set: report-only run (reports and gate; comments are off, nothing is posted to GitLab)",
            ctx.token_variable
        ));
    }
    // The limits that apply before the trusted configuration is known are the defaults.
    let max = defaults.config.limits.max_diff_bytes;
    let clock = std::time::Instant::now();
    let (loaded, not_scanned, mut trusted, version, commits) = match &ctx.source {
        ReviewSource::Git { repo, diff } => {
            if let crate::context::DiffSpec::Range {
                base: Some(base),
                head: Some(head),
            } = diff
            {
                source::git::check_ci_range(repo, base, head)?;
            }
            let loaded = source::load(repo, diff, &defaults.config.limits)?;
            let commits = match diff {
                crate::context::DiffSpec::Range { base, head } => {
                    source::git::history(repo, base.as_deref(), head.as_deref(), max)
                }
                _ => crate::analyze::history::Commits::default(),
            };
            let base = source::git::merge_base_of(repo, diff)?;
            let trusted = trusted::load(
                &GitRevision {
                    repo: repo.clone(),
                    rev: base,
                },
                &loaded.diff,
            )?;
            (loaded, Vec::new(), trusted, None, commits)
        }
        ReviewSource::Api => {
            let loaded = load_from_api(ctx, mr, max, &mut warnings)?;
            let Ok(loaded) = loaded else {
                let state = loaded.err().unwrap_or_default();
                return nothing_to_review(
                    format!("merge request !{} is {state}: nothing to review", mr.iid),
                    ctx,
                    started,
                );
            };
            loaded
        }
    };
    trusted::apply_central(&mut trusted, ctx.central_config.as_ref());
    let (rules, rule_warnings) =
        rules::load_without(&trusted.custom, &trusted.config.config.rules.disable)?;
    warnings.extend(rule_warnings);
    let policy = policy(
        &trusted.config,
        &rules,
        &trusted.baseline,
        ctx,
        trusted.findings,
    );
    let read = clock.elapsed();
    let (findings, mut run) = crate::review_diff_with_history(
        &loaded,
        &policy,
        &commits,
        not_scanned.is_empty(),
        started,
        None,
    )?;
    // Reading the diff, its history and the target-branch policy (one stage: the
    // reads interleave).
    run.stages.insert(0, ("diff and policy read", read));
    if !not_scanned.is_empty() {
        for n in &not_scanned {
            warnings.push(format!("{}: {}", n.path, n.reason.describe()));
        }
        run.notes.extend(not_scanned);
        run.verdict = gate::decide(&findings, run.fail_on, false);
    }
    run.warnings.extend(warnings);
    let mut result = (findings, run);
    // Function context only where a checkout with history is the source: in API mode
    // it would cost one file read per file and the hunks alone are sent (docs/llm.md).
    let head = match &ctx.source {
        ReviewSource::Git { repo, .. } => {
            super::GitHead::of(repo, &loaded, &trusted.config.config.limits)
        }
        ReviewSource::Api => None,
    };
    super::llm_review(
        ctx.llm.as_ref(),
        &loaded.diff,
        head.as_ref(),
        &policy,
        &mut result,
    );
    if has_token && version.is_some() {
        // Triage replies are read before the gate is decided (DESIGN.md).
        apply_triage(ctx, mr, &trusted.config.config, &mut result);
    }
    // Comments go only where the diff version (and so the positions) is known.
    if let Some(version) = version {
        *to_publish = Some(ToPublish {
            findings: result.0.clone(),
            run: result.1.clone(),
            diff: loaded.diff.clone(),
            version,
            mr: mr.clone(),
            comments: trusted.config.config.comments.clone(),
            allow_override: trusted.config.config.allow_override,
        });
    }
    Ok(result)
}

/// Applies the `!fp`/`!accept` replies on the bot's threads under the trusted
/// `triage.min_role`; a failed read is a warning and dismisses nothing (fail closed).
fn apply_triage(
    ctx: &ReviewContext,
    mr: &MergeRequestRef,
    config: &config::Config,
    result: &mut (Vec<Finding>, RunInfo),
) {
    use crate::policy::triage;
    let read = connect(ctx)
        .map_err(|e| e.to_string())
        .and_then(|(rt, api, _)| {
            rt.block_on(crate::gitlab::triage::read(
                &api,
                &mr.project,
                mr.iid,
                &result.0,
            ))
            .map_err(|e| e.to_string())
        });
    match read {
        Ok((discussions, facts)) => {
            let dismissals =
                triage::decide(&discussions, &result.0, &facts, config.triage.min_role);
            crate::apply_dismissals(&mut result.0, &mut result.1, dismissals, config.llm.gate_on);
        }
        Err(e) => result.1.warnings.push(format!(
            "cannot read the triage replies, so no dismissal applies: {e}"
        )),
    }
}

/// A diff from the API, the files it left unscanned, and the trusted policy.
type ApiLoaded = (
    source::Loaded,
    Vec<crate::analyze::FileNote>,
    trusted::Trusted,
    Option<crate::gitlab::model::Version>,
    crate::analyze::history::Commits,
);

/// The API half of `analyse`: the pipeline's diff version and the trusted policy at its
/// base commit; `Err(state)` when the MR is closed or merged.
fn load_from_api(
    ctx: &ReviewContext,
    mr: &MergeRequestRef,
    max: u64,
    warnings: &mut Vec<String>,
) -> Result<Result<ApiLoaded, String>, Error> {
    let (rt, api, has_token) = connect(ctx)?;
    let req = source::api::Request {
        project: &mr.project,
        iid: mr.iid,
        diff_id: mr.diff_id,
        server: ctx.server_version,
        max_bytes: max,
        blob_fetch_files: config::Limits::default().blob_fetch_files,
        token_variable: &ctx.token_variable,
    };
    let api_diff = match rt
        .block_on(source::api::load(&api, req))
        .map_err(|e| api_error(&e, has_token, &ctx.token_variable))?
    {
        ApiLoad::Diff(d) => d,
        ApiLoad::Closed { state } => return Ok(Err(state)),
    };
    if api_diff.bytes > max {
        return Err(Error::Analysis(format!(
            "the merge request diff ({} bytes) is larger than limits.max_diff_bytes ({max}); raise the limit",
            api_diff.bytes
        )));
    }
    warnings.extend(api_diff.warnings);
    let trusted = if let Some(base) = api_diff.version.base_commit_sha.clone() {
        let files = ApiFiles {
            rt: &rt,
            api: &api,
            project: &mr.project,
            rev: base,
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
        trusted::Trusted {
            config: config::Loaded {
                config: trusted::strict_defaults(),
                ..config::Loaded::default()
            },
            ..trusted::Trusted::default()
        }
    };
    Ok(Ok((
        api_diff.loaded,
        api_diff.not_scanned,
        trusted,
        Some(api_diff.version),
        api_diff.commits,
    )))
}

/// The flow on an empty diff under the built-in defaults: valid empty reports (the base
/// GitLab's MR widgets compare against) and a pass.
fn nothing_to_review(
    label: String,
    ctx: &ReviewContext,
    started: SystemTime,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let empty = source::Loaded {
        diff: crate::diff::Diff::default(),
        label,
        head_sha: None,
    };
    let defaults = config::Loaded::default();
    let rules = rules::load(&[])?;
    crate::review_diff(
        &empty,
        &policy(&defaults, &rules, &BTreeSet::new(), ctx, Vec::new()),
        started,
    )
}

fn policy<'a>(
    config: &'a config::Loaded,
    rules: &'a rules::RuleSet,
    baseline: &'a BTreeSet<Fingerprint>,
    ctx: &ReviewContext,
    meta_findings: Vec<Finding>,
) -> crate::Policy<'a> {
    crate::Policy {
        config,
        rules,
        baseline,
        fail_on_flag: ctx.fail_on,
        meta_findings,
    }
}

/// The target branch's files at the diff's base commit, through
/// `GET /projects/:id/repository/files/:path/raw?ref=<base>`.
struct ApiFiles<'a> {
    rt: &'a tokio::runtime::Runtime,
    api: &'a Gitlab,
    project: &'a str,
    rev: String,
}

impl trusted::FileSource for ApiFiles<'_> {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
        let ep = FileRaw::builder()
            .project(source::api::project_id(self.project))
            .file_path(path)
            .ref_(self.rev.as_str())
            .build()
            .map_err(|e| Error::Analysis(format!("cannot build the request for {path}: {e}")))?;
        match self.rt.block_on(self.api.get_text(&ep, 8 << 20)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(ApiFailure::NotFound { .. }) => Ok(None),
            Err(e) => Err(Error::Analysis(e.to_string())),
        }
    }
    fn describe(&self) -> String {
        format!(
            "target branch at {}",
            self.rev.get(..12).unwrap_or(&self.rev)
        )
    }
}

/// Branch-pipeline mode: the open MR of this project whose source branch is this
/// pipeline's branch, in this project (a fork's branch of the same name is not it).
/// Never "any MR containing this commit": an environment branch's commits are in
/// many MRs. With several (one branch, several targets), the newest is reviewed.
fn find_branch_mr(
    ctx: &ReviewContext,
    branch: &BranchPipeline,
    warnings: &mut Vec<String>,
) -> Result<Option<MergeRequestRef>, Error> {
    use gitlab::api::projects::merge_requests::{MergeRequestState, MergeRequests};
    let (rt, api, has_token) = connect(ctx)?;
    let Ok(ep) = MergeRequests::builder()
        .project(source::api::project_id(&branch.project))
        .state(MergeRequestState::Opened)
        .source_branch(branch.branch.as_str())
        .build()
    else {
        return Ok(None);
    };
    let mrs: Vec<BranchMr> = rt
        .block_on(api.get_all(&ep, 100))
        .map_err(|e| api_error(&e, has_token, &ctx.token_variable))?;
    let mut ours = mrs.iter().filter(|m| {
        m.state == "opened"
            && m.source_branch.as_deref() == Some(branch.branch.as_str())
            && m.source_project_id
                .is_some_and(|p| p.to_string() == branch.project)
    });
    let chosen = ours.next();
    let others: Vec<String> = ours.map(|m| format!("!{}", m.iid)).collect();
    if let (Some(m), false) = (chosen, others.is_empty()) {
        warnings.push(format!(
            "branch {} is the source of several open merge requests; reviewing the newest, !{} (not {})",
            branch.branch,
            m.iid,
            others.join(", ")
        ));
    }
    Ok(chosen.map(|m| MergeRequestRef {
        project: m
            .project_id
            .map_or_else(|| branch.project.clone(), |p| p.to_string()),
        iid: m.iid,
        diff_id: None,
        source_project: m.source_project_id.map(|p| p.to_string()),
    }))
}

/// An element of `GET /projects/:id/merge_requests` (the fields branch mode reads).
#[derive(Debug, serde::Deserialize)]
struct BranchMr {
    iid: u64,
    state: String,
    #[serde(default)]
    project_id: Option<u64>,
    #[serde(default)]
    source_project_id: Option<u64>,
    #[serde(default)]
    source_branch: Option<String>,
}

/// The async runtime and API client for one run.
fn connect(ctx: &ReviewContext) -> Result<(tokio::runtime::Runtime, Gitlab, bool), Error> {
    let Some(settings) = ctx.gitlab.clone() else {
        return Err(Error::Usage(
            "CI_API_V4_URL is not set; set MRWARDEN_GITLAB_URL to the API root".into(),
        ));
    };
    let has_token = settings.token.is_some();
    let client = Client::new(settings).map_err(|e| Error::Usage(e.to_string()))?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Analysis(format!("cannot start the async runtime: {e}")))?;
    Ok((rt, Gitlab::new(client), has_token))
}

/// One clear line per failure; the token is never part of it.
fn api_error(e: &ApiFailure, has_token: bool, var: &str) -> Error {
    match e {
        ApiFailure::Unauthorized { what } if has_token => Error::Analysis(format!(
            "GitLab token invalid or expired (HTTP 401 from {what}); create a new token (scope api, role Developer) and store it in the masked CI/CD variable {var}"
        )),
        ApiFailure::Unauthorized { what }
        | ApiFailure::Forbidden { what }
        | ApiFailure::NotFound { what }
            if !has_token =>
        {
            Error::Analysis(format!(
                "cannot read the merge request without a token ({what} refused); set the masked CI/CD variable {var} (scope api, role Developer; see docs/review.md)"
            ))
        }
        other => Error::Analysis(other.to_string()),
    }
}

/// Adds the summary note `review` would post (the markdown report just written).
fn append_would_post(outcome: &mut Outcome, dir: &Path, dry_run: bool) {
    let Ok(summary) = std::fs::read_to_string(dir.join(ReportKind::Markdown.file_name())) else {
        return;
    };
    let why = if dry_run {
        "--dry-run"
    } else {
        "report-only run: no token, or --diff-source git"
    };
    let text = &mut outcome.stdout;
    text.push_str("\nmrwarden would post this summary note (");
    text.push_str(why);
    text.push_str("):\n\n");
    text.push_str(&crate::sanitize::terminal(&summary));
}
