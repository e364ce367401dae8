//! Syntax trees of the files a change touches: the languages mrwarden can parse (one
//! tree-sitter grammar per cargo feature, all on by default), parsing, and ast-grep
//! matchers compiled from a rule's `ast:` block. A leaf stage: it knows nothing of
//! diffs, rules or findings; `rules` compiles matchers with it and `analyze` runs them.
//!
//! Parsing never fails: tree-sitter recovers from syntax errors (the tree then holds
//! `ERROR` nodes), so a hunk with its context lines parses too. What is parsed is
//! bounded by the caller (`limits`); every walk over a tree in mrwarden is iterative or
//! depth-bounded, so a deeply nested file cannot overflow the stack.

mod dockerfile;

use std::borrow::Cow;
use std::collections::HashMap;

use ast_grep_config::{DeserializeEnv, RuleCore, SerializableRule, SerializableRuleCore};
use ast_grep_core::matcher::Matcher as _;
use ast_grep_core::matcher::{Pattern, PatternBuilder, PatternError};
use ast_grep_core::meta_var::MetaVariable;
use ast_grep_core::tree_sitter::{LanguageExt, StrDoc, TSLanguage};
use ast_grep_core::{AstGrep, Language};
use ast_grep_language::SupportLang;
use serde::Deserialize;

pub use dockerfile::Containerfile;

/// A parsed file: source text and its tree.
pub type Tree = AstGrep<StrDoc<Lang>>;
/// A node of a [`Tree`].
pub type Node<'t> = ast_grep_core::Node<'t, StrDoc<Lang>>;
/// A match of a compiled matcher, with its metavariables.
pub type NodeMatch<'t> = ast_grep_core::NodeMatch<'t, StrDoc<Lang>>;

/// A language mrwarden has a grammar for. Only languages whose cargo feature is on are
/// ever returned by [`Lang::for_path`] / [`Lang::for_rule_language`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Python (`lang-python`).
    Python,
    /// JavaScript and JSX (`lang-javascript`).
    JavaScript,
    /// TypeScript (`lang-typescript`).
    TypeScript,
    /// TSX (`lang-typescript`).
    Tsx,
    /// Go (`lang-go`).
    Go,
    /// Java (`lang-java`).
    Java,
    /// Ruby (`lang-ruby`).
    Ruby,
    /// PHP (`lang-php`).
    Php,
    /// C# (`lang-csharp`).
    CSharp,
    /// Rust (`lang-rust`).
    Rust,
    /// Bash / POSIX shell (`lang-bash`).
    Bash,
    /// YAML (`lang-yaml`): Kubernetes manifests, GitLab CI.
    Yaml,
    /// HCL: Terraform (`lang-hcl`).
    Hcl,
    /// Dockerfile / Containerfile (`lang-dockerfile`, tree-sitter-containerfile).
    Dockerfile,
}

impl Lang {
    /// Every language, compiled in or not.
    pub const ALL: [Lang; 14] = [
        Lang::Python,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::Go,
        Lang::Java,
        Lang::Ruby,
        Lang::Php,
        Lang::CSharp,
        Lang::Rust,
        Lang::Bash,
        Lang::Yaml,
        Lang::Hcl,
        Lang::Dockerfile,
    ];

    /// Whether this build carries the grammar (its cargo feature is on).
    pub const fn available(self) -> bool {
        match self {
            Lang::Python => cfg!(feature = "lang-python"),
            Lang::JavaScript => cfg!(feature = "lang-javascript"),
            Lang::TypeScript | Lang::Tsx => cfg!(feature = "lang-typescript"),
            Lang::Go => cfg!(feature = "lang-go"),
            Lang::Java => cfg!(feature = "lang-java"),
            Lang::Ruby => cfg!(feature = "lang-ruby"),
            Lang::Php => cfg!(feature = "lang-php"),
            Lang::CSharp => cfg!(feature = "lang-csharp"),
            Lang::Rust => cfg!(feature = "lang-rust"),
            Lang::Bash => cfg!(feature = "lang-bash"),
            Lang::Yaml => cfg!(feature = "lang-yaml"),
            Lang::Hcl => cfg!(feature = "lang-hcl"),
            Lang::Dockerfile => cfg!(feature = "lang-dockerfile"),
        }
    }

