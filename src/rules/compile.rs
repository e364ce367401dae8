//! Compiling packs once at start-up: regexes with size limits, one Aho-Corasick
//! automaton over every keyword, and one glob set over every rule's paths.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::{Regex, RegexBuilder};

use super::LoadedPack;
use super::spec::RuleSpec;
use crate::error::Error;

/// Compiled size limits: a rule is rejected rather than allowed to blow up memory.
const REGEX_SIZE_LIMIT: usize = 1 << 21;
const REGEX_DFA_SIZE_LIMIT: usize = 1 << 22;

/// A rule's regex, compiled on first use. Most rules never meet a line holding one of
/// their keywords, and compiling all ~400 built-in regexes up front cost about 130 ms
/// of every run. Built-in patterns are checked to compile by a unit test; patterns of
/// custom packs are compiled when the pack loads, so their errors surface there.
pub struct Pattern {
    source: String,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    fn eager(origin: &str, id: &str, source: &str) -> Result<Self, Error> {
        let compiled = OnceLock::new();
        let _ = compiled.set(regex(origin, id, source)?);
        Ok(Pattern {
            source: source.to_string(),
            compiled,
        })
    }

    fn lazy(source: &str) -> Self {
        Pattern {
            source: source.to_string(),
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            // Unreachable for built-in packs (`every_builtin_pattern_compiles`); a
            // pattern that cannot compile then matches nothing rather than panicking.
            regex("builtin", "", &self.source).unwrap_or_else(|_| never())
        })
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// A regex that matches nothing.
fn never() -> Regex {
    static NEVER: OnceLock<Regex> = OnceLock::new();
    NEVER
        .get_or_init(|| Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!()))
        .clone()
}

/// A rule ready to match.
#[derive(Debug)]
pub struct CompiledRule {
    /// The rule as written.
    pub spec: RuleSpec,
    /// Where it was defined (`builtin:secrets.yml`, a path), for messages.
    pub origin: String,
    /// Any of these matching means a hit.
    pub patterns: Vec<Pattern>,
    /// Any of these matching the line cancels a hit.
    pub not_patterns: Vec<Pattern>,
    /// Files whose diff text does not match this are skipped.
    pub file_pattern: Option<Pattern>,
    /// Files whose diff text matches this are skipped.
    pub not_file_pattern: Option<Pattern>,
    /// The enclosing (less indented) line above a match must match this.
    pub parent_pattern: Option<Pattern>,
    /// Secrets with `decode`: what the decoded text must match.
    pub decoded_pattern: Option<Pattern>,
    /// Applies to every text file (no languages, no paths).
    pub everywhere: bool,
    /// The `ast:`/`taint:` form: the rule runs on syntax trees, not lines.
    pub tree: Option<super::tree::TreeForm>,
    /// `fix:`: what to find in the finding's line, and its replacement.
    pub fix: Option<(Pattern, String)>,
}

/// Longest suggested line offered; a longer rewrite is not a one-line review suggestion.
const SUGGESTION_MAX_CHARS: usize = 400;

impl CompiledRule {
    /// Whether the rule runs on syntax trees (`ast:` or `taint:`) rather than lines.
    pub fn is_tree(&self) -> bool {
        self.tree.is_some()
    }

    /// The rule's `fix:` applied to `line` (the raw text of the finding's line): the
    /// rewritten line, or `None` when the rule has no fix, the fix does not change the
    /// line, or the result is not a plain line (control characters, too long). The
    /// caller must not offer it for a line holding a secret.
    pub fn suggest(&self, line: &str) -> Option<String> {
        let (find, replace) = self.fix.as_ref()?;
        let out = find.replacen(line, 1, replace.as_str());
        let plain = out.chars().count() <= SUGGESTION_MAX_CHARS
            && !out.chars().any(|c| c.is_control() && c != '\t');
        (out != line && plain).then(|| out.into_owned())
    }
}

/// Every rule of a run, with the prefilters that make matching fast.
#[derive(Debug)]
pub struct RuleSet {
    /// All rules, in pack order.
    pub rules: Vec<CompiledRule>,
    keywords: AhoCorasick,
    keyword_rules: Vec<Vec<u32>>,
    include: GlobSet,
    include_rules: Vec<u32>,
    exclude: GlobSet,
    exclude_rules: Vec<u32>,
}

