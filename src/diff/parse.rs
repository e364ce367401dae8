//! Unified-diff parser: bytes in, [`Diff`] out. Pure; no I/O.
//!
//! Accepts git's extended format (`diff --git` headers with rename, copy, mode, binary
//! and submodule information, C-quoted paths) and plain `diff -u` output. Hunk line
//! counts drive the parser, so a removed line that itself starts with `--- ` is never
//! mistaken for a file header. Text between files (commit headers of `git log -p`,
//! e-mail preambles) is skipped.

use super::model::{Diff, FileDiff, FileStatus, Hunk, Line, LineKind};

/// Why a diff could not be parsed; `line` is 1-based in the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed diff at line {line}: {message}")]
pub struct ParseError {
    /// 1-based input line where the problem was seen.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// Parses a unified diff. An empty input is an empty diff; non-empty input with no
/// file header at all is an error, because it is not a diff.
pub fn parse(input: &[u8]) -> Result<Diff, ParseError> {
    let mut p = Parser::default();
    let mut lines = input.split(|&b| b == b'\n').peekable();
    let mut n = 0usize;
    while let Some(raw) = lines.next() {
        n += 1;
        // `split` yields one empty slice after a final newline; it is not a line.
        if raw.is_empty() && lines.peek().is_none() {
            break;
        }
        p.line(raw, n)?;
    }
    p.finish(n)
}

#[derive(Default)]
struct Parser {
    files: Vec<FileDiff>,
    /// The file being filled, if any.
    cur: Option<FileDiff>,
    /// Remaining (old, new) lines in the current hunk.
    remaining: Option<(u32, u32)>,
    /// Next (old, new) line numbers in the current hunk.
    next_no: (u32, u32),
    /// The current file came from a `diff --git` header (so `---` does not start a new file).
    git_header: bool,
    /// Skip lines until the next file header (combined diffs we do not model).
    skipping: bool,
    saw_non_blank: bool,
}

impl Parser {
    fn line(&mut self, raw: &[u8], n: usize) -> Result<(), ParseError> {
        if !raw.iter().all(u8::is_ascii_whitespace) {
            self.saw_non_blank = true;
        }
        if let Some((old_left, new_left)) = self.remaining {
            return self.hunk_line(raw, n, old_left, new_left);
        }
        if raw.starts_with(b"\\ ") {
            // "\ No newline at end of file" after the last line of a hunk.
            if let Some(last) = self.last_line_mut() {
                last.no_newline_at_end = true;
            }
            return Ok(());
        }
        if let Some(rest) = raw.strip_prefix(b"diff --git ") {
            self.start_file(FileDiff::new(None, None, FileStatus::Modified));
            self.git_header = true;
            let (old, new) = split_git_header(rest);
            if let Some(cur) = self.cur.as_mut() {
                cur.old_path = old;
                cur.new_path = new;
            }
            return Ok(());
        }
        if raw.starts_with(b"diff --cc ") || raw.starts_with(b"diff --combined ") {
            self.flush();
            self.skipping = true;
            return Ok(());
        }
        if self.skipping {
            return Ok(());
        }
        if let Some(rest) = raw.strip_prefix(b"--- ") {
            let needs_new_file = match &self.cur {
                None => true,
                Some(f) => !self.git_header || !f.hunks.is_empty(),
            };
            if needs_new_file {
                self.start_file(FileDiff::new(None, None, FileStatus::Modified));
                self.git_header = false;
            }
            let path = header_path(rest, b"a/");
            if let Some(cur) = self.cur.as_mut() {
                if path.is_none() {
                    cur.status = FileStatus::Added;
                }
                cur.old_path = path;
            }
            return Ok(());
        }
        if let Some(rest) = raw.strip_prefix(b"+++ ") {
            let Some(cur) = self.cur.as_mut() else {
                return Err(err(n, "'+++' header without a preceding '---' header"));
            };
            let path = header_path(rest, b"b/");
            if path.is_none() {
                cur.status = FileStatus::Deleted;
            }
            cur.new_path = path;
            return Ok(());
        }
        if raw.starts_with(b"@@ ") {
            return self.hunk_header(raw, n);
        }
        self.extended_header(raw);
        Ok(())
    }

