//! The group-wide central configuration (`MRWARDEN_CENTRAL_CONFIG`): the same keys as
//! `.mrwarden.yml`, plus `enforced` (keys a project may tighten but never loosen) and
//! `custom_packs` (rule packs carried inline). It reaches the job through GitLab CI
//! (a template or wrapper component of the security team's project), never through a
//! cross-project API read: the bot's token belongs to one project.
//!
//! [`merge`] is a pure function from the central and the project configuration to the
//! configuration in force plus what the project tried to loosen. Without `enforced`,
//! the central configuration only supplies defaults: a project section that differs
//! from the built-in defaults replaces the central one (lists are joined).

use std::collections::BTreeSet;

use serde::Deserialize;

use super::{Config, Loaded};
use crate::error::Error;
use crate::finding::Severity;

/// A key the central configuration can enforce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Key {
    /// The project may only lower the threshold (fail on more).
    FailOn,
    /// The project may not add paths to `exclude`.
    Exclude,
    /// The project may not disable rules the central configuration keeps, nor lower a
    /// severity below the central override (overrides of rules the central
    /// configuration does not name cannot be checked and are dropped, except
    /// `critical`).
    Rules,
    /// The project may not turn `allow_new` on nor `require_reason` off.
    Suppressions,
    /// The project may only raise `triage.min_role`.
    Triage,
    /// The project may not make comments quieter (`mode`, fewer `max_inline`).
    Comments,
    /// The project may only lower `llm.gate_on` and may not add `llm.exclude` paths.
    Llm,
    /// The project may not set `allow_override: true`.
    AllowOverride,
}

impl Key {
    /// Every key, in the order they are checked.
    pub const ALL: [Key; 8] = [
        Key::FailOn,
        Key::Exclude,
        Key::Rules,
        Key::Suppressions,
        Key::Triage,
        Key::Comments,
        Key::Llm,
        Key::AllowOverride,
    ];

    /// The key's name in YAML.
    pub fn name(self) -> &'static str {
        match self {
            Key::FailOn => "fail_on",
            Key::Exclude => "exclude",
            Key::Rules => "rules",
            Key::Suppressions => "suppressions",
            Key::Triage => "triage",
            Key::Comments => "comments",
            Key::Llm => "llm",
            Key::AllowOverride => "allow_override",
        }
    }
}

/// The environment variable that carries the central configuration.
pub const VARIABLE: &str = "MRWARDEN_CENTRAL_CONFIG";

/// The central configuration as the job received it: its origin (the variable, or the
/// file it names) and its text, or why the file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// `MRWARDEN_CENTRAL_CONFIG` or `MRWARDEN_CENTRAL_CONFIG (file PATH)`.
    pub origin: String,
    /// The YAML text, or what went wrong reading the file.
    pub text: Result<String, String>,
}

impl Source {
    /// Interprets the variable's value: a single line without `:` is a file path (a
    /// GitLab file-type variable or a file the template wrote); anything else is YAML.
    /// `read` reads a file (the caller, `context`, owns all outside input).
    pub fn from_value(value: &str, read: impl FnOnce(&str) -> std::io::Result<String>) -> Source {
        let trimmed = value.trim();
        if trimmed.contains('\n') || trimmed.contains(':') || trimmed.is_empty() {
            return Source {
                origin: VARIABLE.into(),
                text: Ok(value.to_string()),
            };
        }
        Source {
            origin: format!("{VARIABLE} (file {trimmed})"),
            text: read(trimmed).map_err(|e| format!("cannot read {trimmed}: {e}")),
        }
    }
}

/// Parses the central configuration (the keys of `.mrwarden.yml`, `enforced`,
/// `custom_packs`).
pub fn parse(source: &Source) -> Result<Loaded, Error> {
    let text = source
        .text
        .as_ref()
        .map_err(|e| Error::Config(format!("{}: {e}", source.origin)))?;
    let mut loaded = super::parse_any(&source.origin, text)?;
    if loaded.config.baseline.is_some() || !loaded.config.custom_rules.is_empty() {
        return Err(Error::Config(format!(
            "{}: baseline and custom_rules name files of one project; a central configuration carries its packs inline in custom_packs",
            source.origin
        )));
    }
    loaded.path = None;
    Ok(loaded)
}

/// What the central configuration becomes when it is invalid: the strict defaults,
/// every key enforced, so no project can loosen them until it is fixed.
pub fn strict(strict_defaults: Config) -> Config {
    Config {
        enforced: Key::ALL.to_vec(),
        ..strict_defaults
    }
}

