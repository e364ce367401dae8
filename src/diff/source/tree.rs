//! `scan --all`: every file under a directory, walked with gitignore rules (no git
//! needed), each presented as a new file whose every line is added.

use std::io::Read;
use std::path::Path;

use crate::diff::Diff;
use crate::error::Error;

use super::Loaded;

/// Walks `root` (honouring `.gitignore`, `.ignore` and git's excludes; hidden files are
/// included, `.git/` is not) and reads each regular file, at most `max_file_bytes` of it.
/// Symlinks are not followed. Stops with an error past `max_total_bytes`.
pub fn walk(root: &Path, max_file_bytes: usize, max_total_bytes: u64) -> Result<Loaded, Error> {
    let mut all = Vec::new();
    walk_chunks(root, max_file_bytes, max_total_bytes, u64::MAX, |chunk| {
        all.extend(chunk.diff.files);
        Ok(())
    })?;
    Ok(Loaded {
        diff: Diff { files: all },
        label: format!("all files under {}", root.display()),
        head_sha: None,
    })
}

/// Like [`walk`], but hands the files to `each` in chunks of about `chunk_bytes`, so a
/// large tree is never held in memory at once (a file is never split across chunks).
pub fn walk_chunks(
    root: &Path,
    max_file_bytes: usize,
    max_total_bytes: u64,
    chunk_bytes: u64,
    mut each: impl FnMut(Loaded) -> Result<(), Error>,
) -> Result<(), Error> {
    if !root.is_dir() {
        return Err(Error::Usage(format!(
            "{} is not a directory; pass the directory to scan",
            crate::sanitize::terminal_line(&root.display().to_string())
        )));
    }
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .follow_links(false)
        .require_git(false)
        .filter_entry(|e| e.file_name() != ".git")
        .sort_by_file_path(Ord::cmp)
        .build();
    let label = format!("all files under {}", root.display());
    let mut files = Vec::new();
    let mut total: u64 = 0;
    let mut in_chunk: u64 = 0;
    for entry in walker {
        let entry =
            entry.map_err(|e| Error::Analysis(format!("walking {}: {e}", root.display())))?;
        if !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        let mut content = Vec::new();
        std::fs::File::open(entry.path())
            .and_then(|f| f.take(max_file_bytes as u64 + 1).read_to_end(&mut content))
            .map_err(|e| Error::Analysis(format!("cannot read {rel}: {e}")))?;
        total += content.len() as u64;
        if total > max_total_bytes {
            return Err(Error::Analysis(format!(
                "{} holds more than limits.max_diff_bytes ({max_total_bytes} bytes) of files: not scanned; exclude paths or raise the limit",
                root.display()
            )));
        }
        in_chunk += content.len() as u64;
        files.push(crate::diff::FileDiff::whole_file(&rel, &content));
        if in_chunk >= chunk_bytes {
            in_chunk = 0;
            each(Loaded {
                diff: Diff {
                    files: std::mem::take(&mut files),
                },
                label: label.clone(),
                head_sha: None,
            })?;
        }
    }
    each(Loaded {
        diff: Diff { files },
        label,
        head_sha: None,
    })
}
