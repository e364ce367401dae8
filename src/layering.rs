//! The stage order of ARCHITECTURE.md, checked: which module of `src/` may import which.
//!
//! A test reads every source file, collects the `crate::…` and `super::…` paths of its
//! non-test code, and fails on an import the table below forbids, on an environment
//! read outside `context`/`main`/`cli`, and on an import cycle between top-level
//! modules (`diff::source` counted as its own). The checker is a pure function of the
//! files' text, so its own tests feed it each known break.

use std::collections::{BTreeMap, BTreeSet};

/// A unit of the layering: a top-level module, or `diff::source`.
type Unit = String;

/// What each unit must not import. `Only(list)`: nothing of ours but these.
enum Rule {
    Never(&'static [&'static str]),
    Only(&'static [&'static str]),
}

/// The invariants of ARCHITECTURE.md ("Which stage may import which").
const RULES: &[(&str, Rule)] = &[
    ("finding", Rule::Only(&["error", "sanitize"])),
    ("coverage", Rule::Only(&[])),
    ("sanitize", Rule::Only(&[])),
    ("syntax", Rule::Only(&[])),
    ("error", Rule::Only(&[])),
    (
        "diff",
        Rule::Never(&[
            "analyze",
            "policy",
            "report",
            "publish",
            "gitlab",
            "diff::source",
            "pipeline",
        ]),
    ),
    (
        "diff::source",
        Rule::Never(&["analyze", "policy", "report", "publish", "pipeline"]),
    ),
    (
        "analyze",
        Rule::Never(&["report", "publish", "gitlab", "pipeline"]),
    ),
    (
        "config",
        Rule::Never(&[
            "publish", "policy", "report", "gitlab", "analyze", "pipeline",
        ]),
    ),
    (
        "policy",
        Rule::Never(&["publish", "report", "gitlab", "pipeline"]),
    ),
    (
        "rules",
        Rule::Never(&[
            "analyze", "policy", "report", "publish", "gitlab", "pipeline",
        ]),
    ),
    ("report", Rule::Never(&["gitlab", "pipeline", "publish"])),
    ("publish", Rule::Never(&["gitlab", "pipeline"])),
    ("net", Rule::Only(&["error", "sanitize"])),
    ("gate", Rule::Only(&["finding"])),
    ("thread", Rule::Only(&["finding"])),
];

/// Units that may read the process environment.
const READS_ENV: &[&str] = &["context", "main", "cli"];

/// The unit a source file belongs to, from its path under `src/`.
fn unit_of_file(rel: &str) -> Unit {
    let module = module_of_file(rel);
    unit_of_path(&module)
}

/// `diff/source/api.rs` → `["diff", "source", "api"]`; `mod.rs` names its directory.
fn module_of_file(rel: &str) -> Vec<String> {
    let trimmed = rel.trim_end_matches(".rs");
    let mut parts: Vec<String> = trimmed.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn unit_of_path(path: &[String]) -> Unit {
    match path {
        [a, b, ..] if a == "diff" && b == "source" => "diff::source".into(),
        [a, ..] => a.clone(),
        [] => "lib".into(),
    }
}

/// The source without comments, string contents and `#[cfg(test)]` items.
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            // Skip the test item: to the end of the file for `mod tests`, else one item
            // (up to its closing brace at the same indentation, or a `;` line).
            let indent = line.len() - t.len();
            for next in lines.by_ref() {
                let nt = next.trim_start();
                let ni = next.len() - nt.len();
                if (ni == indent && (nt.starts_with('}') || nt.ends_with(';')))
                    || (ni == indent && nt.starts_with("mod ") && nt.ends_with(';'))
                {
                    break;
                }
            }
            continue;
        }
        // Doc comments count: an intra-doc link is a dependency of the docs. Plain
        // comments do not.
        if t.starts_with("///") || t.starts_with("//!") {
            out.push_str(t);
            out.push('\n');
            continue;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(strip_strings(line).as_str());
        out.push('\n');
    }
    out
}

/// Blanks the contents of string literals and trailing `//` comments on one line.
fn strip_strings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_str = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_str => {
                chars.next();
            }
            '"' => {
                in_str = !in_str;
                out.push('"');
            }
            '/' if !in_str && chars.peek() == Some(&'/') => break,
            _ if in_str => {}
            _ => out.push(c),
        }
    }
    out
}

