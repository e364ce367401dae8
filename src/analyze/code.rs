//! The unit the structural and taint engines work on: one changed code file's text
//! (the whole post-change file when it could be read, else its hunks with their context
//! lines) and which of its lines the change added.
//!
//! [`gather`] builds them from a diff: a file the change adds is whole in the diff; any
//! other changed code file is read once at the head revision through [`FileAt`] (git,
//! the index, or the API, many at once), within `limits.max_parsed_*`. Where the whole
//! file cannot be had, its hunks with their context lines are parsed and the file is
//! noted as scanned in part: a note, never a reason to skip the file's rules.

use std::collections::{BTreeSet, HashMap};

use crate::config::Limits;
use crate::coverage::{FileNote, NoteReason};
use crate::diff::{Diff, FileAt, FileDiff, FileStatus, LineKind};
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

/// The changed code files of a diff, ready for the tree engines, and what could not be
/// had whole.
#[derive(Debug, Default)]
pub struct Gathered {
    /// One per changed code file, in diff order.
    pub files: Vec<CodeFile>,
    /// `scanned_in_part` notes.
    pub notes: Vec<FileNote>,
    /// Whole files read through the reader (each one read).
    pub reads: usize,
}

impl Gathered {
    /// Files parsed whole.
    pub fn whole(&self) -> usize {
        self.files.iter().filter(|f| f.whole).count()
    }

    /// Files parsed from their hunks only.
    pub fn in_part(&self) -> usize {
        self.files.len() - self.whole()
    }

    /// The whole files gathered, by path (the LLM's function context reads them through
    /// [`Cached`] instead of asking the source again).
    pub fn into_whole(self) -> HashMap<String, String> {
        self.files
            .into_iter()
            .filter(|f| f.whole)
            .map(|f| (f.path, f.text))
            .collect()
    }
}

/// A reader that answers from the whole files the tree engines already read and asks
/// `inner` (if any) only for the others: one read per file per run, shared with the
/// LLM's function context.
#[derive(Debug)]
pub struct Cached<'a> {
    /// Whole post-change files by path.
    pub texts: &'a HashMap<String, String>,
    /// The run's reader at the head revision, if it has one.
    pub inner: Option<&'a dyn FileAt>,
}

impl FileAt for Cached<'_> {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, crate::error::Error> {
        match (self.texts.get(path), self.inner) {
            (Some(text), _) => Ok(Some(text.clone().into_bytes())),
            (None, Some(inner)) => inner.read(path),
            (None, None) => Ok(None),
        }
    }
    fn describe(&self) -> String {
        self.inner.map_or_else(
            || "the files read for the syntax trees".into(),
            FileAt::describe,
        )
    }
}

/// The code files of `diff` the tree engines look at: every scannable file with a
/// grammar and added lines that is not secrets-only (generated, over the per-file cap),
/// within `limits.max_files` like the line engine. Whole when the diff holds the whole
/// file (an added file) or `reader` gives it (one read per file, all asked at once, at
/// most `limits.max_parsed_files` files, `limits.max_parsed_file_bytes` each and
/// `limits.max_parsed_bytes` in all, UTF-8, agreeing with the diff's added lines); else
/// the hunks with context and a [`NoteReason::ScannedInPart`] note.
pub fn gather(diff: &Diff, reader: Option<&dyn FileAt>, limits: &Limits) -> Gathered {
    let mut out = Gathered::default();
    // (file, grammar, its whole text when the diff holds it)
    let mut candidates: Vec<(&FileDiff, Lang, Option<String>)> = Vec::new();
    let scannable = diff.files.iter().filter(|f| f.is_scannable());
    for file in scannable.take(limits.max_files) {
        let Some(lang) = Lang::for_path(file.path()) else {
            continue;
        };
        if file.added_lines().next().is_none()
            || crate::analyze::secrets_only(file, limits).is_some()
        {
            continue;
        }
        candidates.push((file, lang, whole_in_diff(file)));
    }
    // Files a reader must give, in diff order, up to the file limit.
    let to_read: Vec<&str> = match reader {
        Some(_) => candidates
            .iter()
            .filter(|(_, _, whole)| whole.is_none())
            .map(|(f, _, _)| f.path())
            .take(limits.max_parsed_files)
            .collect(),
        None => Vec::new(),
    };
    let mut read: HashMap<&str, Vec<u8>> = HashMap::new();
    if let Some(reader) = reader.filter(|_| !to_read.is_empty()) {
        out.reads = to_read.len();
        for (path, got) in to_read.iter().zip(reader.read_many(&to_read)) {
            if let Ok(Some(bytes)) = got {
                read.insert(path, bytes);
            }
        }
    }
    let mut total: u64 = 0;
    for (file, lang, in_diff) in candidates {
        let whole = in_diff.or_else(|| {
            let bytes = read.remove(file.path())?;
            let len = bytes.len() as u64;
            if len > limits.max_parsed_file_bytes || total + len > limits.max_parsed_bytes {
                return None;
            }
            let text = String::from_utf8(bytes).ok()?;
            agrees(&text, file).then(|| {
                total += len;
                text
            })
        });
        let code = if let Some(text) = whole {
            CodeFile::whole(file, lang, text)
        } else {
            out.notes.push(FileNote {
                path: file.path().to_string(),
                reason: NoteReason::ScannedInPart,
            });
            CodeFile::hunks(file, lang)
        };
        out.files.push(code);
    }
    out
}

