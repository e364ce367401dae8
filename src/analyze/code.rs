//! The unit the structural and taint engines work on: one changed code file's text
//! (the whole post-change file when it could be read, else its hunks with their context
//! lines) and which of its lines the change added.

use std::collections::BTreeSet;

use crate::config::Limits;
use crate::coverage::{FileNote, NoteReason};
use crate::diff::{Diff, FileAt, FileDiff};
use crate::rules::RuleSet;
use crate::syntax::Lang;

/// One changed file as the tree engines see it.
#[derive(Debug, Clone)]
pub struct CodeFile {
    /// Repository path (new path).
    pub path: String,
    /// Its grammar.
    pub lang: Lang,
    /// The text that is parsed.
    pub text: String,
    /// True when `text` is the whole post-change file; false when it is the diff's
    /// hunks with their context lines (the whole file could not be had), in which case
    /// `line_map` gives each text line's line number in the file.
    pub whole: bool,
    /// For partial text: the file line number of each text line (index 0 = text line 1).
    /// Empty when `whole`.
    pub line_map: Vec<u32>,
    /// File line numbers (1-based) the change added.
    pub added: BTreeSet<u32>,
}

impl CodeFile {
    /// A whole file whose every line counts as added (fixtures, `scan --all`).
    pub fn all_added(path: &str, lang: Lang, text: &str) -> Self {
        let lines = text.lines().count().max(1) as u32;
        CodeFile {
            path: path.to_string(),
            lang,
            text: text.to_string(),
            whole: true,
            line_map: Vec::new(),
            added: (1..=lines).collect(),
        }
    }

    /// The file line of a 1-based line of `text`.
    pub fn file_line(&self, text_line: u32) -> u32 {
        if self.whole {
            text_line
        } else {
            self.line_map
                .get(text_line.saturating_sub(1) as usize)
                .copied()
                .unwrap_or(text_line)
        }
    }

    /// Whether the 1-based `text_line` is a line the change added.
    pub fn is_added(&self, text_line: u32) -> bool {
        self.added.contains(&self.file_line(text_line))
    }
}

/// The changed code files, ready for the tree engines, and what could not be had.
#[derive(Debug, Default)]
pub struct Gathered {
    /// Files to parse.
    pub files: Vec<CodeFile>,
    /// Files parsed from their hunks, or not parsed at all.
    pub notes: Vec<FileNote>,
    /// Files parsed whole.
    pub whole: usize,
    /// Files parsed from their hunks with context.
    pub in_part: usize,
}

/// The changed files the tree engines should see, as whole post-change files where
/// `reader` can supply them (one batched read), else as their hunks with context lines
/// (noted as parsed in part: a note, not a failure — the diff itself was analysed by
/// every line rule). A file the change adds whole needs no read. Only files with added
/// lines, a grammar, and a tree rule for that grammar and path are considered;
/// generated and over-cap files get secrets only, as in the line engine; so do the
/// files `skip` names (vendored code, whose vulnerability findings the policy drops).
pub fn gather(
    diff: &Diff,
    reader: Option<&dyn FileAt>,
    limits: &Limits,
    rules: &RuleSet,
    skip: &dyn Fn(&str) -> bool,
) -> Gathered {
    let mut out = Gathered::default();
    let mut candidates = candidates(diff, limits.max_file_bytes, rules);
    candidates.retain(|(f, _)| !skip(f.path()));
    // Files the change adds whole are their own text; the others are read, up to the
    // file limit, in one batch.
    let to_read: Vec<String> = candidates
        .iter()
        .filter(|(f, _)| !is_whole(f))
        .take(limits.parse_files)
        .map(|(f, _)| f.path().to_string())
        .collect();
    let mut read: std::collections::HashMap<String, Option<Vec<u8>>> = match reader {
        Some(r) if !to_read.is_empty() => to_read
            .iter()
            .cloned()
            .zip(r.read_many(&to_read))
            .map(|(p, res)| (p, res.ok().flatten()))
            .collect(),
        _ => std::collections::HashMap::new(),
    };
    let mut budget = limits.parse_total_bytes;
    for (file, lang) in candidates {
        let path = file.path();
        let added: BTreeSet<u32> = file.added_lines().filter_map(|l| l.new_line).collect();
        let whole_text = if is_whole(file) {
            Some(hunk_text(file).0)
        } else {
            read.remove(path)
                .flatten()
                .filter(|b| b.len() <= limits.parse_file_bytes && !b.contains(&0))
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                // A read that disagrees with the diff (another revision, a racing
                // push) would put findings on the wrong lines: use the hunks.
                .filter(|text| agrees(file, text))
        };
        let code = match whole_text {
            Some(text) if text.len() <= budget && text.len() <= limits.parse_file_bytes => {
                CodeFile {
                    path: path.to_string(),
                    lang,
                    text,
                    whole: true,
                    line_map: Vec::new(),
                    added,
                }
            }
            _ => {
                let (text, line_map) = hunk_text(file);
                if text.len() > budget || text.len() > limits.parse_file_bytes {
                    out.notes.push(FileNote {
                        path: path.to_string(),
                        reason: NoteReason::NotParsed,
                    });
                    continue;
                }
                out.notes.push(FileNote {
                    path: path.to_string(),
                    reason: NoteReason::ScannedInPart,
                });
                CodeFile {
                    path: path.to_string(),
                    lang,
                    text,
                    whole: false,
                    line_map,
                    added,
                }
            }
        };
        budget -= code.text.len();
        if code.whole {
            out.whole += 1;
        } else {
            out.in_part += 1;
        }
        out.files.push(code);
    }
    out
}