    fn extended_header(&mut self, raw: &[u8]) {
        let Some(cur) = self.cur.as_mut() else {
            return; // preamble (commit message, mail headers): not part of any file
        };
        let text = String::from_utf8_lossy(raw);
        let text = text.trim_end_matches('\r');
        if let Some(mode) = text.strip_prefix("new file mode ") {
            cur.status = FileStatus::Added;
            cur.old_path = None;
            cur.new_mode = Some(mode.to_string());
            cur.submodule |= mode == "160000";
        } else if let Some(mode) = text.strip_prefix("deleted file mode ") {
            cur.status = FileStatus::Deleted;
            cur.new_path = None;
            cur.old_mode = Some(mode.to_string());
            cur.submodule |= mode == "160000";
        } else if let Some(mode) = text.strip_prefix("old mode ") {
            cur.old_mode = Some(mode.to_string());
        } else if let Some(mode) = text.strip_prefix("new mode ") {
            cur.new_mode = Some(mode.to_string());
        } else if let Some(p) = raw.strip_prefix(b"rename from ") {
            cur.status = FileStatus::Renamed;
            cur.old_path = Some(unquote(p));
        } else if let Some(p) = raw.strip_prefix(b"rename to ") {
            cur.status = FileStatus::Renamed;
            cur.new_path = Some(unquote(p));
        } else if let Some(p) = raw.strip_prefix(b"copy from ") {
            cur.status = FileStatus::Copied;
            cur.old_path = Some(unquote(p));
        } else if let Some(p) = raw.strip_prefix(b"copy to ") {
            cur.status = FileStatus::Copied;
            cur.new_path = Some(unquote(p));
        } else if let Some(index) = text.strip_prefix("index ") {
            // "index abc..def 160000": the trailing mode names a submodule.
            if index.split(' ').nth(1) == Some("160000") {
                cur.submodule = true;
            }
        } else if text.starts_with("Binary files ") || text == "GIT binary patch" {
            cur.binary = true;
        }
    }

    fn hunk_header(&mut self, raw: &[u8], n: usize) -> Result<(), ParseError> {
        let text = String::from_utf8_lossy(raw);
        let (old_start, old_count, new_start, new_count) =
            parse_hunk_header(&text).ok_or_else(|| err(n, "unreadable hunk header"))?;
        // Line numbers advance up to start + count; beyond u32 the header is nonsense.
        if old_start.max(1).checked_add(old_count).is_none()
            || new_start.max(1).checked_add(new_count).is_none()
        {
            return Err(err(n, "hunk header line numbers out of range"));
        }
        let Some(cur) = self.cur.as_mut() else {
            return Err(err(n, "hunk header before any file header"));
        };
        cur.hunks.push(Hunk {
            old_start,
            old_count,
            new_start,
            new_count,
            lines: Vec::new(),
        });
        self.next_no = (old_start.max(1), new_start.max(1));
        self.remaining = (old_count > 0 || new_count > 0).then_some((old_count, new_count));
        Ok(())
    }

    fn hunk_line(
        &mut self,
        raw: &[u8],
        n: usize,
        old_left: u32,
        new_left: u32,
    ) -> Result<(), ParseError> {
        let (kind, body) = match raw.first() {
            Some(b' ') => (LineKind::Context, &raw[1..]),
            // diff.suppressBlankEmpty prints an empty context line without its space.
            None => (LineKind::Context, raw),
            Some(b'+') => (LineKind::Added, &raw[1..]),
            Some(b'-') => (LineKind::Removed, &raw[1..]),
            Some(b'\\') => {
                if let Some(last) = self.last_line_mut() {
                    last.no_newline_at_end = true;
                }
                return Ok(());
            }
            Some(_) => {
                return Err(err(
                    n,
                    &format!(
                        "hunk ended early: expected {old_left} more old and {new_left} more new lines"
                    ),
                ));
            }
        };
        let (old_left, new_left) = match kind {
            LineKind::Context if old_left > 0 && new_left > 0 => (old_left - 1, new_left - 1),
            LineKind::Added if new_left > 0 => (old_left, new_left - 1),
            LineKind::Removed if old_left > 0 => (old_left - 1, new_left),
            _ => return Err(err(n, "hunk has more lines than its header says")),
        };
        let (old_no, new_no) = self.next_no;
        let line = Line {
            kind,
            old_line: (kind != LineKind::Added).then_some(old_no),
            new_line: (kind != LineKind::Removed).then_some(new_no),
            crlf: body.last() == Some(&b'\r'),
            text: String::from_utf8_lossy(body.strip_suffix(b"\r").unwrap_or(body)).into_owned(),
            no_newline_at_end: false,
        };
        self.next_no = (
            old_no + u32::from(kind != LineKind::Added),
            new_no + u32::from(kind != LineKind::Removed),
        );
        if let Some(hunk) = self.cur.as_mut().and_then(|f| f.hunks.last_mut()) {
            hunk.lines.push(line);
        }
        self.remaining = (old_left > 0 || new_left > 0).then_some((old_left, new_left));
        Ok(())
    }

