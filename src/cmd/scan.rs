//! `mrwarden scan`: local mode, no network.

use crate::cli::ScanArgs;
use crate::context::{Context, EnvFn};
use crate::{config, diff, rules};

use super::Outcome;

/// Runs `scan` with flags and environment.
pub fn run(args: &ScanArgs, env: EnvFn<'_>) -> Outcome {
    match Context::for_scan(args, env) {
        Ok(ctx) => execute(&ctx),
        Err(e) => Outcome::error(&e),
    }
}

/// Runs the local flow for a built context: configuration from the working tree (it is
/// the user's own machine), rules, the git (or file) diff, analysis, reports, gate.
pub fn execute(ctx: &Context) -> Outcome {
    super::with_reports(&ctx.output, |started| {
        let config = config::load_local(&ctx.repo, ctx.config_path.as_deref())?;
        let custom = config
            .config
            .custom_rules
            .iter()
            .map(|p| rules::read_pack(&ctx.repo.join(p)))
            .collect::<Result<Vec<_>, _>>()?;
        let rules = rules::load(&custom)?;
        let loaded = diff::source::load(&ctx.repo, &ctx.diff, config.config.limits.max_diff_bytes)?;
        crate::review_diff(&loaded, &config, &rules, ctx.fail_on, started)
    })
}