    /// The name used in messages and in `mrwarden rules list`.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::Python => "python",
            Lang::JavaScript => "javascript",
            Lang::TypeScript => "typescript",
            Lang::Tsx => "tsx",
            Lang::Go => "go",
            Lang::Java => "java",
            Lang::Ruby => "ruby",
            Lang::Php => "php",
            Lang::CSharp => "csharp",
            Lang::Rust => "rust",
            Lang::Bash => "shell",
            Lang::Yaml => "yaml",
            Lang::Hcl => "terraform",
            Lang::Dockerfile => "dockerfile",
        }
    }

    /// The grammars a rule's `languages:` entry (a name of `rules::lang`) compiles to:
    /// `typescript` is two grammars (TypeScript and TSX); YAML dialects share one.
    /// Empty for a language without a grammar (or whose feature is off).
    pub fn for_rule_language(name: &str) -> Vec<Lang> {
        let langs: &[Lang] = match name {
            "python" => &[Lang::Python],
            "javascript" => &[Lang::JavaScript],
            "typescript" => &[Lang::TypeScript, Lang::Tsx],
            "go" => &[Lang::Go],
            "java" => &[Lang::Java],
            "ruby" => &[Lang::Ruby],
            "php" => &[Lang::Php],
            "csharp" => &[Lang::CSharp],
            "rust" => &[Lang::Rust],
            "shell" => &[Lang::Bash],
            "yaml" | "kubernetes" | "gitlab-ci" => &[Lang::Yaml],
            "terraform" => &[Lang::Hcl],
            "dockerfile" => &[Lang::Dockerfile],
            _ => &[],
        };
        langs.iter().copied().filter(|l| l.available()).collect()
    }

    /// The grammar for a repository path, by its name (the same conventions as the
    /// language globs of `rules::lang`). `None` for files mrwarden does not parse
    /// (templates such as `.erb`/`.jsp`/`.cshtml` are not plain source of their
    /// language) and for grammars compiled out.
    pub fn for_path(path: &str) -> Option<Lang> {
        let name = path.rsplit('/').next().unwrap_or(path);
        let ext = name.rsplit_once('.').map(|(_, e)| e);
        let lang = match ext {
            Some("py" | "pyw") => Lang::Python,
            Some("js" | "mjs" | "cjs" | "jsx") => Lang::JavaScript,
            Some("ts" | "mts" | "cts") => Lang::TypeScript,
            Some("tsx") => Lang::Tsx,
            Some("go") => Lang::Go,
            Some("java") => Lang::Java,
            Some("rb" | "rake") => Lang::Ruby,
            Some("php") => Lang::Php,
            Some("cs") => Lang::CSharp,
            Some("rs") => Lang::Rust,
            Some("sh" | "bash" | "ksh") => Lang::Bash,
            Some("yml" | "yaml") => Lang::Yaml,
            Some("tf" | "hcl" | "tfvars") => Lang::Hcl,
            Some("dockerfile" | "Dockerfile") => Lang::Dockerfile,
            _ if matches!(name, "Rakefile" | "Gemfile") => Lang::Ruby,
            _ if name == "Dockerfile"
                || name == "Containerfile"
                || name.starts_with("Dockerfile.")
                || name.starts_with("Containerfile.") =>
            {
                Lang::Dockerfile
            }
            _ => return None,
        };
        lang.available().then_some(lang)
    }

    /// ast-grep's language value for the grammars it bundles.
    fn support(self) -> Option<SupportLang> {
        Some(match self {
            Lang::Python => SupportLang::Python,
            Lang::JavaScript => SupportLang::JavaScript,
            Lang::TypeScript => SupportLang::TypeScript,
            Lang::Tsx => SupportLang::Tsx,
            Lang::Go => SupportLang::Go,
            Lang::Java => SupportLang::Java,
            Lang::Ruby => SupportLang::Ruby,
            Lang::Php => SupportLang::Php,
            Lang::CSharp => SupportLang::CSharp,
            Lang::Rust => SupportLang::Rust,
            Lang::Bash => SupportLang::Bash,
            Lang::Yaml => SupportLang::Yaml,
            Lang::Hcl => SupportLang::Hcl,
            Lang::Dockerfile => return None,
        })
    }

    /// Parses `source`. Callers bound its size; only languages with [`Lang::available`]
    /// may be parsed (the others have no grammar in this build).
    pub fn parse(self, source: &str) -> Tree {
        debug_assert!(self.available(), "{} is compiled out", self.name());
        AstGrep::new(source, self)
    }
}

