//! `.mrwarden.yml`: the schema (serde, unknown keys rejected) and its loading.

pub mod central;
pub mod paths;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::GlobSet;
use serde::{Deserialize, Serialize};

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
    /// Who may dismiss a finding by replying `!fp`/`!accept` on a bot thread.
    #[serde(default)]
    pub triage: Triage,
    /// Budgets, excludes and gating of the optional LLM reviewer. The endpoint, model and
    /// key are never read from a file: only from `MRWARDEN_LLM_*` CI variables.
    #[serde(default)]
    pub llm: LlmConfig,
    /// What `review` writes on the merge request.
    #[serde(default)]
    pub comments: CommentsConfig,
    /// Central configuration only (`MRWARDEN_CENTRAL_CONFIG`): the keys a project's
    /// `.mrwarden.yml` may tighten but never loosen ([`central::merge`]).
    #[serde(default)]
    pub enforced: Vec<central::Key>,
    /// Central configuration only: rule packs carried inline, by name (the pack's YAML
    /// as a string), added to the built-in packs of every project.
    #[serde(default)]
    pub custom_packs: BTreeMap<String, String>,
    /// Secret detection settings.
    #[serde(default)]
    pub secrets: SecretsConfig,
    /// Path classes: test code (reported, not gating) and vendored code (secrets only).
    #[serde(default)]
    pub paths: paths::PathsConfig,
}

/// The `secrets:` section.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretsConfig {
    /// Extra GitLab token prefixes of a self-managed instance (its instance token prefix,
    /// or its replacement for `glpat-`), looked for by every GitLab token rule.
    #[serde(default)]
    pub gitlab_token_prefixes: Vec<String>,
}

/// How comments are posted (`comments.mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentMode {
    /// Inline discussions plus the summary note.
    Inline,
    /// Only the summary note.
    Summary,
    /// Nothing at all.
    Off,
}

/// The `comments:` section. Flags (`--comments`, `--max-inline`) can only make it
/// quieter unless `allow_override: true`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CommentsConfig {
    /// `inline` (one discussion per finding plus the summary), `summary` or `off`.
    pub mode: CommentMode,
    /// Most inline discussions created per run; the rest go into the summary.
    pub max_inline: usize,
}

impl CommentsConfig {
    /// `mode` and `max_inline` after the flags: flags may only make comments quieter
    /// unless the trusted configuration says `allow_override: true`.
    pub fn under_flags(
        &self,
        mode: Option<CommentMode>,
        max_inline: Option<usize>,
        allow_override: bool,
    ) -> (CommentMode, usize) {
        let mode = match mode {
            Some(m) if allow_override => m,
            Some(m) => m.max(self.mode),
            None => self.mode,
        };
        let max_inline = match max_inline {
            Some(n) if allow_override => n,
            Some(n) => n.min(self.max_inline),
            None => self.max_inline,
        };
        (mode, max_inline)
    }
}

impl Default for CommentsConfig {
    fn default() -> Self {
        CommentsConfig {
            mode: CommentMode::Inline,
            max_inline: 25,
        }
    }
}

/// The `llm:` section: budgets, `exclude` and `gate_on` only (DESIGN.md). Keys naming
/// an endpoint, model or key are recognised only to be refused with a clear message:
/// a repository file must never be able to send the code (or the key) elsewhere.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LlmConfig {
    /// Most files sent for review in one run.
    pub max_files: usize,
    /// Most requests in one run (retries not counted).
    pub max_requests: usize,
    /// Most input tokens in one request (estimated as bytes / 4).
    pub max_request_tokens: usize,
    /// Most input tokens in one run (estimated as bytes / 4).
    pub max_run_tokens: usize,
    /// Most output tokens the model may produce per request.
    pub max_output_tokens: usize,
    /// Seconds one request (one attempt) may take.
    pub request_timeout_secs: u64,
    /// Seconds the whole LLM pass may take, retries and waits included.
    pub total_timeout_secs: u64,
    /// Paths never sent to the LLM (gitignore-style globs), besides the top-level `exclude`.
    pub exclude: Vec<String>,
    /// Lowest LLM-finding severity that fails the run (and only if it also reaches
    /// `fail_on`) [default: critical]. LLM findings are probabilistic.
    pub gate_on: Threshold,
    /// Refused: see [`LlmConfig::forbidden_keys`].
    provider: Option<serde::de::IgnoredAny>,
    /// Refused.
    url: Option<serde::de::IgnoredAny>,
    /// Refused.
    base_url: Option<serde::de::IgnoredAny>,
    /// Refused.
    model: Option<serde::de::IgnoredAny>,
    /// Refused.
    key: Option<serde::de::IgnoredAny>,
    /// Refused.
    api_key: Option<serde::de::IgnoredAny>,
}

