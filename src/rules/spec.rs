//! The rule-pack file format (documented for users in `docs/rules.md`).
//!
//! ```yaml
//! pack: python
//! description: Python security patterns
//! rules:
//!   - id: python-subprocess-shell-true
//!     kind: vulnerability
//!     title: Command run through a shell
//!     message: subprocess is called with shell=True; input reaching it can run commands.
//!     severity: high
//!     confidence: medium
//!     cwe: 78
//!     owasp: "A03:2021"
//!     remediation: Pass an argument list and drop shell=True.
//!     languages: [python]
//!     keywords: ["shell=true", "shell = true"]
//!     pattern: 'subprocess\.\w+\(.*shell\s*=\s*True'
//! ```

use std::collections::HashMap;

use ast_grep_config::SerializableRule;
use serde::Deserialize;

use crate::finding::{Confidence, Severity};
use crate::syntax::AstSpec;

/// One pack file: a named list of rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Pack name (`secrets`, `python`, `dockerfile`, or a team's own).
    pub pack: String,
    /// What the pack covers.
    #[serde(default)]
    pub description: String,
    /// The rules.
    pub rules: Vec<RuleSpec>,
}

/// What a rule detects; decides the report (secret detection or SAST) and the
/// redaction of matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A credential: the match is redacted everywhere and never silenced by a
    /// suppression the MR adds.
    Secret,
    /// A vulnerable code or configuration pattern.
    Vulnerability,
}

/// Checksums some token formats carry; a valid checksum raises confidence to high and an
/// invalid one drops the match (it is not a real token of that kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Checksum {
    /// Last 6 characters are the base62 CRC32 of the 30 random characters before them
    /// (GitHub `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` tokens, npm `npm_` tokens).
    Crc32Base62,
}

/// How a secret rule's captured value is encoded. The value is decoded (bounded in size
/// and depth), the secret rules run on the decoded text, and the finding stays on the
/// encoded line, redacted, naming the kind of credential the value decodes to. The
/// decoded text is never printed or stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decode {
    /// Standard or URL-safe base64, padding optional; a percent-encoded value
    /// (`%3D` for `=`) is percent-decoded first.
    Base64,
    /// Percent-encoding (`%40` for `@`); a value without escapes is judged as written.
    Percent,
}

/// How hard to look for placeholders in a matched secret value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placeholders {
    /// Only obvious documentation values (`EXAMPLE`, runs of `x`/`*`). For provider
    /// formats whose shape is already strict.
    #[default]
    Basic,
    /// Also variable references, templates, common dummy words, UUIDs, hashes and
    /// low-variety strings. For generic `password = "…"` rules.
    Strict,
}

/// One rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Rule id, `[a-z0-9-]+(\.[a-z0-9-]+)*`, named after what it detects.
    pub id: String,
    /// Secret or vulnerability.
    pub kind: RuleKind,
    /// Short title.
    pub title: String,
    /// What is wrong when it matches.
    pub message: String,
    /// Severity of a match.
    pub severity: Severity,
    /// How often a match is a real problem.
    #[serde(default = "medium")]
    pub confidence: Confidence,
    /// CWE number.
    #[serde(default)]
    pub cwe: Option<u32>,
    /// OWASP Top 10 (2021) category, e.g. `A03:2021`.
    #[serde(default)]
    pub owasp: Option<String>,
    /// How to fix it.
    pub remediation: String,
    /// Free tags, usable in `rules:` config to enable or disable groups.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Languages (see `mrwarden rules list`); empty with empty `paths` means every text file.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Extra path globs the rule applies to (gitignore-style, matched on the repo path).
    #[serde(default)]
    pub paths: Vec<String>,
    /// Path globs the rule never applies to.
    #[serde(default)]
    pub exclude_paths: Vec<String>,
    /// Literal keywords (case-insensitive); a line is only tried against the patterns if
    /// it contains one of them. Required for line rules: it keeps scanning fast. For
    /// `ast:`/`taint:` rules optional: a file is only parsed for the rule if its text
    /// contains one of them.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The regular expression (Rust `regex` syntax, linear time).
    #[serde(default)]
    pub pattern: Option<String>,
    /// More alternatives; a line matches if any pattern matches.
    #[serde(default)]
    pub patterns: Vec<String>,
    /// A line that also matches one of these is not reported.
    #[serde(default)]
    pub not_patterns: Vec<String>,
    /// Only files whose diff text (added and context lines) matches this are scanned by
    /// the rule, e.g. `kind:\s*(Pod|Deployment)` for Kubernetes manifests.
    #[serde(default)]
    pub file_pattern: Option<String>,
    /// Only files whose diff text does NOT match this are scanned by the rule, e.g.
    /// `limits:` for a rule that reports containers without resource limits.
    #[serde(default)]
    pub not_file_pattern: Option<String>,
    /// The enclosing line must match this: the closest line above (added or context,
    /// within the same diff hunk, at most 40 lines up) that is less indented than the
    /// matched line. For block-structured files: `ingress` for a Terraform CIDR, `name:
    /// .*PASSWORD` for a Kubernetes env `value:`. No visible enclosing line: no match.
    #[serde(default)]
    pub parent_pattern: Option<String>,
    /// Secrets: the known provider prefix shown in redactions, e.g. `glpat-`.
    #[serde(default)]
    pub prefix: Option<String>,
    /// Secrets: minimum Shannon entropy (bits per character) of the value.
    #[serde(default)]
    pub min_entropy: Option<f64>,
    /// Secrets: checksum the value must carry.
    #[serde(default)]
    pub checksum: Option<Checksum>,
    /// Secrets: placeholder filtering strength.
    #[serde(default)]
    pub placeholders: Placeholders,
    /// Secrets: the captured value is encoded this way; the rule reports only when the
    /// decoded text holds a credential (see [`Decode`]).
    #[serde(default)]
    pub decode: Option<Decode>,
    /// Secrets with `decode`: when no secret rule finds a credential in the decoded text,
    /// the decoded text must match this, and its `secret` group (else the whole match) is
    /// judged by `placeholders` and `min_entropy`, e.g. `^[^:]+:(?P<secret>.+)$` for the
    /// `user:password` of HTTP Basic. Without it the whole decoded text is judged.
    #[serde(default)]
    pub decoded_pattern: Option<String>,
    /// Secrets: a generic rule yields to a provider rule matching the same value.
    #[serde(default)]
    pub generic: bool,
    /// A structural matcher run on the syntax tree of the whole changed file (instead of
    /// `pattern`): an ast-grep rule object with `constraints` and `utils`.
    #[serde(default)]
    pub ast: Option<AstSpec>,
    /// With `ast:`: the metavariable (`$SINK`) whose node is the finding's location;
    /// without it, the matched node. A match is reported only when this is on an added
    /// line.
    #[serde(default)]
    pub anchor: Option<String>,
    /// An intra-procedural taint rule (instead of `pattern`/`ast`): see [`TaintSpec`].
    #[serde(default)]
    pub taint: Option<TaintSpec>,
    /// Vulnerabilities: a safe rewrite of the finding's line, offered as a GitLab
    /// suggestion (see [`FixSpec`]).
    #[serde(default)]
    pub fix: Option<FixSpec>,
}