/// Delegates to ast-grep's language definitions (which know each grammar's
/// metavariable quirks: `$` is part of identifiers in PHP, Bash and Ruby) and to our
/// Dockerfile definition.
macro_rules! delegate {
    ($self:ident, $lang:ident => $call:expr) => {
        match $self.support() {
            Some($lang) => $call,
            None => {
                let $lang = Containerfile;
                $call
            }
        }
    };
}

impl Language for Lang {
    fn kind_to_id(&self, kind: &str) -> u16 {
        delegate!(self, l => l.kind_to_id(kind))
    }
    fn field_to_id(&self, field: &str) -> Option<u16> {
        delegate!(self, l => l.field_to_id(field))
    }
    fn meta_var_char(&self) -> char {
        delegate!(self, l => l.meta_var_char())
    }
    fn expando_char(&self) -> char {
        delegate!(self, l => l.expando_char())
    }
    fn extract_meta_var(&self, source: &str) -> Option<MetaVariable> {
        delegate!(self, l => l.extract_meta_var(source))
    }
    fn pre_process_pattern<'q>(&self, query: &'q str) -> Cow<'q, str> {
        delegate!(self, l => l.pre_process_pattern(query))
    }
    fn build_pattern(&self, builder: &PatternBuilder) -> Result<Pattern, PatternError> {
        builder.build(|src| StrDoc::try_new(src, *self))
    }
}

impl LanguageExt for Lang {
    fn get_ts_language(&self) -> TSLanguage {
        delegate!(self, l => l.get_ts_language())
    }
}

/// A structural matcher as a rule pack writes it (`ast:` in a rule, and each source,
/// sink, sanitizer and propagator of `taint:`): an ast-grep rule object (`pattern`,
/// `kind`, `regex`, `inside`, `has`, `not`, `any`, `all`, `follows`, `precedes`,
/// `matches`) with its `constraints` on metavariables and `utils` (named sub-rules for
/// `matches`). See `docs/rules.md`.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AstSpec {
    /// The rule object.
    pub rule: SerializableRule,
    /// Metavariable name (without `$`) to the rule its node must also match.
    #[serde(default)]
    pub constraints: Option<HashMap<String, SerializableRule>>,
    /// Named sub-rules for `matches:`.
    #[serde(default)]
    pub utils: Option<HashMap<String, SerializableRule>>,
}

impl std::fmt::Debug for AstSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AstSpec").finish_non_exhaustive()
    }
}

/// A matcher compiled for one grammar, with the literal words a node's text must hold
/// for it to match (a cheap test run before the structural match).
pub struct Matcher {
    core: RuleCore,
    /// Alternatives, each a list of words that must all occur in the node's text;
    /// `None` when the rule gives no such words (`$F($$$)`, `kind:` alone, `matches:`).
    needs: Option<Vec<Vec<String>>>,
}