/// A project value that would loosen an enforced key; the central value applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loosened {
    /// The enforced key.
    pub key: Key,
    /// What the project tried, in words.
    pub detail: String,
}

/// The configuration in force and what the project tried to loosen.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged configuration.
    pub config: Config,
    /// Attempts to loosen an enforced key (each becomes a finding).
    pub loosened: Vec<Loosened>,
}

/// Merges the project's configuration over the central one under floor semantics.
#[expect(
    clippy::too_many_lines,
    reason = "one floor rule per configuration key, side by side"
)]
pub fn merge(central: &Config, project: &Config) -> Merged {
    let defaults = Config::default();
    let mut f = Floor {
        enforced: central.enforced.iter().copied().collect(),
        loosened: Vec::new(),
    };
    let mut out = Config {
        version: project.version.or(central.version),
        custom_rules: project.custom_rules.clone(),
        baseline: project.baseline.clone(),
        limits: pick(&central.limits, &project.limits, &defaults.limits).clone(),
        custom_packs: central.custom_packs.clone(),
        ..Config::default()
    };
    // Instance token prefixes only add detection: both lists count.
    let prefixes = &mut out.secrets.gitlab_token_prefixes;
    for p in central
        .secrets
        .gitlab_token_prefixes
        .iter()
        .chain(&project.secrets.gitlab_token_prefixes)
    {
        if !prefixes.contains(p) {
            prefixes.push(p.clone());
        }
    }
    out.fail_on = match (central.fail_on, project.fail_on) {
        (Some(c), Some(p)) if f.is(Key::FailOn) && p.stricter(c) != p => {
            f.lose(Key::FailOn, format!("fail_on {p} is looser than {c}"));
            Some(c)
        }
        (c, p) => p.or(c),
    };
    out.exclude = f.join(Key::Exclude, "exclude", &central.exclude, &project.exclude);
    out.rules = f.rules(central, project);
    out.suppressions = if f.is(Key::Suppressions) {
        let (c, p) = (&central.suppressions, &project.suppressions);
        if p.allow_new && !c.allow_new {
            f.lose(Key::Suppressions, "suppressions.allow_new true".into());
        }
        if !p.require_reason && c.require_reason {
            f.lose(
                Key::Suppressions,
                "suppressions.require_reason false".into(),
            );
        }
        super::Suppressions {
            allow_new: c.allow_new && p.allow_new,
            require_reason: c.require_reason || p.require_reason,
        }
    } else {
        pick(
            &central.suppressions,
            &project.suppressions,
            &defaults.suppressions,
        )
        .clone()
    };
    out.triage = if f.is(Key::Triage) {
        let (c, p) = (central.triage.min_role, project.triage.min_role);
        if p < c {
            f.lose(Key::Triage, format!("triage.min_role {p:?} is below {c:?}"));
        }
        super::Triage { min_role: c.max(p) }
    } else {
        pick(&central.triage, &project.triage, &defaults.triage).clone()
    };
    out.comments = f.comments(central, project, &defaults);
    // Path classes are not an enforceable key: the project's own list applies when it
    // sets one, else the central one.
    out.paths = pick(&central.paths, &project.paths, &defaults.paths).clone();
    out.llm = pick(&central.llm, &project.llm, &defaults.llm).clone();
    if f.is(Key::Llm) {
        let (c, p) = (&central.llm, &project.llm);
        if p.gate_on.stricter(c.gate_on) != p.gate_on {
            let detail = format!("llm.gate_on {} is looser than {}", p.gate_on, c.gate_on);
            f.lose(Key::Llm, detail);
        }
        out.llm.gate_on = c.gate_on.stricter(p.gate_on);
        out.llm.exclude = f.join(Key::Llm, "llm.exclude", &c.exclude, &p.exclude);
    }
    out.allow_override = if f.is(Key::AllowOverride) {
        if project.allow_override && !central.allow_override {
            f.lose(Key::AllowOverride, "allow_override true".into());
        }
        central.allow_override && project.allow_override
    } else {
        project.allow_override || central.allow_override
    };
    Merged {
        config: out,
        loosened: f.loosened,
    }
}

/// The enforced keys and what the project tried to loosen so far.
struct Floor {
    enforced: BTreeSet<Key>,
    loosened: Vec<Loosened>,
}

impl Floor {
    fn is(&self, key: Key) -> bool {
        self.enforced.contains(&key)
    }

    fn lose(&mut self, key: Key, detail: String) {
        self.loosened.push(Loosened { key, detail });
    }

