//! Unified hunks of two blobs diffed here with `similar` (3 lines of context), in the
//! text shape git prints and [`super::parse`] reads. Used where no `git diff` text
//! exists: files GitLab left out of a diff, and the in-process git reader.

/// Bytes git looks at to call a file binary (a NUL among them).
const BINARY_PROBE: usize = 8000;

/// Whether git would call this content binary ("Binary files … differ").
pub fn is_binary(data: &[u8]) -> bool {
    data[..data.len().min(BINARY_PROBE)].contains(&0)
}

/// The hunks (no `---`/`+++` header) turning `old` into `new`, or `None` when either side
/// is binary. Identical content gives no hunks (empty output).
pub fn hunks(old: &[u8], new: &[u8]) -> Option<Vec<u8>> {
    if is_binary(old) || is_binary(new) {
        return None;
    }
    let mut out = Vec::new();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .to_writer(&mut out)
        .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_parse_as_git_text() {
        let out = hunks(b"a\nb\nc\n", b"a\nB\nc\nd").expect("text");
        let text = format!("--- a/f\n+++ b/f\n{}", String::from_utf8_lossy(&out));
        let diff = crate::diff::parse(text.as_bytes()).expect("parses");
        let added: Vec<_> = diff.files[0].added_lines().map(|l| l.new_line).collect();
        assert_eq!(added, [Some(2), Some(4)]);
        assert!(text.contains("\\ No newline at end of file"));
        assert!(hunks(b"x\0y", b"x").is_none());
        assert_eq!(hunks(b"same\n", b"same\n"), Some(Vec::new()));
    }
}
