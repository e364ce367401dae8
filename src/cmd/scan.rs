//! `mrwarden scan`: local mode, no network (unless `--llm` asks for the LLM reviewer).

use std::path::Path;

use crate::cli::ScanArgs;
use crate::context::{Context, DiffSpec, EnvFn};
use crate::diff;
use crate::diff::source::git::GitFiles;
use crate::error::Error;
use crate::pipeline::{self, Policy, Run, input};

use super::Outcome;

/// Runs `scan` with flags and environment.
pub fn run(args: &ScanArgs, env: EnvFn<'_>) -> Outcome {
    match Context::for_scan(args, env) {
        Ok(ctx) => execute(&ctx),
        Err(e) => Outcome::error(&e),
    }
}

/// Runs the local flow for a built context: configuration, rules, the git (or file, or
/// tree) diff, analysis, policy, reports, gate.
pub fn execute(ctx: &Context) -> Outcome {
    execute_with(ctx, |_, _, _| {})
}

/// [`execute`], handing the analysed diff, the findings kept and the run to `inspect`
/// before the reports are written (`demo` previews its comments from them). Not called
/// for `scan --all`, which has no diff.
pub fn execute_with(
    ctx: &Context,
    inspect: impl FnOnce(&diff::source::Loaded, &[crate::finding::Finding], &crate::report::RunInfo),
) -> Outcome {
    super::with_reports(&ctx.output, |started| {
        let local = input::local(&ctx.repo, ctx.config_path.as_deref())?;
        let baseline = input::baseline(&ctx.repo, &local.config.config)?;
        let policy = Policy {
            config: &local.config,
            rules: &local.rules,
            baseline: &baseline,
            fail_on_flag: ctx.fail_on,
            meta_findings: Vec::new(),
        };
        if ctx.diff == DiffSpec::AllFiles {
            return scan_tree(&ctx.repo, &policy, started);
        }
        let clock = std::time::Instant::now();
        let max_bytes = local.config.config.limits.max_file_bytes as u64;
        let (loaded, read, analysis, commits) = if let DiffSpec::Range { base, head } = &ctx.diff {
            // A git range has commits: their secrets count too (DESIGN.md).
            let (loaded, analysis, commits) =
                input::git_range(&ctx.repo, &local, base.as_deref(), head.as_deref())?;
            let read = ("diff and analysis", clock.elapsed());
            (loaded, read, Some(analysis), Some(commits))
        } else {
            let loaded = diff::source::load(&ctx.repo, &ctx.diff, &local.config.config.limits)?;
            (loaded, ("diff", clock.elapsed()), None, None)
        };
        // Whole files for the tree engines and the LLM's function context, read once:
        // git at the head of a range, the index with --staged; a diff file or stdin has
        // no revision, so its hunks are parsed (DESIGN.md).
        let head = match (&ctx.diff, &loaded.head_sha) {
            (DiffSpec::Range { .. }, Some(rev)) => Some(GitFiles {
                repo: ctx.repo.clone(),
                rev: rev.clone(),
                max_bytes,
            }),
            _ => None,
        };
        let index = diff::source::git::IndexFiles {
            repo: ctx.repo.clone(),
            max_bytes,
        };
        let source: Option<&dyn diff::FileAt> = match (&ctx.diff, &head) {
            (DiffSpec::Range { .. }, Some(h)) => Some(h),
            (DiffSpec::Staged, _) => Some(&index),
            _ => None,
        };
        let cached = source.map(|f| diff::revision::Cached::new(f, true));
        let files = cached.as_ref().map(|c| c as &dyn diff::FileAt);
        let mut run = Run::analyse(&loaded, &policy, started, analysis).trees(&loaded.diff, files);
        if let Some(commits) = &commits {
            run = run.history(commits, &loaded.diff, true);
        }
        let mut run = run.policy(&loaded.diff)?;
        run.info_mut().stages.insert(0, read);
        if ctx.llm_not_asked {
            run.info_mut().warnings.push(
                "MRWARDEN_LLM_* is set, but scan does no network unless asked: add --llm to run the LLM reviewer".into(),
            );
        }
        run.llm(ctx.llm.as_ref(), &loaded.diff, files);
        let (findings, info) = run.finish();
        inspect(&loaded, &findings, &info);
        Ok((findings, info))
    })
}

/// Files of a tree are analysed in chunks of this many bytes, so memory stays bounded
/// whatever the size of the tree.
const TREE_CHUNK_BYTES: u64 = 16 << 20;

/// `scan --all`: the same flow as a diff, chunk by chunk.
fn scan_tree(
    root: &Path,
    policy: &Policy<'_>,
    started: std::time::SystemTime,
) -> Result<(Vec<crate::finding::Finding>, crate::report::RunInfo), Error> {
    let limits = &policy.config.config.limits;
    let mut acc: Option<(Vec<crate::finding::Finding>, crate::report::RunInfo)> = None;
    diff::source::tree::walk_chunks(
        root,
        limits.max_file_bytes,
        limits.max_diff_bytes,
        TREE_CHUNK_BYTES,
        |chunk| {
            // Every file of the tree is whole in its chunk: the tree engines need no reads.
            let (findings, run) = Run::analyse(&chunk, policy, started, None)
                .trees(&chunk.diff, None)
                .policy(&chunk.diff)?
                .into_parts();
            match &mut acc {
                None => acc = Some((findings, run)),
                Some((all, total)) => {
                    all.extend(findings);
                    total.absorb(run);
                }
            }
            Ok(())
        },
    )?;
    let (mut findings, run) =
        acc.ok_or_else(|| Error::Analysis("the tree walk produced nothing".into()))?;
    crate::finding::sort(&mut findings);
    Ok(pipeline::finish(
        findings,
        run,
        policy.config.config.llm.gate_on,
    ))
}
