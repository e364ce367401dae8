//! `mrwarden init`: a commented starter `.mrwarden.yml` and the CI include snippet.

use std::io::Write;

use crate::cli::InitArgs;
use crate::config::FILE_NAME;

use super::Outcome;

/// The starter configuration: every key at its default, explained.
pub const STARTER: &str = r#"# mrwarden configuration. In merge-request pipelines mrwarden reads this file from
# the target branch, never from the MR itself: an MR cannot relax its own review.
version: 1

# Lowest severity that fails the pipeline: info, low, medium, high, critical or never.
fail_on: high

# Paths never analysed (gitignore-style globs).
exclude:
  - "tests/fixtures/"

rules:
  # Rule ids or tags to switch off (see `mrwarden rules list`).
  disable: []
  # Severity overrides by rule id.
  severity: {}
  # Findings of rules declared `confidence: low` gate too (by default they are reported
  # as not gating). Secrets gate whatever their confidence.
  gate_low_confidence: false

# Test code (vulnerability findings are reported but do not gate) and vendored code
# (scanned for secrets only), besides the built-in lists: gitignore-style globs. See
# docs/configuration.md, "Path classes".
paths:
  tests: []
  vendored: []
  # Whether the built-in lists (tests/, *_test.go, vendor/, node_modules/, *.min.js, ...)
  # apply.
  defaults: true
  # Whether linguist-vendored / linguist-generated in the root .gitattributes apply.
  gitattributes: true

# Your own rule packs (see docs/rules.md), relative to the repository root.
custom_rules: []

suppressions:
  # Inline `mrwarden:ignore <rule-id> <reason>` comments added by an MR count for the
  # gate (they are always listed in the summary). Secrets are never silenced inline.
  allow_new: true
  # A suppression without a reason suppresses nothing.
  require_reason: true

triage:
  # Lowest role whose `!fp <reason>` or `!accept <reason>` reply on a bot thread counts
  # for the gate (never the MR author or its committers).
  min_role: maintainer

# Accepted findings, written by `mrwarden baseline create`.
# baseline: .mrwarden-baseline.json

# Flags and CI inputs may make the gate stricter than this file, never looser,
# unless this is true.
allow_override: false
"#;

/// The `include:` snippet for `.gitlab-ci.yml`.
pub fn include_snippet() -> String {
    format!(
        "include:\n  - component: $CI_SERVER_FQDN/<group>/mrwarden/security-review@{}\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Runs `init`.
pub fn run(args: &InitArgs) -> Outcome {
    let path = args.path.join(FILE_NAME);
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if args.force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = options
        .open(&path)
        .and_then(|mut f| f.write_all(STARTER.as_bytes()));
    match written {
        Ok(()) => Outcome {
            stdout: format!(
                "wrote {}\n\nAdd to .gitlab-ci.yml:\n\n{}\nThen: create a project access token (role Developer, scope api), store it as a masked, hidden, not protected CI/CD variable named MRWARDEN_GITLAB_TOKEN, and open a merge request.\n",
                path.display(),
                include_snippet()
            ),
            ..Outcome::default()
        },
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Outcome {
            stderr: vec![format!(
                "error: {} already exists; pass --force to overwrite it",
                path.display()
            )],
            code: 2,
            ..Outcome::default()
        },
        Err(e) => Outcome {
            stderr: vec![format!("error: cannot write {}: {e}", path.display())],
            code: 2,
            ..Outcome::default()
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn starter_config_parses_with_defaults() {
        let loaded =
            crate::config::parse("starter", super::STARTER).expect("starter config is valid");
        assert!(loaded.warnings.is_empty());
        assert!(loaded.config.suppressions.allow_new && loaded.config.suppressions.require_reason);
        assert_eq!(
            loaded.config.paths,
            crate::config::paths::PathsConfig::default()
        );
        assert!(!loaded.config.rules.gate_low_confidence);
    }
}
