//! The tree forms of a rule (`ast:` and `taint:`), compiled per grammar on first use.
//!
//! A rule's `languages` name grammars (`typescript` is TypeScript and TSX); its
//! matchers are compiled for each one the first time a file of that grammar is parsed
//! for the rule. Built-in packs are checked to compile for every grammar by a unit test;
//! custom packs compile every grammar when they load, so their errors surface there.

use std::sync::{Arc, OnceLock};

use crate::rules::spec::{RuleSpec, TaintSpec};
use crate::syntax::{AstSpec, Lang, Matcher};

/// Metavariable a sink uses for its dangerous argument.
pub const SINK_VAR: &str = "SINK";
/// Metavariable a guard-style sanitizer uses for the variable it makes clean.
pub const CLEAN_VAR: &str = "CLEAN";
/// Metavariables of a propagator.
pub const FROM_VAR: &str = "FROM";
/// See [`FROM_VAR`].
pub const TO_VAR: &str = "TO";

/// A grammar's matchers, compiled on first use (or why they would not compile).
pub type Compiled = OnceLock<Result<Arc<TreeMatchers>, String>>;

/// A rule's structural and taint forms.
pub struct TreeForm {
    /// `ast:` as written.
    pub ast: Option<AstSpec>,
    /// Metavariable the `ast:` finding is anchored on (without `$`).
    pub anchor: Option<String>,
    /// `taint:` as written.
    pub taint: Option<TaintSpec>,
    /// The grammars the rule runs on, each with its compiled matchers.
    pub langs: Vec<(Lang, Compiled)>,
}

impl std::fmt::Debug for TreeForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TreeForm")
            .field("langs", &self.langs.iter().map(|l| l.0).collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// A rule's matchers for one grammar.
pub struct TreeMatchers {
    /// The `ast:` matcher.
    pub ast: Option<Matcher>,
    /// The taint matchers.
    pub taint: Option<TaintMatchers>,
}

/// The taint block's matchers for one grammar.
pub struct TaintMatchers {
    /// Sources.
    pub sources: Vec<Matcher>,
    /// Sinks.
    pub sinks: Vec<Matcher>,
    /// Sanitizers.
    pub sanitizers: Vec<Matcher>,
    /// Propagators.
    pub propagators: Vec<Matcher>,
}

impl TreeForm {
    /// The tree form of a rule, if it has one; `Err` says what is wrong with it.
    pub fn of(spec: &RuleSpec) -> Result<Option<Self>, String> {
        if spec.ast.is_none() && spec.taint.is_none() {
            if spec.anchor.is_some() {
                return Err("anchor applies to ast rules only".into());
            }
            return Ok(None);
        }
        if spec.ast.is_some() && spec.taint.is_some() {
            return Err("a rule has either ast or taint, not both".into());
        }
        if spec.pattern.is_some() || !spec.patterns.is_empty() || !spec.not_patterns.is_empty() {
            return Err("a rule has either a line pattern or an ast/taint form, not both".into());
        }
        if spec.anchor.is_some() && spec.taint.is_some() {
            return Err("taint findings are anchored on their sink; drop anchor".into());
        }
        let mut langs: Vec<Lang> = spec
            .languages
            .iter()
            .flat_map(|l| Lang::for_rule_language(l))
            .collect();
        langs.sort();
        langs.dedup();
        if langs.is_empty() && !spec.languages.is_empty() {
            // Every named language's grammar is compiled out: the rule never runs.
        } else if spec.languages.is_empty() {
            return Err("ast and taint rules name their languages".into());
        }
        if let Some(t) = &spec.taint
            && (t.sources.is_empty() || t.sinks.is_empty())
        {
            return Err("taint needs at least one source and one sink".into());
        }
        check_cost(spec)?;
        Ok(Some(TreeForm {
            ast: spec.ast.clone(),
            anchor: spec
                .anchor
                .as_deref()
                .map(|a| a.trim_start_matches('$').to_string()),
            taint: spec.taint.clone(),
            langs: langs.into_iter().map(|l| (l, OnceLock::new())).collect(),
        }))
    }

    /// The matchers for `lang`, compiled on first use; `None` when the rule does not run
    /// on that grammar.
    pub fn matchers(&self, lang: Lang) -> Option<Result<Arc<TreeMatchers>, String>> {
        let (_, cell) = self.langs.iter().find(|(l, _)| *l == lang)?;
        Some(
            cell.get_or_init(|| self.compile(lang).map(Arc::new))
                .clone(),
        )
    }

    /// Compiles every grammar now (custom packs, tests); the first error.
    pub fn compile_all(&self) -> Result<(), String> {
        for (lang, _) in &self.langs {
            self.matchers(*lang).transpose()?;
        }
        Ok(())
    }

    fn compile(&self, lang: Lang) -> Result<TreeMatchers, String> {
        let ast = self.ast.as_ref().map(|a| a.compile(lang)).transpose()?;
        if let (Some(m), Some(anchor)) = (&ast, &self.anchor)
            && !m.defined_vars().contains(anchor.as_str())
        {
            return Err(format!(
                "anchor ${anchor} is not a metavariable of the ast pattern"
            ));
        }
        let taint = self
            .taint
            .as_ref()
            .map(|t| compile_taint(t, lang))
            .transpose()?;
        Ok(TreeMatchers { ast, taint })
    }
}

fn compile_taint(t: &TaintSpec, lang: Lang) -> Result<TaintMatchers, String> {
    let utils = t.utils.as_ref();
    let list = |what: &str, entries: &[crate::rules::spec::TaintEntry]| {
        entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                e.spec(utils)
                    .compile(lang)
                    .map_err(|err| format!("taint {what}[{i}]: {err}"))
            })
            .collect::<Result<Vec<_>, _>>()
    };
    let propagators = list("propagators", &t.propagators)?;
    for (i, p) in propagators.iter().enumerate() {
        let vars = p.defined_vars();
        if !vars.contains(FROM_VAR) || !vars.contains(TO_VAR) {
            return Err(format!(
                "taint propagators[{i}]: a propagator binds $FROM and $TO"
            ));
        }
    }
    Ok(TaintMatchers {
        sources: list("sources", &t.sources)?,
        sinks: list("sinks", &t.sinks)?,
        sanitizers: list("sanitizers", &t.sanitizers)?,
        propagators,
    })
}

