//! `mrwarden review`: CI mode. Reads the pipeline's own MR diff version through one
//! GitLab session (or local git with `--diff-source git`) and the trusted policy at its
//! base commit, runs the same [`Run`] as `scan` inside [`super::with_reports`] (reports
//! on every exit path), reads triage replies before the gate, then posts the review to
//! the MR ([`crate::gitlab::publish`]); without a token or with `--dry-run` the summary
//! note it would post is printed.

use std::time::SystemTime;

use crate::cli::{Format, ReviewArgs};
use crate::context::{EnvFn, MergeRequestRef, ReviewContext, ReviewSource};
use crate::diff::source::git::GitFiles;
use crate::error::Error;
use crate::finding::Finding;
use crate::gitlab::Session;
use crate::gitlab::model::Version;
use crate::pipeline::{Policy, Run, input};
use crate::report::RunInfo;
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
            super::append_would_post(&mut outcome, &ctx.output.dir, ctx.dry_run);
        }
        _ => {}
    }
    if ctx.exit == crate::context::ExitWith::ZeroOnceWritten {
        super::exit_zero(&ctx.output.dir, &mut outcome);
    }
    outcome
}

/// `MRWARDEN_DISABLED=true`: valid empty reports, a clear log line, exit 0; with a token
/// in an MR pipeline the summary note says the review was switched off (an MR can set
/// the variable in its own `.gitlab-ci.yml`, so this must be visible).
fn switched_off(ctx: &ReviewContext) -> Outcome {
    let mut outcome = super::with_reports(&ctx.output, |started| {
        let mut result = crate::pipeline::empty(
            "switched off (MRWARDEN_DISABLED)".into(),
            ctx.fail_on,
            started,
        )?;
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
    let (mode, max_inline) = p
        .comments
        .under_flags(ctx.comments, ctx.max_inline, p.allow_override);
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
    let (session, found) = input::session_and_mr(ctx, &mut warnings)?;
    let Some(mr) = ctx.mr.as_ref().or(found.as_ref()) else {
        // Not an MR pipeline: valid empty reports give GitLab's MR widgets their base.
        return crate::pipeline::empty(
            "not a merge-request pipeline (no CI_MERGE_REQUEST_IID): nothing to review".into(),
            ctx.fail_on,
            started,
        );
    };
    let has_token = ctx.gitlab.as_ref().is_some_and(|g| g.token.is_some());
    warnings.extend(input::token_notes(mr, has_token, &ctx.token_variable));
    let clock = std::time::Instant::now();
    let mut input = match (&ctx.source, session) {
        (ReviewSource::Git { repo, diff }, _) => input::from_checkout(repo, diff)?,
        (ReviewSource::Api, Some(session)) => {
            let req = input::api_request(mr, ctx.server_version, &ctx.token_variable);
            match input::from_api(&req, session, &mut warnings)? {
                Ok(input) => input,
                Err(state) => {
                    let why = format!("merge request !{} is {state}: nothing to review", mr.iid);
                    return crate::pipeline::empty(why, ctx.fail_on, started);
                }
            }
        }
        // An MR in API mode always has its session (made above).
        (ReviewSource::Api, None) => return Err(Error::Usage("no GitLab session".into())),
    };
    crate::policy::trusted::apply_central(&mut input.trusted, ctx.central_config.as_ref());
    let read = clock.elapsed();
    run_steps(ctx, mr, input, warnings, (started, read), to_publish)
}

/// The run's steps over what was read (`read` timed the reads), then what publishing
/// needs.
fn run_steps(
    ctx: &ReviewContext,
    mr: &MergeRequestRef,
    input: input::ReviewInput,
    mut warnings: Vec<String>,
    (started, read): (SystemTime, std::time::Duration),
    to_publish: &mut Option<ToPublish>,
) -> Result<(Vec<Finding>, RunInfo), Error> {
    let clock = std::time::Instant::now();
    let (rules, rule_warnings) =
        rules::load_configured(&input.trusted.custom, &input.trusted.config.config)?;
    warnings.extend(rule_warnings);
    let policy = Policy {
        config: &input.trusted.config,
        rules: &rules,
        baseline: &input.trusted.baseline,
        fail_on_flag: ctx.fail_on,
        meta_findings: input.trusted.findings.clone(),
    };
    // Compiling the trusted rules counts with the reads.
    let read = read + clock.elapsed();
    let diff = &input.loaded.diff;
    // Whole post-change files for the tree engines, read once at the head and shared
    // with the LLM's function context: git when the checkout is the source, else the
    // API at the version's head SHA (one request per changed code file, eight at a
    // time). The working tree is never read in API mode.
    let max_bytes = input.trusted.config.config.limits.max_file_bytes as u64;
    let git_head = match (&ctx.source, &input.loaded.head_sha) {
        (ReviewSource::Git { repo, .. }, Some(rev)) => Some(GitFiles {
            repo: repo.clone(),
            rev: rev.clone(),
            max_bytes,
        }),
        _ => None,
    };
    let api_head = match (&input.api, &input.loaded.head_sha) {
        (Some((session, _)), Some(rev)) if git_head.is_none() => {
            Some(crate::diff::source::api::ApiFiles {
                session,
                project: &mr.project,
                rev: rev.clone(),
                max_bytes,
            })
        }
        _ => None,
    };
    let source: Option<&dyn crate::diff::FileAt> = match (&git_head, &api_head) {
        (Some(g), _) => Some(g),
        (None, Some(a)) => Some(a),
        _ => None,
    };
    // In API mode a miss is not fetched: every request counts in the budget, and the
    // LLM gets whole functions only for the files the tree engines read.
    let cached = source.map(|f| crate::diff::revision::Cached::new(f, git_head.is_some()));
    let files = cached.as_ref().map(|c| c as &dyn crate::diff::FileAt);
    let mut run = Run::analyse(&input.loaded, &policy, started, None)
        .trees(diff, files)
        .history(&input.commits, diff, input.not_scanned.is_empty())
        .policy(diff)?;
    // Reading the diff, its history and the target-branch policy (one stage: the reads
    // interleave).
    run.info_mut()
        .stages
        .insert(0, ("diff and policy read", read));
    run.not_scanned(input.not_scanned);
    run.info_mut().warnings.extend(warnings);
    run.llm(ctx.llm.as_ref(), diff, files);
    if let Some((session, _)) = &input.api
        && session.has_token()
    {
        // Triage replies are read before the gate is decided (DESIGN.md).
        run.triage(session, mr, &input.trusted.config.config);
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
