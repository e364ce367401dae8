//! Instance-specific GitLab token prefixes (`secrets.gitlab_token_prefixes` in
//! `.mrwarden.yml`), applied to every built-in GitLab token rule.
//!
//! Self-managed GitLab can change how its tokens start, in two ways, and only an
//! administrator can read either setting through the API, so the repository's
//! configuration lists the prefixes instead. Each listed prefix `P` is looked for in both
//! forms:
//!
//! - **instance prefix** (the newer, instance-wide setting, every token type): `P` in
//!   front of the type's prefix, with or without a `-`, and with or without the `gl`
//!   of the type prefix: `P-glpat-…`, `Pglrt-…`, `P-dt-…`;
//! - **replaced PAT prefix** (the older setting, personal access tokens only): `P`
//!   instead of `glpat-`: `P…` followed by the 20 or more token characters.

use super::LoadedPack;
use crate::error::Error;

/// Adds `prefixes` to every built-in GitLab token rule of `packs` (secret rules tagged
/// `gitlab` with a known `prefix` that their pattern spells out).
pub fn apply(packs: &mut [LoadedPack], prefixes: &[String]) -> Result<(), Error> {
    if prefixes.is_empty() {
        return Ok(());
    }
    for p in prefixes {
        crate::config::validate_gitlab_token_prefix(p).map_err(Error::Config)?;
    }
    let instance = prefixes
        .iter()
        .map(|p| regex::escape(p))
        .collect::<Vec<_>>()
        .join("|");
    for pack in packs.iter_mut().filter(|p| p.builtin) {
        for rule in &mut pack.pack.rules {
            let Some(known) = rule.prefix.clone() else {
                continue;
            };
            if rule.kind != super::RuleKind::Secret || !rule.tags.iter().any(|t| t == "gitlab") {
                continue;
            }
            let short = known.strip_prefix("gl").unwrap_or(&known);
            let escaped = regex::escape(&known);
            let with_instance = format!(
                "(?:{escaped}|(?:{instance})-?(?:{escaped}|{}))",
                regex::escape(short)
            );
            let mut touched = false;
            for pattern in rule.pattern.iter_mut().chain(rule.patterns.iter_mut()) {
                if pattern.contains(known.as_str()) {
                    *pattern = pattern.replacen(known.as_str(), &with_instance, 1);
                    touched = true;
                }
            }
            if !touched {
                continue;
            }
            if rule.id == REPLACED_PREFIX_RULE {
                rule.patterns.push(format!(
                    r"(?:^|[^0-9A-Za-z_.-])(?P<secret>(?:{instance})[0-9A-Za-z_-]{{20,}})"
                ));
            }
            rule.keywords
                .extend(prefixes.iter().map(|p| p.to_ascii_lowercase()));
        }
    }
    Ok(())
}

/// The rule that also looks for a configured prefix in place of its own (`glpat-`).
const REPLACED_PREFIX_RULE: &str = "gitlab-pat";

/// With a configured prefix `P`, the replaced-`glpat-` form (`P` + 20 token characters)
/// also matches `P-gldt-…`, `Prt-…` and the other instance-prefixed tokens; there the
/// rule of the token type named after `P` wins and the personal access token hit is
/// dropped. `view` gives a hit's rule and span.
pub fn yield_replaced_pat_form<'r, H>(
    hits: &mut Vec<H>,
    view: impl Fn(&H) -> (&'r super::RuleSpec, std::ops::Range<usize>),
) {
    let is_gitlab = |spec: &super::RuleSpec| spec.tags.iter().any(|t| t == "gitlab");
    let typed: Vec<std::ops::Range<usize>> = hits
        .iter()
        .map(&view)
        .filter(|(spec, _)| spec.id != REPLACED_PREFIX_RULE && is_gitlab(spec))
        .map(|(_, span)| span)
        .collect();
    if typed.is_empty() {
        return;
    }
    hits.retain(|h| {
        let (spec, span) = view(h);
        spec.id != REPLACED_PREFIX_RULE
            || !typed
                .iter()
                .any(|t| t.start < span.end && span.start < t.end)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_gitlab_token_rule_takes_the_prefix() {
        let mut packs = super::super::builtin::packs().expect("packs");
        apply(&mut packs, &["acme-".to_string()]).expect("applies");
        let gitlab: Vec<_> = packs
            .iter()
            .flat_map(|p| &p.pack.rules)
            .filter(|r| r.tags.iter().any(|t| t == "gitlab") && r.prefix.is_some())
            .collect();
        assert!(gitlab.len() >= 10, "{}", gitlab.len());
        for rule in gitlab {
            assert!(
                rule.keywords.iter().any(|k| k == "acme-"),
                "{} has no keyword for the prefix",
                rule.id
            );
            assert!(
                rule.pattern
                    .iter()
                    .chain(&rule.patterns)
                    .any(|p| p.contains("acme\\-")),
                "{} has no pattern for the prefix",
                rule.id
            );
        }
    }
}