    /// A list that only widens what is skipped: the central entries, plus the
    /// project's unless the key is enforced.
    fn join(
        &mut self,
        key: Key,
        name: &str,
        central: &[String],
        project: &[String],
    ) -> Vec<String> {
        let mut out = central.to_vec();
        for p in project {
            if out.contains(p) {
                continue;
            }
            if self.is(key) {
                self.lose(key, format!("{name} {p:?} is not in the central list"));
            } else {
                out.push(p.clone());
            }
        }
        out
    }

    fn rules(&mut self, central: &Config, project: &Config) -> super::RulesConfig {
        let disable = self.join(
            Key::Rules,
            "rules.disable",
            &central.rules.disable,
            &project.rules.disable,
        );
        let mut severity = central.rules.severity.clone();
        for (rule, &p) in &project.rules.severity {
            match central.rules.severity.get(rule) {
                Some(&c) if self.is(Key::Rules) && p < c => self.lose(
                    Key::Rules,
                    format!("rules.severity {rule} {p} is below the central {c}"),
                ),
                None if self.is(Key::Rules) && p != Severity::Critical => self.lose(
                    Key::Rules,
                    format!(
                        "rules.severity {rule} {p} cannot be checked against the central rules"
                    ),
                ),
                _ => {
                    severity.insert(rule.clone(), p);
                }
            }
        }
        let (c, p) = (
            central.rules.gate_low_confidence,
            project.rules.gate_low_confidence,
        );
        if self.is(Key::Rules) && c && !p {
            self.lose(Key::Rules, "rules.gate_low_confidence false".into());
        }
        super::RulesConfig {
            disable,
            severity,
            gate_low_confidence: c || p,
        }
    }

    fn comments(
        &mut self,
        central: &Config,
        project: &Config,
        defaults: &Config,
    ) -> super::CommentsConfig {
        let (c, p) = (&central.comments, &project.comments);
        if !self.is(Key::Comments) {
            return pick(c, p, &defaults.comments).clone();
        }
        // `Mode` orders from loudest (inline) to quietest (off).
        if p.mode > c.mode {
            self.lose(
                Key::Comments,
                format!("comments.mode {:?} is quieter", p.mode),
            );
        }
        if p.max_inline < c.max_inline {
            let detail = format!(
                "comments.max_inline {} is below {}",
                p.max_inline, c.max_inline
            );
            self.lose(Key::Comments, detail);
        }
        super::CommentsConfig {
            mode: c.mode.min(p.mode),
            max_inline: c.max_inline.max(p.max_inline),
        }
    }
}

/// A section the project did not change from the defaults keeps the central value.
fn pick<'a, T: PartialEq>(central: &'a T, project: &'a T, default: &T) -> &'a T {
    if project == default { central } else { project }
}

