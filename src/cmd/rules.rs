//! `mrwarden rules list` and `mrwarden rules test`.

use std::fmt::Write;

use crate::analyze::fixtures;
use crate::cli::{RulesCommand, RulesListArgs, RulesTestArgs};
use crate::error::Error;
use crate::rules;

use super::Outcome;

/// Dispatches the `rules` subcommands.
pub fn run(cmd: &RulesCommand) -> Outcome {
    match cmd {
        RulesCommand::List(a) => list(a).unwrap_or_else(|e| Outcome::error(&e)),
        RulesCommand::Test(a) => test(a).unwrap_or_else(|e| Outcome::error(&e)),
    }
}

fn list(args: &RulesListArgs) -> Result<Outcome, Error> {
    let config = crate::config::load_local(std::path::Path::new("."), args.config.as_deref())?;
    let custom = config
        .config
        .custom_rules
        .iter()
        .map(|p| rules::read_pack(p))
        .collect::<Result<Vec<_>, _>>()?;
    let set = rules::load(&custom)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<40} {:<9} {:<22} TITLE",
        "ID", "SEVERITY", "LANGUAGES"
    );
    for r in &set.rules {
        let langs = if r.spec.languages.is_empty() && r.spec.paths.is_empty() {
            "any".to_string()
        } else if r.spec.languages.is_empty() {
            r.spec.paths.join(",")
        } else {
            r.spec.languages.join(",")
        };
        let _ = writeln!(
            out,
            "{:<40} {:<9} {:<22} {}",
            r.spec.id,
            r.spec.severity.as_str(),
            langs,
            r.spec.title
        );
    }
    let _ = writeln!(out, "{} rules", set.rules.len());
    Ok(Outcome {
        stdout: out,
        ..Outcome::default()
    })
}

fn test(args: &RulesTestArgs) -> Result<Outcome, Error> {
    let (packs, files) = match &args.dir {
        Some(dir) => fixtures::from_dir(dir)?,
        None => fixtures::builtin()?,
    };
    let report = fixtures::run(&packs, &files)?;
    let mut out = String::new();
    for f in &report.failures {
        let _ = writeln!(out, "FAIL {}", crate::sanitize::terminal_line(f));
    }
    let _ = writeln!(
        out,
        "{} rules, {} fixture cases, {} failures",
        report.rules,
        report.cases,
        report.failures.len()
    );
    Ok(Outcome {
        stdout: out,
        stderr: Vec::new(),
        code: u8::from(!report.failures.is_empty()),
    })
}