    fn last_line_mut(&mut self) -> Option<&mut Line> {
        self.cur
            .as_mut()
            .and_then(|f| f.hunks.last_mut())
            .and_then(|h| h.lines.last_mut())
    }

    fn start_file(&mut self, file: FileDiff) {
        self.flush();
        self.skipping = false;
        self.cur = Some(file);
    }

    fn flush(&mut self) {
        if let Some(mut f) = self.cur.take() {
            if f.status == FileStatus::Modified && f.old_path != f.new_path {
                if f.old_path.is_none() {
                    f.status = FileStatus::Added;
                } else if f.new_path.is_none() {
                    f.status = FileStatus::Deleted;
                }
            }
            self.files.push(f);
        }
    }

    fn finish(mut self, n: usize) -> Result<Diff, ParseError> {
        if let Some((old_left, new_left)) = self.remaining {
            return Err(err(
                n,
                &format!(
                    "input ended inside a hunk ({old_left} old and {new_left} new lines missing)"
                ),
            ));
        }
        self.flush();
        if self.files.is_empty() && self.saw_non_blank && !self.skipping {
            return Err(err(
                1,
                "no file header ('diff --git' or '---'/'+++') found; is this a unified diff?",
            ));
        }
        Ok(Diff { files: self.files })
    }
}

fn err(line: usize, message: &str) -> ParseError {
    ParseError {
        line,
        message: message.to_string(),
    }
}

/// `@@ -a[,b] +c[,d] @@ section` → (a, b, c, d), counts defaulting to 1.
fn parse_hunk_header(text: &str) -> Option<(u32, u32, u32, u32)> {
    let rest = text.strip_prefix("@@ -")?;
    let (ranges, _) = rest.split_once(" @@")?;
    let (old, new) = ranges.split_once(" +")?;
    let range = |s: &str| -> Option<(u32, u32)> {
        match s.split_once(',') {
            Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
            None => Some((s.parse().ok()?, 1)),
        }
    };
    let (a, b) = range(old)?;
    let (c, d) = range(new)?;
    Some((a, b, c, d))
}

/// A `---`/`+++` path: `/dev/null` is `None`; the `a/`/`b/` prefix is dropped; an
/// unquoted name ends at a tab (git adds one after names with spaces, `diff -u` a date).
fn header_path(rest: &[u8], prefix: &[u8]) -> Option<String> {
    let rest = rest.strip_suffix(b"\r").unwrap_or(rest);
    let name = if rest.first() == Some(&b'"') {
        unquote(rest).into_bytes()
    } else {
        let end = rest.iter().position(|&b| b == b'\t').unwrap_or(rest.len());
        rest[..end].to_vec()
    };
    if name == b"/dev/null" {
        return None;
    }
    let name = name.strip_prefix(prefix).unwrap_or(&name);
    Some(String::from_utf8_lossy(name).into_owned())
}

/// Splits `a/X b/Y` (each side possibly C-quoted) from a `diff --git` line.
fn split_git_header(rest: &[u8]) -> (Option<String>, Option<String>) {
    let rest = rest.strip_suffix(b"\r").unwrap_or(rest);
    let strip = |s: Vec<u8>, p: &[u8]| -> Option<String> {
        let s = s.strip_prefix(p).map(<[u8]>::to_vec).unwrap_or(s);
        Some(String::from_utf8_lossy(&s).into_owned())
    };
    if rest.first() == Some(&b'"') {
        let (first, used) = unquote_prefix(rest);
        let second = rest.get(used + 1..).unwrap_or_default();
        let second = if second.first() == Some(&b'"') {
            unquote(second).into_bytes()
        } else {
            second.to_vec()
        };
        return (strip(first, b"a/"), strip(second, b"b/"));
    }
    if rest.ends_with(b"\"")
        && let Some(pos) = rest.windows(3).position(|w| w == b" \"b")
    {
        {
            let first = rest[..pos].to_vec();
            let second = unquote(&rest[pos + 1..]).into_bytes();
            return (strip(first, b"a/"), strip(second, b"b/"));
        }
    }
    // Unquoted and the same path on both sides (the only case without other headers
    // naming the paths): "a/P b/P" has length 2p + 5.
    if rest.len() >= 5 && (rest.len() - 5).is_multiple_of(2) {
        let p = (rest.len() - 5) / 2;
        if rest.starts_with(b"a/")
            && &rest[2 + p..5 + p] == b" b/"
            && rest[2..2 + p] == rest[5 + p..]
        {
            let path = String::from_utf8_lossy(&rest[2..2 + p]).into_owned();
            return (Some(path.clone()), Some(path));
        }
    }
    match rest.windows(3).position(|w| w == b" b/") {
        Some(pos) => (
            strip(rest[..pos].to_vec(), b"a/"),
            strip(rest[pos + 1..].to_vec(), b"b/"),
        ),
        None => (None, None),
    }
}

/// Decodes a path that git may have C-quoted; unquoted input is returned as is.
fn unquote(raw: &[u8]) -> String {
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    if raw.first() == Some(&b'"') {
        String::from_utf8_lossy(&unquote_prefix(raw).0).into_owned()
    } else {
        String::from_utf8_lossy(raw).into_owned()
    }
}

/// Decodes a leading C-quoted string; returns its bytes and how many input bytes it used.
fn unquote_prefix(raw: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let mut i = 1;
    while i < raw.len() {
        match raw[i] {
            b'"' => return (out, i + 1),
            b'\\' if i + 1 < raw.len() => {
                let c = raw[i + 1];
                i += 2;
                match c {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'r' => out.push(b'\r'),
                    b'a' => out.push(7),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'v' => out.push(11),
                    b'0'..=b'7' => {
                        let mut v = u32::from(c - b'0');
                        for _ in 0..2 {
                            match raw.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    v = v * 8 + u32::from(d - b'0');
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push((v & 0xff) as u8);
                    }
                    other => out.push(other),
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    (out, raw.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(input: &str) -> FileDiff {
        let d = parse(input.as_bytes()).expect("parses");
        assert_eq!(d.files.len(), 1, "{d:#?}");
        d.files.into_iter().next().expect("one file")
    }

    #[test]
    fn numbers_lines_across_hunk() {
        let f = one(
            "diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -10,3 +10,4 @@ def f():\n     a = 1\n-    b = 2\n+    b = 3\n+    c = 4\n     return a\n",
        );
        let added: Vec<_> = f
            .added_lines()
            .map(|l| (l.new_line, l.text.as_str()))
            .collect();
        assert_eq!(
            added,
            vec![(Some(11), "    b = 3"), (Some(12), "    c = 4")]
        );
        let last = f.hunks[0].lines.last().expect("line");
        assert_eq!((last.old_line, last.new_line), (Some(12), Some(13)));
        assert_eq!(f.status, FileStatus::Modified);
    }

    #[test]
    fn removed_line_that_looks_like_a_header_is_a_line() {
        let f = one("--- a/x\n+++ b/x\n@@ -1 +1 @@\n--- old\n+++ new\n");
        assert_eq!(f.hunks[0].lines.len(), 2);
        assert_eq!(f.hunks[0].lines[0].kind, LineKind::Removed);
        assert_eq!(f.hunks[0].lines[1].text, "++ new");
    }

    #[test]
    fn quoted_paths_and_tabs() {
        let f = one(
            "diff --git \"a/sp ace \\\"q\\\" \\303\\251.txt\" \"b/sp ace \\\"q\\\" \\303\\251.txt\"\nnew file mode 100644\n--- /dev/null\n+++ \"b/sp ace \\\"q\\\" \\303\\251.txt\"\n@@ -0,0 +1 @@\n+x\n",
        );
        assert_eq!(f.new_path.as_deref(), Some("sp ace \"q\" é.txt"));
        assert_eq!(f.status, FileStatus::Added);
        let g = one(
            "--- a/with space.txt\t2020-01-01\n+++ b/with space.txt\t2020-01-01\n@@ -1 +1 @@\n-a\n+b\n",
        );
        assert_eq!(g.new_path.as_deref(), Some("with space.txt"));
    }

    #[test]
    fn truncated_hunk_is_an_error() {
        let e = parse(b"--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n+a\n").expect_err("short");
        assert!(e.message.contains("ended inside a hunk"), "{e}");
        let e = parse(b"hello world\n").expect_err("not a diff");
        assert!(e.message.contains("no file header"), "{e}");
        assert_eq!(parse(b"").expect("empty").files.len(), 0);
        let e = parse(b"--- a/x\n+++ b/x\n@@ -1 +4294967295,2 @@\n+a\n+b\n").expect_err("overflow");
        assert!(e.message.contains("out of range"), "{e}");
    }

    #[test]
    fn crlf_and_no_newline() {
        let f = one("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\r\n+b\r\n\\ No newline at end of file\n");
        let l = f.added_lines().next().expect("added");
        assert_eq!(l.text, "b");
        assert!(l.crlf && l.no_newline_at_end);
    }

    /// Deterministic fuzzing: random diff-ish bytes never panic, and whatever parses obeys
    /// the model's invariants (hunk line counts match the header, numbering by kind).
    #[test]
    fn random_input_never_panics_and_parsed_hunks_are_consistent() {
        let pieces: &[&[u8]] = &[
            b"diff --git a/x b/x\n",
            b"diff --git \"a/\\303\\251 \\\"q\" \"b/y z\"\n",
            b"--- a/x\n",
            b"+++ b/x\n",
            b"--- /dev/null\n",
            b"+++ /dev/null\n",
            b"@@ -1,2 +1,3 @@ f\n",
            b"@@ -0,0 +1 @@\n",
            b"@@ -4294967295,1 +4294967295,2 @@\n",
            b"@@ -1 +1 @@\n",
            b" ctx\n",
            b"+add\r\n",
            b"-del\n",
            b"\\ No newline at end of file\n",
            b"new file mode 100644\n",
            b"deleted file mode 160000\n",
            b"rename from a b\n",
            b"rename to \"c\\td\"\n",
            b"index 1..2 160000\n",
            b"Binary files a/x and b/x differ\n",
            b"diff --cc x\n",
            b"\xff\xfe\x00",
            b"\n",
            b"\"",
            b"@@ ",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..5_000 {
            let mut input = Vec::new();
            for _ in 0..next() % 24 {
                if next() % 5 == 0 {
                    input.push((next() % 256) as u8);
                } else {
                    input.extend_from_slice(pieces[(next() % pieces.len() as u64) as usize]);
                }
            }
            let Ok(diff) = parse(&input) else { continue };
            for f in &diff.files {
                for h in &f.hunks {
                    let count = |k: LineKind| h.lines.iter().filter(|l| l.kind == k).count();
                    let (ctx, add, del) = (
                        count(LineKind::Context),
                        count(LineKind::Added),
                        count(LineKind::Removed),
                    );
                    assert_eq!(ctx + del, h.old_count as usize, "{input:?}");
                    assert_eq!(ctx + add, h.new_count as usize, "{input:?}");
                    for l in &h.lines {
                        assert_eq!(l.old_line.is_some(), l.kind != LineKind::Added);
                        assert_eq!(l.new_line.is_some(), l.kind != LineKind::Removed);
                    }
                }
            }
        }
    }

    #[test]
    fn symmetric_unquoted_header_with_spaces() {
        let f = one("diff --git a/a b/c b/a b/c\nold mode 100644\nnew mode 100755\n");
        assert_eq!(f.new_path.as_deref(), Some("a b/c"));
        assert_eq!(f.new_mode.as_deref(), Some("100755"));
    }
}