impl std::ops::Deref for Matcher {
    type Target = RuleCore;

    fn deref(&self) -> &RuleCore {
        &self.core
    }
}

impl Matcher {
    /// Whether `text` holds the words of one alternative (always, without words).
    fn may_match(&self, text: &str) -> bool {
        self.needs.as_ref().is_none_or(|alts| {
            alts.iter()
                .any(|words| words.iter().all(|w| text.contains(w.as_str())))
        })
    }
}

/// The literal words a node matching `rule` must contain in its text: from its
/// `pattern` (identifiers outside metavariables), else from the first `all:` member
/// that has some, else from every `any:` alternative (all of them must have some).
/// Relational parts (`inside`, `has`, …) and `not` say nothing about the node's own
/// text and are ignored; so are contextual patterns (their context is not the node's).
fn needs(rule: &serde_json::Value) -> Option<Vec<Vec<String>>> {
    if let Some(p) = rule.get("pattern").and_then(serde_json::Value::as_str) {
        let words = pattern_words(p);
        if !words.is_empty() {
            return Some(vec![words]);
        }
    }
    if let Some(n) = rule
        .get("all")
        .and_then(serde_json::Value::as_array)
        .and_then(|all| all.iter().find_map(needs))
    {
        return Some(n);
    }
    if let Some(any) = rule.get("any").and_then(serde_json::Value::as_array) {
        let mut alts = Vec::new();
        for r in any {
            alts.extend(needs(r)?);
        }
        return (!alts.is_empty()).then_some(alts);
    }
    None
}

/// Up to two of the longest identifiers of a pattern that are not metavariables.
fn pattern_words(pattern: &str) -> Vec<String> {
    let mut words: Vec<&str> = Vec::new();
    let bytes = pattern.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            let metavar = start > 0 && bytes[start - 1] == b'$';
            if !metavar && i - start >= 3 {
                words.push(&pattern[start..i]);
            }
        } else {
            i += 1;
        }
    }
    // Longest first, equal words side by side so `dedup` removes every repeat.
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words.into_iter().take(2).map(str::to_string).collect()
}

impl AstSpec {
    /// Compiles the matcher for `lang`; the error says what ast-grep rejected. A
    /// matcher must be able to say which node kinds it can match (so one walk of a tree
    /// serves every rule of the language): a rule with only `not:`, or a `regex:` alone,
    /// is rejected.
    pub fn compile(&self, lang: Lang) -> Result<Matcher, String> {
        let core = SerializableRuleCore {
            rule: self.rule.clone(),
            constraints: self.constraints.clone(),
            utils: self.utils.clone(),
            transform: None,
        };
        let matcher = core
            .get_matcher(DeserializeEnv::new(lang))
            .map_err(|e| format!("{} pattern: {e}", lang.name()))?;
        if matcher.potential_kinds().is_none() {
            return Err(format!(
                "{} pattern: cannot tell which syntax nodes it matches; give it a `pattern` or `kind`",
                lang.name()
            ));
        }
        Ok(Matcher {
            core: matcher,
            // The rule object as data (ast-grep keeps its parts private).
            needs: serde_json::to_value(&self.rule)
                .ok()
                .as_ref()
                .and_then(needs),
        })
    }
}

/// One walk over a tree for many matchers: each node is tried only against the
/// matchers that can match its kind. Deliberately not ast-grep's `CombinedScan`: that
/// honours `ast-grep-ignore` comments in the scanned file, which would let a change
/// silence its own review (suppressions are `mrwarden:ignore`, judged by policy).
pub struct Walker<'m> {
    matchers: Vec<&'m Matcher>,
    by_kind: Vec<Vec<usize>>,
}