impl RuleSet {
    /// Validates and compiles packs. Errors name the pack, the rule id and the problem.
    pub fn compile(packs: &[LoadedPack]) -> Result<Self, Error> {
        let mut rules = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        for pack in packs {
            for spec in &pack.pack.rules {
                let rule = compile_rule(spec, &pack.origin, pack.builtin)?;
                if let Some(first) = seen.insert(spec.id.clone(), pack.origin.clone()) {
                    return Err(Error::Config(format!(
                        "rule pack {}: rule id {:?} is already defined in {first}; rule ids must be unique",
                        pack.origin, spec.id
                    )));
                }
                rules.push(rule);
            }
        }
        Self::index(rules)
    }

    fn index(rules: Vec<CompiledRule>) -> Result<Self, Error> {
        let mut words: Vec<String> = Vec::new();
        let mut word_index: HashMap<String, usize> = HashMap::new();
        let mut keyword_rules: Vec<Vec<u32>> = Vec::new();
        let mut include = GlobSetBuilder::new();
        let mut include_rules = Vec::new();
        let mut exclude = GlobSetBuilder::new();
        let mut exclude_rules = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let idx = i as u32;
            for kw in &rule.spec.keywords {
                // Line rules are keyword-indexed by line; tree rules by file text (the
                // same index, asked once per file).
                let kw = kw.to_lowercase();
                let slot = *word_index.entry(kw.clone()).or_insert_with(|| {
                    words.push(kw);
                    keyword_rules.push(Vec::new());
                    keyword_rules.len() - 1
                });
                keyword_rules[slot].push(idx);
            }
            for g in rule_globs(&rule.spec) {
                include.add(glob(&g, rule)?);
                include_rules.push(idx);
            }
            for g in &rule.spec.exclude_paths {
                exclude.add(glob(g, rule)?);
                exclude_rules.push(idx);
            }
        }
        let keywords = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .map_err(|e| Error::Config(format!("cannot build the keyword index: {e}")))?;
        let build = |b: GlobSetBuilder| {
            b.build()
                .map_err(|e| Error::Config(format!("cannot build the rule path index: {e}")))
        };
        Ok(RuleSet {
            rules,
            keywords,
            keyword_rules,
            include: build(include)?,
            include_rules,
            exclude: build(exclude)?,
            exclude_rules,
        })
    }

    /// Which rules apply to a path: `applies[i]` for rule `i`.
    pub fn applicable(&self, path: &str) -> Vec<bool> {
        let mut applies: Vec<bool> = self.rules.iter().map(|r| r.everywhere).collect();
        for m in self.include.matches(path) {
            applies[self.include_rules[m] as usize] = true;
        }
        for m in self.exclude.matches(path) {
            applies[self.exclude_rules[m] as usize] = false;
        }
        applies
    }

    /// Calls `hit` with the index of every rule whose keyword occurs in `line`
    /// (possibly more than once per rule).
    pub fn candidates(&self, line: &str, mut hit: impl FnMut(usize)) {
        for m in self.keywords.find_overlapping_iter(line) {
            for &r in &self.keyword_rules[m.pattern().as_usize()] {
                hit(r as usize);
            }
        }
    }

    /// Every distinct keyword, lowercased (for benchmarks' keyword floor).
    pub fn keyword_count(&self) -> usize {
        self.keyword_rules.len()
    }
}

fn rule_globs(spec: &RuleSpec) -> Vec<String> {
    let mut out: Vec<String> = spec
        .languages
        .iter()
        .filter_map(|l| super::lang::globs(l))
        .flat_map(|g| g.iter().map(|s| (*s).to_string()))
        .collect();
    out.extend(spec.paths.iter().cloned());
    out
}

fn glob(pattern: &str, rule: &CompiledRule) -> Result<Glob, Error> {
    let pattern = if pattern.contains('/') {
        pattern.trim_start_matches('/').to_string()
    } else {
        format!("**/{pattern}")
    };
    globset::GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| {
            rule_error(
                &rule.origin,
                &rule.spec.id,
                &format!("bad path glob {pattern:?}: {e}"),
            )
        })
}

fn rule_error(origin: &str, id: &str, problem: &str) -> Error {
    Error::Config(format!("rule pack {origin}, rule {id:?}: {problem}"))
}

/// Whether a string is a valid rule id: `[a-z0-9-]+(\.[a-z0-9-]+)*`.
pub fn valid_rule_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn regex(origin: &str, id: &str, pattern: &str) -> Result<Regex, Error> {
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
        .build()
        .map_err(|e| rule_error(origin, id, &format!("bad regex {pattern:?}: {e}")))
}