/// Most nested relational conditions (`inside`/`has`/`follows`/`precedes`) in one
/// matcher: each level can multiply the nodes visited per candidate.
pub const MAX_RELATIONAL_DEPTH: usize = 4;
/// Most `$$$` in one pattern: each can make matching try every split of a list.
pub const MAX_ELLIPSES: usize = 4;

/// Rejects matchers whose cost could explode on a large file (a user's rule is bounded
/// at load, before it meets code).
fn check_cost(spec: &RuleSpec) -> Result<(), String> {
    let mut objects = Vec::new();
    if let Some(a) = &spec.ast {
        objects.push(serde_json::to_value(&a.rule).unwrap_or_default());
    }
    if let Some(t) = &spec.taint {
        for e in t
            .sources
            .iter()
            .chain(&t.sinks)
            .chain(&t.sanitizers)
            .chain(&t.propagators)
        {
            objects.push(serde_json::to_value(&e.spec(None).rule).unwrap_or_default());
        }
    }
    for v in &objects {
        let depth = relational_depth(v, 0);
        if depth > MAX_RELATIONAL_DEPTH {
            return Err(format!(
                "matcher nests {depth} relational conditions (inside/has/follows/precedes); at most {MAX_RELATIONAL_DEPTH} are allowed, as each level multiplies the work on large files"
            ));
        }
        let mut patterns = Vec::new();
        collect_patterns(v, &mut patterns);
        if let Some(p) = patterns
            .iter()
            .find(|p| p.matches("$$$").count() > MAX_ELLIPSES)
        {
            return Err(format!(
                "pattern {p:?} has more than {MAX_ELLIPSES} `$$$`; split it with has/inside"
            ));
        }
    }
    Ok(())
}

fn relational_depth(v: &serde_json::Value, depth: usize) -> usize {
    if depth > 64 {
        return depth;
    }
    match v {
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, val)| {
                let here = usize::from(matches!(
                    k.as_str(),
                    "inside" | "has" | "follows" | "precedes"
                ));
                relational_depth(val, depth + here)
            })
            .max()
            .unwrap_or(depth),
        serde_json::Value::Array(items) => items
            .iter()
            .map(|i| relational_depth(i, depth))
            .max()
            .unwrap_or(depth),
        _ => depth,
    }
}

