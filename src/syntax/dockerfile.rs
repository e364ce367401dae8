//! Dockerfile / Containerfile as an ast-grep language (tree-sitter-containerfile; ast-grep
//! bundles no Dockerfile grammar, and tree-sitter-dockerfile is stuck on an old runtime).

use ast_grep_core::Language;
use ast_grep_core::matcher::{Pattern, PatternBuilder, PatternError};
use ast_grep_core::tree_sitter::{LanguageExt, StrDoc, TSLanguage};

/// The Containerfile grammar. `$` starts Dockerfile variable expansions, so
/// metavariables use `µ` inside patterns, as ast-grep does for Bash.
#[derive(Debug, Clone, Copy)]
pub struct Containerfile;

impl Language for Containerfile {
    fn kind_to_id(&self, kind: &str) -> u16 {
        self.get_ts_language().id_for_node_kind(kind, true)
    }
    fn field_to_id(&self, field: &str) -> Option<u16> {
        self.get_ts_language()
            .field_id_for_name(field)
            .map(std::num::NonZero::get)
    }
    fn expando_char(&self) -> char {
        'µ'
    }
    fn pre_process_pattern<'q>(&self, query: &'q str) -> std::borrow::Cow<'q, str> {
        // `$NAME` (capitals) is a metavariable; any other `$` is Dockerfile text.
        let mut out = String::with_capacity(query.len());
        let mut chars = query.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$'
                && chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_uppercase() || *n == '$' || *n == '_')
            {
                out.push(self.expando_char());
            } else {
                out.push(c);
            }
        }
        std::borrow::Cow::Owned(out)
    }
    fn build_pattern(&self, builder: &PatternBuilder) -> Result<Pattern, PatternError> {
        builder.build(|src| StrDoc::try_new(src, *self))
    }
}

impl LanguageExt for Containerfile {
    fn get_ts_language(&self) -> TSLanguage {
        #[cfg(feature = "lang-dockerfile")]
        {
            tree_sitter_containerfile::LANGUAGE.into()
        }
        #[cfg(not(feature = "lang-dockerfile"))]
        {
            // Never reached: `Lang::available` keeps compiled-out grammars from being
            // parsed; a tree-sitter language with no grammar would be unusable anyway.
            unreachable!("the Dockerfile grammar is compiled out")
        }
    }
}
