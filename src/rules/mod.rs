//! Rules as data: the pack format ([`spec`]), the compiled form ([`compile`]), the
//! built-in packs embedded at build time ([`builtin`]), language globs ([`lang`]) and the
//! fixture runner shared by `cargo test` and `mrwarden rules test` ([`fixtures`]).

pub mod builtin;
pub mod compile;
pub mod fixtures;
pub mod lang;
pub mod spec;

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
}

/// Parses one pack; errors name the origin, line and column.
pub fn parse_pack(origin: &str, text: &str) -> Result<LoadedPack, Error> {
    let pack: PackFile = crate::config::yaml::from_str(text)
        .map_err(|e| Error::Config(format!("rule pack {origin}: {e}")))?;
    Ok(LoadedPack {
        origin: origin.to_string(),
        pack,
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
    let mut packs = builtin::packs()?;
    packs.extend_from_slice(custom);
    RuleSet::compile(&packs)
}
