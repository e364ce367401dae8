//! Rule fixtures: vulnerable and safe examples beside each pack, checked by
//! `mrwarden rules test` and by the test suite.
//!
//! Layout: a pack `rules/python.yml` has its fixtures under `rules/python/`. A fixture is
//! either a file `<rule-id>.<ext>` (scanned under its file name) or any file below a
//! directory `<rule-id>/` (scanned under its path inside that directory, e.g.
//! `dockerfile-root-user/Dockerfile`). Annotations in comments say what must happen:
//!
//! ```text
//! # ruleid: python-eval
//! eval(request.args["x"])      <- must be reported by python-eval
//! # ok: python-eval
//! ast.literal_eval(data)       <- must not be reported
//! ```
//!
//! Any finding of the rule on a line not preceded by `ruleid:` fails too. Every rule
//! needs at least one `ruleid:` and one `ok:` case. A comment line
//! `fixture-gitlab-token-prefixes: acme-, corptok` checks that file with those
//! instance-specific GitLab token prefixes configured (`secrets.gitlab_token_prefixes`).
//!
//! `ast:` and `taint:` rules are checked on the whole fixture file parsed as its
//! language. A taint fixture spans lines (source, steps, sink); its `ruleid:` marks the
//! line the finding is anchored on (the sink). A comment line `fixture-added-lines: 9,
//! 12-13` makes only those lines count as added, as in a change that adds a sink below
//! an unchanged source.
//!
//! A rule with a `fix:` needs a case that checks it: a comment line `fixed: <line>`
//! beside the `ruleid:` annotation says the finding on the next line must offer that
//! suggestion (compared without surrounding blanks).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;

use crate::config::Limits;
use crate::error::Error;
use crate::rules::{self, LoadedPack, RuleSet};

/// One fixture file: its path relative to the rules directory, and its bytes.
#[derive(Debug, Clone)]
pub struct FixtureFile {
    /// E.g. `python/python-eval.py`.
    pub rel: String,
    /// Contents.
    pub content: Vec<u8>,
}

/// The result of a fixture run.
#[derive(Debug, Default)]
pub struct Report {
    /// Rules checked.
    pub rules: usize,
    /// Annotated cases checked.
    pub cases: usize,
    /// What failed, one line each.
    pub failures: Vec<String>,
}

/// Built-in packs and their fixtures.
pub fn builtin() -> Result<(Vec<LoadedPack>, Vec<FixtureFile>), Error> {
    let packs = rules::builtin::packs()?;
    let files = rules::builtin::files()
        .iter()
        .filter(|(rel, _)| !rules::builtin::is_pack_path(rel))
        .map(|(rel, bytes)| FixtureFile {
            rel: (*rel).to_string(),
            content: bytes.to_vec(),
        })
        .collect();
    Ok((packs, files))
}

/// Packs (`*.yml`) in `dir` and every file in the directories beside them.
pub fn from_dir(dir: &Path) -> Result<(Vec<LoadedPack>, Vec<FixtureFile>), Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::Usage(format!(
            "cannot read rules directory {}: {e}",
            dir.display()
        ))
    })?;
    let mut packs = Vec::new();
    let mut files = Vec::new();
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.is_file() && rules::builtin::is_pack_path(&name) {
            packs.push(rules::read_pack(&path)?);
        } else if path.is_dir() {
            collect(&path, &name, &mut files)?;
        }
    }
    if packs.is_empty() {
        return Err(Error::Usage(format!(
            "no rule packs (*.yml) in {}",
            dir.display()
        )));
    }
    Ok((packs, files))
}

fn collect(dir: &Path, rel: &str, out: &mut Vec<FixtureFile>) -> Result<(), Error> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::Usage(format!("cannot read {}: {e}", dir.display())))?
        .flatten()
        .collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let child = format!("{rel}/{}", entry.file_name().to_string_lossy());
        if path.is_dir() {
            collect(&path, &child, out)?;
        } else if path.is_file() {
            let content = std::fs::read(&path)
                .map_err(|e| Error::Usage(format!("cannot read {}: {e}", path.display())))?;
            out.push(FixtureFile {
                rel: child,
                content,
            });
        }
    }
    Ok(())
}