impl Default for LlmConfig {
    fn default() -> Self {
        LlmConfig {
            max_files: 50,
            max_requests: 30,
            max_request_tokens: 16_000,
            max_run_tokens: 200_000,
            max_output_tokens: 2_048,
            request_timeout_secs: 120,
            total_timeout_secs: 600,
            exclude: Vec::new(),
            gate_on: Threshold::At(Severity::Critical),
            provider: None,
            url: None,
            base_url: None,
            model: None,
            key: None,
            api_key: None,
        }
    }
}

impl LlmConfig {
    /// The endpoint-naming keys present in the file (they make the file invalid).
    pub fn forbidden_keys(&self) -> Vec<&'static str> {
        [
            ("provider", self.provider.is_some()),
            ("url", self.url.is_some()),
            ("base_url", self.base_url.is_some()),
            ("model", self.model.is_some()),
            ("key", self.key.is_some()),
            ("api_key", self.api_key.is_some()),
        ]
        .into_iter()
        .filter_map(|(k, set)| set.then_some(k))
        .collect()
    }
}

/// The `triage:` section: the schema of DESIGN.md. Replies are judged by
/// the triage policy (`policy::triage`) under the target branch's value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triage {
    /// Lowest project role whose `!fp`/`!accept` replies count for the gate.
    #[serde(default)]
    pub min_role: Role,
}

/// A GitLab project role, lowest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Access level 10.
    Guest,
    /// Access level 20.
    Reporter,
    /// Access level 30.
    Developer,
    /// Access level 40 (the default for triage).
    #[default]
    Maintainer,
    /// Access level 50.
    Owner,
}

impl Role {
    /// GitLab's numeric access level.
    pub fn access_level(self) -> u32 {
        match self {
            Role::Guest => 10,
            Role::Reporter => 20,
            Role::Developer => 30,
            Role::Maintainer => 40,
            Role::Owner => 50,
        }
    }
}

/// The `suppressions:` section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesConfig {
    /// Rule ids or tags to switch off (rules are dropped before analysis).
    #[serde(default)]
    pub disable: Vec<String>,
    /// Severity overrides by rule id.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Whether findings of rules declared `confidence: low` gate [default: false: they
    /// are reported as not gating]. Secrets gate whatever their confidence.
    #[serde(default)]
    pub gate_low_confidence: bool,
}

/// The `limits:` section. Hitting a global limit means "not fully scanned" (exit 3 unless
/// a finding already fails the run); the per-file cap is only noted.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// Most files `review` fetches as two blobs and diffs locally when GitLab left their
    /// diff out and `raw_diffs` cannot supply it; the rest are "not scanned".
    pub blob_fetch_files: usize,
    /// Most changed code files read whole for the structural and taint rules (one read
    /// each; in `review` one API request each); the rest are parsed from their hunks.
    pub parse_files: usize,
    /// Largest file parsed whole; a larger one is parsed from its hunks.
    pub parse_file_bytes: usize,
    /// Most bytes parsed in one run; files past it get line rules only (noted).
    pub parse_total_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_diff_bytes: 64 << 20,
            max_file_bytes: 2 << 20,
            max_files: 50_000,
            max_findings: 5_000,
            blob_fetch_files: 50,
            parse_files: 1_000,
            parse_file_bytes: 1 << 20,
            parse_total_bytes: 64 << 20,
        }
    }
}

/// Longest GitLab token prefix accepted.
const MAX_GITLAB_PREFIX_CHARS: usize = 40;

