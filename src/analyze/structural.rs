//! The structural engine: rules with an `ast:` matcher run over a changed file's syntax
//! tree (all rules of a language in one walk); a match is reported only when its anchor
//! (the rule's primary node, or the metavariable named by `anchor:`) is on a line the
//! change added. An `inside:` match may span a whole function: editing any other line
//! of it must not re-report an old problem.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::analyze::code::CodeFile;
use crate::coverage::FileNote;
use crate::finding::{Finding, FindingKind, Fingerprint};
use crate::rules::tree::TreeMatchers;
use crate::rules::{CompiledRule, RuleSet};
use crate::syntax::{Node, Tree, Walker, lines};

/// Equal fingerprint bases seen so far per rule in a file.
pub type Occurrences = HashMap<(String, String), u32>;

/// The tree rules that run on one file, with their matchers for its grammar.
pub struct FileRules<'r> {
    /// (rule index, rule, its matchers).
    pub rules: Vec<(usize, &'r CompiledRule, Arc<TreeMatchers>)>,
    /// Rules whose matchers would not compile for this grammar (built-in packs are
    /// tested; a message for the notes).
    pub broken: Vec<String>,
}

/// The tree rules that apply to `file`: its grammar, its path, and (when the rule has
/// keywords) a keyword present in its text.
pub fn rules_for<'r>(file: &CodeFile, rules: &'r RuleSet) -> FileRules<'r> {
    let applies = rules.applicable(&file.path);
    let mut keyword_hit = vec![false; rules.rules.len()];
    rules.candidates(&file.text, |r| keyword_hit[r] = true);
    let mut out = FileRules {
        rules: Vec::new(),
        broken: Vec::new(),
    };
    for (i, rule) in rules.rules.iter().enumerate() {
        let Some(tree) = &rule.tree else { continue };
        if !applies[i] || (!rule.spec.keywords.is_empty() && !keyword_hit[i]) {
            continue;
        }
        match tree.matchers(file.lang) {
            None => {}
            Some(Ok(m)) => out.rules.push((i, rule, m)),
            Some(Err(e)) => out.broken.push(format!("rule {}: {e}", rule.spec.id)),
        }
    }
    out
}

/// Findings of the structural rules in one parsed file.
pub fn scan(file: &CodeFile, tree: &Tree, rules: &RuleSet) -> (Vec<Finding>, Vec<FileNote>) {
    let selected = rules_for(file, rules);
    scan_selected(file, tree, rules, &selected)
}

/// [`scan`] with the rules already selected (shared with the taint engine).
pub fn scan_selected(
    file: &CodeFile,
    tree: &Tree,
    rules: &RuleSet,
    selected: &FileRules<'_>,
) -> (Vec<Finding>, Vec<FileNote>) {
    // Built-in tree rules compile for every grammar (a unit test); custom packs compile
    // at load. `broken` is therefore empty outside a bug, and such a rule is skipped.
    let notes = Vec::new();
    let ast_rules: Vec<_> = selected
        .rules
        .iter()
        .filter_map(|(_, rule, m)| m.ast.as_ref().map(|a| (*rule, a)))
        .collect();
    if ast_rules.is_empty() {
        return (Vec::new(), notes);
    }
    let walker = Walker::new(ast_rules.iter().map(|(_, m)| *m).collect());
    let mut findings = Vec::new();
    let mut seen: HashSet<(usize, u32, usize)> = HashSet::new();
    let mut occurrences: HashMap<(String, String), u32> = HashMap::new();
    for (k, m) in walker.scan(tree) {
        let (rule, _) = ast_rules[k];
        let tf = rule.tree.as_ref();
        let anchor: Node<'_> = tf
            .and_then(|t| t.anchor.as_deref())
            .and_then(|a| m.get_env().get_match(a).cloned())
            .unwrap_or_else(|| m.get_node().clone());
        let text_line = lines(&anchor).0;
        if !file.is_added(text_line) {
            continue;
        }
        // One finding per rule and anchor node (nested matches of `inside:` rules).
        if !seen.insert((k, text_line, anchor.range().start)) {
            continue;
        }
        findings.push(tree_finding(
            rule,
            file,
            text_line,
            rules,
            &mut occurrences,
            Vec::new(),
        ));
    }
    dedupe_lines(&mut findings);
    (findings, notes)
}

/// Keeps one finding per (rule, line): two matches of a rule on one line are one
/// problem to a reader.
pub fn dedupe_lines(findings: &mut Vec<Finding>) {
    let mut seen = std::collections::HashSet::new();
    findings.retain(|f| seen.insert((f.rule_id.clone(), f.start_line)));
}

/// The text of a 1-based line of the parsed text.
pub fn text_of_line(file: &CodeFile, text_line: u32) -> &str {
    file.text
        .lines()
        .nth(text_line.saturating_sub(1) as usize)
        .unwrap_or("")
}

