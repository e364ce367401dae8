//! Where diff text comes from. Each source returns bytes for [`super::parse`] or an
//! already built [`super::Diff`]; nothing else in the crate runs git or reads diff files.

pub mod api;
pub mod git;
pub mod tree;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::config::Limits;
use crate::error::Error;

use super::Diff;

/// Where the diff of a `scan` comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffSpec {
    /// `git diff` from the merge-base of `base` and `head` to `head`.
    Range {
        /// Base revision; `None` means the default branch.
        base: Option<String>,
        /// Head revision; `None` means `HEAD`.
        head: Option<String>,
    },
    /// The index against `HEAD`.
    Staged,
    /// A unified diff file.
    File(PathBuf),
    /// A unified diff on standard input.
    Stdin,
    /// Every file under the path (`scan --all`), read up to the per-file cap.
    AllFiles,
}

/// A diff and where it came from, for the summary.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The parsed change.
    pub diff: Diff,
    /// Human description: `abc1234..def5678`, `staged changes`, `diff file x.patch`.
    pub label: String,
    /// Head revision scanned, when known.
    pub head_sha: Option<String>,
}

/// Loads the diff a `scan` asks for.
pub fn load(repo: &Path, spec: &DiffSpec, limits: &Limits) -> Result<Loaded, Error> {
    let max_bytes = limits.max_diff_bytes;
    match spec {
        DiffSpec::Range { base, head } => {
            git::range(repo, base.as_deref(), head.as_deref(), max_bytes)
        }
        DiffSpec::Staged => git::staged(repo, max_bytes),
        DiffSpec::File(path) => {
            let file = std::fs::File::open(path).map_err(|e| {
                Error::Usage(format!("cannot read --diff file {}: {e}", path.display()))
            })?;
            from_reader(file, &format!("diff file {}", path.display()), max_bytes)
        }
        DiffSpec::Stdin => from_reader(std::io::stdin().lock(), "diff from stdin", max_bytes),
        DiffSpec::AllFiles => tree::walk(repo, limits.max_file_bytes, max_bytes),
    }
}

fn from_reader(reader: impl Read, label: &str, max_bytes: u64) -> Result<Loaded, Error> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Analysis(format!("cannot read {label}: {e}")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::Analysis(format!(
            "{label} is larger than limits.max_diff_bytes ({max_bytes} bytes); raise the limit or scan a smaller range"
        )));
    }
    let diff = super::parse(&bytes).map_err(|e| {
        Error::Usage(format!(
            "{label}: {e}; pass a unified diff (git diff output)"
        ))
    })?;
    Ok(Loaded {
        diff,
        label: label.to_string(),
        head_sha: None,
    })
}