/// Fewest characters in a prefix: a shorter one would make the replaced-PAT form match
/// ordinary identifiers.
const MIN_GITLAB_PREFIX_CHARS: usize = 3;

/// Checks a `secrets.gitlab_token_prefixes` entry; the error says what is allowed.
pub fn validate_gitlab_token_prefix(prefix: &str) -> Result<(), String> {
    let len = prefix.chars().count();
    let chars_ok = prefix
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if !(MIN_GITLAB_PREFIX_CHARS..=MAX_GITLAB_PREFIX_CHARS).contains(&len)
        || !chars_ok
        || !prefix.as_bytes()[0].is_ascii_alphanumeric()
    {
        return Err(format!(
            "secrets.gitlab_token_prefixes: {prefix:?} is not a token prefix: use {MIN_GITLAB_PREFIX_CHARS} to {MAX_GITLAB_PREFIX_CHARS} letters, digits, '-', '_' or '.', starting with a letter or digit"
        ));
    }
    Ok(())
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
    /// The root `.gitattributes` of the same revision (the working tree in `scan`, the
    /// trusted revision in `review`), for the path classes (`paths.gitattributes`).
    pub gitattributes: Option<String>,
}

/// The name of the attributes file whose `linguist-*` lines decide path classes.
pub const GITATTRIBUTES: &str = ".gitattributes";

/// Largest `.gitattributes` read (a larger one is ignored, with a warning).
pub const MAX_GITATTRIBUTES_BYTES: usize = 1 << 20;

impl Loaded {
    /// The compiled path classes of this configuration and its `.gitattributes`.
    pub fn path_classes(&self) -> Result<paths::PathClasses, Error> {
        paths::PathClasses::new(&self.config.paths, self.gitattributes.as_deref())
    }

    /// Takes `.gitattributes` bytes read from the same revision as the configuration:
    /// kept when UTF-8 and within [`MAX_GITATTRIBUTES_BYTES`], else a warning.
    pub fn set_gitattributes(&mut self, origin: &str, bytes: Vec<u8>) {
        if bytes.len() > MAX_GITATTRIBUTES_BYTES {
            self.warnings.push(format!(
                "{origin}: larger than {MAX_GITATTRIBUTES_BYTES} bytes; its linguist-vendored/linguist-generated paths are not applied"
            ));
            return;
        }
        match String::from_utf8(bytes) {
            Ok(text) => self.gitattributes = Some(text),
            Err(_) => self.warnings.push(format!(
                "{origin}: not UTF-8; its linguist-vendored/linguist-generated paths are not applied"
            )),
        }
    }
}

/// Parses configuration text; errors name the origin, key, line and column.
pub fn parse(origin: &str, text: &str) -> Result<Loaded, Error> {
    let loaded = parse_any(origin, text)?;
    let c = &loaded.config;
    if !c.enforced.is_empty() || !c.custom_packs.is_empty() {
        return Err(Error::Config(format!(
            "{origin}: enforced and custom_packs belong only in the central configuration (MRWARDEN_CENTRAL_CONFIG); a project lists its packs in custom_rules; see docs/configuration.md"
        )));
    }
    Ok(loaded)
}

/// [`parse`] without the project-only checks (the central configuration's parser).
fn parse_any(origin: &str, text: &str) -> Result<Loaded, Error> {
    let config: Config = yaml::from_str(text)
        .map_err(|e| Error::Config(format!("{origin}: {e}; see docs/configuration.md")))?;
    let forbidden = config.llm.forbidden_keys();
    if !forbidden.is_empty() {
        return Err(Error::Config(format!(
            "{origin}: llm.{} cannot be set in a file: the LLM endpoint, model and key come only from the CI/CD variables MRWARDEN_LLM_PROVIDER, MRWARDEN_LLM_URL, MRWARDEN_LLM_MODEL and MRWARDEN_LLM_API_KEY; remove the key (see docs/llm.md)",
            forbidden.join(", llm.")
        )));
    }
    if config.llm.max_requests == 0 || config.llm.request_timeout_secs == 0 {
        return Err(Error::Config(format!(
            "{origin}: llm.max_requests and llm.request_timeout_secs must be at least 1; see docs/llm.md"
        )));
    }
    for prefix in &config.secrets.gitlab_token_prefixes {
        validate_gitlab_token_prefix(prefix)
            .map_err(|e| Error::Config(format!("{origin}: {e}; see docs/configuration.md")))?;
    }
    paths::PathClasses::new(&config.paths, None)
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
        gitattributes: None,
    })
}

