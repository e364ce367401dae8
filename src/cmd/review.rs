//! `mrwarden review`: CI mode. Reads the pipeline's own MR diff version through the
//! GitLab API (or local git with `--diff-source git`), then runs the same flow as
//! `scan` ([`crate::review_diff`] inside [`super::with_reports`], so reports are written
//! on every exit path). Posting comments comes later; until then the summary note it
//! would post is printed.

use std::path::Path;
use std::time::SystemTime;

use crate::cli::{Format, ReviewArgs};
use crate::context::{EnvFn, MergeRequestRef, ReviewContext, ReviewSource};
use crate::diff::source::{self, api::ApiDiff};
use crate::error::Error;
use crate::finding::Finding;
use crate::gitlab::{ApiFailure, Client, Gitlab};
use crate::report::{ReportKind, RunInfo};
use crate::{config, gate, rules};

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
    let mut outcome = super::with_reports(&ctx.output, |started| analyse(ctx, started));
    if ctx.output.format == Format::Human && ctx.mr.is_some() {
        append_would_post(&mut outcome, &ctx.output.dir, ctx.dry_run);
    }
    outcome
}

fn analyse(ctx: &ReviewContext, started: SystemTime) -> Result<(Vec<Finding>, RunInfo), Error> {
    let config = load_config(ctx)?;
    let rules = rules::load(&[])?;
    let baseline = std::collections::BTreeSet::new();
    let Some(mr) = &ctx.mr else {
        // Not an MR pipeline: valid empty reports give GitLab's MR widgets their base.
        let empty = source::Loaded {
            diff: crate::diff::Diff::default(),
            label: "not a merge-request pipeline (no CI_MERGE_REQUEST_IID): nothing to review"
                .into(),
            head_sha: None,
        };
        return crate::review_diff(&empty, &policy(&config, &rules, &baseline, ctx), started);
    };
    let mut warnings = Vec::new();
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
            "{} is not set: report-only run (reports and gate, nothing posted to GitLab)",
            ctx.token_variable
        ));
    }
    let (loaded, not_scanned) = match &ctx.source {
        ReviewSource::Git { repo, diff } => {
            (source::load(repo, diff, &config.config.limits)?, Vec::new())
        }
        ReviewSource::Api => {
            let api = fetch_api_diff(ctx, mr)?;
            if api.bytes > config.config.limits.max_diff_bytes {
                return Err(Error::Analysis(format!(
                    "the merge request diff ({} bytes) is larger than limits.max_diff_bytes ({}); raise the limit",
                    api.bytes, config.config.limits.max_diff_bytes
                )));
            }
            (api.loaded, api.not_scanned)
        }
    };
    let (findings, mut run) =
        crate::review_diff(&loaded, &policy(&config, &rules, &baseline, ctx), started)?;
    if !not_scanned.is_empty() {
        for n in &not_scanned {
            warnings.push(format!("{}: {}", n.path, n.reason.describe()));
        }
        run.notes.extend(not_scanned);
        run.verdict = gate::decide(&findings, run.fail_on, false);
    }
    run.warnings.extend(warnings);
    let mut result = (findings, run);
    super::llm_review(
        ctx.llm.as_ref(),
        &loaded.diff,
        &policy(&config, &rules, &baseline, ctx),
        &mut result,
    );
    Ok(result)
}

fn policy<'a>(
    config: &'a config::Loaded,
    rules: &'a rules::RuleSet,
    baseline: &'a std::collections::BTreeSet<crate::finding::Fingerprint>,
    ctx: &ReviewContext,
) -> crate::Policy<'a> {
    crate::Policy {
        config,
        rules,
        baseline,
        fail_on_flag: ctx.fail_on,
        meta_findings: Vec::new(),
    }
}

/// `--config` when given. Otherwise built-in defaults: the target-branch configuration
/// (read through the API at the base SHA) comes later, and the working tree is never read.
fn load_config(ctx: &ReviewContext) -> Result<config::Loaded, Error> {
    match &ctx.config_path {
        Some(p) => config::load_local(Path::new("."), Some(p)),
        None => Ok(config::Loaded::default()),
    }
}

fn fetch_api_diff(ctx: &ReviewContext, mr: &MergeRequestRef) -> Result<ApiDiff, Error> {
    let Some(settings) = ctx.gitlab.clone() else {
        return Err(Error::Usage(
            "CI_API_V4_URL is not set; set MRWARDEN_GITLAB_URL to the API root".into(),
        ));
    };
    let has_token = settings.token.is_some();
    let client = Client::new(settings).map_err(|e| Error::Usage(e.to_string()))?;
    let api = Gitlab::new(client);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Analysis(format!("cannot start the async runtime: {e}")))?;
    let detail = rt
        .block_on(source::api::fetch(&api, &mr.project, mr.iid, mr.diff_id))
        .map_err(|e| api_error(&e, has_token, &ctx.token_variable))?;
    Ok(source::api::convert(detail, mr.iid))
}

/// One clear line per failure; the token is never part of it.
fn api_error(e: &ApiFailure, has_token: bool, var: &str) -> Error {
    match e {
        ApiFailure::Unauthorized { what } if has_token => Error::Analysis(format!(
            "GitLab token invalid or expired (HTTP 401 from GET {what}); create a new token (scope api, role Developer) and store it in the masked CI/CD variable {var}"
        )),
        ApiFailure::Unauthorized { what }
        | ApiFailure::Forbidden { what }
        | ApiFailure::NotFound { what }
            if !has_token =>
        {
            Error::Analysis(format!(
                "cannot read the merge request without a token (GET {what} refused); set the masked CI/CD variable {var} (scope api, role Developer; see docs/review.md)"
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
        "posting comes in a later version"
    };
    let text = &mut outcome.stdout;
    text.push_str("\nmrwarden would post this summary note (");
    text.push_str(why);
    text.push_str("):\n\n");
    text.push_str(&crate::sanitize::terminal(&summary));
}