/// The whole post-change text when the diff holds it: an added file whose one hunk
/// starts at line 1 and adds every line.
fn whole_in_diff(file: &FileDiff) -> Option<String> {
    let [hunk] = file.hunks.as_slice() else {
        return None;
    };
    let all_added = hunk.lines.iter().all(|l| l.kind == LineKind::Added);
    if file.status != FileStatus::Added
        || hunk.old_count != 0
        || hunk.new_start > 1
        || !all_added
        || hunk.lines.len() != hunk.new_count as usize
    {
        return None;
    }
    let mut text = String::new();
    for line in &hunk.lines {
        text.push_str(&line.text);
        text.push('\n');
    }
    Some(text)
}

/// Whether every line the diff adds is in `text` at its line number (a read of another
/// revision, or a reader that disagrees with the diff, must not move findings).
fn agrees(text: &str, file: &FileDiff) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    file.added_lines().all(|l| {
        l.new_line
            .and_then(|n| lines.get((n as usize).checked_sub(1)?))
            .is_some_and(|got| got.strip_suffix('\r').unwrap_or(got) == l.text)
    })
}

impl CodeFile {
    /// The whole post-change `text` of a changed file.
    fn whole(file: &FileDiff, lang: Lang, text: String) -> Self {
        CodeFile {
            path: file.path().to_string(),
            lang,
            text,
            whole: true,
            line_map: Vec::new(),
            added: added_lines(file),
        }
    }

    /// A changed file's hunks with their context lines (removed lines left out), each
    /// text line mapped to its file line.
    fn hunks(file: &FileDiff, lang: Lang) -> Self {
        let mut text = String::new();
        let mut line_map = Vec::new();
        for line in file.hunks.iter().flat_map(|h| &h.lines) {
            let Some(n) = line.new_line.filter(|_| line.kind != LineKind::Removed) else {
                continue;
            };
            text.push_str(&line.text);
            text.push('\n');
            line_map.push(n);
        }
        CodeFile {
            path: file.path().to_string(),
            lang,
            text,
            whole: false,
            line_map,
            added: added_lines(file),
        }
    }
}

