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
        self.inner
            .map_or_else(|| "the files read for the syntax trees".into(), |i| i.describe())
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
        out.files.push(match whole {
            Some(text) => CodeFile::whole(file, lang, text),
            None => {
                out.notes.push(FileNote {
                    path: file.path().to_string(),
                    reason: NoteReason::ScannedInPart,
                });
                CodeFile::hunks(file, lang)
            }
        });
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
