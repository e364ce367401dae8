//! Rules as data: the pack format ([`spec`]), the compiled form ([`compile`]), the
//! built-in packs embedded at build time ([`builtin`]), language globs ([`lang`]) and the
//! fixture runner shared by `cargo test` and `mrwarden rules test` ([`fixtures`]).

pub mod builtin;
pub mod compile;
pub mod lang;
pub mod prefixes;
pub mod spec;
pub mod tree;

use std::path::Path;

pub use compile::{CompiledRule, RuleSet};
pub use spec::{PackFile, RuleKind, RuleSpec};

use crate::error::Error;

/// A pack as loaded: its origin (for error messages) and its parsed content.
#[derive(Debug, Clone)]
pub struct LoadedPack {
    /// Where it came from: `builtin:secrets.yml` or a file path.
    pub origin: String,
    /// The parsed pack.
    pub pack: PackFile,
    /// Embedded in the binary: its regexes compile on first use (they are tested);
    /// any other pack's compile when it loads, so their errors surface at once.
    pub builtin: bool,
}

/// Parses one pack; errors name the origin, line and column.
pub fn parse_pack(origin: &str, text: &str) -> Result<LoadedPack, Error> {
    let pack: PackFile = crate::config::yaml::from_str(text)
        .map_err(|e| Error::Config(format!("rule pack {origin}: {e}")))?;
    Ok(LoadedPack {
        origin: origin.to_string(),
        pack,
        builtin: false,
    })
}

/// Reads a pack file from disk.
pub fn read_pack(path: &Path) -> Result<LoadedPack, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Config(format!("cannot read rule pack {}: {e}", path.display())))?;
    parse_pack(&path.display().to_string(), &text)
}

/// The built-in packs plus the given custom ones, compiled once.
pub fn load(custom: &[LoadedPack]) -> Result<RuleSet, Error> {
    load_without(custom, &[]).map(|(set, _)| set)
}

/// The built-in packs plus `custom`, as a repository's configuration shapes them: the
/// rules it disables dropped, its instance-specific GitLab token prefixes added.
pub fn load_configured(
    custom: &[LoadedPack],
    config: &crate::config::Config,
) -> Result<(RuleSet, Vec<String>), Error> {
    load_shaped(
        custom,
        &config.rules.disable,
        &config.secrets.gitlab_token_prefixes,
    )
}

/// Like [`load`], dropping the rules whose id or tag is in `disable` before compiling.
/// Returns warnings for `disable` entries that match no rule (a typo would otherwise
/// silently keep a rule on).
pub fn load_without(
    custom: &[LoadedPack],
    disable: &[String],
) -> Result<(RuleSet, Vec<String>), Error> {
    load_shaped(custom, disable, &[])
}

fn load_shaped(
    custom: &[LoadedPack],
    disable: &[String],
    gitlab_token_prefixes: &[String],
) -> Result<(RuleSet, Vec<String>), Error> {
    let mut packs = builtin::packs()?;
    prefixes::apply(&mut packs, gitlab_token_prefixes)?;
    packs.extend_from_slice(custom);
    let mut used = vec![false; disable.len()];
    for pack in &mut packs {
        pack.pack.rules.retain(|rule| {
            let mut keep = true;
            for (i, d) in disable.iter().enumerate() {
                if rule.id == *d || rule.tags.contains(d) {
                    used[i] = true;
                    keep = false;
                }
            }
            keep
        });
    }
    let warnings = disable
        .iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(d, _)| {
            format!("rules.disable: {d:?} matches no rule id or tag; see mrwarden rules list")
        })
        .collect();
    Ok((RuleSet::compile(&packs)?, warnings))
}