/// Changed files with added lines, a grammar and a tree rule for it, that the line
/// engine does not restrict to secrets (generated, over the per-file cap).
fn candidates<'d>(
    diff: &'d Diff,
    max_added_bytes: usize,
    rules: &RuleSet,
) -> Vec<(&'d FileDiff, Lang)> {
    diff.files
        .iter()
        .filter(|f| f.is_scannable() && f.added_lines().next().is_some())
        .filter(|f| !f.generated && !super::looks_generated(f.path()))
        .filter(|f| f.added_lines().map(|l| l.text.len() + 1).sum::<usize>() <= max_added_bytes)
        .filter_map(|f| Some((f, Lang::for_path(f.path()).filter(|l| l.available())?)))
        .filter(|(f, lang)| has_tree_rules(rules, f.path(), *lang))
        .collect()
}

/// Whether some tree rule runs on `path` in `lang`.
fn has_tree_rules(rules: &RuleSet, path: &str, lang: Lang) -> bool {
    let applies = rules.applicable(path);
    rules.rules.iter().enumerate().any(|(i, r)| {
        applies[i]
            && r.tree
                .as_ref()
                .is_some_and(|t| t.langs.iter().any(|(l, _)| *l == lang))
    })
}

/// Whether `text` holds every added and context line of the diff at its line number.
fn agrees(file: &FileDiff, text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    file.hunks.iter().flat_map(|h| &h.lines).all(|l| {
        l.new_line.is_none_or(|n| {
            lines
                .get((n as usize).wrapping_sub(1))
                .map(|t| t.trim_end_matches('\r'))
                == Some(l.text.trim_end_matches('\r'))
        })
    })
}

/// A file whose diff holds every line of its new version (an added file).
fn is_whole(file: &FileDiff) -> bool {
    file.hunks.len() == 1
        && file.hunks[0].new_start <= 1
        && file.hunks[0]
            .lines
            .iter()
            .all(|l| l.kind == crate::diff::LineKind::Added)
}

/// The hunks' added and context lines, one text, with each line's file line number.
fn hunk_text(file: &FileDiff) -> (String, Vec<u32>) {
    let mut text = String::new();
    let mut map = Vec::new();
    for line in file.hunks.iter().flat_map(|h| &h.lines) {
        let Some(n) = line.new_line else { continue };
        text.push_str(&line.text);
        text.push('\n');
        map.push(n);
    }
    (text, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    /// The post-change file as some revision holds it.
    #[derive(Debug)]
    struct Files(&'static str);

    impl FileAt for Files {
        fn read(&self, _path: &str) -> Result<Option<Vec<u8>>, Error> {
            Ok(Some(self.0.as_bytes().to_vec()))
        }
        fn describe(&self) -> String {
            "test files".into()
        }
    }

    const DIFF: &str = "diff --git a/app.py b/app.py\n--- a/app.py\n+++ b/app.py\n@@ -3,2 +3,3 @@ def f():\n     x = 1\n+    eval(x)\n     return x\n";

    fn rules() -> RuleSet {
        let yaml = "pack: t\nrules:\n  - id: t-eval\n    kind: vulnerability\n    title: t\n    message: m\n    severity: high\n    remediation: r\n    languages: [python]\n    ast:\n      rule:\n        pattern: eval($X)\n";
        RuleSet::compile(&[crate::rules::parse_pack("t.yml", yaml).expect("pack")])
            .expect("compiles")
    }

    #[test]
    fn a_read_that_agrees_with_the_diff_is_parsed_whole() {
        let diff = crate::diff::parse(DIFF.as_bytes()).expect("diff");
        let head = Files("import os\ndef f():\n    x = 1\n    eval(x)\n    return x\n");
        let got = gather(&diff, Some(&head), &Limits::default(), &rules(), &|_| false);
        assert_eq!((got.whole, got.in_part), (1, 0));
        assert!(got.files[0].whole && got.notes.is_empty());
    }

    #[test]
    fn a_read_that_disagrees_with_the_diff_falls_back_to_the_hunks() {
        let diff = crate::diff::parse(DIFF.as_bytes()).expect("diff");
        // Another revision: the added line is one line lower than the diff says.
        let other = Files("import os\n\ndef f():\n    x = 1\n    eval(x)\n    return x\n");
        let got = gather(&diff, Some(&other), &Limits::default(), &rules(), &|_| {
            false
        });
        assert_eq!((got.whole, got.in_part), (0, 1));
        assert_eq!(got.files[0].line_map, vec![3, 4, 5]);
        assert!(matches!(got.notes[0].reason, NoteReason::ScannedInPart));
    }
}