/// A tree-engine finding of `rule` on (text) line `text_line` of `file`: snippet and
/// fingerprint basis from that line with secrets redacted; the fingerprint counts
/// equal bases of the rule in the file, so moving code keeps it.
pub fn tree_finding(
    rule: &CompiledRule,
    file: &CodeFile,
    text_line: u32,
    rules: &RuleSet,
    occurrences: &mut Occurrences,
    flow: Vec<crate::finding::FlowStep>,
) -> Finding {
    let raw = text_of_line(file, text_line);
    let (snippet, basis) = crate::analyze::matcher::redacted_line(raw, rules);
    // A suggestion replaces the one line the comment sits on.
    let suggestion = crate::analyze::matcher::suggestion_for(rule, raw, rules);
    let spec = &rule.spec;
    let occ = occurrences
        .entry((spec.id.clone(), basis.clone()))
        .or_insert(0);
    let fingerprint = Fingerprint::compute(&spec.id, &file.path, &basis, *occ);
    *occ += 1;
    let line = file.file_line(text_line);
    Finding {
        rule_id: spec.id.clone(),
        title: spec.title.clone(),
        message: spec.message.clone(),
        severity: spec.severity,
        confidence: spec.confidence,
        kind: FindingKind::Vulnerability,
        cwe: spec.cwe,
        owasp: spec.owasp.clone(),
        path: file.path.clone(),
        start_line: line,
        end_line: line,
        snippet,
        remediation: spec.remediation.clone(),
        fingerprint,
        flow,
        suggestion,
        non_gating: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::Lang;

    fn rules(yaml: &str) -> RuleSet {
        let p = crate::rules::parse_pack("t.yml", yaml).expect("pack");
        RuleSet::compile(&[p]).expect("compiles")
    }

    const INSIDE: &str = r"pack: t
rules:
  - id: py-exec-in-handler
    kind: vulnerability
    title: t
    message: m
    severity: high
    remediation: r
    languages: [python]
    ast:
      rule:
        pattern: os.system($CMD)
        inside:
          kind: function_definition
          stopBy: end
    anchor: $CMD
";

    fn file(text: &str, added: &[u32]) -> CodeFile {
        let mut f = CodeFile::all_added("app.py", Lang::Python, text);
        f.added = added.iter().copied().collect();
        f
    }

    #[test]
    fn anchored_on_added_lines_only() {
        let set = rules(INSIDE);
        let text = "import os\ndef f(x):\n    y = 1\n    os.system(x)\n";
        let tree = Lang::Python.parse(text);
        // Editing another line of the function does not re-report the old call.
        let (found, _) = scan(&file(text, &[3]), &tree, &set);
        assert!(found.is_empty(), "{found:?}");
        let (found, _) = scan(&file(text, &[4]), &tree, &set);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start_line, 4);
        assert_eq!(found[0].snippet, "os.system(x)");
        // Outside a function the `inside:` condition fails.
        let top = "import os\nos.system(x)\n";
        let (found, _) = scan(&file(top, &[2]), &Lang::Python.parse(top), &set);
        assert!(found.is_empty());
    }

    #[test]
    fn partial_text_maps_lines_back_to_the_file() {
        let set = rules(INSIDE);
        let text = "def f(x):\n    os.system(x)\n";
        let mut f = file(text, &[41]);
        f.whole = false;
        f.line_map = vec![40, 41];
        let (found, _) = scan(&f, &Lang::Python.parse(text), &set);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start_line, 41);
    }

    #[test]
    fn fingerprint_survives_a_line_shift() {
        let set = rules(INSIDE);
        let a = "def f(x):\n    os.system(x)\n";
        let b = "\n\n\ndef f(x):\n    os.system(x)\n";
        let (fa, _) = scan(&file(a, &[2]), &Lang::Python.parse(a), &set);
        let (fb, _) = scan(&file(b, &[5]), &Lang::Python.parse(b), &set);
        assert_eq!(fa[0].fingerprint, fb[0].fingerprint);
        assert_ne!(fa[0].start_line, fb[0].start_line);
    }

    #[test]
    fn bad_tree_rules_are_rejected_at_load() {
        let bad_anchor = INSIDE.replace("anchor: $CMD", "anchor: $NOPE");
        let p = crate::rules::parse_pack("t.yml", &bad_anchor).expect("pack");
        let e = RuleSet::compile(&[p]).expect_err("anchor").to_string();
        assert!(
            e.contains("anchor") && e.contains("py-exec-in-handler"),
            "{e}"
        );
        let bad_pattern = INSIDE.replace("os.system($CMD)", "'('");
        let p = crate::rules::parse_pack("t.yml", &bad_pattern).expect("pack");
        assert!(RuleSet::compile(&[p]).is_err());
        let both = INSIDE.replace("    ast:", "    pattern: x\n    ast:");
        let p = crate::rules::parse_pack("t.yml", &both).expect("pack");
        let e = RuleSet::compile(&[p]).expect_err("both").to_string();
        assert!(e.contains("not both"), "{e}");
        let no_lang = INSIDE.replace("    languages: [python]\n", "");
        let p = crate::rules::parse_pack("t.yml", &no_lang).expect("pack");
        assert!(RuleSet::compile(&[p]).is_err());
    }

    #[test]
    fn keywords_prefilter_files() {
        let set = rules(&INSIDE.replace("    ast:", "    keywords: [subprocess]\n    ast:"));
        let text = "def f(x):\n    os.system(x)\n";
        let (found, _) = scan(&file(text, &[2]), &Lang::Python.parse(text), &set);
        assert!(found.is_empty(), "no keyword in the file: rule skipped");
    }
}