/// `decode` only on secret rules, `decoded_pattern` only with `decode`.
fn check_decode(spec: &RuleSpec, origin: &str) -> Result<(), Error> {
    if spec.decode.is_some() && spec.kind != super::spec::RuleKind::Secret {
        return Err(rule_error(
            origin,
            &spec.id,
            "decode applies to secret rules only",
        ));
    }
    if spec.decoded_pattern.is_some() && spec.decode.is_none() {
        return Err(rule_error(origin, &spec.id, "decoded_pattern needs decode"));
    }
    Ok(())
}

#[expect(
    clippy::too_many_lines,
    reason = "one validation after another, each with its own message"
)]
fn compile_rule(spec: &RuleSpec, origin: &str, builtin: bool) -> Result<CompiledRule, Error> {
    let id = &spec.id;
    if !valid_rule_id(id) {
        return Err(rule_error(
            origin,
            id,
            "rule ids are lowercase letters, digits, '-' and '.'",
        ));
    }
    if id.starts_with("mrwarden.") {
        return Err(rule_error(
            origin,
            id,
            "the 'mrwarden.' prefix is reserved for mrwarden's own findings",
        ));
    }
    let tree = super::tree::TreeForm::of(spec).map_err(|e| rule_error(origin, id, &e))?;
    if (tree.is_none() && spec.keywords.is_empty())
        || spec.keywords.iter().any(|k| k.trim().is_empty())
    {
        return Err(rule_error(
            origin,
            id,
            "needs at least one non-empty keyword (a literal every match contains)",
        ));
    }
    if let Some(tree) = &tree {
        if spec.kind != super::spec::RuleKind::Vulnerability {
            return Err(rule_error(
                origin,
                id,
                "ast and taint rules find vulnerabilities; secrets are line rules",
            ));
        }
        if !builtin {
            tree.compile_all().map_err(|e| rule_error(origin, id, &e))?;
        }
    }
    for lang in &spec.languages {
        if super::lang::globs(lang).is_none() {
            return Err(rule_error(
                origin,
                id,
                &format!(
                    "unknown language {lang:?}; known: {}",
                    super::lang::names().join(", ")
                ),
            ));
        }
    }
    // Built-in packs compile their regexes on first use; custom packs now, so a bad
    // pattern is an error at load.
    let regex = |origin: &str, id: &str, p: &str| -> Result<Pattern, Error> {
        if builtin {
            Ok(Pattern::lazy(p))
        } else {
            Pattern::eager(origin, id, p)
        }
    };
    let sources: Vec<&String> = spec.pattern.iter().chain(spec.patterns.iter()).collect();
    if sources.is_empty() && tree.is_none() {
        return Err(rule_error(origin, id, "needs a pattern (or patterns)"));
    }
    let patterns = sources
        .iter()
        .map(|p| regex(origin, id, p))
        .collect::<Result<Vec<_>, _>>()?;
    let not_patterns = spec
        .not_patterns
        .iter()
        .map(|p| regex(origin, id, p))
        .collect::<Result<Vec<_>, _>>()?;
    let optional = |p: &Option<String>| p.as_deref().map(|p| regex(origin, id, p)).transpose();
    let file_pattern = optional(&spec.file_pattern)?;
    let not_file_pattern = optional(&spec.not_file_pattern)?;
    let parent_pattern = optional(&spec.parent_pattern)?;
    let decoded_pattern = optional(&spec.decoded_pattern)?;
    check_decode(spec, origin)?;
    let fix = match &spec.fix {
        Some(_) if spec.kind == super::spec::RuleKind::Secret => {
            return Err(rule_error(
                origin,
                id,
                "secret rules have no fix: a suggestion would repeat the secret",
            ));
        }
        Some(f) => Some((regex(origin, id, &f.find)?, f.replace.clone())),
        None => None,
    };
    if spec.min_entropy.is_some_and(|e| !(0.0..=8.0).contains(&e)) {
        return Err(rule_error(
            origin,
            id,
            "min_entropy is in bits per character, between 0 and 8",
        ));
    }
    Ok(CompiledRule {
        everywhere: spec.languages.is_empty() && spec.paths.is_empty(),
        spec: spec.clone(),
        origin: origin.to_string(),
        patterns,
        not_patterns,
        file_pattern,
        not_file_pattern,
        parent_pattern,
        decoded_pattern,
        tree,
        fix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(yaml: &str) -> Result<RuleSet, Error> {
        let p = crate::rules::parse_pack("test.yml", yaml)?;
        RuleSet::compile(&[p])
    }

    const GOOD: &str = "pack: t\nrules:\n  - id: x-eval\n    kind: vulnerability\n    title: t\n    message: m\n    severity: high\n    remediation: r\n    languages: [python]\n    keywords: [eval]\n    pattern: 'eval\\('\n";

    /// Built-in regexes compile lazily, so this is where a broken one is caught.
    #[test]
    fn every_builtin_pattern_compiles() {
        let packs = crate::rules::builtin::packs().expect("packs");
        let mut count = 0;
        for pack in &packs {
            for spec in &pack.pack.rules {
                let all = spec
                    .pattern
                    .iter()
                    .chain(&spec.patterns)
                    .chain(&spec.not_patterns)
                    .chain(&spec.file_pattern)
                    .chain(&spec.not_file_pattern)
                    .chain(&spec.parent_pattern)
                    .chain(&spec.decoded_pattern)
                    .chain(spec.fix.as_ref().map(|f| &f.find));
                for p in all {
                    regex(&pack.origin, &spec.id, p).unwrap_or_else(|e| panic!("{e}"));
                    count += 1;
                }
            }
        }
        assert!(count > 300, "{count} patterns");
    }

    #[test]
    fn fixes_rewrite_the_line_once_or_not_at_all() {
        let fixed = GOOD.replace(
            "    pattern:",
            "    fix: {find: '\\bverify=False', replace: 'verify=True'}\n    pattern:",
        );
        let set = pack(&fixed).expect("compiles");
        let rule = &set.rules[0];
        assert_eq!(
            rule.suggest("get(u, verify=False) or get(v, verify=False)")
                .as_deref(),
            Some("get(u, verify=True) or get(v, verify=False)")
        );
        assert_eq!(
            rule.suggest("get(u, verify=True)"),
            None,
            "no change, no offer"
        );
        assert_eq!(rule.suggest("get(u, noverify=False)"), None);
        let long = format!("get(u, verify=False) # {}", "x".repeat(500));
        assert_eq!(rule.suggest(&long), None, "too long to be a suggestion");
        assert_eq!(
            pack(GOOD).expect("compiles").rules[0].suggest("verify=False"),
            None
        );

        let secret = fixed.replace("kind: vulnerability", "kind: secret");
        let e = pack(&secret).expect_err("secret with fix").to_string();
        assert!(e.contains("repeat the secret"), "{e}");
        let bad = fixed.replace("\\bverify=False", "verify=(");
        assert!(
            pack(&bad)
                .expect_err("bad fix regex")
                .to_string()
                .contains("x-eval")
        );
    }

    #[test]
    fn compiles_and_indexes() {
        let set = pack(GOOD).expect("compiles");
        assert_eq!(set.applicable("src/a.py"), vec![true]);
        assert_eq!(set.applicable("src/a.js"), vec![false]);
        let mut hits = Vec::new();
        set.candidates("x = EVAL(y)", |r| hits.push(r));
        assert_eq!(hits, vec![0]);
    }

    #[test]
    fn broken_rules_name_the_problem() {
        let bad_regex = GOOD.replace("'eval\\('", "'eval('");
        let e = pack(&bad_regex).expect_err("bad regex").to_string();
        assert!(
            e.contains("test.yml") && e.contains("x-eval") && e.contains("bad regex"),
            "{e}"
        );
        let unknown = GOOD.replace("keywords:", "keyword:");
        let e = pack(&unknown).expect_err("unknown field").to_string();
        assert!(e.contains("keyword"), "{e}");
        let lang = GOOD.replace("[python]", "[cobol]");
        assert!(
            pack(&lang)
                .expect_err("lang")
                .to_string()
                .contains("unknown language")
        );
        let decode_on_vuln = GOOD.replace("keywords:", "decode: base64\n    keywords:");
        assert!(
            pack(&decode_on_vuln)
                .expect_err("decode")
                .to_string()
                .contains("secret rules only")
        );
        let id = GOOD.replace("x-eval", "X_Eval");
        assert!(pack(&id).is_err());
        let reserved = GOOD.replace("x-eval", "mrwarden.x");
        assert!(
            pack(&reserved)
                .expect_err("reserved")
                .to_string()
                .contains("reserved")
        );
    }

    #[test]
    fn rule_ids() {
        assert!(valid_rule_id("gitlab-pat"));
        assert!(valid_rule_id("mrwarden.llm.idor"));
        assert!(!valid_rule_id("a..b") && !valid_rule_id("") && !valid_rule_id("A"));
    }
}
