//! `.mrwarden.yml`: the schema (serde, unknown keys rejected) and its loading.

pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Error;
use crate::finding::Severity;
use crate::gate::Threshold;

/// The configuration file name looked for at the repository root.
pub const FILE_NAME: &str = ".mrwarden.yml";

/// The newest configuration `version` this build understands.
pub const VERSION: u32 = 1;

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Schema version (1).
    #[serde(default)]
    pub version: Option<u32>,
    /// Lowest severity that fails the pipeline [default: high].
    #[serde(default)]
    pub fail_on: Option<Threshold>,
    /// Paths never analysed (gitignore-style globs).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Enable, disable and re-grade rules.
    #[serde(default)]
    pub rules: RulesConfig,
    /// Rule pack files in the repository, added to the built-in packs.
    #[serde(default)]
    pub custom_rules: Vec<PathBuf>,
    /// Resource limits.
    #[serde(default)]
    pub limits: Limits,
    /// Let flags, inputs and environment loosen `fail_on` (by default they may only
    /// make it stricter).
    #[serde(default)]
    pub allow_override: bool,
    /// How inline `mrwarden:ignore` comments are honoured.
    #[serde(default)]
    pub suppressions: Suppressions,
    /// Baseline file of accepted fingerprints (written by `mrwarden baseline create`).
    #[serde(default)]
    pub baseline: Option<PathBuf>,
}

/// The `suppressions:` section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Suppressions {
    /// Whether suppressions added by the change itself count for the gate (they are
    /// always listed in the summary).
    pub allow_new: bool,
    /// Whether a suppression needs a reason after the rule id to count.
    pub require_reason: bool,
}

impl Default for Suppressions {
    fn default() -> Self {
        Suppressions {
            allow_new: true,
            require_reason: true,
        }
    }
}

/// The `rules:` section.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesConfig {
    /// Rule ids or tags to switch off (rules are dropped before analysis).
    #[serde(default)]
    pub disable: Vec<String>,
    /// Severity overrides by rule id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
}

/// The `limits:` section. Hitting a global limit means "not fully scanned" (exit 3 unless
/// a finding already fails the run); the per-file cap is only noted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest diff read, in bytes.
    pub max_diff_bytes: u64,
    /// Added bytes of one file analysed by every rule; beyond it only secrets are looked
    /// for, up to the cap, and the file is noted.
    pub max_file_bytes: usize,
    /// Most files analysed.
    pub max_files: usize,
    /// Most findings kept.
    pub max_findings: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_diff_bytes: 64 << 20,
            max_file_bytes: 2 << 20,
            max_files: 50_000,
            max_findings: 5_000,
        }
    }
}

/// A configuration and where it came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The parsed configuration (defaults if there was no file).
    pub config: Config,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// Non-fatal remarks (e.g. a newer `version`).
    pub warnings: Vec<String>,
}

/// Parses configuration text; errors name the origin, key, line and column.
pub fn parse(origin: &str, text: &str) -> Result<Loaded, Error> {
    let config: Config = yaml::from_str(text)
        .map_err(|e| Error::Config(format!("{origin}: {e}; see docs/configuration.md")))?;
    let mut warnings = Vec::new();
    if let Some(v) = config.version.filter(|v| *v > VERSION) {
        warnings.push(format!(
            "{origin}: version {v} is newer than this mrwarden understands ({VERSION}); upgrade mrwarden"
        ));
    }
    Ok(Loaded {
        config,
        path: None,
        warnings,
    })
}

/// Loads `explicit` if given (it must exist), else `<repo>/.mrwarden.yml` if present,
/// else the defaults.
pub fn load_local(repo: &Path, explicit: Option<&Path>) -> Result<Loaded, Error> {
    let (path, required) = match explicit {
        Some(p) => (p.to_path_buf(), true),
        None => (repo.join(FILE_NAME), false),
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded::default());
        }
        Err(e) => {
            return Err(Error::Config(format!(
                "cannot read configuration {}: {e}",
                path.display()
            )));
        }
    };
    let mut loaded = parse(&path.display().to_string(), &text)?;
    loaded.path = Some(path);
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_key_and_line() {
        let e = parse("c.yml", "version: 1\nfail_onn: high\n")
            .expect_err("unknown")
            .to_string();
        assert!(e.contains("fail_onn") && e.contains('2'), "{e}");
    }

    #[test]
    fn wrong_type_and_bad_severity() {
        assert!(parse("c.yml", "exclude: 5\n").is_err());
        let e = parse("c.yml", "fail_on: severe\n")
            .expect_err("bad")
            .to_string();
        assert!(e.contains("severe"), "{e}");
        let ok = parse("c.yml", "fail_on: never\nrules:\n  disable: [x]\n").expect("ok");
        assert_eq!(ok.config.fail_on, Some(Threshold::Never));
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        let mut y = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            let refs = vec![format!("*{prev}"); 10].join(",");
            y.push_str(
                &[
                    "l",
                    &i.to_string(),
                    ": &l",
                    &i.to_string(),
                    " [",
                    &refs,
                    "]\n",
                ]
                .concat(),
            );
        }
        let start = std::time::Instant::now();
        assert!(parse("bomb.yml", &y).is_err());
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn newer_version_warns() {
        let l = parse("c.yml", "version: 9\n").expect("parses");
        assert_eq!(l.warnings.len(), 1);
    }
}