impl<'m> Walker<'m> {
    /// Indexes `matchers` by the node kinds they can match.
    pub fn new(matchers: Vec<&'m Matcher>) -> Self {
        let mut by_kind: Vec<Vec<usize>> = Vec::new();
        for (i, m) in matchers.iter().enumerate() {
            for kind in m.potential_kinds().iter().flatten() {
                if by_kind.len() <= kind {
                    by_kind.resize_with(kind + 1, Vec::new);
                }
                by_kind[kind].push(i);
            }
        }
        Walker { matchers, by_kind }
    }

    /// Every match in `tree`, as (index of the matcher in the list given to
    /// [`Walker::new`], the match), in document order. The walk is ast-grep's
    /// iterative pre-order traversal.
    pub fn scan<'t>(&self, tree: &'t Tree) -> Vec<(usize, NodeMatch<'t>)> {
        use ast_grep_core::matcher::MatcherExt as _;
        let mut out = Vec::new();
        for node in tree.root().dfs() {
            let Some(candidates) = self.by_kind.get(usize::from(node.kind_id())) else {
                continue;
            };
            let text = node.text();
            for &i in candidates {
                if !self.matchers[i].may_match(&text) {
                    continue;
                }
                if let Some(m) = self.matchers[i].core.match_node(node.clone()) {
                    out.push((i, m));
                }
            }
        }
        out
    }
}

