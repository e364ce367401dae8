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
