//! `mrwarden scan`: local mode, no network (unless `--llm` asks for the LLM reviewer).

use std::collections::BTreeSet;
use std::path::Path;

use crate::cli::ScanArgs;
use crate::context::{Context, DiffSpec, EnvFn};
use crate::error::Error;
use crate::finding::Fingerprint;
use crate::policy::baseline;
use crate::{config, diff, rules};

use super::Outcome;

/// Runs `scan` with flags and environment.
pub fn run(args: &ScanArgs, env: EnvFn<'_>) -> Outcome {
    match Context::for_scan(args, env) {
        Ok(ctx) => execute(&ctx),
        Err(e) => Outcome::error(&e),
    }
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
pub fn load_local(repo: &Path, config_path: Option<&Path>) -> Result<Local, Error> {
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
pub fn load_baseline(repo: &Path, config: &config::Config) -> Result<BTreeSet<Fingerprint>, Error> {
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
        let local = load_local(&ctx.repo, ctx.config_path.as_deref())?;
        let baseline = load_baseline(&ctx.repo, &local.config.config)?;
        let policy = crate::Policy {
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
        let limits = &local.config.config.limits;
        // A git range has commits: their secrets count too (DESIGN.md). Its files are
        // analysed as git writes them.
        let result = if let DiffSpec::Range { base, head } = &ctx.diff {
            // The commits' history is read by its own git processes meanwhile.
            let (loaded, commits) = std::thread::scope(|s| {
                let history = s.spawn(|| {
                    diff::source::git::history(
                        &ctx.repo,
                        base.as_deref(),
                        head.as_deref(),
                        limits.max_diff_bytes,
                    )
                });
                let mut analysis = crate::analyze::Analysis::begin(&local.rules);
                let loaded = diff::source::git::range_analysed(
                    &ctx.repo,
                    base.as_deref(),
                    head.as_deref(),
                    limits.max_diff_bytes,
                    &mut |files| analysis.add_files(files, &local.rules, limits),
                );
                analysis.finish(limits);
                // (Release builds abort on a panic; if one ever unwinds here, the
                // history counts as unread and the run fails closed.)
                let commits = history.join().unwrap_or_else(|_| {
                    let mut c = crate::analyze::history::Commits::default();
                    c.unread
                        .push(("(commit history)".into(), "reading it failed".into()));
                    c
                });
                loaded.map(|l| ((l, analysis), commits))
            })?;
            let (loaded, analysis) = loaded;
            let read = clock.elapsed();
            let result = crate::review_diff_with_history(
                &loaded,
                &policy,
                &commits,
                true,
                started,
                Some(analysis),
            )?;
            (loaded, ("diff and analysis", read), result)
        } else {
            let loaded = diff::source::load(&ctx.repo, &ctx.diff, limits)?;
            let read = clock.elapsed();
            let result = crate::review_diff(&loaded, &policy, started)?;
            (loaded, ("diff", read), result)
        };
        let (loaded, read, mut result) = result;
        result.1.stages.insert(0, read);
        if ctx.llm_not_asked {
            result.1.warnings.push(
                "MRWARDEN_LLM_* is set, but scan does no network unless asked: add --llm to run the LLM reviewer".into(),
            );
        }
        // Function context comes from git at the head of a range; a diff file, stdin or
        // the staged changes have no head commit to read from.
        let head = matches!(ctx.diff, DiffSpec::Range { .. })
            .then(|| super::GitHead::of(&ctx.repo, &loaded, &local.config.config.limits))
            .flatten();
        super::llm_review(
            ctx.llm.as_ref(),
            &loaded.diff,
            head.as_ref(),
            &policy,
            &mut result,
        );
        inspect(&loaded, &result.0, &result.1);
        Ok(result)
    })
}

/// Files of a tree are analysed in chunks of this many bytes, so memory stays bounded
/// whatever the size of the tree.
const TREE_CHUNK_BYTES: u64 = 16 << 20;

/// `scan --all`: the same flow as a diff, chunk by chunk.
fn scan_tree(
    root: &Path,
    policy: &crate::Policy<'_>,
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
            let (findings, run) = crate::review_diff(&chunk, policy, started)?;
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
    let (mut findings, mut run) =
        acc.ok_or_else(|| Error::Analysis("the tree walk produced nothing".into()))?;
    crate::finding::sort(&mut findings);
    let fully = run.notes.iter().all(|n| !n.reason.fails_closed());
    run.verdict = crate::gate::decide(&findings, run.fail_on, fully);
    Ok((findings, run))
}
