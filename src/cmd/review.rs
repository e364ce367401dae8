//! `mrwarden review`: CI mode. Reads the pipeline's own MR diff version through one
//! GitLab session (or local git with `--diff-source git`) and the trusted policy at its
//! base commit, runs the same [`Run`] as `scan` inside [`super::with_reports`] (reports
//! on every exit path), reads triage replies before the gate, then posts the review to
//! the MR ([`crate::gitlab::publish`]); without a token or with `--dry-run` the summary
//! note it would post is printed.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::SystemTime;

use crate::cli::{Format, ReviewArgs};
use crate::context::{EnvFn, MergeRequestRef, ReviewContext, ReviewSource};
use crate::diff::source::{self, git::GitFiles};
use crate::error::Error;
use crate::finding::Finding;
use crate::gitlab::Session;
use crate::gitlab::model::Version;
use crate::pipeline::{Policy, Run, input};
use crate::report::{ReportKind, RunInfo};
use crate::{config, rules};

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
    match to_publish {
        Some(p) if p.session.has_token() && !ctx.dry_run => {
            let recorded = outcome.code;
            publish(ctx, &p, &mut outcome);
            if outcome.code != recorded {
                // `--on-publish-error fail`: the verdict file says what the run exits with.
                super::write_verdict(&ctx.output, &p.findings, &p.run, &mut outcome);
            }
        }
        _ if ctx.output.format == Format::Human && ctx.mr.is_some() => {
            append_would_post(&mut outcome, &ctx.output.dir, ctx.dry_run);
        }
        _ => {}
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
    let errors = match Session::connect(ctx.gitlab.as_ref(), &ctx.token_variable) {
        Ok(session) => {
            session
                .block_on(crate::gitlab::publish::switched_off(
                    session.api(),
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
    if outcome.code == 2 || !dir.join(crate::gate::VERDICT_FILE).is_file() {
        return;
    }
    if outcome.code != 0 {
        outcome.stderr.push(format!(
            "note: exit code {} is recorded in {}; `mrwarden gate` exits with it",
            outcome.code,
            crate::gate::VERDICT_FILE
        ));
        outcome.code = 0;
    }
}

/// What the publish step needs from the analysis.
struct ToPublish {
    session: Session,
    findings: Vec<Finding>,
    run: RunInfo,
    diff: crate::diff::Diff,
    version: Version,
    mr: MergeRequestRef,
    comments: config::CommentsConfig,
    allow_override: bool,
}

/// Posts the review; failures are warnings unless `--on-publish-error fail` (then 3,
/// which a gate failure's 1 still beats).
fn publish(ctx: &ReviewContext, p: &ToPublish, outcome: &mut Outcome) {
    let (mode, max_inline) = comment_settings(ctx, &p.comments, p.allow_override);
    let input = crate::gitlab::publish::Input {
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
    let errors = p
        .session
        .block_on(crate::gitlab::publish::publish(p.session.api(), &input))
        .errors;
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
) -> (config::CommentMode, usize) {
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
    reason = "the review's steps in order; the inputs and the run live in pipeline"
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
    // One session for the run, when the API is the source and there is an MR to find.
    let wanted = ctx.mr.is_some() || ctx.branch.is_some();
    let session = match &ctx.source {
        ReviewSource::Api if wanted => {
            Some(Session::connect(ctx.gitlab.as_ref(), &ctx.token_variable)?)
        }
        _ => None,
    };
    let found = match (&ctx.mr, &ctx.branch, &session) {
        (None, Some(b), Some(s)) => s.find_branch_mr(&b.project, &b.branch, &mut warnings)?,
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
    warnings.extend(token_warnings(ctx, mr));
    let clock = std::time::Instant::now();
    let mut input = match (&ctx.source, session) {
        (ReviewSource::Git { repo, diff }, _) => from_checkout(repo, diff)?,
        (ReviewSource::Api, Some(session)) => {
            match input::from_api(&api_request(ctx, mr), session, &mut warnings)? {
                Ok(input) => input,
                Err(state) => {
                    return nothing_to_review(
                        format!("merge request !{} is {state}: nothing to review", mr.iid),
                        ctx,
                        started,
                    );
                }
            }
        }
        (ReviewSource::Api, None) => unreachable!("API mode always has a session"),
    };
    crate::policy::trusted::apply_central(&mut input.trusted, ctx.central_config.as_ref());
    let (rules, rule_warnings) = rules::load_without(
        &input.trusted.custom,
        &input.trusted.config.config.rules.disable,
    )?;
    warnings.extend(rule_warnings);
    let policy = policy(&input.trusted.config, &rules, &input.trusted.baseline, ctx);
    let policy = Policy {
        meta_findings: input.trusted.findings.clone(),
        ..policy
    };
    let read = clock.elapsed();
    let diff = &input.loaded.diff;
    let mut run = Run::analyse(&input.loaded, &policy, started, None)
        .history(&input.commits, diff, input.not_scanned.is_empty())
        .policy(diff)?;
    // Reading the diff, its history and the target-branch policy (one stage: the reads
    // interleave).
    run.info_mut()
        .stages
        .insert(0, ("diff and policy read", read));
    run.not_scanned(input.not_scanned);
    run.info_mut().warnings.extend(warnings);
    // Function context only where a checkout with history is the source: in API mode
    // it would cost one file read per file and the hunks alone are sent (docs/llm.md).
    let head = match (&ctx.source, &input.loaded.head_sha) {
        (ReviewSource::Git { repo, .. }, Some(rev)) => Some(GitFiles {
            repo: repo.clone(),
            rev: rev.clone(),
            max_bytes: input.trusted.config.config.limits.max_file_bytes as u64,
        }),
        _ => None,
    };
    run.llm(
        ctx.llm.as_ref(),
        diff,
        head.as_ref().map(|h| h as &dyn crate::diff::FileAt),
    );
    if let Some((session, _)) = &input.api
        && session.has_token()
    {
        // Triage replies are read before the gate is decided (DESIGN.md).
        let config = &input.trusted.config.config;
        match session.triage(&mr.project, mr.iid, run.findings(), config.triage.min_role) {
            Ok(dismissals) => run.dismissals(dismissals),
            Err(e) => run.info_mut().warnings.push(format!(
                "cannot read the triage replies, so no dismissal applies: {e}"
            )),
        }
    }
    let (findings, info) = run.finish();
    // Comments go only where the diff version (and so the positions) is known.
    if let Some((session, version)) = input.api {
        *to_publish = Some(ToPublish {
            session,
            findings: findings.clone(),
            run: info.clone(),
            diff: input.loaded.diff,
            version,
            mr: mr.clone(),
            comments: input.trusted.config.config.comments.clone(),
            allow_override: input.trusted.config.config.allow_override,
        });
    }
    Ok((findings, info))
}

/// Token-less mode: the runner's checkout, after checking that it holds the MR's base
/// and head (a shallow clone often lacks the base: one clear error, exit 3).
fn from_checkout(repo: &Path, diff: &source::DiffSpec) -> Result<input::ReviewInput, Error> {
    if let source::DiffSpec::Range {
        base: Some(base),
        head: Some(head),
    } = diff
    {
        source::git::check_ci_range(repo, base, head)?;
    }
    input::from_git(repo, diff)
}

/// A fork MR whose pipeline holds the token, or no token at all: said in the summary.
fn token_warnings(ctx: &ReviewContext, mr: &MergeRequestRef) -> Vec<String> {
    let has_token = ctx.gitlab.as_ref().is_some_and(|g| g.token.is_some());
    let fork = mr.source_project.as_deref().filter(|s| *s != mr.project);
    match fork {
        Some(fork) if has_token => vec![format!(
            "merge request !{} comes from a fork (project {fork}) and this job has the token: fork pipelines must never receive {}; see docs/review.md",
            mr.iid, ctx.token_variable
        )],
        _ if !has_token => vec![format!(
            "{} is not set: report-only run (reports and gate; comments are off, nothing is posted to GitLab)",
            ctx.token_variable
        )],
        _ => Vec::new(),
    }
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
    crate::pipeline::review_diff(
        &empty,
        &policy(&defaults, &rules, &BTreeSet::new(), ctx),
        started,
    )
}

fn policy<'a>(
    config: &'a config::Loaded,
    rules: &'a rules::RuleSet,
    baseline: &'a BTreeSet<crate::finding::Fingerprint>,
    ctx: &ReviewContext,
) -> Policy<'a> {
    Policy {
        config,
        rules,
        baseline,
        fail_on_flag: ctx.fail_on,
        meta_findings: Vec::new(),
    }
}

/// Which MR version to read, with the limits that apply before the trusted
/// configuration is known (the defaults).
fn api_request<'a>(ctx: &'a ReviewContext, mr: &'a MergeRequestRef) -> source::api::Request<'a> {
    let limits = config::Limits::default();
    source::api::Request {
        project: &mr.project,
        iid: mr.iid,
        diff_id: mr.diff_id,
        server: ctx.server_version,
        max_bytes: limits.max_diff_bytes,
        blob_fetch_files: limits.blob_fetch_files,
        token_variable: &ctx.token_variable,
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
