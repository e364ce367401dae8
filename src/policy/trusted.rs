//! The trusted policy of a merge request: configuration, custom rule packs and baseline
//! read from the **target branch at the diff's base commit**, never from the change
//! itself (threat model T7). A change to any of them, or to `.gitlab-ci.yml` or a local
//! file it includes, is itself a finding (`mrwarden.policy-changed`); an invalid trusted
//! configuration falls back to strict defaults and raises `mrwarden.policy-invalid`
//! instead of blocking every merge request (including the one that fixes it).

use std::collections::BTreeSet;

use crate::config::{self, Config};
use crate::diff::{Diff, FileDiff};
use crate::error::Error;
use crate::finding::{Finding, Fingerprint, Severity};
use crate::gate::Threshold;
use crate::rules::LoadedPack;

use super::baseline;

/// Read-only access to the files of the trusted revision.
pub use crate::diff::FileAt as FileSource;

/// Everything policy needs, read from the trusted revision.
#[derive(Debug, Default)]
pub struct Trusted {
    /// The configuration (strict defaults if the trusted one is invalid).
    pub config: config::Loaded,
    /// Custom rule packs that loaded.
    pub custom: Vec<LoadedPack>,
    /// Accepted fingerprints.
    pub baseline: BTreeSet<Fingerprint>,
    /// `mrwarden.policy-changed` and `mrwarden.policy-invalid` findings.
    pub findings: Vec<Finding>,
}

impl Trusted {
    /// The policy when the trusted revision is unknown: [`strict_defaults`], no custom
    /// rules, no baseline.
    pub fn strict() -> Self {
        Trusted {
            config: config::Loaded {
                config: strict_defaults(),
                ..config::Loaded::default()
            },
            ..Trusted::default()
        }
    }
}

/// The configuration applied when the trusted one cannot be read: stricter than the
/// defaults (fail on medium; suppressions added by the change do not count).
pub fn strict_defaults() -> Config {
    let mut c = Config {
        fail_on: Some(Threshold::At(Severity::Medium)),
        ..Config::default()
    };
    c.suppressions.allow_new = false;
    c
}