/// Checks every rule of `packs` against the fixtures.
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the fixture files: parse annotations, scan, compare, in order"
)]
pub fn run(packs: &[LoadedPack], files: &[FixtureFile]) -> Result<Report, Error> {
    let set = RuleSet::compile(packs)?;
    let ids: BTreeSet<&str> = set.rules.iter().map(|r| r.spec.id.as_str()).collect();
    let annotation = Regex::new(r"\b(ruleid|ok):\s*([a-z0-9][a-z0-9.-]*)")
        .map_err(|e| Error::Config(e.to_string()))?;
    let fixed = Regex::new(r"^\s*(?:#|//|--|;|/\*|<!--)\s*fixed:\s*(.*?)\s*(?:\*/|-->)?\s*$")
        .map_err(|e| Error::Config(e.to_string()))?;
    let mut fix_cases: BTreeMap<&str, usize> = BTreeMap::new();
    let mut report = Report {
        rules: ids.len(),
        ..Report::default()
    };
    let mut positives: BTreeMap<&str, usize> = BTreeMap::new();
    let mut negatives: BTreeMap<&str, usize> = BTreeMap::new();
    let limits = Limits::default();
    for file in files {
        let Some((rule_id, scan_path)) = owner(&file.rel, &ids) else {
            continue;
        };
        let text = String::from_utf8_lossy(&file.content);
        let mut expected: BTreeSet<u32> = BTreeSet::new();
        let mut forbidden: BTreeSet<u32> = BTreeSet::new();
        let mut pending: Vec<(bool, String)> = Vec::new();
        let mut pending_fix: Option<String> = None;
        let mut expected_fix: BTreeMap<u32, String> = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(c) = fixed.captures(line) {
                pending_fix = Some(c[1].to_string());
                continue;
            }
            let caps: Vec<_> = annotation.captures_iter(line).collect();
            if !caps.is_empty() {
                pending.extend(caps.iter().map(|c| (&c[1] == "ruleid", c[2].to_string())));
                continue;
            }
            for (positive, id) in pending.drain(..) {
                if id != rule_id {
                    if !ids.contains(id.as_str()) {
                        report.failures.push(format!(
                            "{}:{}: annotation names unknown rule {id:?}",
                            file.rel, i
                        ));
                    }
                    continue;
                }
                if positive {
                    expected.insert(i as u32 + 1);
                    if let Some(fix) = pending_fix.take() {
                        expected_fix.insert(i as u32 + 1, fix);
                    }
                } else {
                    forbidden.insert(i as u32 + 1);
                }
            }
            pending_fix = None;
        }
        let configured;
        let file_rules = match fixture_prefixes(&text) {
            Some(prefixes) => {
                let mut shaped = packs.to_vec();
                // The prefixes reshape the built-in GitLab token rules; a copy of the
                // built-in packs tested from a directory is reshaped the same way.
                for p in &mut shaped {
                    p.builtin = true;
                }
                rules::prefixes::apply(&mut shaped, &prefixes)?;
                configured = RuleSet::compile(&shaped)?;
                &configured
            }
            None => &set,
        };
        let added = std::str::from_utf8(&file.content)
            .ok()
            .and_then(fixture_added_lines);
        let analysis = super::scan_whole_file_added(
            &scan_path,
            &file.content,
            file_rules,
            &limits,
            added,
            true,
        );
        let found: BTreeSet<u32> = analysis
            .findings
            .iter()
            .filter(|f| f.rule_id == rule_id)
            .map(|f| f.start_line)
            .collect();
        for (line, want) in &expected_fix {
            let got = analysis
                .findings
                .iter()
                .find(|f| f.rule_id == rule_id && f.start_line == *line)
                .and_then(|f| f.suggestion.as_deref());
            if got.map(str::trim) != Some(want.as_str()) {
                report.failures.push(format!(
                    "{}:{line}: {rule_id} should suggest {want:?}, suggests {got:?}",
                    file.rel
                ));
            }
        }
        *fix_cases.entry(rule_id).or_default() += expected_fix.len();
        report.cases += expected.len() + forbidden.len();
        *positives.entry(rule_id).or_default() += expected.len();
        *negatives.entry(rule_id).or_default() += forbidden.len();
        for line in expected.difference(&found) {
            report.failures.push(format!(
                "{}:{line}: {rule_id} should report this line but does not",
                file.rel
            ));
        }
        for line in found.difference(&expected) {
            let why = if forbidden.contains(line) {
                "is marked ok"
            } else {
                "is not marked ruleid"
            };
            report.failures.push(format!(
                "{}:{line}: {rule_id} reports this line, which {why}",
                file.rel
            ));
        }
    }
    for rule in &set.rules {
        report.failures.extend(crate::rules::tree::lint(&rule.spec));
    }
    for rule in set.rules.iter().filter(|r| r.fix.is_some()) {
        let id = rule.spec.id.as_str();
        if fix_cases.get(id).copied().unwrap_or(0) == 0 {
            report.failures.push(format!(
                "{id}: has a fix: but no fixture case checks it (a 'fixed: <line>' comment beside a 'ruleid:')"
            ));
        }
    }
    for id in &ids {
        let pos = positives.get(id).copied().unwrap_or(0);
        let neg = negatives.get(id).copied().unwrap_or(0);
        if pos == 0 || neg == 0 {
            report.failures.push(format!(
                "{id}: needs at least one 'ruleid:' and one 'ok:' fixture case (has {pos} and {neg})"
            ));
        }
    }
    Ok(report)
}