/// One line for `doctor` and the logs: which central configuration is in force.
pub fn describe(source: Option<&Source>, parsed: Option<&Result<Loaded, Error>>) -> String {
    match (source, parsed) {
        (None, _) => format!("none ({VARIABLE} is not set)"),
        (Some(s), Some(Ok(l))) => {
            let enforced: Vec<&str> = l.config.enforced.iter().map(|k| k.name()).collect();
            format!(
                "{}: fail_on {}, enforced [{}], {} inline pack(s)",
                s.origin,
                l.config
                    .fail_on
                    .map_or_else(|| "unset".to_string(), |t| t.to_string()),
                enforced.join(", "),
                l.config.custom_packs.len()
            )
        }
        (Some(s), Some(Err(e))) => {
            format!("{} is invalid, strict defaults apply: {e}", s.origin)
        }
        (Some(s), None) => s.origin.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::CommentMode as Mode;
    use crate::config::Role;
    use crate::gate::Threshold;

    fn cfg(yaml: &str) -> Config {
        super::super::parse_any("t", yaml).expect("parses").config
    }

    #[test]
    fn token_prefixes_of_both_count() {
        let m = merged(
            "secrets: {gitlab_token_prefixes: [acme]}\n",
            "secrets: {gitlab_token_prefixes: [corp, acme]}\n",
        );
        assert_eq!(m.config.secrets.gitlab_token_prefixes, ["acme", "corp"]);
        assert!(m.loosened.is_empty());
    }

    fn merged(central: &str, project: &str) -> Merged {
        merge(&cfg(central), &cfg(project))
    }

    fn keys(m: &Merged) -> Vec<Key> {
        m.loosened.iter().map(|l| l.key).collect()
    }

    #[test]
    fn source_is_a_path_only_when_it_is_one_line_without_a_colon() {
        let yaml = Source::from_value("fail_on: high", |_| panic!("not a file"));
        assert_eq!(yaml.origin, VARIABLE);
        assert_eq!(yaml.text.as_deref(), Ok("fail_on: high"));
        let file = Source::from_value("/builds/central.yml\n", |p| Ok(format!("# {p}")));
        assert_eq!(
            file.origin,
            "MRWARDEN_CENTRAL_CONFIG (file /builds/central.yml)"
        );
        assert_eq!(file.text.as_deref(), Ok("# /builds/central.yml"));
        let missing = Source::from_value("nope.yml", |_| {
            Err(std::io::Error::from(std::io::ErrorKind::NotFound))
        });
        assert!(parse(&missing).is_err());
    }

    #[test]
    fn central_only_keys_parse_there_and_are_refused_in_a_project() {
        let src = Source {
            origin: VARIABLE.into(),
            text: Ok("enforced: [fail_on, rules]\ncustom_packs:\n  acme: \"rules: []\"\n".into()),
        };
        let l = parse(&src).expect("central parses");
        assert_eq!(l.config.enforced, vec![Key::FailOn, Key::Rules]);
        assert_eq!(l.config.custom_packs.len(), 1);
        let e = crate::config::parse(".mrwarden.yml", "enforced: [fail_on]\n")
            .expect_err("project refuses")
            .to_string();
        assert!(e.contains("central"), "{e}");
        let bad = Source {
            origin: VARIABLE.into(),
            text: Ok("enforced: [everything]\n".into()),
        };
        assert!(parse(&bad).is_err());
        let files = Source {
            origin: VARIABLE.into(),
            text: Ok("custom_rules: [x.yml]\n".into()),
        };
        assert!(parse(&files).is_err());
    }

    #[test]
    fn without_enforcement_the_project_decides() {
        let m = merged(
            "fail_on: medium\nexclude: [gen/]\ntriage: {min_role: owner}\n",
            "fail_on: never\nexclude: [docs/]\n",
        );
        assert!(m.loosened.is_empty());
        assert_eq!(m.config.fail_on, Some(Threshold::Never));
        assert_eq!(m.config.exclude, vec!["gen/", "docs/"]);
        // A section the project leaves at the defaults keeps the central value.
        assert_eq!(m.config.triage.min_role, Role::Owner);
        assert_eq!(
            merged("fail_on: low\n", "").config.fail_on,
            Some(Threshold::At(Severity::Low))
        );
    }

    #[test]
    fn enforced_fail_on_can_only_be_lowered() {
        let c = "fail_on: medium\nenforced: [fail_on]\n";
        let m = merged(c, "fail_on: critical\n");
        assert_eq!(keys(&m), vec![Key::FailOn]);
        assert_eq!(m.config.fail_on, Some(Threshold::At(Severity::Medium)));
        let m = merged(c, "fail_on: never\n");
        assert_eq!(m.config.fail_on, Some(Threshold::At(Severity::Medium)));
        let m = merged(c, "fail_on: low\n");
        assert!(m.loosened.is_empty());
        assert_eq!(m.config.fail_on, Some(Threshold::At(Severity::Low)));
        assert_eq!(
            merged(c, "").config.fail_on,
            Some(Threshold::At(Severity::Medium))
        );
    }

    #[test]
    fn enforced_exclude_takes_no_new_paths() {
        let m = merged(
            "exclude: [vendor/]\nenforced: [exclude]\n",
            "exclude: [vendor/, src/]\n",
        );
        assert_eq!(keys(&m), vec![Key::Exclude]);
        assert_eq!(m.config.exclude, vec!["vendor/"]);
    }

    #[test]
    fn enforced_rules_cannot_be_disabled_or_lowered() {
        let c = "rules:\n  disable: [noisy]\n  severity: {python-eval: high}\nenforced: [rules]\n";
        let m = merged(c, "rules:\n  disable: [noisy, gitlab-pat]\n");
        assert_eq!(keys(&m), vec![Key::Rules]);
        assert_eq!(m.config.rules.disable, vec!["noisy"]);
        let m = merged(c, "rules:\n  severity: {python-eval: low}\n");
        assert_eq!(keys(&m), vec![Key::Rules]);
        assert_eq!(m.config.rules.severity["python-eval"], Severity::High);
        let m = merged(
            c,
            "rules:\n  severity: {python-eval: critical, other: critical}\n",
        );
        assert!(m.loosened.is_empty());
        assert_eq!(m.config.rules.severity["python-eval"], Severity::Critical);
        assert_eq!(m.config.rules.severity["other"], Severity::Critical);
        // A rule the central configuration does not name: no floor to check against.
        let m = merged(c, "rules:\n  severity: {other: info}\n");
        assert_eq!(keys(&m), vec![Key::Rules]);
        assert!(!m.config.rules.severity.contains_key("other"));
        // Not enforced: the project's overrides and disables apply.
        let m = merged(
            "rules:\n  severity: {python-eval: high}\n",
            "rules:\n  severity: {python-eval: low}\n  disable: [x]\n",
        );
        assert!(m.loosened.is_empty());
        assert_eq!(m.config.rules.severity["python-eval"], Severity::Low);
        assert_eq!(m.config.rules.disable, vec!["x"]);
    }

    #[test]
    fn enforced_suppressions_stay_strict() {
        let c =
            "suppressions: {allow_new: false, require_reason: true}\nenforced: [suppressions]\n";
        let m = merged(
            c,
            "suppressions: {allow_new: true, require_reason: false}\n",
        );
        assert_eq!(keys(&m), vec![Key::Suppressions, Key::Suppressions]);
        assert!(!m.config.suppressions.allow_new);
        assert!(m.config.suppressions.require_reason);
        let m = merged(
            "suppressions: {allow_new: false}\n",
            "suppressions: {allow_new: true, require_reason: false}\n",
        );
        assert!(
            m.config.suppressions.allow_new,
            "not enforced: the project decides"
        );
    }

    #[test]
    fn enforced_triage_role_can_only_rise() {
        let c = "triage: {min_role: maintainer}\nenforced: [triage]\n";
        let m = merged(c, "triage: {min_role: developer}\n");
        assert_eq!(keys(&m), vec![Key::Triage]);
        assert_eq!(m.config.triage.min_role, Role::Maintainer);
        let m = merged(c, "triage: {min_role: owner}\n");
        assert!(m.loosened.is_empty());
        assert_eq!(m.config.triage.min_role, Role::Owner);
    }

    #[test]
    fn enforced_comments_cannot_get_quieter() {
        let c = "comments: {mode: inline, max_inline: 10}\nenforced: [comments]\n";
        let m = merged(c, "comments: {mode: off, max_inline: 3}\n");
        assert_eq!(keys(&m), vec![Key::Comments, Key::Comments]);
        assert_eq!(m.config.comments.mode, Mode::Inline);
        assert_eq!(m.config.comments.max_inline, 10);
        let m = merged(
            "comments: {mode: summary}\nenforced: [comments]\n",
            "comments: {mode: inline, max_inline: 40}\n",
        );
        assert!(m.loosened.is_empty());
        assert_eq!(m.config.comments.mode, Mode::Inline);
        assert_eq!(m.config.comments.max_inline, 40);
    }

    #[test]
    fn enforced_llm_gate_and_excludes_hold() {
        let c = "llm: {gate_on: high, exclude: [secret/]}\nenforced: [llm]\n";
        let m = merged(c, "llm: {gate_on: never, exclude: [src/], max_files: 3}\n");
        assert_eq!(keys(&m), vec![Key::Llm, Key::Llm]);
        assert_eq!(m.config.llm.gate_on, Threshold::At(Severity::High));
        assert_eq!(m.config.llm.exclude, vec!["secret/"]);
        assert_eq!(m.config.llm.max_files, 3, "budgets are the project's");
        let m = merged(c, "llm: {gate_on: medium}\n");
        assert!(m.loosened.is_empty());
        assert_eq!(m.config.llm.gate_on, Threshold::At(Severity::Medium));
    }

    #[test]
    fn enforced_allow_override_stays_off() {
        let m = merged("enforced: [allow_override]\n", "allow_override: true\n");
        assert_eq!(keys(&m), vec![Key::AllowOverride]);
        assert!(!m.config.allow_override);
        assert!(merged("", "allow_override: true\n").config.allow_override);
    }

    #[test]
    fn packs_come_from_the_central_and_files_from_the_project() {
        let m = merged(
            "custom_packs: {acme: \"rules: []\"}\n",
            "custom_rules: [sec/rules.yml]\nbaseline: sec/b.json\n",
        );
        assert_eq!(m.config.custom_packs.len(), 1);
        assert_eq!(m.config.custom_rules.len(), 1);
        assert!(m.config.baseline.is_some());
        assert!(m.config.enforced.is_empty());
    }

    #[test]
    fn an_invalid_central_config_enforces_the_strict_defaults() {
        let strict = strict(crate::policy::trusted::strict_defaults());
        let m = merge(
            &strict,
            &cfg("fail_on: never\nsuppressions: {allow_new: true}\n"),
        );
        assert_eq!(m.config.fail_on, Some(Threshold::At(Severity::Medium)));
        assert!(!m.config.suppressions.allow_new);
        assert_eq!(keys(&m), vec![Key::FailOn, Key::Suppressions]);
    }
}