fn added_lines(file: &FileDiff) -> BTreeSet<u32> {
    file.added_lines().filter_map(|l| l.new_line).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    /// A reader over fixed files that counts its reads.
    #[derive(Debug, Default)]
    struct Files {
        by_path: HashMap<String, Vec<u8>>,
        refuse: Vec<String>,
        reads: std::cell::Cell<usize>,
    }

    impl FileAt for Files {
        fn read(&self, path: &str) -> Result<Option<Vec<u8>>, Error> {
            self.reads.set(self.reads.get() + 1);
            if self.refuse.iter().any(|p| p == path) {
                return Err(Error::Analysis("refused".into()));
            }
            Ok(self.by_path.get(path).cloned())
        }
        fn describe(&self) -> String {
            "test files".into()
        }
    }

    const HEAD: &str = "import os\n\ndef run(req):\n    cmd = req.args['c']\n    x = 1\n    os.system(cmd)\n    return x\n";

    /// `app.py` modified: line 6 added (hunk with one context line each side), and a
    /// new file `new.py`.
    fn diff() -> Diff {
        let text = "diff --git a/app.py b/app.py\n--- a/app.py\n+++ b/app.py\n@@ -5,2 +5,3 @@ def run(req):\n     x = 1\n+    os.system(cmd)\n     return x\ndiff --git a/new.py b/new.py\nnew file mode 100644\n--- /dev/null\n+++ b/new.py\n@@ -0,0 +1,2 @@\n+def f():\n+    return 1\n";
        crate::diff::parse(text.as_bytes()).expect("diff")
    }

    fn files(head: &[u8]) -> Files {
        Files {
            by_path: HashMap::from([("app.py".to_string(), head.to_vec())]),
            ..Files::default()
        }
    }

    #[test]
    fn a_modified_file_is_read_whole_once_and_an_added_file_comes_from_the_diff() {
        let reader = files(HEAD.as_bytes());
        let got = gather(&diff(), Some(&reader), &Limits::default());
        assert_eq!(reader.reads.get(), 1, "only app.py is read");
        assert_eq!(got.reads, 1);
        assert!(got.notes.is_empty(), "{:?}", got.notes);
        let app = &got.files[0];
        assert!(app.whole);
        assert_eq!(app.text, HEAD);
        assert_eq!(app.added, BTreeSet::from([6]));
        assert!(app.is_added(6) && !app.is_added(4));
        let new = &got.files[1];
        assert!(new.whole);
        assert_eq!(new.text, "def f():\n    return 1\n");
        assert_eq!(new.added, BTreeSet::from([1, 2]));
        assert_eq!((got.whole(), got.in_part()), (2, 0));
    }

    #[test]
    fn without_a_reader_the_hunks_are_parsed_with_their_line_map_and_noted() {
        let got = gather(&diff(), None, &Limits::default());
        let app = &got.files[0];
        assert!(!app.whole);
        assert_eq!(app.text, "    x = 1\n    os.system(cmd)\n    return x\n");
        assert_eq!(app.line_map, vec![5, 6, 7]);
        assert_eq!(app.file_line(2), 6);
        assert!(app.is_added(2) && !app.is_added(1));
        assert_eq!(
            got.notes,
            vec![FileNote {
                path: "app.py".into(),
                reason: NoteReason::ScannedInPart
            }]
        );
        assert!(!NoteReason::ScannedInPart.fails_closed());
        assert!(got.files[1].whole, "an added file needs no reader");
    }

    #[test]
    fn refused_missing_non_utf8_or_disagreeing_reads_fall_back_to_the_hunks() {
        let mut refused = files(HEAD.as_bytes());
        refused.refuse.push("app.py".into());
        let missing = Files::default();
        let latin1 = files(b"x = '\xe9'\n\n\n\n    x = 1\n    os.system(cmd)\n    return x\n");
        let other_revision = files(HEAD.replace("os.system", "os.popen").as_bytes());
        let binary = files(&[0xff, 0xfe, 0, 0, 0x80]);
        for reader in [refused, missing, latin1, other_revision, binary] {
            let got = gather(&diff(), Some(&reader), &Limits::default());
            assert!(!got.files[0].whole, "{reader:?}");
            assert_eq!(got.files[0].line_map, vec![5, 6, 7]);
            assert_eq!(got.notes.len(), 1);
            assert_eq!(got.notes[0].reason, NoteReason::ScannedInPart);
        }
    }

    #[test]
    fn the_parse_limits_keep_files_to_their_hunks() {
        let reader = files(HEAD.as_bytes());
        for limits in [
            Limits {
                max_parsed_files: 0,
                ..Limits::default()
            },
            Limits {
                max_parsed_file_bytes: 10,
                ..Limits::default()
            },
            Limits {
                max_parsed_bytes: 10,
                ..Limits::default()
            },
        ] {
            let got = gather(&diff(), Some(&reader), &limits);
            assert!(!got.files[0].whole, "{limits:?}");
            assert!(
                got.files[1].whole,
                "an added file is whole whatever the limits"
            );
            assert_eq!(got.in_part(), 1);
        }
        let none = Limits {
            max_parsed_files: 0,
            ..Limits::default()
        };
        let before = reader.reads.get();
        let _ = gather(&diff(), Some(&reader), &none);
        assert_eq!(reader.reads.get(), before, "no read past the file limit");
    }

    #[test]
    fn files_without_a_grammar_or_secrets_only_are_not_gathered() {
        let text = "diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1 +1,2 @@\n x\n+y\ndiff --git a/dist/app.min.js b/dist/app.min.js\nnew file mode 100644\n--- /dev/null\n+++ b/dist/app.min.js\n@@ -0,0 +1 @@\n+var a=1;\ndiff --git a/big.py b/big.py\nnew file mode 100644\n--- /dev/null\n+++ b/big.py\n@@ -0,0 +1 @@\n+x = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'\n";
        let d = crate::diff::parse(text.as_bytes()).expect("diff");
        let limits = Limits {
            max_file_bytes: 20,
            ..Limits::default()
        };
        let got = gather(&d, None, &limits);
        assert!(got.files.is_empty(), "{:?}", got.files);
        assert!(got.notes.is_empty());
    }

    #[test]
    fn the_cache_answers_from_the_files_read_and_asks_the_reader_for_others() {
        let reader = files(HEAD.as_bytes());
        let got = gather(&diff(), Some(&reader), &Limits::default());
        let texts = got.into_whole();
        let other = files(b"other\n");
        let cached = Cached {
            texts: &texts,
            inner: Some(&other),
        };
        assert_eq!(cached.read_text("app.py").as_deref(), Some(HEAD));
        assert_eq!(other.reads.get(), 0);
        assert_eq!(
            cached.read_text("new.py").as_deref(),
            Some("def f():\n    return 1\n")
        );
        assert_eq!(cached.read("app.rb").ok().flatten(), None);
        assert_eq!(other.reads.get(), 1, "a file not read before is asked for");
    }
}