/// Loads `explicit` if given (it must exist), else `<repo>/.mrwarden.yml` if present,
/// else the defaults; with the working tree's root `.gitattributes` if there is one.
pub fn load_local(repo: &Path, explicit: Option<&Path>) -> Result<Loaded, Error> {
    let mut loaded = load_local_config(repo, explicit)?;
    let attributes = repo.join(GITATTRIBUTES);
    if let Ok(bytes) = std::fs::read(&attributes) {
        loaded.set_gitattributes(&attributes.display().to_string(), bytes);
    }
    Ok(loaded)
}

fn load_local_config(repo: &Path, explicit: Option<&Path>) -> Result<Loaded, Error> {
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

/// Compiled `exclude` globs (gitignore-style: a pattern without `/` matches at any depth).
pub fn exclude_set(patterns: &[String]) -> Result<GlobSet, Error> {
    paths::glob_set("exclude", patterns)
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
    fn llm_section_takes_budgets_but_never_an_endpoint() {
        let ok = parse(
            "c.yml",
            "llm:\n  max_files: 3\n  gate_on: high\n  exclude: [secret/]\n",
        )
        .expect("ok");
        assert_eq!(ok.config.llm.max_files, 3);
        assert_eq!(ok.config.llm.gate_on, Threshold::At(Severity::High));
        for key in ["provider", "url", "base_url", "model", "key", "api_key"] {
            let e = parse("c.yml", &format!("llm:\n  {key}: http://127.0.0.1:9/\n"))
                .expect_err("refused")
                .to_string();
            assert!(
                e.contains(&format!("llm.{key}")) && e.contains("MRWARDEN_LLM_URL"),
                "{e}"
            );
        }
        assert!(parse("c.yml", "llm:\n  concurrency_x: 2\n").is_err());
        assert_eq!(
            Config::default().llm.gate_on,
            Threshold::At(Severity::Critical)
        );
    }

    #[test]
    fn triage_roles_parse_and_default_to_maintainer() {
        assert_eq!(Config::default().triage.min_role, Role::Maintainer);
        let c = parse("c.yml", "triage: {min_role: developer}\n").expect("parses");
        assert_eq!(c.config.triage.min_role.access_level(), 30);
        assert!(parse("c.yml", "triage: {min_role: admin}\n").is_err());
    }

    #[test]
    fn gitlab_token_prefixes_parse_and_are_checked() {
        let c = parse(
            "c.yml",
            "secrets:\n  gitlab_token_prefixes: [acme-, corptok]\n",
        )
        .expect("parses");
        assert_eq!(c.config.secrets.gitlab_token_prefixes, ["acme-", "corptok"]);
        let e = parse("c.yml", "secrets:\n  gitlab_token_prefixes: [\"a b\"]\n")
            .expect_err("bad prefix")
            .to_string();
        assert!(
            e.contains("gitlab_token_prefixes") && e.contains("c.yml"),
            "{e}"
        );
        assert!(parse("c.yml", "secrets:\n  prefixes: [acme-]\n").is_err());
    }

    #[test]
    fn gitlab_token_prefixes_are_checked() {
        assert!(validate_gitlab_token_prefix("acme-").is_ok());
        assert!(validate_gitlab_token_prefix("corp_tok").is_ok());
        assert!(validate_gitlab_token_prefix("ab").is_err());
        assert!(validate_gitlab_token_prefix("-acme").is_err());
        assert!(validate_gitlab_token_prefix("ac me").is_err());
        assert!(validate_gitlab_token_prefix("a(b)c").is_err());
        assert!(validate_gitlab_token_prefix(&"x".repeat(41)).is_err());
    }

    #[test]
    fn newer_version_warns() {
        let l = parse("c.yml", "version: 9\n").expect("parses");
        assert_eq!(l.warnings.len(), 1);
    }
}