/// Every module path a file's code refers to, resolved to absolute `crate` paths.
fn references(rel: &str, code: &str) -> Vec<Vec<String>> {
    let here = module_of_file(rel);
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let starts_word = i == 0 || !is_ident(bytes[i - 1]);
        if starts_word && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let (base, after) = resolve_prefix(&here, rest, rel);
            let consumed = rest.len() - after.len();
            for tail in expand(after) {
                let mut p = base.clone();
                p.extend(tail);
                found.push(p);
            }
            i += consumed.max(1);
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Resolves leading `crate::` / `super::super::…` to an absolute base; returns the rest.
fn resolve_prefix<'a>(here: &[String], mut rest: &'a str, rel: &str) -> (Vec<String>, &'a str) {
    if let Some(r) = rest.strip_prefix("crate::") {
        return (Vec::new(), r);
    }
    // A `mod.rs` file is its directory's module: `super` is the directory's parent.
    let mut base: Vec<String> = here.to_vec();
    let _ = rel;
    while let Some(r) = rest.strip_prefix("super::") {
        base.pop();
        rest = r;
    }
    (base, rest)
}

/// The paths after a prefix: `a::b::C` → `[a, b, C]`; `{a, b::c}` → both.
fn expand(after: &str) -> Vec<Vec<String>> {
    let after = after.trim_start();
    if let Some(inner) = after.strip_prefix('{') {
        let mut depth = 1;
        let mut end = inner.len();
        for (k, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        return split_top(&inner[..end])
            .into_iter()
            .flat_map(|item| expand(item.trim()))
            .collect();
    }
    let mut path = Vec::new();
    let mut rest = after;
    loop {
        let len = rest.bytes().take_while(|b| is_ident(*b)).count();
        if len == 0 {
            break;
        }
        path.push(rest[..len].to_owned());
        rest = &rest[len..];
        if let Some(r) = rest.strip_prefix("::") {
            if r.starts_with('{') {
                return expand(r)
                    .into_iter()
                    .map(|t| path.iter().cloned().chain(t).collect())
                    .collect();
            }
            rest = r;
        } else {
            break;
        }
    }
    vec![path]
}

/// Splits `a, b::{c, d}, e` at top-level commas.
fn split_top(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (k, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&s[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    out.push(&s[start..]);
    out.into_iter().filter(|x| !x.trim().is_empty()).collect()
}

/// The import graph between units, with one example file per edge.
fn graph(files: &[(String, String)]) -> BTreeMap<Unit, BTreeMap<Unit, String>> {
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|(rel, _)| module_of_file(rel).first().cloned())
        .collect();
    let mut g: BTreeMap<Unit, BTreeMap<Unit, String>> = BTreeMap::new();
    for (rel, text) in files {
        let from = unit_of_file(rel);
        let entry = g.entry(from.clone()).or_default();
        for path in references(rel, &code_of(text)) {
            // Items of the crate root (`crate::Foo`) that are not modules belong to `lib`.
            let to = match path.first() {
                Some(first) if modules.contains(first) => unit_of_path(&path),
                _ => "lib".into(),
            };
            if to != from {
                entry.entry(to).or_insert_with(|| rel.clone());
            }
        }
    }
    g
}

/// Every broken invariant, one line each; empty when the layering holds.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let g = graph(files);
    let mut out = Vec::new();
    for (from, edges) in &g {
        let Some((_, rule)) = RULES.iter().find(|(u, _)| u == from) else {
            continue;
        };
        for (to, file) in edges {
            let bad = match rule {
                Rule::Never(list) => list.contains(&to.as_str()),
                Rule::Only(list) => !list.contains(&to.as_str()),
            };
            if bad {
                out.push(format!("{from} must not import {to} (src/{file})"));
            }
        }
    }
    for (rel, text) in files {
        let unit = unit_of_file(rel);
        let code = code_of(text);
        if !READS_ENV.contains(&unit.as_str())
            && (code.contains("env::var") || code.contains("env::vars"))
        {
            out.push(format!("only context reads the environment (src/{rel})"));
        }
    }
    if let Some(cycle) = find_cycle(&g) {
        out.push(format!("import cycle: {}", cycle.join(" -> ")));
    }
    out
}

/// A cycle between units, if any (depth-first search, deterministic order).
fn find_cycle(g: &BTreeMap<Unit, BTreeMap<Unit, String>>) -> Option<Vec<Unit>> {
    fn visit(
        node: &str,
        g: &BTreeMap<Unit, BTreeMap<Unit, String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_owned(), 1);
        stack.push(node.to_owned());
        for next in g.get(node).into_iter().flat_map(BTreeMap::keys) {
            // `lib`, `main` and `cmd` sit on top and may use everything.
            if ["lib", "main"].contains(&next.as_str()) {
                continue;
            }
            match state.get(next.as_str()) {
                Some(1) => {
                    let at = stack.iter().position(|s| s == next).unwrap_or(0);
                    let mut cycle = stack[at..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(next, g, state, stack) {
                        return Some(c);
                    }
                }
            }
        }
        stack.pop();
        state.insert(node.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in g.keys() {
        if !state.contains_key(node.as_str()) {
            let mut stack = Vec::new();
            if let Some(c) = visit(node, g, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut out = Vec::new();
        let mut dirs = vec![root.clone()];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
                let path = entry.expect("directory entry").path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let rel = path
                        .strip_prefix(&root)
                        .expect("under src/")
                        .to_string_lossy()
                        .replace('\\', "/");
                    let text = std::fs::read_to_string(&path).expect("utf-8 source");
                    out.push((rel, text));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn src_keeps_the_stage_order() {
        let broken = violations(&sources());
        assert!(
            broken.is_empty(),
            "ARCHITECTURE.md's import rules are broken:\n{}",
            broken.join("\n")
        );
    }

    fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    /// A clean little tree the break tests start from.
    const BASE: &[(&str, &str)] = &[
        (
            "lib.rs",
            "pub mod finding; pub mod diff; pub mod config; pub mod gitlab;",
        ),
        ("finding.rs", "use crate::error::Error;"),
        ("error.rs", ""),
        ("diff/mod.rs", "pub mod source; pub mod model;"),
        ("diff/model.rs", ""),
        ("diff/source/mod.rs", "use crate::diff::model::Diff;"),
        ("diff/source/api.rs", "use crate::gitlab::Client;"),
        ("config/mod.rs", "use crate::finding::Severity;"),
        ("gitlab/mod.rs", "use crate::error::Error;"),
        (
            "analyze/mod.rs",
            "use crate::{diff::model, finding::Finding};",
        ),
        ("policy/mod.rs", "use crate::config::Config;"),
        ("publish/body.rs", "use crate::finding::Finding;"),
        ("report/mod.rs", "use crate::finding::Finding;"),
        ("gate.rs", "use crate::finding::Finding;"),
        ("context.rs", "fn f() { std::env::var(\"X\"); }"),
    ];

    fn with(extra: &[(&str, &str)]) -> Vec<String> {
        let mut all = files(BASE);
        for (path, text) in extra {
            all.retain(|(p, _)| p != path);
            all.push(((*path).to_owned(), (*text).to_owned()));
        }
        violations(&all)
    }

    #[test]
    fn the_base_tree_is_clean() {
        assert_eq!(with(&[]), Vec::<String>::new());
    }

    #[test]
    fn each_listed_break_is_caught() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "config/mod.rs",
                "use crate::publish::plan::{Mode, plan};",
                "config must not import publish",
            ),
            (
                "policy/mod.rs",
                "use crate::publish::body::marker_fingerprint;",
                "policy must not import publish",
            ),
            (
                "analyze/mod.rs",
                "use crate::gitlab::client::Limits;",
                "analyze must not import gitlab",
            ),
            (
                "diff/source/api.rs",
                "use crate::analyze::history::{Commits, CommitDiff};",
                "diff::source must not import analyze",
            ),
            (
                "diff/source/tree.rs",
                "fn f() { crate::analyze::whole_file_diff(); }",
                "diff::source must not import analyze",
            ),
            (
                "diff/model.rs",
                "use super::source::Loaded;",
                "diff must not import diff::source",
            ),
            (
                "report/mod.rs",
                "use crate::gitlab::Gitlab;",
                "report must not import gitlab",
            ),
            (
                "publish/body.rs",
                "use crate::{finding, gitlab::model::Note};",
                "publish must not import gitlab",
            ),
            (
                "gate.rs",
                "use crate::config::Config;",
                "gate must not import config",
            ),
            (
                "finding.rs",
                "use crate::diff::Diff;",
                "finding must not import diff",
            ),
            (
                "gitlab/mod.rs",
                "fn f() { let _ = std::env::var(\"HOME\"); }",
                "only context reads the environment",
            ),
            (
                "gitlab/mod.rs",
                "use crate::diff::source::api::project_id;",
                "import cycle",
            ),
        ];
        for (path, text, expect) in cases {
            let got = with(&[(path, text)]);
            assert!(
                got.iter().any(|v| v.contains(expect)),
                "{path}: `{text}` should give `{expect}`, got {got:?}"
            );
        }
    }

    #[test]
    fn comments_strings_and_tests_are_not_imports() {
        let got = with(&[(
            "gate.rs",
            "// crate::config::Config\nconst S: &str = \"crate::gitlab::X\";\nuse crate::finding::Finding;\n#[cfg(test)]\nmod tests {\n    use crate::config::Config;\n}\n",
        )]);
        assert_eq!(got, Vec::<String>::new());
    }

    #[test]
    fn doc_links_are_imports() {
        let got = with(&[(
            "diff/source/api.rs",
            "/// at most [`MAX`](crate::analyze::history::MAX_COMMITS)\nfn f() {}\n",
        )]);
        assert!(
            got.iter()
                .any(|v| v.contains("diff::source must not import analyze")),
            "{got:?}"
        );
    }

    #[test]
    fn super_paths_resolve_from_the_file() {
        let got = with(&[(
            "analyze/llm/http.rs",
            "use super::super::super::gitlab::client;",
        )]);
        assert!(
            got.iter()
                .any(|v| v.contains("analyze must not import gitlab")),
            "{got:?}"
        );
    }
}