/// Reads the trusted policy and flags changes to it in `diff`.
#[expect(
    clippy::too_many_lines,
    reason = "each trusted file (config, packs, baseline) read and checked in turn"
)]
pub fn load(source: &dyn FileSource, diff: &Diff) -> Result<Trusted, Error> {
    let mut out = Trusted::default();
    let origin = format!("{} ({})", config::FILE_NAME, source.describe());
    match source.read(config::FILE_NAME)? {
        None => {}
        Some(bytes) => match std::str::from_utf8(&bytes)
            .map_err(|_| Error::Config(format!("{origin}: not UTF-8")))
            .and_then(|text| config::parse(&origin, text))
        {
            Ok(loaded) => out.config = loaded,
            Err(e) => {
                out.config.config = strict_defaults();
                out.config
                    .warnings
                    .push(format!("{e}; strict defaults apply until it is fixed"));
                out.findings
                    .push(invalid(config::FILE_NAME, &e.to_string()));
            }
        },
    }
    // The path classes' `.gitattributes` comes from the same trusted revision.
    if let Some(bytes) = source.read(config::GITATTRIBUTES)? {
        let origin = format!("{} ({})", config::GITATTRIBUTES, source.describe());
        out.config.set_gitattributes(&origin, bytes);
    }
    for path in out.config.config.custom_rules.clone() {
        let rel = path.to_string_lossy().trim_start_matches("./").to_string();
        let loaded = source
            .read(&rel)?
            .ok_or_else(|| Error::Config(format!("custom rule pack {rel} does not exist")));
        match loaded.and_then(|b| {
            let text = String::from_utf8(b)
                .map_err(|_| Error::Config(format!("custom rule pack {rel} is not UTF-8")))?;
            crate::rules::parse_pack(&format!("{rel} ({})", source.describe()), &text)
        }) {
            Ok(pack) => out.custom.push(pack),
            Err(e) => {
                out.config
                    .warnings
                    .push(format!("{e}; the pack is skipped"));
                out.findings.push(invalid(&rel, &e.to_string()));
            }
        }
    }
    let baseline_path = out.config.config.baseline.as_ref().map_or_else(
        || baseline::DEFAULT_PATH.to_string(),
        |p| p.to_string_lossy().trim_start_matches("./").to_string(),
    );
    if let Some(bytes) = source.read(&baseline_path)? {
        match baseline::parse(&baseline_path, &String::from_utf8_lossy(&bytes)) {
            Ok(set) => out.baseline = set,
            Err(e) => {
                out.config
                    .warnings
                    .push(format!("{e}; no finding is baselined"));
                out.findings.push(invalid(&baseline_path, &e.to_string()));
            }
        }
    }
    let mut policy_files: BTreeSet<String> = [
        config::FILE_NAME.to_string(),
        baseline_path,
        ".gitlab-ci.yml".into(),
    ]
    .into();
    policy_files.extend(
        out.custom
            .iter()
            .map(|p| p.origin.split(" (").next().unwrap_or_default().to_string()),
    );
    policy_files.extend(
        out.config
            .config
            .custom_rules
            .iter()
            .map(|p| p.to_string_lossy().trim_start_matches("./").to_string()),
    );
    if let Some(ci) = source.read(".gitlab-ci.yml")? {
        policy_files.extend(local_includes(&String::from_utf8_lossy(&ci)));
    }
    for file in &diff.files {
        let touched = [file.old_path.as_deref(), file.new_path.as_deref()]
            .into_iter()
            .flatten()
            .any(|p| policy_files.contains(p));
        if touched || changes_path_classes(file) {
            out.findings.push(changed(file));
        }
    }
    Ok(out)
}

/// Merges the group-wide central configuration (`MRWARDEN_CENTRAL_CONFIG`) under the
/// trusted project configuration with [`config::central::merge`]: an invalid central
/// configuration becomes the strict defaults with every key enforced, plus
/// `mrwarden.policy-invalid`; each enforced key the project tried to loosen is a
/// `mrwarden.policy-invalid` on `.mrwarden.yml` and keeps the central value. Inline
/// packs load like custom packs (a broken one is skipped with a finding).
pub fn apply_central(t: &mut Trusted, source: Option<&config::central::Source>) {
    use config::central;
    let Some(source) = source else {
        return;
    };
    let floor = match central::parse(source) {
        Ok(loaded) => {
            t.config.warnings.extend(loaded.warnings);
            loaded.config
        }
        Err(e) => {
            t.config
                .warnings
                .push(format!("{e}; strict defaults apply until it is fixed"));
            t.findings
                .push(central_invalid(&e.to_string(), "strict defaults applied"));
            central::strict(strict_defaults())
        }
    };
    let merged = central::merge(&floor, &t.config.config);
    for l in &merged.loosened {
        t.config.warnings.push(format!(
            "{}: {} loosens the enforced key {} of the central configuration; the central value applies",
            config::FILE_NAME,
            l.detail,
            l.key.name()
        ));
        t.findings.push(meta(
            "mrwarden.policy-invalid",
            "Review policy loosens a centrally enforced key",
            format!(
                "The target branch's {} sets {}, which the group's central configuration enforces; the central value applied.",
                config::FILE_NAME,
                l.detail
            ),
            Severity::High,
            config::FILE_NAME,
            1,
            "Remove the key from .mrwarden.yml or make it stricter; the central configuration sets the floor.",
        ));
    }
    t.config.config = merged.config;
    for (name, text) in &t.config.config.custom_packs {
        match crate::rules::parse_pack(&format!("central pack {name}"), text) {
            Ok(pack) => t.custom.push(pack),
            Err(e) => {
                t.config.warnings.push(format!("{e}; the pack is skipped"));
                t.findings
                    .push(central_invalid(&e.to_string(), "the pack was skipped"));
            }
        }
    }
}

