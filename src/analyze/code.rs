//! The unit the structural and taint engines work on: one changed code file's text
//! (the whole post-change file when it could be read, else its hunks with their context
//! lines) and which of its lines the change added.

use std::collections::BTreeSet;

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