/// The GitLab token prefixes a fixture is checked with, from a comment line
/// `fixture-gitlab-token-prefixes: acme-, corptok` (what `secrets.gitlab_token_prefixes`
/// would hold in `.mrwarden.yml`).
fn fixture_prefixes(text: &str) -> Option<Vec<String>> {
    const KEY: &str = "fixture-gitlab-token-prefixes:";
    let line = text.lines().find(|l| l.contains(KEY))?;
    let (_, list) = line.split_once(KEY)?;
    Some(
        list.split(',')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

/// The lines a fixture's change adds, from a comment line `fixture-added-lines: 7,
/// 9-10` (file line numbers); without it every line counts as added. Shows that a flow
/// whose source is in unchanged code is reported when only its sink is added, and that
/// an old problem in an edited function is not.
fn fixture_added_lines(text: &str) -> Option<BTreeSet<u32>> {
    const KEY: &str = "fixture-added-lines:";
    let line = text.lines().find(|l| l.contains(KEY))?;
    let (_, list) = line.split_once(KEY)?;
    let mut out = BTreeSet::new();
    for part in list.split(',') {
        let part = part.trim();
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        if let (Ok(a), Ok(b)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) {
            out.extend(a..=b.min(a.saturating_add(10_000)));
        }
    }
    Some(out)
}

/// Which rule a fixture file belongs to, and the path to scan it under.
fn owner<'a>(rel: &str, ids: &BTreeSet<&'a str>) -> Option<(&'a str, String)> {
    let (_, inside) = rel.split_once('/')?;
    let mut best: Option<&'a str> = None;
    for id in ids {
        let fits = inside
            .strip_prefix(id)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('/'));
        if fits && best.is_none_or(|b| b.len() < id.len()) {
            best = Some(id);
        }
    }
    let id = best?;
    let rest = &inside[id.len()..];
    let scan_path = match rest.strip_prefix('/') {
        Some(sub) => sub.to_string(),
        None => inside.to_string(),
    };
    Some((id, scan_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owner_takes_the_longest_id() {
        let ids: BTreeSet<&str> = ["py-eval", "py-eval-input"].into_iter().collect();
        assert_eq!(
            owner("python/py-eval-input.py", &ids),
            Some(("py-eval-input", "py-eval-input.py".into()))
        );
        assert_eq!(
            owner("docker/py-eval/Dockerfile", &ids),
            Some(("py-eval", "Dockerfile".into()))
        );
        assert_eq!(owner("python/other.py", &ids), None);
    }

    #[test]
    fn builtin_fixtures_pass() {
        let (packs, files) = builtin().expect("builtin packs load");
        let report = run(&packs, &files).expect("compiles");
        assert!(report.rules > 0);
        assert!(
            report.failures.is_empty(),
            "fixture failures:\n{}",
            report.failures.join("\n")
        );
    }
}