/// Local files a CI configuration includes (`include: path`, `- local: path`).
fn local_includes(ci: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_include = false;
    for line in ci.lines() {
        let trimmed = line.trim();
        if !line.starts_with([' ', '\t', '-']) {
            in_include = trimmed.starts_with("include:");
            if let Some(rest) = trimmed.strip_prefix("include:") {
                let rest = rest.trim().trim_matches(['\'', '"']);
                if rest.ends_with(".yml") || rest.ends_with(".yaml") {
                    out.push(rest.trim_start_matches('/').to_string());
                }
            }
            continue;
        }
        if !in_include {
            continue;
        }
        let item = trimmed.trim_start_matches('-').trim();
        let value = item
            .strip_prefix("local:")
            .unwrap_or(item)
            .trim()
            .trim_matches(['\'', '"']);
        if (value.ends_with(".yml") || value.ends_with(".yaml"))
            && !value.contains("://")
            && !value.contains(':')
        {
            out.push(value.trim_start_matches('/').to_string());
        }
    }
    out
}

fn meta(
    rule_id: &str,
    title: &str,
    message: String,
    severity: Severity,
    path: &str,
    line: u32,
    remediation: &str,
) -> Finding {
    let basis = message.clone();
    let mut f = Finding::meta(rule_id, title, message, severity, path, line, &basis);
    f.remediation = remediation.into();
    f
}

/// Whether the change edits a `.gitattributes` file (any directory) in a way that
/// could decide which code is vendored or generated: an added or removed line naming
/// `linguist-vendored`, `linguist-generated` or `gitlab-generated`, or no changed line
/// to read. An MR must not mark its own code vendored (DESIGN.md).
fn changes_path_classes(file: &FileDiff) -> bool {
    use crate::config::paths::{is_class_attribute_line, is_gitattributes};
    use crate::diff::model::LineKind;
    let named = [file.old_path.as_deref(), file.new_path.as_deref()]
        .into_iter()
        .flatten()
        .any(is_gitattributes);
    if !named {
        return false;
    }
    let mut lines = file
        .hunks
        .iter()
        .flat_map(|h| &h.lines)
        .filter(|l| l.kind != LineKind::Context)
        .peekable();
    // No changed line to read (a rename, a copy, content left out): it may move or
    // carry class lines, so it counts.
    lines.peek().is_none() || lines.any(|l| is_class_attribute_line(&l.text))
}

fn changed(file: &FileDiff) -> Finding {
    let line = file
        .added_lines()
        .next()
        .and_then(|l| l.new_line)
        .unwrap_or(1);
    meta(
        crate::finding::meta::POLICY_CHANGED,
        "Review policy or CI configuration changed",
        format!(
            "This change edits {}, which decides how this merge request is reviewed; the review used the target branch's version.",
            file.path()
        ),
        Severity::Medium,
        file.path(),
        line,
        "Have a code owner review the policy change; it takes effect once merged to the target branch.",
    )
}

/// The central configuration reaches the job through the CI configuration, so its
/// problems are anchored there.
fn central_invalid(error: &str, consequence: &str) -> Finding {
    meta(
        "mrwarden.policy-invalid",
        "Central review policy is invalid",
        format!("The group's central configuration could not be used ({error}); {consequence}."),
        Severity::High,
        ".gitlab-ci.yml",
        1,
        "Fix the central configuration where the security team publishes it (mrwarden doctor shows which one is in force).",
    )
}