/// The rule-pack lint for `ast:`/`taint:` matchers: patterns that do not mean what they
/// say. Today one trap: `f($A, $$$)` does not match `f(a)` (ast-grep matches the comma
/// literally), so a rule that wants "one or more arguments" must also list `f($A)`. A
/// pattern with `, $$$` (or `$$$,`) is reported unless the same rule also has the
/// pattern without it.
pub fn lint(spec: &RuleSpec) -> Vec<String> {
    let mut patterns = Vec::new();
    if let Some(ast) = &spec.ast {
        collect_patterns(
            &serde_json::to_value(&ast.rule).unwrap_or_default(),
            &mut patterns,
        );
    }
    if let Some(t) = &spec.taint {
        for e in t
            .sources
            .iter()
            .chain(&t.sinks)
            .chain(&t.sanitizers)
            .chain(&t.propagators)
        {
            let rule = e.spec(None).rule;
            collect_patterns(
                &serde_json::to_value(&rule).unwrap_or_default(),
                &mut patterns,
            );
        }
    }
    let Ok(trap) = regex::Regex::new(r",\s*\$\$\$[A-Z0-9_]*|\$\$\$[A-Z0-9_]*\s*,") else {
        return Vec::new();
    };
    let compact = |s: &str| s.split_whitespace().collect::<String>();
    let known: std::collections::HashSet<String> = patterns.iter().map(|p| compact(p)).collect();
    let mut out = Vec::new();
    for p in &patterns {
        if !trap.is_match(p) {
            continue;
        }
        let reduced = compact(&trap.replace_all(p, ""));
        if !known.contains(&reduced) {
            out.push(format!(
                "rule {}: pattern {p:?} does not match a call without the extra arguments; \
                 add the pattern without `, $$$` (any: [...]) or use `$$$` alone",
                spec.id
            ));
        }
    }
    out
}

fn collect_patterns(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, val) in map {
                match (k.as_str(), val) {
                    ("pattern", serde_json::Value::String(s)) => out.push(s.clone()),
                    ("pattern", serde_json::Value::Object(o)) => {
                        if let Some(serde_json::Value::String(s)) = o.get("context") {
                            out.push(s.clone());
                        }
                    }
                    _ => collect_patterns(val, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_patterns(i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(ast: &str) -> RuleSpec {
        let yaml = format!(
            "id: x\nkind: vulnerability\ntitle: t\nmessage: m\nseverity: high\nremediation: r\nlanguages: [python]\nast:\n{ast}"
        );
        crate::config::yaml::from_str(&yaml).expect("spec")
    }

    #[test]
    fn lint_catches_the_comma_trap() {
        let bad = spec("  rule:\n    pattern: f($A, $$$)\n");
        assert_eq!(lint(&bad).len(), 1, "{:?}", lint(&bad));
        let good = spec("  rule:\n    any:\n      - pattern: f($A)\n      - pattern: f($A, $$$)\n");
        assert!(lint(&good).is_empty(), "{:?}", lint(&good));
        let plain = spec("  rule:\n    pattern: f($$$)\n");
        assert!(lint(&plain).is_empty());
        // Costly matchers are refused at load.
        let deep = spec(
            "  rule:\n    pattern: f($A)\n    inside:\n      has:\n        inside:\n          has:\n            inside:\n              kind: module\n",
        );
        assert!(TreeForm::of(&deep).is_err_and(|e| e.contains("relational")));
        let many = spec("  rule:\n    pattern: f($$$, $$$, $$$, $$$, $$$)\n");
        assert!(TreeForm::of(&many).is_err_and(|e| e.contains("$$$")));
        // And the trap is real: the lone pattern misses a one-argument call.
        let m = bad
            .ast
            .as_ref()
            .expect("ast")
            .compile(Lang::Python)
            .expect("compiles");
        let tree = Lang::Python.parse("f(a)\nf(a, b)\n");
        assert_eq!(crate::syntax::Walker::new(vec![&m]).scan(&tree).len(), 1);
    }
}
