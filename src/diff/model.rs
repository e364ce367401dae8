//! The parsed model of a change, shared by every diff source.
//!
//! A worked example: the hunk
//!
//! ```text
//! @@ -10,3 +10,4 @@ def handler():
//!      a = 1
//! -    b = 2
//! +    b = 3
//! +    c = 4
//!      return a
//! ```
//!
//! becomes one [`Hunk`] with `old_start = 10, new_start = 10` and five [`Line`]s:
//! context (old 10, new 10), removed (old 11), added (new 11), added (new 12),
//! context (old 12, new 13). Only added lines can produce findings.

use serde::Serialize;

/// A whole change: one entry per file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    /// Files in the order the source listed them.
    pub files: Vec<FileDiff>,
}

impl Diff {
    /// Number of added lines over all files.
    pub fn added_line_count(&self) -> usize {
        self.files.iter().map(|f| f.added_lines().count()).sum()
    }
}

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// New file.
    Added,
    /// Changed in place (content, mode or both).
    Modified,
    /// Removed.
    Deleted,
    /// Moved, possibly with edits.
    Renamed,
    /// Copied from another file, possibly with edits.
    Copied,
}

/// One file of a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileDiff {
    /// Path before the change; `None` for an added file.
    pub old_path: Option<String>,
    /// Path after the change; `None` for a deleted file.
    pub new_path: Option<String>,
    /// Added, modified, deleted, renamed or copied.
    pub status: FileStatus,
    /// Git said "Binary files … differ" (or sent a binary patch): no lines to scan.
    pub binary: bool,
    /// A submodule pointer (mode 160000): its "lines" are commit ids, never scanned.
    pub submodule: bool,
    /// Generated or vendored content (lock files, minified bundles, GitLab's
    /// `generated_file`): scanned for secrets only.
    pub generated: bool,
    /// File mode before, e.g. `100644`.
    pub old_mode: Option<String>,
    /// File mode after, e.g. `100755`.
    pub new_mode: Option<String>,
    /// The hunks, in file order.
    pub hunks: Vec<Hunk>,
}

impl FileDiff {
    /// An empty entry with the given paths and status; the parser and the API source
    /// fill in the rest.
    pub fn new(old_path: Option<String>, new_path: Option<String>, status: FileStatus) -> Self {
        FileDiff {
            old_path,
            new_path,
            status,
            binary: false,
            submodule: false,
            generated: false,
            old_mode: None,
            new_mode: None,
            hunks: Vec::new(),
        }
    }

    /// The path findings are reported on: the new path, or the old one for a deletion.
    pub fn path(&self) -> &str {
        self.new_path
            .as_deref()
            .or(self.old_path.as_deref())
            .unwrap_or_default()
    }

    /// Every added line, in file order.
    pub fn added_lines(&self) -> impl Iterator<Item = &Line> {
        self.hunks
            .iter()
            .flat_map(|h| h.lines.iter())
            .filter(|l| l.kind == LineKind::Added)
    }

    /// Whether the file can carry findings at all (has added text lines).
    pub fn is_scannable(&self) -> bool {
        !self.binary && !self.submodule && !self.is_symlink() && self.new_path.is_some()
    }

    /// Whether the new side is a symbolic link (mode 120000): its one "line" is the
    /// link target, which is reported, never followed or read.
    pub fn is_symlink(&self) -> bool {
        self.new_mode.as_deref() == Some("120000") && self.new_path.is_some()
    }
}

/// A contiguous region of change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hunk {
    /// First line of the region in the old file (0 when the old side is empty).
    pub old_start: u32,
    /// Number of old lines in the region.
    pub old_count: u32,
    /// First line of the region in the new file (0 when the new side is empty).
    pub new_start: u32,
    /// Number of new lines in the region.
    pub new_count: u32,
    /// Lines in diff order.
    pub lines: Vec<Line>,
}

/// Whether a diff line was kept, added or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Unchanged, shown for context.
    Context,
    /// Added by the change: the only kind that can carry a finding.
    Added,
    /// Removed by the change.
    Removed,
}

/// One line of a hunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// Context, added or removed.
    pub kind: LineKind,
    /// Line number in the old file (context and removed lines).
    pub old_line: Option<u32>,
    /// Line number in the new file (context and added lines).
    pub new_line: Option<u32>,
    /// The text without the diff marker and line terminator (a trailing `\r` of a CRLF
    /// file is removed too); invalid UTF-8 is replaced lossily.
    pub text: String,
    /// The line ended with `\r\n` in the file.
    pub crlf: bool,
    /// Git printed "\ No newline at end of file" after this line.
    pub no_newline_at_end: bool,
}

impl FileDiff {
    /// A diff entry that adds every line of `content` as a new file.
    pub fn whole_file(path: &str, content: &[u8]) -> FileDiff {
        let mut file = FileDiff::new(None, Some(path.to_string()), FileStatus::Added);
        if content.contains(&0) {
            file.binary = true;
            return file;
        }
        let mut lines = Vec::new();
        let body = content.strip_suffix(b"\n").unwrap_or(content);
        if !content.is_empty() {
            for (i, raw) in body.split(|&b| b == b'\n').enumerate() {
                let crlf = raw.last() == Some(&b'\r');
                let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
                lines.push(Line {
                    kind: LineKind::Added,
                    old_line: None,
                    new_line: Some(i as u32 + 1),
                    text: String::from_utf8_lossy(raw).into_owned(),
                    crlf,
                    no_newline_at_end: false,
                });
            }
        }
        file.hunks.push(Hunk {
            old_start: 0,
            old_count: 0,
            new_start: u32::from(!lines.is_empty()),
            new_count: lines.len() as u32,
            lines,
        });
        file
    }
}