fn invalid(path: &str, error: &str) -> Finding {
    meta(
        crate::finding::meta::POLICY_INVALID,
        "Review policy on the target branch is invalid",
        format!("The target branch's {path} could not be used ({error}); strict defaults applied."),
        Severity::High,
        path,
        1,
        "Fix the file on the target branch (mrwarden scan validates it locally).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Files(Vec<(&'static str, &'static str)>);
    impl FileSource for Files {
        fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
            Ok(self
                .0
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, t)| t.as_bytes().to_vec()))
        }
        fn describe(&self) -> String {
            "test".into()
        }
    }

    fn diff_touching(path: &str) -> Diff {
        crate::diff::parse(
            format!("--- a/{path}\n+++ b/{path}\n@@ -1 +1,2 @@\n x\n+y\n").as_bytes(),
        )
        .expect("diff parses")
    }

    #[test]
    fn changes_to_policy_files_and_ci_includes_are_findings() {
        let files = Files(vec![
            (
                ".mrwarden.yml",
                "custom_rules: [sec/rules.yml]\nbaseline: sec/base.json\n",
            ),
            ("sec/rules.yml", "pack: x\nrules: []\n"),
            (
                ".gitlab-ci.yml",
                "include:\n  - local: ci/jobs.yml\n  - project: other/x\n    file: y.yml\nstages: [test]\n",
            ),
        ]);
        for path in [
            ".mrwarden.yml",
            "sec/rules.yml",
            "sec/base.json",
            ".gitlab-ci.yml",
            "ci/jobs.yml",
        ] {
            let t = load(&files, &diff_touching(path)).expect("loads");
            assert_eq!(t.findings.len(), 1, "{path}");
            assert_eq!(t.findings[0].rule_id, "mrwarden.policy-changed");
            assert_eq!(t.findings[0].start_line, 2);
        }
        assert!(
            load(&files, &diff_touching("src/a.py"))
                .expect("loads")
                .findings
                .is_empty()
        );
        assert!(
            load(&files, &diff_touching("y.yml"))
                .expect("loads")
                .findings
                .is_empty()
        );
    }

    #[test]
    fn gitattributes_class_lines_are_policy_changes_and_come_from_the_trusted_revision() {
        let files = Files(vec![(".gitattributes", "third/** linguist-vendored\n")]);
        let attrs = |path: &str, body: &str| {
            let header = if body.starts_with('-') {
                "@@ -1,2 +1 @@"
            } else {
                "@@ -1 +1,2 @@"
            };
            crate::diff::parse(
                format!("--- a/{path}\n+++ b/{path}\n{header}\n x\n{body}\n").as_bytes(),
            )
            .expect("diff parses")
        };
        for (path, body) in [
            (".gitattributes", "+app/** linguist-vendored"),
            ("app/.gitattributes", "+*.py linguist-generated=true"),
            (".gitattributes", "-third/** linguist-vendored"),
            (".gitattributes", "+*.go gitlab-generated"),
        ] {
            let t = load(&files, &attrs(path, body)).expect("loads");
            assert_eq!(t.findings.len(), 1, "{path} {body}");
            assert_eq!(t.findings[0].rule_id, "mrwarden.policy-changed");
        }
        let t = load(&files, &attrs(".gitattributes", "+*.sh text eol=lf")).expect("loads");
        assert!(t.findings.is_empty(), "other attributes are not policy");
        let classes = t.config.path_classes().expect("compiles");
        assert_eq!(
            classes.classify("third/x.py"),
            Some(crate::config::paths::PathClass::Vendored)
        );
        assert_eq!(classes.classify("app/x.py"), None);
    }

    #[test]
    fn invalid_trusted_config_means_strict_defaults_not_an_error() {
        let files = Files(vec![(".mrwarden.yml", "fail_on: [oops\n")]);
        let t = load(&files, &Diff::default()).expect("never an error");
        assert_eq!(t.findings[0].rule_id, "mrwarden.policy-invalid");
        assert_eq!(t.findings[0].severity, Severity::High);
        assert_eq!(
            t.config.config.fail_on,
            Some(Threshold::At(Severity::Medium))
        );
        assert!(!t.config.config.suppressions.allow_new);
    }
}