/// 1-based first and last line of a node.
pub fn lines(node: &Node<'_>) -> (u32, u32) {
    let start = node.start_pos().line() as u32 + 1;
    let end = node.end_pos().line() as u32 + 1;
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(yaml: &str) -> AstSpec {
        serde_saphyr::from_str(yaml).expect("valid ast spec")
    }

    #[test]
    fn the_word_prefilter_keeps_only_words_every_match_contains() {
        assert_eq!(pattern_words("$X.execute($Q)"), vec!["execute"]);
        assert_eq!(
            pattern_words("subprocess.run($$$ARGS, shell=True)"),
            vec!["subprocess", "shell"]
        );
        assert!(pattern_words("$F($$$)").is_empty());
        let json = |y: &str| serde_json::to_value(&spec(y).rule).expect("rule as data");
        let any =
            json("rule:\n  any:\n    - pattern: os.system($X)\n    - pattern: os.popen($X)\n");
        assert_eq!(
            needs(&any),
            Some(vec![vec!["system".to_string()], vec!["popen".to_string()]])
        );
        // One alternative without words: nothing can be required.
        let open = json("rule:\n  any:\n    - pattern: os.system($X)\n    - kind: call\n");
        assert_eq!(needs(&open), None);
        let all = json(
            "rule:\n  all:\n    - kind: call\n    - pattern: eval($X)\n    - not: {has: {kind: string}}\n",
        );
        assert_eq!(needs(&all), Some(vec![vec!["eval".to_string()]]));
        let m = spec("rule:\n  pattern: eval($X)\n")
            .compile(Lang::Python)
            .expect("compiles");
        assert!(m.may_match("eval(x)") && !m.may_match("exec(x)"));
    }

    #[test]
    fn every_default_grammar_parses_and_matches() {
        let cases: &[(Lang, &str, &str)] = &[
            (Lang::Python, "import os\nos.system(cmd)\n", "os.system($X)"),
            (Lang::JavaScript, "const a = 1;\neval(a);\n", "eval($X)"),
            (
                Lang::TypeScript,
                "let a: string = x;\neval(a);\n",
                "eval($X)",
            ),
            (
                Lang::Tsx,
                "const e = <div>{x}</div>;\neval(a);\n",
                "eval($X)",
            ),
            (
                Lang::Go,
                "package m\nfunc f() { exec.Command(x) }\n",
                "exec.Command($X)",
            ),
            (
                Lang::Java,
                "class A { void f() {\n Runtime.getRuntime().exec(c);\n} }\n",
                "Runtime.getRuntime().exec($X)",
            ),
            (Lang::Ruby, "x = 1\nsystem(cmd)\n", "system($X)"),
            (Lang::Php, "<?php\nsystem($cmd);\n", "system($X)"),
            (
                Lang::CSharp,
                "class A { void F() {\n Process.Start(c);\n} }\n",
                "Process.Start($X)",
            ),
            (
                Lang::Rust,
                "fn f() {\n    Command::new(c);\n}\n",
                "Command::new($X)",
            ),
            (Lang::Bash, "x=1\neval \"$x\"\n", "eval $X"),
            (Lang::Hcl, "a = 1\nb = f(x)\n", "b = f($X)"),
        ];
        for (lang, src, pattern) in cases {
            if !lang.available() {
                continue;
            }
            let tree = lang.parse(src);
            let rule = if *lang == Lang::Go {
                // A Go call is not a top-level construct: the pattern needs a context.
                format!(
                    "rule:\n  pattern:\n    context: 'func t() {{ {pattern} }}'\n    selector: call_expression\n"
                )
            } else {
                format!("rule:\n  pattern: '{pattern}'\n")
            };
            let m = spec(&rule)
                .compile(*lang)
                .unwrap_or_else(|e| panic!("{lang:?}: {e}"));
            let walker = Walker::new(vec![&m]);
            let found = walker.scan(&tree);
            assert_eq!(found.len(), 1, "{lang:?} {pattern} in {src:?}");
            assert_eq!(
                lines(found[0].1.get_node()).0,
                2,
                "{lang:?}: the match is on line 2"
            );
        }
    }

    #[test]
    fn yaml_and_dockerfile_parse_by_kind() {
        for (lang, src, kind) in [
            (Lang::Yaml, "a: 1\nprivileged: true\n", "block_mapping_pair"),
            (
                Lang::Dockerfile,
                "FROM alpine\nUSER root\n",
                "user_instruction",
            ),
        ] {
            if !lang.available() {
                continue;
            }
            let tree = lang.parse(src);
            let m = spec(&format!("rule:\n  kind: {kind}\n"))
                .compile(lang)
                .expect("kind rule");
            let found = Walker::new(vec![&m]).scan(&tree);
            assert!(!found.is_empty(), "{lang:?}: {kind}");
        }
    }

    #[test]
    fn a_rule_without_node_kinds_is_rejected() {
        let Err(err) = spec("rule:\n  regex: 'x'\n").compile(Lang::Python) else {
            panic!("a regex-only rule compiled");
        };
        assert!(err.contains("which syntax nodes"), "{err}");
    }

    #[test]
    fn ast_grep_ignore_comments_do_not_silence_the_walker() {
        let tree = Lang::Python.parse("eval(x)  # ast-grep-ignore\n");
        let m = spec("rule:\n  pattern: eval($X)\n")
            .compile(Lang::Python)
            .expect("rule");
        assert_eq!(Walker::new(vec![&m]).scan(&tree).len(), 1);
    }

    #[test]
    fn paths_pick_grammars() {
        assert_eq!(Lang::for_path("a/b/app.py"), Some(Lang::Python));
        assert_eq!(Lang::for_path("web/x.tsx"), Some(Lang::Tsx));
        assert_eq!(
            Lang::for_path("docker/Dockerfile.prod"),
            Some(Lang::Dockerfile)
        );
        assert_eq!(Lang::for_path("main.tf"), Some(Lang::Hcl));
        assert_eq!(Lang::for_path("README.md"), None);
        assert_eq!(
            Lang::for_rule_language("typescript"),
            vec![Lang::TypeScript, Lang::Tsx]
        );
    }

    #[test]
    fn syntax_errors_still_give_a_tree() {
        let tree = Lang::Python.parse("def f(:\n    os.system(cmd)\n");
        let m = spec("rule:\n  pattern: os.system($X)\n")
            .compile(Lang::Python)
            .expect("rule");
        assert_eq!(Walker::new(vec![&m]).scan(&tree).len(), 1);
    }
}