/// A rewrite of the finding's line: the first match of `find` in the line is replaced by
/// `replace` (`$1`, `${name}` name groups of `find`). Only for rewrites that are always
/// safe, e.g. `yaml.load(` to `yaml.safe_load(`, `verify=False` to `verify=True`. The
/// suggestion is offered only when the rewrite changes the line, the line holds no
/// secret, and the finding is on one line.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixSpec {
    /// What to replace (Rust `regex` syntax), matched in the finding's line.
    pub find: String,
    /// The replacement text.
    pub replace: String,
}

/// Where untrusted data comes from, where it must not go, and what makes it safe. Every
/// entry is an ast-grep rule object, or `{rule, constraints}`. Conventions on
/// metavariable names:
/// - a **source** match is tainted; a source that matches a function parameter taints
///   that parameter from the function's start (route-handler parameters);
/// - a **sink** names the dangerous argument `$SINK`; without it any argument of the
///   matched call counts;
/// - a **sanitizer**'s matched expression is clean; one that binds `$CLEAN` (a guard
///   such as `if not safe($CLEAN): return`) makes that variable clean after it;
/// - a **propagator** binds `$FROM` and `$TO`: taint of `$FROM` reaches `$TO` (for
///   calls that fill a variable by side effect, e.g. `$TO.append($FROM)`).
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaintSpec {
    /// Where untrusted data comes from.
    pub sources: Vec<TaintEntry>,
    /// Where it must not arrive.
    pub sinks: Vec<TaintEntry>,
    /// What makes it safe.
    #[serde(default)]
    pub sanitizers: Vec<TaintEntry>,
    /// Calls that move taint by side effect.
    #[serde(default)]
    pub propagators: Vec<TaintEntry>,
    /// Named sub-rules every entry may use with `matches:`.
    #[serde(default)]
    pub utils: Option<HashMap<String, SerializableRule>>,
}

impl std::fmt::Debug for TaintSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaintSpec")
            .field("sources", &self.sources.len())
            .field("sinks", &self.sinks.len())
            .finish_non_exhaustive()
    }
}

/// One source, sink, sanitizer or propagator.
#[derive(Clone, Deserialize)]
#[serde(untagged)]
pub enum TaintEntry {
    /// `{rule: {...}, constraints: {...}}`.
    Full(AstSpec),
    /// A bare rule object: `{pattern: ...}`, `{any: [...]}`, ….
    Bare(SerializableRule),
}

impl std::fmt::Debug for TaintEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TaintEntry")
    }
}

impl TaintEntry {
    /// The entry as a full matcher spec, sharing the block's `utils`.
    pub fn spec(&self, utils: Option<&HashMap<String, SerializableRule>>) -> AstSpec {
        match self {
            TaintEntry::Full(spec) => {
                let mut spec = spec.clone();
                if spec.utils.is_none() {
                    spec.utils = utils.cloned();
                }
                spec
            }
            TaintEntry::Bare(rule) => AstSpec {
                rule: rule.clone(),
                constraints: None,
                utils: utils.cloned(),
            },
        }
    }
}

fn medium() -> Confidence {
    Confidence::Medium
}
